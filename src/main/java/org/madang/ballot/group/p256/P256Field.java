package org.madang.ballot.group.p256;

import java.math.BigInteger;

/**
 * Arithmetic modulo the P-256 prime p = 2^256 − 2^224 + 2^192 + 2^96 − 1, VARIABLE TIME where it
 * matters little (inversion, square root test): for public values only.
 *
 * <p>An element is 5 limbs of 52 bits (radix 2^52, little-endian) at an offset of a {@code long[]},
 * in Montgomery form with R = 2^260, and "weakly reduced": value below 2p, every limb in [0, 2^52).
 * 52-bit limbs let the products of two limbs be summed per column without carry detection:
 * with both limbs shifted left by 6, {@link Math#multiplyHigh} of the 116-bit product is exactly
 * its bits above 52 and the low word shifted right by 12 its low 52 bits; since p ≡ −1 (mod 2^52) the Montgomery factor of each round
 * is just the low limb, and p's sparse limbs turn m·p into shifts. 4p &lt; R keeps outputs below 2p
 * for inputs below 2p, so no final subtraction is needed.
 */
public final class P256Field {

    public static final int LIMBS = 5;
    static final long M52 = (1L << 52) - 1;

    public static final BigInteger P = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE.shiftLeft(224))
            .add(BigInteger.ONE.shiftLeft(192)).add(BigInteger.ONE.shiftLeft(96)).subtract(BigInteger.ONE);

    private static final long[] P_LIMBS = limbs(P);
    private static final long[] TWO_P = limbs(P.shiftLeft(1));
    private static final long TP0 = TWO_P[0], TP1 = TWO_P[1], TP2 = TWO_P[2], TP3 = TWO_P[3], TP4 = TWO_P[4];
    private static final long PL0 = P_LIMBS[0], PL1 = P_LIMBS[1], PL2 = P_LIMBS[2], PL3 = P_LIMBS[3], PL4 = P_LIMBS[4];
    /** 2^520 mod p, not in Montgomery form: mul(x, R2) takes x into Montgomery form. */
    private static final long[] R2 = limbs(BigInteger.ONE.shiftLeft(520).mod(P));
    private static final long[] RAW_ONE = {1, 0, 0, 0, 0};

    private P256Field() {
    }

    /** Plain radix-2^52 limbs of a non-negative value below 2^260 (no Montgomery form). */
    static long[] limbs(BigInteger v) {
        long[] r = new long[LIMBS];
        for (int i = 0; i < LIMBS; i++) {
            r[i] = v.shiftRight(52 * i).longValue() & M52;
        }
        return r;
    }

    /** Writes x (0 ≤ x &lt; p) in Montgomery form. */
    public static void fromBigInteger(long[] r, int ro, BigInteger x) {
        long[] plain = limbs(x);
        mul(r, ro, plain, 0, R2, 0);
    }

    public static long[] fromBigInteger(BigInteger x) {
        long[] r = new long[LIMBS];
        fromBigInteger(r, 0, x);
        return r;
    }

    /** The canonical value (in [0, p)) of a Montgomery-form element. */
    public static BigInteger toBigInteger(long[] a, int ao) {
        long[] plain = new long[LIMBS];
        mul(plain, 0, a, ao, RAW_ONE, 0);
        reduceFully(plain, 0);
        BigInteger v = BigInteger.ZERO;
        for (int i = LIMBS - 1; i >= 0; i--) {
            v = v.shiftLeft(52).or(BigInteger.valueOf(plain[i]));
        }
        return v;
    }

    /** Writes the canonical value of a Montgomery-form element as 32 big-endian bytes; returns its low bit. */
    public static int toBytes(long[] a, int ao, byte[] out, int outOffset) {
        long[] plain = new long[LIMBS];
        mul(plain, 0, a, ao, RAW_ONE, 0);
        reduceFully(plain, 0);
        // 256 bits from five 52-bit limbs, most significant byte first
        for (int i = 0; i < 32; i++) {
            int bit = 8 * i;
            int limb = bit / 52;
            int shift = bit % 52;
            long v = plain[limb] >>> shift;
            if (shift > 44 && limb + 1 < LIMBS) {
                v |= plain[limb + 1] << (52 - shift);
            }
            out[outOffset + 31 - i] = (byte) v;
        }
        return (int) (plain[0] & 1);
    }

    /** Brings a weakly reduced value into [0, p) (limbs as they are: Montgomery or plain). */
    static void reduceFully(long[] a, int ao) {
        long t0 = a[ao] - PL0;
        long t1 = a[ao + 1] - PL1 + (t0 >> 52);
        long t2 = a[ao + 2] - PL2 + (t1 >> 52);
        long t3 = a[ao + 3] - PL3 + (t2 >> 52);
        long t4 = a[ao + 4] - PL4 + (t3 >> 52);
        if (t4 >= 0) {
            a[ao] = t0 & M52;
            a[ao + 1] = t1 & M52;
            a[ao + 2] = t2 & M52;
            a[ao + 3] = t3 & M52;
            a[ao + 4] = t4;
        }
    }

    public static void copy(long[] r, int ro, long[] a, int ao) {
        System.arraycopy(a, ao, r, ro, LIMBS);
    }

    public static void setZero(long[] r, int ro) {
        for (int i = 0; i < LIMBS; i++) {
            r[ro + i] = 0;
        }
    }

    /** r = a + b mod p (below 2p). */
    static void add(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
        long s0 = a[ao] + b[bo] - TP0;
        long s1 = a[ao + 1] + b[bo + 1] - TP1 + (s0 >> 52);
        long s2 = a[ao + 2] + b[bo + 2] - TP2 + (s1 >> 52);
        long s3 = a[ao + 3] + b[bo + 3] - TP3 + (s2 >> 52);
        long s4 = a[ao + 4] + b[bo + 4] - TP4 + (s3 >> 52);
        addBackTwoPIfNegative(r, ro, s0 & M52, s1 & M52, s2 & M52, s3 & M52, s4);
    }

    /** r = a − b mod p (below 2p). */
    static void sub(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
        long s0 = a[ao] - b[bo];
        long s1 = a[ao + 1] - b[bo + 1] + (s0 >> 52);
        long s2 = a[ao + 2] - b[bo + 2] + (s1 >> 52);
        long s3 = a[ao + 3] - b[bo + 3] + (s2 >> 52);
        long s4 = a[ao + 4] - b[bo + 4] + (s3 >> 52);
        addBackTwoPIfNegative(r, ro, s0 & M52, s1 & M52, s2 & M52, s3 & M52, s4);
    }

    /** The limbs s0..s4 hold a value in (−2p, 2p); a sign mask adds 2p back without a branch. */
    private static void addBackTwoPIfNegative(long[] r, int ro, long s0, long s1, long s2, long s3, long s4) {
        long mask = s4 >> 63;
        long t0 = s0 + (TP0 & mask);
        long t1 = s1 + (TP1 & mask) + (t0 >> 52);
        long t2 = s2 + (TP2 & mask) + (t1 >> 52);
        long t3 = s3 + (TP3 & mask) + (t2 >> 52);
        long t4 = s4 + (TP4 & mask) + (t3 >> 52);
        r[ro] = t0 & M52;
        r[ro + 1] = t1 & M52;
        r[ro + 2] = t2 & M52;
        r[ro + 3] = t3 & M52;
        r[ro + 4] = t4;
    }

    /**
     * r = k·a mod p for 0 ≤ k ≤ 8, cheaper than repeated additions: k·a &lt; 16p &lt; 2^260, and
     * subtracting t·p for t = ⌊k·a / 2^256⌋ leaves a value below 2^256 + 15·2^224 &lt; 2p.
     */
    static void mulSmall(long[] r, int ro, long[] a, int ao, int k) {
        long v0 = a[ao] * k;
        long v1 = a[ao + 1] * k + (v0 >> 52);
        long v2 = a[ao + 2] * k + (v1 >> 52);
        long v3 = a[ao + 3] * k + (v2 >> 52);
        long v4 = a[ao + 4] * k + (v3 >> 52);
        long t = v4 >> 48;
        long s0 = (v0 & M52) - t * PL0;
        long s1 = (v1 & M52) - t * PL1 + (s0 >> 52);
        long s2 = (v2 & M52) - t * PL2 + (s1 >> 52);
        long s3 = (v3 & M52) - t * PL3 + (s2 >> 52);
        long s4 = v4 - t * PL4 + (s3 >> 52);
        r[ro] = s0 & M52;
        r[ro + 1] = s1 & M52;
        r[ro + 2] = s2 & M52;
        r[ro + 3] = s3 & M52;
        r[ro + 4] = s4;
    }

    /** r = −a mod p. */
    static void neg(long[] r, int ro, long[] a, int ao) {
        long s0 = -a[ao];
        long s1 = -a[ao + 1] + (s0 >> 52);
        long s2 = -a[ao + 2] + (s1 >> 52);
        long s3 = -a[ao + 3] + (s2 >> 52);
        long s4 = -a[ao + 4] + (s3 >> 52);
        addBackTwoPIfNegative(r, ro, s0 & M52, s1 & M52, s2 & M52, s3 & M52, s4);
    }

    /** Whether a ≡ 0: with normalised limbs and a value below 2p, that is 0 or p. Allocation-free. */
    public static boolean isZero(long[] a, int ao) {
        long a0 = a[ao], a1 = a[ao + 1], a2 = a[ao + 2], a3 = a[ao + 3], a4 = a[ao + 4];
        return (a0 | a1 | a2 | a3 | a4) == 0 || (a0 == PL0 && a1 == PL1 && a2 == PL2 && a3 == PL3 && a4 == PL4);
    }

    /** Whether a and b are the same residue (weak reduction allows two representations). */
    public static boolean equal(long[] a, int ao, long[] b, int bo) {
        long s0 = a[ao] - b[bo];
        long s1 = a[ao + 1] - b[bo + 1] + (s0 >> 52);
        long s2 = a[ao + 2] - b[bo + 2] + (s1 >> 52);
        long s3 = a[ao + 3] - b[bo + 3] + (s2 >> 52);
        long s4 = a[ao + 4] - b[bo + 4] + (s3 >> 52);
        s0 &= M52;
        s1 &= M52;
        s2 &= M52;
        s3 &= M52;
        // the difference lies in (−2p, 2p): equal residues differ by 0 or ±p
        boolean zero = (s0 | s1 | s2 | s3 | s4) == 0;
        boolean plusP = s0 == PL0 && s1 == PL1 && s2 == PL2 && s3 == PL3 && s4 == PL4;
        long m0 = (-PL0) & M52;
        // −p in the same signed-top-limb form
        long n1 = -PL1 + ((-PL0) >> 52);
        long n2 = -PL2 + (n1 >> 52);
        long n3 = -PL3 + (n2 >> 52);
        long n4 = -PL4 + (n3 >> 52);
        boolean minusP = s0 == m0 && s1 == (n1 & M52) && s2 == (n2 & M52) && s3 == (n3 & M52) && s4 == n4;
        return zero || plusP || minusP;
    }

    /**
     * r = a^−1 (0 for a = 0). Variable time (BigInteger's extended Euclid): inversions here only
     * normalise points of public computations, and batching makes them rare.
     */
    static void invert(long[] r, int ro, long[] a, int ao) {
        BigInteger x = toBigInteger(a, ao); // a is x in Montgomery form
        if (x.signum() == 0) {
            setZero(r, ro);
        } else {
            fromBigInteger(r, ro, x.modInverse(P));
        }
    }

    /**
     * r = a^((p+1)/4), the square root of a when a is a square (p ≡ 3 mod 4); returns whether it
     * is one. (p+1)/4 = 2^254 − 2^222 + 2^190 + 2^94: a 32-bit run of ones and two single bits.
     */
    static boolean sqrt(long[] r, int ro, long[] a, int ao) {
        long[] x = new long[LIMBS];
        long[] t = new long[LIMBS];
        // x = a^(2^32 − 1) by repeated doubling of runs of ones: 1, 2, 4, 8, 16, 32
        copy(x, 0, a, ao);
        for (int run = 1; run < 32; run <<= 1) {
            copy(t, 0, x, 0);
            for (int i = 0; i < run; i++) {
                sqr(t, 0, t, 0);
            }
            mul(x, 0, t, 0, x, 0);
        }
        // (2^32 − 1) · 2^222 = 2^254 − 2^222, then + 2^190 and + 2^94: shift in the two single bits
        copy(t, 0, x, 0);
        for (int i = 0; i < 32; i++) { // exponent (2^32 − 1)·2^32 + 1 → continue to bit 190
            sqr(t, 0, t, 0);
        }
        mul(t, 0, t, 0, a, ao);
        for (int i = 0; i < 96; i++) {
            sqr(t, 0, t, 0);
        }
        mul(t, 0, t, 0, a, ao);
        for (int i = 0; i < 94; i++) {
            sqr(t, 0, t, 0);
        }
        long[] check = new long[LIMBS];
        sqr(check, 0, t, 0);
        copy(r, ro, t, 0);
        return equal(check, 0, a, ao);
    }

    /** r = a·b·2^-260 mod p; inputs below 2p, output below 2p with normalised limbs. r may alias a or b. */
    static void mul(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
        long a0 = a[ao + 0] << 6;
        long a1 = a[ao + 1] << 6;
        long a2 = a[ao + 2] << 6;
        long a3 = a[ao + 3] << 6;
        long a4 = a[ao + 4] << 6;
        long b0 = b[bo + 0] << 6;
        long b1 = b[bo + 1] << 6;
        long b2 = b[bo + 2] << 6;
        long b3 = b[bo + 3] << 6;
        long b4 = b[bo + 4] << 6;
        long c0 = 0, c1 = 0, c2 = 0, c3 = 0, c4 = 0, c5 = 0, c6 = 0, c7 = 0, c8 = 0, c9 = 0;
        c0 += (a0 * b0) >>> 12; c1 += Math.multiplyHigh(a0, b0);
        c1 += (a0 * b1) >>> 12; c2 += Math.multiplyHigh(a0, b1);
        c2 += (a0 * b2) >>> 12; c3 += Math.multiplyHigh(a0, b2);
        c3 += (a0 * b3) >>> 12; c4 += Math.multiplyHigh(a0, b3);
        c4 += (a0 * b4) >>> 12; c5 += Math.multiplyHigh(a0, b4);
        c1 += (a1 * b0) >>> 12; c2 += Math.multiplyHigh(a1, b0);
        c2 += (a1 * b1) >>> 12; c3 += Math.multiplyHigh(a1, b1);
        c3 += (a1 * b2) >>> 12; c4 += Math.multiplyHigh(a1, b2);
        c4 += (a1 * b3) >>> 12; c5 += Math.multiplyHigh(a1, b3);
        c5 += (a1 * b4) >>> 12; c6 += Math.multiplyHigh(a1, b4);
        c2 += (a2 * b0) >>> 12; c3 += Math.multiplyHigh(a2, b0);
        c3 += (a2 * b1) >>> 12; c4 += Math.multiplyHigh(a2, b1);
        c4 += (a2 * b2) >>> 12; c5 += Math.multiplyHigh(a2, b2);
        c5 += (a2 * b3) >>> 12; c6 += Math.multiplyHigh(a2, b3);
        c6 += (a2 * b4) >>> 12; c7 += Math.multiplyHigh(a2, b4);
        c3 += (a3 * b0) >>> 12; c4 += Math.multiplyHigh(a3, b0);
        c4 += (a3 * b1) >>> 12; c5 += Math.multiplyHigh(a3, b1);
        c5 += (a3 * b2) >>> 12; c6 += Math.multiplyHigh(a3, b2);
        c6 += (a3 * b3) >>> 12; c7 += Math.multiplyHigh(a3, b3);
        c7 += (a3 * b4) >>> 12; c8 += Math.multiplyHigh(a3, b4);
        c4 += (a4 * b0) >>> 12; c5 += Math.multiplyHigh(a4, b0);
        c5 += (a4 * b1) >>> 12; c6 += Math.multiplyHigh(a4, b1);
        c6 += (a4 * b2) >>> 12; c7 += Math.multiplyHigh(a4, b2);
        c7 += (a4 * b3) >>> 12; c8 += Math.multiplyHigh(a4, b3);
        c8 += (a4 * b4) >>> 12; c9 += Math.multiplyHigh(a4, b4);
        long m;
        m = c0 & M52;
        c1 += (c0 >> 52) + ((m << 44) & M52);
        c2 += m >>> 8;
        c3 += (m << 36) & M52;
        c4 += (m >>> 16) + ((m << 48) & M52) - ((m << 16) & M52);
        c5 += (m >>> 4) - (m >>> 36);
        m = c1 & M52;
        c2 += (c1 >> 52) + ((m << 44) & M52);
        c3 += m >>> 8;
        c4 += (m << 36) & M52;
        c5 += (m >>> 16) + ((m << 48) & M52) - ((m << 16) & M52);
        c6 += (m >>> 4) - (m >>> 36);
        m = c2 & M52;
        c3 += (c2 >> 52) + ((m << 44) & M52);
        c4 += m >>> 8;
        c5 += (m << 36) & M52;
        c6 += (m >>> 16) + ((m << 48) & M52) - ((m << 16) & M52);
        c7 += (m >>> 4) - (m >>> 36);
        m = c3 & M52;
        c4 += (c3 >> 52) + ((m << 44) & M52);
        c5 += m >>> 8;
        c6 += (m << 36) & M52;
        c7 += (m >>> 16) + ((m << 48) & M52) - ((m << 16) & M52);
        c8 += (m >>> 4) - (m >>> 36);
        m = c4 & M52;
        c5 += (c4 >> 52) + ((m << 44) & M52);
        c6 += m >>> 8;
        c7 += (m << 36) & M52;
        c8 += (m >>> 16) + ((m << 48) & M52) - ((m << 16) & M52);
        c9 += (m >>> 4) - (m >>> 36);
        c6 += c5 >> 52;
        c7 += c6 >> 52;
        c8 += c7 >> 52;
        c9 += c8 >> 52;
        r[ro] = c5 & M52;
        r[ro + 1] = c6 & M52;
        r[ro + 2] = c7 & M52;
        r[ro + 3] = c8 & M52;
        r[ro + 4] = c9;
    }

    /** r = a²·2^-260 mod p; the cross products are computed once, with one factor doubled. */
    static void sqr(long[] r, int ro, long[] a, int ao) {
        long a0 = a[ao + 0] << 6;
        long a1 = a[ao + 1] << 6;
        long a2 = a[ao + 2] << 6;
        long a3 = a[ao + 3] << 6;
        long a4 = a[ao + 4] << 6;
        long d1 = a1 << 1;
        long d2 = a2 << 1;
        long d3 = a3 << 1;
        long d4 = a4 << 1;
        long c0 = 0, c1 = 0, c2 = 0, c3 = 0, c4 = 0, c5 = 0, c6 = 0, c7 = 0, c8 = 0, c9 = 0;
        c0 += (a0 * a0) >>> 12; c1 += Math.multiplyHigh(a0, a0);
        c1 += (a0 * d1) >>> 12; c2 += Math.multiplyHigh(a0, d1);
        c2 += (a0 * d2) >>> 12; c3 += Math.multiplyHigh(a0, d2);
        c3 += (a0 * d3) >>> 12; c4 += Math.multiplyHigh(a0, d3);
        c4 += (a0 * d4) >>> 12; c5 += Math.multiplyHigh(a0, d4);
        c2 += (a1 * a1) >>> 12; c3 += Math.multiplyHigh(a1, a1);
        c3 += (a1 * d2) >>> 12; c4 += Math.multiplyHigh(a1, d2);
        c4 += (a1 * d3) >>> 12; c5 += Math.multiplyHigh(a1, d3);
        c5 += (a1 * d4) >>> 12; c6 += Math.multiplyHigh(a1, d4);
        c4 += (a2 * a2) >>> 12; c5 += Math.multiplyHigh(a2, a2);
        c5 += (a2 * d3) >>> 12; c6 += Math.multiplyHigh(a2, d3);
        c6 += (a2 * d4) >>> 12; c7 += Math.multiplyHigh(a2, d4);
        c6 += (a3 * a3) >>> 12; c7 += Math.multiplyHigh(a3, a3);
        c7 += (a3 * d4) >>> 12; c8 += Math.multiplyHigh(a3, d4);
        c8 += (a4 * a4) >>> 12; c9 += Math.multiplyHigh(a4, a4);
        long m;
        m = c0 & M52;
        c1 += (c0 >> 52) + ((m << 44) & M52);
        c2 += m >>> 8;
        c3 += (m << 36) & M52;
        c4 += (m >>> 16) + ((m << 48) & M52) - ((m << 16) & M52);
        c5 += (m >>> 4) - (m >>> 36);
        m = c1 & M52;
        c2 += (c1 >> 52) + ((m << 44) & M52);
        c3 += m >>> 8;
        c4 += (m << 36) & M52;
        c5 += (m >>> 16) + ((m << 48) & M52) - ((m << 16) & M52);
        c6 += (m >>> 4) - (m >>> 36);
        m = c2 & M52;
        c3 += (c2 >> 52) + ((m << 44) & M52);
        c4 += m >>> 8;
        c5 += (m << 36) & M52;
        c6 += (m >>> 16) + ((m << 48) & M52) - ((m << 16) & M52);
        c7 += (m >>> 4) - (m >>> 36);
        m = c3 & M52;
        c4 += (c3 >> 52) + ((m << 44) & M52);
        c5 += m >>> 8;
        c6 += (m << 36) & M52;
        c7 += (m >>> 16) + ((m << 48) & M52) - ((m << 16) & M52);
        c8 += (m >>> 4) - (m >>> 36);
        m = c4 & M52;
        c5 += (c4 >> 52) + ((m << 44) & M52);
        c6 += m >>> 8;
        c7 += (m << 36) & M52;
        c8 += (m >>> 16) + ((m << 48) & M52) - ((m << 16) & M52);
        c9 += (m >>> 4) - (m >>> 36);
        c6 += c5 >> 52;
        c7 += c6 >> 52;
        c8 += c7 >> 52;
        c9 += c8 >> 52;
        r[ro] = c5 & M52;
        r[ro + 1] = c6 & M52;
        r[ro + 2] = c7 & M52;
        r[ro + 3] = c8 & M52;
        r[ro + 4] = c9;
    }
}
