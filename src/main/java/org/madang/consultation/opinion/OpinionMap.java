package org.madang.consultation.opinion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Opinion groups of a conversation, computed as Pol.is does: statements' missing votes imputed with the
 * statement's mean, the first two principal components by power iteration, each participant projected from
 * the votes they cast (scaled up by √(statements / votes) so that sparse voters are not pulled to the middle),
 * fine k-means "base clusters" of the projected participants, then k-means of the base clusters' centres into
 * 2..{@code maxGroups} groups, with k chosen by the weighted silhouette. The same matrix and seed always give
 * the same map.
 */
public final class OpinionMap {

    /** Tuning; {@link #DEFAULT} follows Pol.is (7 votes to take part, 100 base clusters, up to 5 groups). */
    public record Settings(long seed, int minVotes, int baseClusters, int maxGroups, int restarts) {
        public static final Settings DEFAULT = new Settings(1L, 7, 100, 5, 8);

        public Settings withSeed(long newSeed) {
            return new Settings(newSeed, minVotes, baseClusters, maxGroups, restarts);
        }
    }

    /** A participant on the map; group is −1 for those who voted too little to be placed. */
    public record Point(String participant, double x, double y, int group) {
    }

    /** How a set of participants voted on one statement. */
    public record Tally(int agree, int disagree, int pass) {
        public int votes() { return agree + disagree + pass; }

        /** Laplace-smoothed share of agreement (Pol.is's p = (a + 1) / (n + 2)). */
        public double agreeShare() { return (agree + 1.0) / (votes() + 2.0); }

        public double disagreeShare() { return (disagree + 1.0) / (votes() + 2.0); }
    }

    public enum Direction { AGREE, DISAGREE }

    /**
     * A statement that sets a group apart: the group agrees (or disagrees) with it more than everyone else does.
     * {@code ratio} is the group's share over the others' share; {@code score} = ratio × share ranks them.
     */
    public record Characteristic(String statement, Direction direction, double share, double ratio, double score, Tally inGroup) {
    }

    public record Group(int id, int size, double centreX, double centreY, List<Characteristic> characteristic) {
    }

    /** A statement every group agrees (or disagrees) with; {@code score} is the product of the groups' shares. */
    public record Consensus(String statement, Direction direction, double score, List<Double> groupShares) {
    }

    public record Result(List<Point> points, List<Group> groups, List<Consensus> consensus, double silhouette,
            double[][] components, List<String> statements, long seed) {

        /** Each placed participant's group, in participant order. */
        public Map<String, Integer> groupOf() {
            Map<String, Integer> m = new LinkedHashMap<>();
            for (Point p : points) if (p.group() >= 0) m.put(p.participant(), p.group());
            return m;
        }
    }

    private static final int CHARACTERISTIC_PER_GROUP = 5;
    private static final int CONSENSUS_LIMIT = 5;
    /** One-sided 90% z: the significance Pol.is asks of a representative statement. */
    private static final double Z90 = 1.2816;

    private OpinionMap() {
    }

    public static Result compute(VoteMatrix matrix, Set<String> excludedStatements, Settings settings) {
        return compute(matrix, excludedStatements, settings, null);
    }

