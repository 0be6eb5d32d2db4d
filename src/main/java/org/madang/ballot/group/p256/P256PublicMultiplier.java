package org.madang.ballot.group.p256;

import static org.madang.ballot.group.p256.P256Field.LIMBS;
import static org.madang.ballot.group.p256.P256Points.AFFINE;
import static org.madang.ballot.group.p256.P256Points.JACOBIAN;

import java.math.BigInteger;

/**
 * Scalar multiplication on P-256 for PUBLIC scalars only: it runs in variable time (wNAF digits,
 * skipped zero windows, early exits), so it must never see a secret key, nonce or share. It
 * serves verification, where every exponent comes from the record.
 *
 * <p>Fixed bases (g, the joint key K) get two tables: signed 7-bit windows with every multiple
 * d·2^(7i)·B for a standalone B^x (at most 37 mixed additions, no doublings), and odd multiples
 * for width-10 wNAF when the base is one term of a multi-exponentiation whose doublings are paid
 * for anyway by a variable base. Variable bases get width-5 wNAF tables of odd multiples, built
 * for many bases at once so that one inversion makes them all affine.
 */
public final class P256PublicMultiplier {

    static final int FIXED_WINDOW = 7;
    static final int FIXED_WINDOWS = 256 / FIXED_WINDOW + 1;
    static final int FIXED_WINDOW_SIZE = 1 << (FIXED_WINDOW - 1);
    static final int FIXED_WNAF = 10;
    static final int VARIABLE_WNAF = 5;
    /** Scalars are split into halves of this many bits for the two-table multiplications. */
    static final int HALF = 128;
    private static final int NAF_LENGTH = 256 + 12;

    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    private P256PublicMultiplier() {
    }

    /**
     * Number of variable-time scalar multiplications the calling thread has done: tests use it to
     * show that key generation, encryption and decryption shares never come here.
     */
    public static long multiplicationsOnThisThread() {
        return WORKSPACE.get().multiplications;
    }

    /** Per-thread scratch space, so that hot loops allocate nothing. */
    static final class Workspace {
        final P256Points.Scratch scratch = new P256Points.Scratch();
        final long[] acc = new long[JACOBIAN];
        final long[] negY = new long[LIMBS];
        final int[] nafA = new int[NAF_LENGTH];
        final int[] nafB = new int[NAF_LENGTH];
        final int[] nafC = new int[NAF_LENGTH];
        final int[] nafD = new int[NAF_LENGTH];
        final long[] low = new long[4];
        final long[] high = new long[4];
        final int[] windows = new int[FIXED_WINDOWS];
        long multiplications;
    }

    static Workspace workspace() {
        return WORKSPACE.get();
    }

    /** Precomputed multiples of a fixed base. Immutable after construction; shared between threads. */
    public static final class FixedTable {
        /** [window i][d − 1] = d·2^(7i)·B, affine. */
        final long[] windows;
        /** Odd multiples B, 3B, ..., (2^9 − 1)B and the same of 2^128·B, affine (scalar halves, see {@link #fixedVariable}). */
        final long[] oddMultiples;
        final long[] oddMultiplesHigh;

        public FixedTable(long[] affineBase) {
            int perWindow = FIXED_WINDOW_SIZE;
            windows = new long[FIXED_WINDOWS * perWindow * AFFINE];
            long[] jac = new long[perWindow * JACOBIAN];
            long[] windowBase = affineBase.clone();
            long[] windowBaseJac = new long[JACOBIAN];
            P256Points.Scratch s = new P256Points.Scratch();
            for (int w = 0; w < FIXED_WINDOWS; w++) {
                P256Points.fromAffine(jac, 0, windowBase, 0);
                for (int d = 1; d < perWindow; d++) {
                    P256Points.addAffine(jac, d * JACOBIAN, jac, (d - 1) * JACOBIAN, windowBase, 0, s);
                }
                P256Points.normalizeAll(jac, perWindow, windows, w * perWindow * AFFINE, null);
                // next window base = 2^7 · this window base = 2 · (64 · base)
                P256Points.doublePoint(windowBaseJac, 0, jac, (perWindow - 1) * JACOBIAN, s);
                P256Points.normalizeAll(windowBaseJac, 1, windowBase, 0, null);
            }
            long[][] both = oddMultiplesOfAll(withHighHalves(new long[][] {affineBase}), FIXED_WNAF);
            oddMultiples = both[0];
            oddMultiplesHigh = both[1];
        }
    }

