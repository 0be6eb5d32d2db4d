package org.madang.ballot.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.madang.ballot.group.Element;
import org.madang.ballot.group.Group;
import org.madang.ballot.group.IntegerGroup;
import org.madang.ballot.group.P256Group;

class DiscreteLogTest {

    @Test
    void recoversATallyNearTenMillionOnP256() {
        Group group = P256Group.instance();
        Element base = group.gPow(group.scalar(987_654_321L));
        DiscreteLog dlog = new DiscreteLog(base, 10_000_000);
        // baby-step giant-step: about 2·√10⁷ ≈ 6,300 group operations, not ten million
        assertThat(dlog.maxGiantSteps()).isLessThan(3_200);
        int t = 9_999_991;
        assertThat(dlog.log(base.pow(group.scalar(t)))).hasValue(t);
        assertThat(dlog.log(base.pow(group.scalar(10_000_000)))).hasValue(10_000_000);
        assertThat(dlog.log(base.pow(group.scalar(10_000_001)))).isEmpty();
        assertThat(dlog.log(group.identity())).hasValue(0);
    }

    @Test
    void recoversRandomSmallValuesInBothGroups() {
        long seed = System.nanoTime();
        System.out.println("DiscreteLogTest seed = " + seed);
        Random r = new Random(seed);
        for (Group group : new Group[] {P256Group.instance(), IntegerGroup.instance()}) {
            Element base = group.gPow(group.scalar(1 + r.nextInt(1_000_000)));
            DiscreteLog dlog = new DiscreteLog(base, 5_000);
            for (int i = 0; i < 5; i++) {
                int t = r.nextInt(5_001);
                assertThat(dlog.log(base.pow(group.scalar(t)))).as("t = " + t).hasValue(t);
            }
        }
    }
}
