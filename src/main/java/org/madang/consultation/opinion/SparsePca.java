package org.madang.consultation.opinion;

import java.util.Random;

/**
 * The first principal components of a vote matrix whose missing votes are imputed with their statement's mean,
 * as Pol.is does. After centring, an imputed vote is exactly zero, so the centred matrix keeps the sparsity of
 * the votes and power iteration on XᵀX costs two passes over the votes cast per step.
 */
final class SparsePca {

    private static final int MAX_ITERATIONS = 1000;
    private static final double TOLERANCE = 1e-10;

    private SparsePca() {
    }

    /**
     * The unit component vectors (each of length {@code columns}), strongest first. {@code start} may hold
     * earlier components to begin from (an incremental recomputation converges in a few steps); rows missing
     * or of the wrong length start from seeded random vectors.
     */
    static double[][] components(int[][] cols, double[][] centred, int columns, int count, long seed, double[][] start) {
        Random random = new Random(seed);
        double[][] result = new double[count][];
        for (int k = 0; k < count; k++) {
            double[] v = start != null && k < start.length && start[k] != null && start[k].length == columns
                    ? start[k].clone() : randomVector(random, columns);
            orthogonalise(v, result, k);
            if (!normalise(v)) v = randomVector(random, columns);
            for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
                double[] next = multiplyGram(cols, centred, v, columns);
                orthogonalise(next, result, k);
                if (!normalise(next)) {
                    // no variance left in this direction (e.g. fewer distinct opinions than components)
                    next = new double[columns];
                    v = next;
                    break;
                }
                double change = 0;
                for (int j = 0; j < columns; j++) change = Math.max(change, Math.abs(next[j] - v[j]));
                v = next;
                if (change < TOLERANCE) break;
            }
            fixSign(v);
            result[k] = v;
        }
        return result;
    }

    /** XᵀX v, with X given row by row as (column, centred value) pairs. */
    private static double[] multiplyGram(int[][] cols, double[][] centred, double[] v, int columns) {
        double[] out = new double[columns];
        for (int r = 0; r < cols.length; r++) {
            int[] c = cols[r];
            double[] x = centred[r];
            double dot = 0;
            for (int i = 0; i < c.length; i++) dot += x[i] * v[c[i]];
            if (dot == 0) continue;
            for (int i = 0; i < c.length; i++) out[c[i]] += x[i] * dot;
        }
        return out;
    }

    private static void orthogonalise(double[] v, double[][] earlier, int count) {
        for (int k = 0; k < count; k++) {
            double dot = 0;
            for (int j = 0; j < v.length; j++) dot += v[j] * earlier[k][j];
            for (int j = 0; j < v.length; j++) v[j] -= dot * earlier[k][j];
        }
    }

    private static boolean normalise(double[] v) {
        double norm = 0;
        for (double x : v) norm += x * x;
        norm = Math.sqrt(norm);
        if (norm < 1e-12) return false;
        for (int j = 0; j < v.length; j++) v[j] /= norm;
        return true;
    }

    /** A component and its negation are the same axis; choose the one whose largest entry is positive. */
    private static void fixSign(double[] v) {
        int largest = 0;
        for (int j = 1; j < v.length; j++) if (Math.abs(v[j]) > Math.abs(v[largest]) + 1e-12) largest = j;
        if (v.length > 0 && v[largest] < 0) for (int j = 0; j < v.length; j++) v[j] = -v[j];
    }

    private static double[] randomVector(Random random, int columns) {
        double[] v = new double[columns];
        for (int j = 0; j < columns; j++) v[j] = random.nextGaussian();
        normalise(v);
        return v;
    }
}