    /** The bases followed by 2^128 times each base (128 doublings each, one inversion for all). */
    static long[][] withHighHalves(long[][] affineBases) {
        int n = affineBases.length;
        P256Points.Scratch s = new P256Points.Scratch();
        long[] jac = new long[n * JACOBIAN];
        for (int i = 0; i < n; i++) {
            P256Points.fromAffine(jac, i * JACOBIAN, affineBases[i], 0);
            for (int d = 0; d < HALF; d++) {
                P256Points.doublePoint(jac, i * JACOBIAN, jac, i * JACOBIAN, s);
            }
        }
        long[] high = new long[n * AFFINE];
        P256Points.normalizeAll(jac, n, high, 0, null);
        long[][] all = new long[2 * n][];
        for (int i = 0; i < n; i++) {
            all[i] = affineBases[i];
            all[n + i] = java.util.Arrays.copyOfRange(high, i * AFFINE, (i + 1) * AFFINE);
        }
        return all;
    }

    /**
     * Odd-multiple tables for many bases at once: two inversions in all (one for the 2P, one for
     * every table entry) instead of one per entry.
     */
    static long[][] oddMultiplesOfAll(long[][] affineBases, int width) {
        int n = affineBases.length;
        int size = 1 << (width - 2);
        P256Points.Scratch s = new P256Points.Scratch();
        long[] doubles = new long[n * JACOBIAN];
        for (int i = 0; i < n; i++) {
            P256Points.fromAffine(doubles, i * JACOBIAN, affineBases[i], 0);
            P256Points.doublePoint(doubles, i * JACOBIAN, doubles, i * JACOBIAN, s);
        }
        long[] doublesAffine = new long[n * AFFINE];
        P256Points.normalizeAll(doubles, n, doublesAffine, 0, null);
        long[] jac = new long[n * (size - 1) * JACOBIAN];
        long[] current = new long[JACOBIAN];
        for (int i = 0; i < n; i++) {
            P256Points.fromAffine(current, 0, affineBases[i], 0);
            for (int k = 0; k < size - 1; k++) {
                int o = (i * (size - 1) + k) * JACOBIAN;
                P256Points.addAffine(jac, o, current, 0, doublesAffine, i * AFFINE, s);
                System.arraycopy(jac, o, current, 0, JACOBIAN);
            }
        }
        long[] all = new long[n * (size - 1) * AFFINE];
        P256Points.normalizeAll(jac, n * (size - 1), all, 0, null);
        long[][] tables = new long[n][];
        for (int i = 0; i < n; i++) {
            long[] t = new long[size * AFFINE];
            System.arraycopy(affineBases[i], 0, t, 0, AFFINE);
            System.arraycopy(all, i * (size - 1) * AFFINE, t, AFFINE, (size - 1) * AFFINE);
            tables[i] = t;
        }
        return tables;
    }

    /**
     * Variable-base tables (width-5 wNAF) for many bases with shared inversions: element i is the
     * table of base i, element n + i that of 2^128 times base i. Splitting each scalar into
     * 128-bit halves then halves the doublings of every multiplication; the 128 doublings that
     * make 2^128·A are paid once per base, and a range proof uses each α and β at least twice.
     */
    public static long[][] variableTables(long[][] affineBases) {
        return oddMultiplesOfAll(withHighHalves(affineBases), VARIABLE_WNAF);
    }