    /**
     * As {@link #compute(VoteMatrix, Set, Settings)}, starting the power iteration from an earlier result's
     * components: after a few new votes it converges in a few steps instead of from scratch.
     */
    public static Result compute(VoteMatrix matrix, Set<String> excludedStatements, Settings settings, Result previous) {
        List<String> statements = matrix.statements();
        int m = statements.size();
        boolean[] active = new boolean[m];
        int activeCount = 0;
        for (int j = 0; j < m; j++) {
            active[j] = !excludedStatements.contains(statements.get(j));
            if (active[j]) activeCount++;
        }
        double[] mean = statementMeans(matrix, active);

        // participants who voted enough on statements still in play
        int required = Math.max(1, Math.min(settings.minVotes(), activeCount));
        List<Integer> placed = new ArrayList<>();
        for (int p = 0; p < matrix.participantCount(); p++) {
            if (activeVotes(matrix, p, active) >= required) placed.add(p);
        }
        int n = placed.size();
        int[][] cols = new int[n][];
        double[][] centred = new double[n][];
        for (int r = 0; r < n; r++) {
            int p = placed.get(r);
            int[] c = matrix.columnsOf(p);
            byte[] v = matrix.votesOf(p);
            int count = 0;
            for (int col : c) if (active[col]) count++;
            cols[r] = new int[count];
            centred[r] = new double[count];
            int i = 0;
            for (int t = 0; t < c.length; t++) {
                if (!active[c[t]]) continue;
                cols[r][i] = c[t];
                centred[r][i++] = v[t] - mean[c[t]];
            }
        }
        double[][] start = previous == null ? null : alignComponents(previous, statements);
        double[][] components = SparsePca.components(cols, centred, m, 2, settings.seed(), start);

        double[][] projected = new double[n][2];
        for (int r = 0; r < n; r++) {
            double scale = Math.sqrt((double) activeCount / Math.max(1, cols[r].length));
            for (int k = 0; k < 2; k++) {
                double s = 0;
                for (int i = 0; i < cols[r].length; i++) s += centred[r][i] * components[k][cols[r][i]];
                projected[r][k] = s * scale;
            }
        }

        Random random = new Random(settings.seed());
        int[] groupOfRow = new int[n];
        double silhouette = 0;
        double[][] groupCentres = new double[0][];
        if (n > 0) {
            double[] ones = new double[n];
            Arrays.fill(ones, 1);
            int baseK = Math.min(settings.baseClusters(), distinctPoints(projected));
            // Base clusters depend on k-means' random starts, and a poor draw splits the groups badly. Several
            // draws, each grouped for every k, and the grouping with the best silhouette wins.
            int k = 1;
            for (int trial = 0; trial < settings.restarts(); trial++) {
                var base = WeightedKMeans.cluster(projected, ones, baseK, 1, random);
                double[] baseWeights = new double[baseK];
                for (int a : base.assignment()) baseWeights[a]++;
                // empty base clusters (possible after Lloyd's steps) carry no weight and never pull a group centre
                for (int groups = 2; groups <= Math.min(settings.maxGroups(), baseK); groups++) {
                    var c = WeightedKMeans.cluster(base.centres(), baseWeights, groups, settings.restarts(), random);
                    double s = WeightedKMeans.silhouette(base.centres(), baseWeights, c.assignment(), groups);
                    if (k == 1 || s > silhouette + 1e-12) {
                        k = groups;
                        silhouette = s;
                        for (int r = 0; r < n; r++) groupOfRow[r] = c.assignment()[base.assignment()[r]];
                    }
                }
            }
            int[] order = groupOrder(groupOfRow, projected, k);
            for (int r = 0; r < n; r++) groupOfRow[r] = order[groupOfRow[r]];
            groupCentres = centres(projected, groupOfRow, k);
        }

        int[] groupOfParticipant = new int[matrix.participantCount()];
        Arrays.fill(groupOfParticipant, -1);
        List<Point> points = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            int p = placed.get(r);
            groupOfParticipant[p] = groupOfRow[r];
            points.add(new Point(matrix.participants().get(p), projected[r][0], projected[r][1], groupOfRow[r]));
        }
        int groupCount = groupCentres.length;
        Tally[][] tallies = tallies(matrix, groupOfParticipant, groupCount, active);
        List<Group> groups = new ArrayList<>();
        int[] sizes = new int[groupCount];
        for (int g : groupOfRow) sizes[g]++;
        for (int g = 0; g < groupCount; g++) {
            groups.add(new Group(g, sizes[g], groupCentres[g][0], groupCentres[g][1],
                    characteristic(statements, active, tallies, g)));
        }
        return new Result(List.copyOf(points), List.copyOf(groups), consensus(statements, active, tallies, groupCount),
                silhouette, components, statements, settings.seed());
    }

    private static double[] statementMeans(VoteMatrix matrix, boolean[] active) {
        int m = matrix.statementCount();
        double[] sum = new double[m];
        int[] count = new int[m];
        for (int p = 0; p < matrix.participantCount(); p++) {
            int[] c = matrix.columnsOf(p);
            byte[] v = matrix.votesOf(p);
            for (int i = 0; i < c.length; i++) {
                sum[c[i]] += v[i];
                count[c[i]]++;
            }
        }
        double[] mean = new double[m];
        for (int j = 0; j < m; j++) mean[j] = active[j] && count[j] > 0 ? sum[j] / count[j] : 0;
        return mean;
    }

    private static int activeVotes(VoteMatrix matrix, int p, boolean[] active) {
        int count = 0;
        for (int c : matrix.columnsOf(p)) if (active[c]) count++;
        return count;
    }

    private static int distinctPoints(double[][] points) {
        var seen = new java.util.HashSet<List<Double>>();
        for (double[] p : points) seen.add(List.of(p[0], p[1]));
        return seen.size();
    }

    /** Earlier components re-indexed to the current statement order (new statements start at 0). */
    private static double[][] alignComponents(Result previous, List<String> statements) {
        Map<String, Integer> old = new HashMap<>();
        for (int j = 0; j < previous.statements().size(); j++) old.put(previous.statements().get(j), j);
        double[][] start = new double[previous.components().length][statements.size()];
        for (int k = 0; k < start.length; k++) {
            for (int j = 0; j < statements.size(); j++) {
                Integer o = old.get(statements.get(j));
                if (o != null) start[k][j] = previous.components()[k][o];
            }
        }
        return start;
    }

    /** Groups numbered by size, largest first (ties: by centre), so that numbering does not depend on k-means' starts. */
    private static int[] groupOrder(int[] groupOfRow, double[][] projected, int k) {
        int[] sizes = new int[k];
        for (int g : groupOfRow) sizes[g]++;
        double[][] c = centres(projected, groupOfRow, k);
        Integer[] byRank = new Integer[k];
        for (int g = 0; g < k; g++) byRank[g] = g;
        Arrays.sort(byRank, Comparator.<Integer>comparingInt(g -> -sizes[g]).thenComparingDouble(g -> c[g][0]).thenComparingDouble(g -> c[g][1]));
        int[] order = new int[k];
        for (int rank = 0; rank < k; rank++) order[byRank[rank]] = rank;
        return order;
    }

    private static double[][] centres(double[][] projected, int[] group, int k) {
        double[][] c = new double[k][2];
        int[] size = new int[k];
        for (int r = 0; r < projected.length; r++) {
            c[group[r]][0] += projected[r][0];
            c[group[r]][1] += projected[r][1];
            size[group[r]]++;
        }
        for (int g = 0; g < k; g++) {
            if (size[g] > 0) {
                c[g][0] /= size[g];
                c[g][1] /= size[g];
            }
        }
        return c;
    }

    /** tallies[g][j] for each group g, plus tallies[groupCount][j] for everyone (placed or not). */
    private static Tally[][] tallies(VoteMatrix matrix, int[] groupOfParticipant, int groupCount, boolean[] active) {
        int m = matrix.statementCount();
        int[][][] counts = new int[groupCount + 1][m][3];
        for (int p = 0; p < matrix.participantCount(); p++) {
            int g = groupOfParticipant[p];
            int[] c = matrix.columnsOf(p);
            byte[] v = matrix.votesOf(p);
            for (int i = 0; i < c.length; i++) {
                if (!active[c[i]]) continue;
                int slot = v[i] == VoteMatrix.AGREE ? 0 : v[i] == VoteMatrix.DISAGREE ? 1 : 2;
                if (g >= 0) counts[g][c[i]][slot]++;
                counts[groupCount][c[i]][slot]++;
            }
        }
        Tally[][] t = new Tally[groupCount + 1][m];
        for (int g = 0; g <= groupCount; g++) {
            for (int j = 0; j < m; j++) t[g][j] = new Tally(counts[g][j][0], counts[g][j][1], counts[g][j][2]);
        }
        return t;
    }

    /**
     * Pol.is's representativeness: the group's (smoothed) share of agreement over the others' share, kept when
     * both the share and the ratio are significant at 90% (z-tests), ranked by ratio × share.
     */
    private static List<Characteristic> characteristic(List<String> statements, boolean[] active, Tally[][] tallies, int g) {
        int groupCount = tallies.length - 1;
        List<Characteristic> found = new ArrayList<>();
        for (int j = 0; j < statements.size(); j++) {
            if (!active[j]) continue;
            Tally in = tallies[g][j];
            Tally all = tallies[groupCount][j];
            Tally out = new Tally(all.agree() - in.agree(), all.disagree() - in.disagree(), all.pass() - in.pass());
            if (in.votes() == 0) continue;
            for (Direction d : Direction.values()) {
                int inYes = d == Direction.AGREE ? in.agree() : in.disagree();
                int outYes = d == Direction.AGREE ? out.agree() : out.disagree();
                double share = d == Direction.AGREE ? in.agreeShare() : in.disagreeShare();
                double outShare = d == Direction.AGREE ? out.agreeShare() : out.disagreeShare();
                double ratio = share / outShare;
                if (proportionZ(inYes, in.votes()) > Z90 && twoProportionZ(inYes, in.votes(), outYes, out.votes()) > Z90) {
                    found.add(new Characteristic(statements.get(j), d, share, ratio, ratio * share, in));
                }
            }
        }
        found.sort(Comparator.comparingDouble(Characteristic::score).reversed().thenComparing(Characteristic::statement));
        return List.copyOf(found.subList(0, Math.min(CHARACTERISTIC_PER_GROUP, found.size())));
    }

    /** Statements that every group agrees (or disagrees) with by a majority, ranked by the product of the groups' shares. */
    private static List<Consensus> consensus(List<String> statements, boolean[] active, Tally[][] tallies, int groupCount) {
        List<Consensus> found = new ArrayList<>();
        if (groupCount == 0) return found;
        for (int j = 0; j < statements.size(); j++) {
            if (!active[j]) continue;
            for (Direction d : Direction.values()) {
                double product = 1;
                boolean everyGroup = true;
                List<Double> shares = new ArrayList<>();
                for (int g = 0; g < groupCount; g++) {
                    Tally t = tallies[g][j];
                    double share = d == Direction.AGREE ? t.agreeShare() : t.disagreeShare();
                    int yes = d == Direction.AGREE ? t.agree() : t.disagree();
                    shares.add(share);
                    product *= share;
                    if (share <= 0.5 || proportionZ(yes, t.votes()) <= Z90) everyGroup = false;
                }
                if (everyGroup) found.add(new Consensus(statements.get(j), d, product, List.copyOf(shares)));
            }
        }
        found.sort(Comparator.comparingDouble(Consensus::score).reversed().thenComparing(Consensus::statement));
        return List.copyOf(found.subList(0, Math.min(CONSENSUS_LIMIT, found.size())));
    }

    /** z of "more than half say yes", with Pol.is's smoothing. */
    static double proportionZ(int yes, int n) {
        return 2 * Math.sqrt(n + 1.0) * ((yes + 1.0) / (n + 1.0) - 0.5);
    }

    /** z of "the first share exceeds the second", pooled, with the same smoothing. */
    static double twoProportionZ(int yes1, int n1, int yes2, int n2) {
        double p1 = (yes1 + 1.0) / (n1 + 2.0), p2 = (yes2 + 1.0) / (n2 + 2.0);
        double pooled = (yes1 + yes2 + 2.0) / (n1 + n2 + 4.0);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / (n1 + 2) + 1.0 / (n2 + 2)));
        return se == 0 ? 0 : (p1 - p2) / se;
    }
}
