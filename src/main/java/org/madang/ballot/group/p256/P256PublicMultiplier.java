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
 *
 * <p>Scalars of multi-exponentiations are cut into {@link #PARTS} parts of {@link #PART_BITS} bits, each with its own
 * table of 2^(64i)·B, so one multiplication takes 64 doublings instead of 256. A variable base pays 192 doublings once
 * for its shifted copies; in a range proof each α and β recurs in at least two products, and four parts cost the
 * fewest doublings plus additions there (640 per 0/1 proof, against 768 with two parts and 1024 with none).
 */
public final class P256PublicMultiplier {

    static final int FIXED_WINDOW = 7;
    static final int FIXED_WINDOWS = 256 / FIXED_WINDOW + 1;
    static final int FIXED_WINDOW_SIZE = 1 << (FIXED_WINDOW - 1);
    static final int FIXED_WNAF = 10;
    static final int VARIABLE_WNAF = 5;
    static final int PARTS = 4;
    static final int PART_BITS = 256 / PARTS;
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
        final int[][] fixedNafs = new int[PARTS][NAF_LENGTH];
        final int[][] variableNafs = new int[PARTS][NAF_LENGTH];
        final int[] fixedLengths = new int[PARTS];
        final int[] variableLengths = new int[PARTS];
        final long[] part = new long[4];
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
        /** Per part i, the odd multiples B', 3B', ..., (2^9 − 1)B' of B' = 2^(64i)·B, affine (see {@link #fixedVariable}). */
        final long[][] oddMultiples;

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
            oddMultiples = oddMultiplesOfAll(shiftedCopies(new long[][] {affineBase}), FIXED_WNAF);
        }
    }

    /** For bases B_0 … B_(n−1): element i·n + j is 2^(64i)·B_j (64 doublings per step, one inversion for all). */
    static long[][] shiftedCopies(long[][] affineBases) {
        int n = affineBases.length;
        P256Points.Scratch s = new P256Points.Scratch();
        long[] jac = new long[(PARTS - 1) * n * JACOBIAN];
        for (int j = 0; j < n; j++) {
            long[] previous = new long[JACOBIAN];
            P256Points.fromAffine(previous, 0, affineBases[j], 0);
            for (int i = 1; i < PARTS; i++) {
                int o = ((i - 1) * n + j) * JACOBIAN;
                P256Points.doublePoint(jac, o, previous, 0, s);
                for (int d = 1; d < PART_BITS; d++) {
                    P256Points.doublePoint(jac, o, jac, o, s);
                }
                System.arraycopy(jac, o, previous, 0, JACOBIAN);
            }
        }
        long[] shifted = new long[(PARTS - 1) * n * AFFINE];
        P256Points.normalizeAll(jac, (PARTS - 1) * n, shifted, 0, null);
        long[][] all = new long[PARTS * n][];
        System.arraycopy(affineBases, 0, all, 0, n);
        for (int k = 0; k < (PARTS - 1) * n; k++) {
            all[n + k] = java.util.Arrays.copyOfRange(shifted, k * AFFINE, (k + 1) * AFFINE);
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
     * Variable-base tables (width-5 wNAF) for many bases with shared inversions: element j holds base j's
     * {@link #PARTS} part tables, that of 2^(64i)·B_j at index i.
     */
    public static long[][][] variableTables(long[][] affineBases) {
        int n = affineBases.length;
        long[][] flat = oddMultiplesOfAll(shiftedCopies(affineBases), VARIABLE_WNAF);
        long[][][] tables = new long[n][PARTS][];
        for (int i = 0; i < PARTS; i++) {
            for (int j = 0; j < n; j++) {
                tables[j][i] = flat[i * n + j];
            }
        }
        return tables;
    }

    /** One width-5 table for a base used once, with the scalar taken whole: there the shifted copies would not repay their doublings. */
    public static long[][] singleUseTable(long[] affineBase) {
        return new long[][] {oddMultiplesOfAll(new long[][] {affineBase}, VARIABLE_WNAF)[0]};
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

    /**
     * Width-w NAF of a scalar below 2^bitLength: odd digits in (−2^(w−1), 2^(w−1)), nonzero digits at least w apart;
     * returns the length, below which {@code naf} holds the digits (and nothing from earlier use).
     */
    static int wnaf(long[] k, int bitLength, int width, int[] naf) {
        java.util.Arrays.fill(naf, 0, Math.min(naf.length, bitLength + width + 1), 0);
        int carry = 0;
        int position = 0;
        int length = 0;
        while (position <= bitLength) {
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

    private static void addDigit(long[] acc, long[] table, int digit, Workspace ws) {
        addFromTable(acc, table, (Math.abs(digit) - 1) >> 1, digit < 0, ws);
    }

    /** Adds digit i of each part's expansion from that part's table to the accumulator; returns whether any was nonzero. */
    private static boolean addDigitsAt(int i, long[][] tables, int[][] nafs, int[] lengths, Workspace ws) {
        boolean added = false;
        for (int p = 0; p < tables.length; p++) {
            int digit = i < lengths[p] ? nafs[p][i] : 0;
            if (digit != 0) {
                addDigit(ws.acc, tables[p], digit, ws);
                added = true;
            }
        }
        return added;
    }

    /** Width-w NAFs of each part of k, one per table: the whole of k for a single table. */
    private static int expandParts(long[] k, int tables, int width, int[][] nafs, int[] lengths, Workspace ws) {
        if (tables == 1) {
            lengths[0] = wnaf(k, 256, width, nafs[0]);
            return lengths[0];
        }
        int longest = 0;
        for (int i = 0; i < PARTS; i++) {
            ws.part[0] = k[i]; // PART_BITS = 64: part i is word i
            lengths[i] = wnaf(ws.part, PART_BITS, width, nafs[i]);
            longest = Math.max(longest, lengths[i]);
        }
        return longest;
    }

    /**
     * Writes x·F + y·V (Jacobian) for a fixed base F (may be null: then x is ignored) and a variable base V given by
     * its {@link #variableTables} (x and y cut into parts: the eight wNAF expansions share one pass of 64 doublings)
     * or its {@link #singleUseTable} (y taken whole, 256 doublings; x cut into parts all the same).
     */
    public static void fixedVariable(FixedTable f, BigInteger x, long[][] variable, BigInteger y, long[] out, int outOffset) {
        Workspace ws = workspace();
        ws.multiplications++;
        int longest = f == null ? 0 : expandParts(words(x), PARTS, FIXED_WNAF, ws.fixedNafs, ws.fixedLengths, ws);
        longest = Math.max(longest, expandParts(words(y), variable.length, VARIABLE_WNAF, ws.variableNafs, ws.variableLengths, ws));
        long[] acc = ws.acc;
        P256Points.setInfinity(acc, 0);
        boolean started = false;
        for (int i = longest - 1; i >= 0; i--) {
            if (started) {
                P256Points.doublePoint(acc, 0, acc, 0, ws.scratch);
            }
            if (f != null) {
                started |= addDigitsAt(i, f.oddMultiples, ws.fixedNafs, ws.fixedLengths, ws);
            }
            started |= addDigitsAt(i, variable, ws.variableNafs, ws.variableLengths, ws);
        }
        System.arraycopy(acc, 0, out, outOffset, JACOBIAN);
    }

    /** Writes x·A + y·B (Jacobian) for two variable bases: y·B first, then x·A added to it. */
    public static void variableVariable(long[][] a, BigInteger x, long[][] b, BigInteger y, long[] out, int outOffset) {
        long[] first = new long[JACOBIAN];
        fixedVariable(null, null, a, x, first, 0);
        long[] second = new long[JACOBIAN];
        fixedVariable(null, null, b, y, second, 0);
        long[] affine = new long[AFFINE];
        boolean[] infinite = new boolean[1];
        P256Points.normalizeAll(second, 1, affine, 0, infinite);
        if (!infinite[0]) {
            P256Points.addAffine(first, 0, first, 0, affine, 0, workspace().scratch);
        }
        System.arraycopy(first, 0, out, outOffset, JACOBIAN);
    }
}