    /** One width-5 table for a base used once: there the 2^128 split would not repay its doublings. */
    public static long[] singleUseTable(long[] affineBase) {
        return oddMultiplesOfAll(new long[][] {affineBase}, VARIABLE_WNAF)[0];
    }

    // ---- scalar recoding

    /** The 256-bit scalar as four little-endian 64-bit words. */
    static long[] words(BigInteger k) {
        if (k.signum() < 0 || k.bitLength() > 256) {
            throw new IllegalArgumentException("scalar out of range");
        }
        long[] w = new long[4];
        for (int i = 0; i < 4; i++) {
            w[i] = k.shiftRight(64 * i).longValue();
        }
        return w;
    }

    private static int bits(long[] k, int position, int count) {
        int word = position >>> 6;
        int shift = position & 63;
        if (word >= 4) {
            return 0;
        }
        long v = k[word] >>> shift;
        if (shift + count > 64 && word + 1 < 4) {
            v |= k[word + 1] << (64 - shift);
        }
        return (int) (v & ((1L << count) - 1));
    }

    /** Width-w NAF: odd digits in (−2^(w−1), 2^(w−1)), nonzero digits at least w apart; returns the length. */
    static int wnaf(long[] k, int width, int[] naf) {
        java.util.Arrays.fill(naf, 0);
        int carry = 0;
        int position = 0;
        int length = 0;
        while (position < 257) {
            if (bits(k, position, 1) == carry) {
                position++;
                continue;
            }
            int digit = bits(k, position, width) + carry;
            carry = (digit >> (width - 1)) & 1;
            digit -= carry << width;
            naf[position] = digit;
            position += width;
            length = position;
        }
        return Math.min(length, naf.length);
    }

    /** Signed 7-bit windows: digits in [−64, 64], k = Σ digit_i·2^(7i). */
    static void signedWindows(long[] k, int[] digits) {
        int carry = 0;
        for (int i = 0; i < FIXED_WINDOWS; i++) {
            int d = bits(k, i * FIXED_WINDOW, FIXED_WINDOW) + carry;
            carry = d > FIXED_WINDOW_SIZE ? 1 : 0;
            digits[i] = d - (carry << FIXED_WINDOW);
        }
    }

    // ---- multiplication

    private static void addFromTable(long[] acc, long[] table, int index, boolean negative, Workspace ws) {
        int o = index * AFFINE;
        if (negative) {
            P256Field.neg(ws.negY, 0, table, o + LIMBS);
            P256Points.addAffine(acc, 0, acc, 0, table, o, ws.negY, 0, ws.scratch);
        } else {
            P256Points.addAffine(acc, 0, acc, 0, table, o, ws.scratch);
        }
    }

    /** acc += x·B through the window table: no doublings. */
    private static void addFixed(FixedTable b, long[] x, Workspace ws) {
        signedWindows(x, ws.windows);
        for (int i = 0; i < FIXED_WINDOWS; i++) {
            int d = ws.windows[i];
            if (d != 0) {
                addFromTable(ws.acc, b.windows, i * FIXED_WINDOW_SIZE + Math.abs(d) - 1, d < 0, ws);
            }
        }
    }

    /** Writes x·B (Jacobian) for a fixed base to {@code out}. */
    public static void fixed(FixedTable b, BigInteger x, long[] out, int outOffset) {
        Workspace ws = workspace();
        ws.multiplications++;
        P256Points.setInfinity(ws.acc, 0);
        addFixed(b, words(x), ws);
        System.arraycopy(ws.acc, 0, out, outOffset, JACOBIAN);
    }

    /** Writes x·A + y·B (Jacobian), both fixed bases: two window sums, no doublings. */
    public static void fixedFixed(FixedTable a, BigInteger x, FixedTable b, BigInteger y, long[] out, int outOffset) {
        Workspace ws = workspace();
        ws.multiplications++;
        P256Points.setInfinity(ws.acc, 0);
        addFixed(a, words(x), ws);
        addFixed(b, words(y), ws);
        System.arraycopy(ws.acc, 0, out, outOffset, JACOBIAN);
    }

