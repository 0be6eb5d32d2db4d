package org.madang.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.madang.poll.control.InstantRunoff;
import org.madang.poll.control.InstantRunoff.Round;

/** Instant-runoff counts worked out by hand, round by round. */
class InstantRunoffTest {

    private static List<int[]> ballots(Object... countsAndRankings) {
        List<int[]> ballots = new ArrayList<>();
        for (int i = 0; i < countsAndRankings.length; i += 2) {
            for (int n = 0; n < (int) countsAndRankings[i]; n++) ballots.add((int[]) countsAndRankings[i + 1]);
        }
        return ballots;
    }

    @Test
    void majorityInTheFirstRoundEndsTheCount() {
        var rounds = InstantRunoff.count(3, ballots(3, new int[]{0}, 1, new int[]{1}, 1, new int[]{2}));
        assertThat(rounds).containsExactly(new Round(1, new int[]{3, 1, 1}, 0, null, 0, false));
    }

    /**
     * The textbook "capital of Tennessee" example: 100 voters, Memphis 42 (M>N>C>K), Nashville 26 (N>C>K>M),
     * Chattanooga 15 (C>K>N>M), Knoxville 17 (K>C>N>M). By hand: Chattanooga out (15), its votes go to Knoxville
     * (32); Nashville out (26), its votes reach Knoxville through Chattanooga; Knoxville wins 58 to 42.
     */
    @Test
    void tennesseeTextbookExample() {
        int m = 0, nash = 1, c = 2, k = 3;
        var rounds = InstantRunoff.count(4, ballots(42, new int[]{m, nash, c, k}, 26, new int[]{nash, c, k, m},
                15, new int[]{c, k, nash, m}, 17, new int[]{k, c, nash, m}));
        assertThat(rounds).containsExactly(
                new Round(1, new int[]{42, 26, 15, 17}, 0, c, null, false),
                new Round(2, new int[]{42, 26, -1, 32}, 0, nash, null, false),
                new Round(3, new int[]{42, -1, -1, 58}, 0, null, k, false));
    }

    /**
     * Ties and exhausted ballots: A 4, B 3, C 2 bullet votes and 1 C>B. Round 1 ties B and C at 3 with no earlier
     * round: the later-listed C goes. Round 2: two C ballots exhaust, one moves to B; A and B tie at 4, and B had
     * fewer in round 1, so B goes. Round 3: A's 4 are all the continuing ballots; 6 are exhausted.
     */
    @Test
    void tiesAreBrokenByEarlierRoundsThenOptionOrderAndExhaustedBallotsAreShown() {
        var rounds = InstantRunoff.count(3, ballots(4, new int[]{0}, 3, new int[]{1}, 2, new int[]{2}, 1, new int[]{2, 1}));
        assertThat(rounds).containsExactly(
                new Round(1, new int[]{4, 3, 3}, 0, 2, null, true),
                new Round(2, new int[]{4, 4, -1}, 2, 1, null, true),
                new Round(3, new int[]{4, -1, -1}, 6, null, 0, false));
    }

    @Test
    void aPerfectTwoWayTieEliminatesTheLaterListedOption() {
        var rounds = InstantRunoff.count(2, ballots(1, new int[]{0}, 1, new int[]{1}));
        assertThat(rounds).containsExactly(
                new Round(1, new int[]{1, 1}, 0, 1, null, true),
                new Round(2, new int[]{1, -1}, 1, null, 0, false));
    }

    @Test
    void noBallotsNoRounds() {
        assertThat(InstantRunoff.count(3, List.of())).isEmpty();
    }
}
