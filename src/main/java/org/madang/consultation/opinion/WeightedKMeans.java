package org.madang.consultation.opinion;

import java.util.Arrays;
import java.util.Random;

/** Lloyd's k-means on weighted 2-D points with seeded k-means++ starts, and the weighted silhouette. */
final class WeightedKMeans {

    private static final int MAX_ITERATIONS = 200;

    private WeightedKMeans() {
    }

    /** A clustering: each point's cluster and the clusters' centres. */
    record Clustering(int[] assignment, double[][] centres, double inertia) {
        int k() { return centres.length; }
    }

    /** The best (least weighted inertia) of {@code restarts} runs; ties go to the earliest run, so it is deterministic. */
    static Clustering cluster(double[][] points, double[] weights, int k, int restarts, Random random) {
        Clustering best = null;
        for (int run = 0; run < restarts; run++) {
            Clustering c = run(points, weights, k, random);
            if (best == null || c.inertia() < best.inertia() - 1e-12) best = c;
        }
        return best;
    }

    private static Clustering run(double[][] points, double[] weights, int k, Random random) {
        return refine(points, weights, plusPlus(points, weights, k, random));
    }

    /** Lloyd's iterations from the given centres until no point changes cluster. */
    static Clustering refine(double[][] points, double[] weights, double[][] start) {
        int k = start.length;
        double[][] centres = new double[k][];
        for (int c = 0; c < k; c++) centres[c] = start[c].clone();
        int[] assignment = new int[points.length];
        Arrays.fill(assignment, -1);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            boolean moved = false;
            for (int i = 0; i < points.length; i++) {
                int nearest = nearest(points[i], centres);
                if (nearest != assignment[i]) {
                    assignment[i] = nearest;
                    moved = true;
                }
            }
            if (!moved) break;
            double[][] sums = new double[k][3];
            for (int i = 0; i < points.length; i++) {
                double[] s = sums[assignment[i]];
                s[0] += weights[i] * points[i][0];
                s[1] += weights[i] * points[i][1];
                s[2] += weights[i];
            }
            for (int c = 0; c < k; c++) {
                // an emptied cluster keeps its centre; the next assignment may refill it
                if (sums[c][2] > 0) centres[c] = new double[] {sums[c][0] / sums[c][2], sums[c][1] / sums[c][2]};
            }
        }
        double inertia = 0;
        for (int i = 0; i < points.length; i++) inertia += weights[i] * squaredDistance(points[i], centres[assignment[i]]);
        return new Clustering(assignment, centres, inertia);
    }

    /** k-means++: each further centre drawn with probability proportional to weight × squared distance. */
    private static double[][] plusPlus(double[][] points, double[] weights, int k, Random random) {
        double[][] centres = new double[k][];
        centres[0] = points[draw(weights, random)].clone();
        double[] nearest = new double[points.length];
        Arrays.fill(nearest, Double.MAX_VALUE);
        double[] p = new double[points.length];
        for (int c = 1; c < k; c++) {
            for (int i = 0; i < points.length; i++) {
                nearest[i] = Math.min(nearest[i], squaredDistance(points[i], centres[c - 1]));
                p[i] = weights[i] * nearest[i];
            }
            centres[c] = points[draw(p, random)].clone();
        }
        return centres;
    }

    /** An index drawn with probability proportional to {@code w} (0 when all are zero). */
    private static int draw(double[] w, Random random) {
        double total = 0;
        for (double x : w) total += x;
        if (total <= 0) return 0;
        double r = random.nextDouble() * total;
        for (int i = 0; i < w.length; i++) {
            r -= w[i];
            if (r < 0) return i;
        }
        for (int i = w.length - 1; i >= 0; i--) if (w[i] > 0) return i;
        return 0;
    }

    static int nearest(double[] point, double[][] centres) {
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (int c = 0; c < centres.length; c++) {
            double d = squaredDistance(point, centres[c]);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    static double squaredDistance(double[] a, double[] b) {
        double dx = a[0] - b[0], dy = a[1] - b[1];
        return dx * dx + dy * dy;
    }

    /**
     * The weighted mean silhouette of a clustering: for each point, a = weighted mean distance to the other
     * members of its cluster, b = the least weighted mean distance to another cluster, s = (b − a) / max(a, b);
     * a point alone in its cluster scores 0.
     */
    static double silhouette(double[][] points, double[] weights, int[] assignment, int k) {
        double total = 0, weightSum = 0;
        for (int i = 0; i < points.length; i++) {
            double[] distanceSum = new double[k];
            double[] weightIn = new double[k];
            for (int j = 0; j < points.length; j++) {
                if (i == j) continue;
                distanceSum[assignment[j]] += weights[j] * Math.sqrt(squaredDistance(points[i], points[j]));
                weightIn[assignment[j]] += weights[j];
            }
            int own = assignment[i];
            double s = 0;
            if (weightIn[own] > 0) {
                double a = distanceSum[own] / weightIn[own];
                double b = Double.MAX_VALUE;
                for (int c = 0; c < k; c++) if (c != own && weightIn[c] > 0) b = Math.min(b, distanceSum[c] / weightIn[c]);
                if (b != Double.MAX_VALUE && Math.max(a, b) > 0) s = (b - a) / Math.max(a, b);
            }
            total += weights[i] * s;
            weightSum += weights[i];
        }
        return weightSum == 0 ? 0 : total / weightSum;
    }
}