    /** Splits k into its low and high 128 bits. */
    private static void halves(long[] k, long[] low, long[] high) {
        low[0] = k[0];
        low[1] = k[1];
        high[0] = k[2];
        high[1] = k[3];
    }

    private static void addDigit(long[] acc, long[] table, int digit, Workspace ws) {
        addFromTable(acc, table, (Math.abs(digit) - 1) >> 1, digit < 0, ws);
    }

    /**
     * Writes x·F + y·V (Jacobian) for a fixed base F (may be null: then x is ignored) and a
     * variable base V with its two tables from {@link #variableTables}: x and y are split into
     * 128-bit halves, so four wNAF expansions share one pass of 128 doublings. With
     * {@code variableHigh} null, {@code variableLow} is a {@link #singleUseTable} and y is expanded
     * whole (256 doublings).
     */
    public static void fixedVariable(FixedTable f, BigInteger x, long[] variableLow, long[] variableHigh, BigInteger y,
                                     long[] out, int outOffset) {
        Workspace ws = workspace();
        ws.multiplications++;
        int lengthA = 0;
        int lengthB = 0;
        if (f != null) {
            halves(words(x), ws.low, ws.high);
            lengthA = wnaf(ws.low, FIXED_WNAF, ws.nafA);
            lengthB = wnaf(ws.high, FIXED_WNAF, ws.nafB);
        }
        int lengthC;
        int lengthD = 0;
        if (variableHigh == null) {
            lengthC = wnaf(words(y), VARIABLE_WNAF, ws.nafC);
        } else {
            halves(words(y), ws.low, ws.high);
            lengthC = wnaf(ws.low, VARIABLE_WNAF, ws.nafC);
            lengthD = wnaf(ws.high, VARIABLE_WNAF, ws.nafD);
        }
        long[] acc = ws.acc;
        P256Points.setInfinity(acc, 0);
        boolean started = false;
        for (int i = Math.max(Math.max(lengthA, lengthB), Math.max(lengthC, lengthD)) - 1; i >= 0; i--) {
            if (started) {
                P256Points.doublePoint(acc, 0, acc, 0, ws.scratch);
            }
            if (f != null) {
                int a = ws.nafA[i];
                if (a != 0) {
                    addDigit(acc, f.oddMultiples, a, ws);
                    started = true;
                }
                int b = ws.nafB[i];
                if (b != 0) {
                    addDigit(acc, f.oddMultiplesHigh, b, ws);
                    started = true;
                }
            }
            int c = ws.nafC[i];
            if (c != 0) {
                addDigit(acc, variableLow, c, ws);
                started = true;
            }
            int d = i < lengthD ? ws.nafD[i] : 0;
            if (d != 0) {
                addDigit(acc, variableHigh, d, ws);
                started = true;
            }
        }
        System.arraycopy(acc, 0, out, outOffset, JACOBIAN);
    }

    /** Writes x·A + y·B (Jacobian) for two variable bases: y·B first, then x·A added to it. */
    public static void variableVariable(long[] lowA, long[] highA, BigInteger x, long[] lowB, long[] highB, BigInteger y,
                                        long[] out, int outOffset) {
        long[] first = new long[JACOBIAN];
        fixedVariable(null, null, lowA, highA, x, first, 0);
        long[] second = new long[JACOBIAN];
        fixedVariable(null, null, lowB, highB, y, second, 0);
        long[] affine = new long[AFFINE];
        boolean[] infinite = new boolean[1];
        P256Points.normalizeAll(second, 1, affine, 0, infinite);
        if (!infinite[0]) {
            P256Points.addAffine(first, 0, first, 0, affine, 0, workspace().scratch);
        }
        System.arraycopy(first, 0, out, outOffset, JACOBIAN);
    }
}
