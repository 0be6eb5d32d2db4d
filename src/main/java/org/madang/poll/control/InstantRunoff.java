package org.madang.poll.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Instant-runoff counting of ranked ballots, every round kept.
 *
 * <p>Each round, a ballot counts for its highest-ranked option still in the count; a ballot with none left is
 * exhausted. An option with more than half of the round's continuing (non-exhausted) ballots wins; so does the last
 * option left. Otherwise one option is eliminated: the one with the fewest votes this round; among tied options, the
 * one with the fewest votes in the previous round, then the round before, back to the first round; if still tied, the
 * one listed LAST in the poll's option order.
 */
public final class InstantRunoff {

    public static final String TIE_BREAK_RULE = "fewest-votes, then fewest in earlier rounds (latest first), then last in option order";

    /** One round: votes per option (-1 once eliminated), exhausted ballots, and what the round decided. */
    public record Round(int number, int[] votes, int exhausted, Integer eliminated, Integer winner, boolean tieBroken) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Round r && r.number == number && Arrays.equals(r.votes, votes) && r.exhausted == exhausted
                    && java.util.Objects.equals(r.eliminated, eliminated) && java.util.Objects.equals(r.winner, winner)
                    && r.tieBroken == tieBroken;
        }

        @Override
        public int hashCode() { return number * 31 + Arrays.hashCode(votes); }

        @Override
        public String toString() {
            return "Round " + number + " " + Arrays.toString(votes) + " exhausted=" + exhausted + " eliminated=" + eliminated
                    + " winner=" + winner + (tieBroken ? " (tie broken)" : "");
        }
    }

    private InstantRunoff() {
    }

    /** Counts the ballots (each an array of option indexes, most preferred first) among {@code options} options. */
    public static List<Round> count(int options, List<int[]> ballots) {
        boolean[] eliminated = new boolean[options];
        List<Round> rounds = new ArrayList<>();
        if (ballots.isEmpty() || options == 0) return rounds;
        for (int number = 1; ; number++) {
            int[] votes = new int[options];
            int exhausted = 0;
            for (int o = 0; o < options; o++) if (eliminated[o]) votes[o] = -1;
            for (int[] ballot : ballots) {
                int choice = -1;
                for (int option : ballot) {
                    if (!eliminated[option]) {
                        choice = option;
                        break;
                    }
                }
                if (choice < 0) exhausted++;
                else votes[choice]++;
            }
            int continuing = ballots.size() - exhausted;
            List<Integer> left = new ArrayList<>();
            for (int o = 0; o < options; o++) if (!eliminated[o]) left.add(o);
            Integer winner = null;
            for (int o : left) if (2L * votes[o] > continuing) winner = o;
            if (winner == null && left.size() == 1) winner = left.get(0);
            if (winner != null) {
                rounds.add(new Round(number, votes, exhausted, null, winner, false));
                return rounds;
            }
            int fewest = left.stream().mapToInt(o -> votes[o]).min().orElseThrow();
            List<Integer> tied = new ArrayList<>(left.stream().filter(o -> votes[o] == fewest).toList());
            boolean tieBroken = tied.size() > 1;
            for (int back = rounds.size() - 1; back >= 0 && tied.size() > 1; back--) {
                int[] earlier = rounds.get(back).votes();
                int least = tied.stream().mapToInt(o -> earlier[o]).min().orElseThrow();
                tied.removeIf(o -> earlier[o] != least);
            }
            int out = tied.get(tied.size() - 1);
            eliminated[out] = true;
            rounds.add(new Round(number, votes, exhausted, out, null, tieBroken));
        }
    }
}
