package org.madang.consultation.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OpinionMapTest {

    /** A conversation with three planted opinion groups and three statements all of them agree with. */
    private record Planted(VoteMatrix matrix, Map<String, Integer> truth) {
    }

    private static final int[] SIZES = {120, 80, 60};
    private static final Set<String> PLANTED_CONSENSUS = Set.of("s24", "s25", "s26");

    private static Planted planted(long seed) {
        Random random = new Random(seed);
        VoteMatrix.Builder b = VoteMatrix.builder();
        Map<String, Integer> truth = new HashMap<>();
        int participant = 0;
        for (int g = 0; g < SIZES.length; g++) {
            for (int i = 0; i < SIZES[g]; i++) {
                String p = "p" + participant++;
                truth.put(p, g);
                for (int j = 0; j < 30; j++) {
                    if (random.nextDouble() > 0.7) continue; // each participant sees ~70% of the statements
                    double agree;
                    double disagree;
                    if (j < 24) {
                        boolean own = j / 8 == g; // statements 0-7 are group 0's, 8-15 group 1's, 16-23 group 2's
                        agree = own ? 0.85 : 0.05;
                        disagree = own ? 0.05 : 0.85;
                    } else if (j < 27) {
                        agree = 0.9;
                        disagree = 0.03;
                    } else {
                        agree = 0.4;
                        disagree = 0.4;
                    }
                    double r = random.nextDouble();
                    b.vote(p, "s" + j, r < agree ? 1 : r < agree + disagree ? -1 : 0);
                }
            }
        }
        return new Planted(b.build(), truth);
    }

    @Test
    void recoversPlantedGroupsAndTheirConsensus() {
        long seed = new Random().nextLong();
        System.out.println("OpinionMapTest seed " + seed);
        Planted planted = planted(seed);
        var map = OpinionMap.compute(planted.matrix(), Set.of(), OpinionMap.Settings.DEFAULT.withSeed(seed));

        assertThat(map.groups()).hasSize(3);
        assertThat(AdjustedRandIndex.of(map.groupOf(), planted.truth())).as("seed " + seed).isGreaterThan(0.95);
        for (var group : map.groups()) {
            // numbered largest first; a participant whose random votes look like another group's may move
            assertThat(group.size()).as("seed " + seed).isCloseTo(SIZES[group.id()], org.assertj.core.data.Offset.offset(4));
        }
        assertThat(map.consensus()).extracting(OpinionMap.Consensus::statement).containsExactlyInAnyOrderElementsOf(PLANTED_CONSENSUS);
        assertThat(map.consensus()).allMatch(c -> c.direction() == OpinionMap.Direction.AGREE);
        // groups are numbered largest first, so group g is planted group g: its own statements characterise it
        for (var group : map.groups()) {
            assertThat(group.characteristic()).isNotEmpty();
            var top = group.characteristic().get(0);
            assertThat(top.direction()).isEqualTo(OpinionMap.Direction.AGREE);
            assertThat(Integer.parseInt(top.statement().substring(1)) / 8).as("seed " + seed).isEqualTo(group.id());
        }
    }

    @Test
    void sameMatrixAndSeedGiveTheSameMap() {
        Planted planted = planted(7);
        var first = OpinionMap.compute(planted.matrix(), Set.of(), OpinionMap.Settings.DEFAULT.withSeed(42));
        var second = OpinionMap.compute(planted(7).matrix(), Set.of(), OpinionMap.Settings.DEFAULT.withSeed(42));
        assertThat(second.points()).isEqualTo(first.points());
        assertThat(second.groups()).isEqualTo(first.groups());
        assertThat(second.consensus()).isEqualTo(first.consensus());
    }

    @Test
    void incrementalRecomputationAgreesWithAFreshOne() {
        Planted planted = planted(11);
        var before = OpinionMap.compute(planted.matrix(), Set.of(), OpinionMap.Settings.DEFAULT);
        // one more participant votes with group 1
        VoteMatrix.Builder b = VoteMatrix.builder();
        for (String p : planted.matrix().participants()) {
            for (String s : planted.matrix().statements()) {
                Byte v = planted.matrix().vote(p, s);
                if (v != null) b.vote(p, s, v);
            }
        }
        for (int j = 0; j < 30; j++) b.vote("newcomer", "s" + j, j / 8 == 1 ? 1 : -1);
        VoteMatrix after = b.build();
        var fresh = OpinionMap.compute(after, Set.of(), OpinionMap.Settings.DEFAULT);
        var incremental = OpinionMap.compute(after, Set.of(), OpinionMap.Settings.DEFAULT, before);
        assertThat(AdjustedRandIndex.of(incremental.groupOf(), fresh.groupOf())).isEqualTo(1.0);
        assertThat(incremental.groupOf().get("newcomer")).isEqualTo(1);
    }

    @Test
    void moderatedOutStatementsAndSparseVotersStayOffTheMap() {
        Planted planted = planted(3);
        Set<String> excluded = Set.of("s0", "s1");
        VoteMatrix.Builder b = VoteMatrix.builder();
        for (String p : planted.matrix().participants()) {
            for (String s : planted.matrix().statements()) {
                Byte v = planted.matrix().vote(p, s);
                if (v != null) b.vote(p, s, v);
            }
        }
        b.vote("lurker", "s3", 1).vote("lurker", "s4", 1);
        var map = OpinionMap.compute(b.build(), excluded, OpinionMap.Settings.DEFAULT);
        assertThat(map.groupOf()).doesNotContainKey("lurker");
        assertThat(map.groups().stream().flatMap(g -> g.characteristic().stream()).map(OpinionMap.Characteristic::statement)
                .collect(Collectors.toSet())).doesNotContainAnyElementsOf(excluded);
        int s0 = map.statements().indexOf("s0");
        assertThat(map.components()[0][s0]).isZero();
    }

    @Test
    void degenerateConversationsDoNotFail() {
        assertThat(OpinionMap.compute(VoteMatrix.builder().build(), Set.of(), OpinionMap.Settings.DEFAULT).groups()).isEmpty();
        VoteMatrix same = VoteMatrix.builder().vote("a", "s", 1).vote("b", "s", 1).vote("c", "s", 1).build();
        var map = OpinionMap.compute(same, Set.of(), OpinionMap.Settings.DEFAULT);
        assertThat(map.groupOf()).containsOnlyKeys("a", "b", "c");
        assertThat(map.groups()).hasSize(1);
        assertThat(OpinionMap.compute(same, Set.of("s"), OpinionMap.Settings.DEFAULT).groups()).isEmpty();
    }

    @Test
    void adjustedRandIndexKnownValues() {
        Map<String, Integer> a = Map.of("1", 0, "2", 0, "3", 1, "4", 1);
        assertThat(AdjustedRandIndex.of(a, Map.of("1", 5, "2", 5, "3", 7, "4", 7))).isEqualTo(1.0);
        // scikit-learn's documented example: [0,0,1,1] vs [0,0,1,2] scores 0.571...
        assertThat(AdjustedRandIndex.of(a, Map.of("1", 0, "2", 0, "3", 1, "4", 2))).isCloseTo(0.5714, org.assertj.core.data.Offset.offset(1e-4));
        // and [0,0,1,1] vs [0,1,0,1] scores -0.5
        assertThat(AdjustedRandIndex.of(a, Map.of("1", 0, "2", 1, "3", 0, "4", 1))).isCloseTo(-0.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(AdjustedRandIndex.overlap(a, Map.of("1", 0, "9", 1))).isEqualTo(1);
    }
}
