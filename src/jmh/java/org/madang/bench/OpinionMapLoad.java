package org.madang.bench;

import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import org.madang.consultation.opinion.OpinionMap;
import org.madang.consultation.opinion.VoteMatrix;

/**
 * Opinion-map computation time for a large sparse conversation: participants × statements with each participant
 * voting on a random share of the statements, opinions drawn from four planted groups.
 * Run: {@code mvn -Pbench test-compile exec:exec -Dbench.main=org.madang.bench.OpinionMapLoad -Dbench.args="10000 1000 0.05"}.
 */
public final class OpinionMapLoad {

    public static void main(String[] arguments) {
        // exec:exec passes -Dbench.args as one argument
        String[] args = String.join(" ", arguments).trim().split("\\s+");
        int participants = args.length > 0 && !args[0].isEmpty() ? Integer.parseInt(args[0]) : 10_000;
        int statements = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        double density = args.length > 2 ? Double.parseDouble(args[2]) : 0.05;
        Random random = new Random(1);
        VoteMatrix.Builder builder = VoteMatrix.builder();
        int perParticipant = (int) Math.round(statements * density);
        for (int p = 0; p < participants; p++) {
            int group = p % 4;
            for (int i = 0; i < perParticipant; i++) {
                int s = random.nextInt(statements);
                boolean own = s % 4 == group;
                double r = random.nextDouble();
                builder.vote("p" + p, "s" + s, r < (own ? 0.8 : 0.2) ? 1 : r < 0.9 ? -1 : 0);
            }
        }
        VoteMatrix matrix = builder.build();
        System.out.printf("%d participants × %d statements, %d votes%n", participants, statements, matrix.voteCount());
        double[] fresh = new double[5];
        OpinionMap.Result last = null;
        for (int run = -2; run < fresh.length; run++) {
            long start = System.nanoTime();
            last = OpinionMap.compute(matrix, Set.of(), OpinionMap.Settings.DEFAULT);
            if (run >= 0) fresh[run] = (System.nanoTime() - start) / 1e6;
        }
        double[] incremental = new double[5];
        for (int run = 0; run < incremental.length; run++) {
            long start = System.nanoTime();
            OpinionMap.compute(matrix, Set.of(), OpinionMap.Settings.DEFAULT, last);
            incremental[run] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(fresh);
        Arrays.sort(incremental);
        System.out.printf("opinion map: median %.0f ms from scratch, %.0f ms from the previous map; %d groups, silhouette %.3f%n",
                fresh[fresh.length / 2], incremental[incremental.length / 2], last.groups().size(), last.silhouette());
    }
}
