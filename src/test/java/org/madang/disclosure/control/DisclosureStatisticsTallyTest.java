package org.madang.disclosure.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisclosureStatisticsTallyTest {

    private static DisclosureStatistics.Tally tally(long... tenthCountPairs) {
        var tally = new DisclosureStatistics.Tally();
        for (int i = 0; i < tenthCountPairs.length; i += 2) tally.add(tenthCountPairs[i], tenthCountPairs[i + 1]);
        return tally;
    }

    @Test
    void deemedRefusalsAndOpenRequestsCountAsRequestsButNotAsDecisions() {
        var tally = tally(-2, 3, -1, 5, 40, 2);
        assertThat(tally.requests).isEqualTo(10);
        assertThat(tally.deemed).isEqualTo(3);
        assertThat(tally.decided).isEqualTo(2);
        assertThat(tally.medianDays()).isEqualTo(4.0);
    }

    @Test
    void noDecisionHasNoMedian() {
        assertThat(tally(-1, 4).medianDays()).isNull();
    }

    @Test
    void theMedianIsTheTenthOfTheMiddleDecision() {
        // 0.0, 0.0, 30.0 days
        assertThat(tally(300, 1, 0, 2).medianDays()).isEqualTo(0.0);
        // 1.2, 3.4, 3.4, 9.9, 20.0 days
        assertThat(tally(12, 1, 34, 2, 99, 1, 200, 1).medianDays()).isEqualTo(3.4);
    }

    @Test
    void anEvenNumberOfDecisionsTakesTheLowerMiddle() {
        assertThat(tally(10, 1, 20, 1, 30, 1, 40, 1).medianDays()).isEqualTo(2.0);
        assertThat(tally(10, 500_000, 70, 500_000).medianDays()).isEqualTo(1.0);
        assertThat(tally(10, 499_999, 70, 500_001).medianDays()).isEqualTo(7.0);
    }
}
