package org.madang.ballot.group.p256;

import static org.madang.ballot.group.p256.P256Field.LIMBS;
import static org.madang.ballot.group.p256.P256Field.add;
import static org.madang.ballot.group.p256.P256Field.copy;
import static org.madang.ballot.group.p256.P256Field.mul;
import static org.madang.ballot.group.p256.P256Field.sqr;
import static org.madang.ballot.group.p256.P256Field.sub;

import java.math.BigInteger;

/**
 * P-256 point arithmetic on {@link P256Field} elements, VARIABLE TIME (public values only).
 * A Jacobian point (X, Y, Z) stands for (X/Z², Y/Z³) and takes {@link #JACOBIAN} longs; Z = 0 is
 * the point at infinity. An affine point (x, y) takes {@link #AFFINE} longs and is never infinity.
 */
final class P256Points {

    static final int AFFINE = 2 * LIMBS;
    static final int JACOBIAN = 3 * LIMBS;
    private static final int X = 0;
    private static final int Y = LIMBS;
    private static final int Z = 2 * LIMBS;

    static final BigInteger B = new BigInteger("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", 16);
    static final long[] ONE = P256Field.fromBigInteger(BigInteger.ONE);
    static final long[] CURVE_B = P256Field.fromBigInteger(B);

    private P256Points() {
    }

    /** Scratch field elements for one thread's point operations. */
    static final class Scratch {
        final long[] t = new long[8 * LIMBS];
    }

    static void setInfinity(long[] r, int ro) {
        P256Field.setZero(r, ro + Z);
        copy(r, ro, ONE, 0);
        copy(r, ro + Y, ONE, 0);
    }

    static boolean isInfinity(long[] p, int po) {
        return P256Field.isZero(p, po + Z);
    }

    static void fromAffine(long[] r, int ro, long[] a, int ao) {
        copy(r, ro, a, ao);
        copy(r, ro + Y, a, ao + Y);
        copy(r, ro + Z, ONE, 0);
    }

    /** r = 2p (dbl-2001-b, a = −3: 3M + 5S). r may be p. */
    static void doublePoint(long[] r, int ro, long[] p, int po, Scratch s) {
        long[] t = s.t;
        final int t0 = 0, t1 = LIMBS, t2 = 2 * LIMBS, t3 = 3 * LIMBS, t4 = 4 * LIMBS, t5 = 5 * LIMBS;
        sqr(t, t0, p, po + Z);                 // delta = Z²
        sqr(t, t1, p, po + Y);                 // gamma = Y²
        mul(t, t2, p, po + X, t, t1);          // beta = X·gamma
        sub(t, t3, p, po + X, t, t0);
        add(t, t4, p, po + X, t, t0);
        mul(t, t3, t, t3, t, t4);
        P256Field.mulSmall(t, t3, t, t3, 3);   // alpha = 3(X − delta)(X + delta)
        add(t, t4, p, po + Y, p, po + Z);
        sqr(t, t4, t, t4);
        sub(t, t4, t, t4, t, t1);
        sub(r, ro + Z, t, t4, t, t0);          // Z3 = (Y + Z)² − gamma − delta
        P256Field.mulSmall(t, t2, t, t2, 4);   // 4 beta
        add(t, t5, t, t2, t, t2);              // 8 beta
        sqr(t, t4, t, t3);
        sub(r, ro + X, t, t4, t, t5);          // X3 = alpha² − 8 beta
        sub(t, t2, t, t2, r, ro + X);
        mul(t, t2, t, t3, t, t2);
        sqr(t, t1, t, t1);
        P256Field.mulSmall(t, t1, t, t1, 8);   // 8 gamma²
        sub(r, ro + Y, t, t2, t, t1);          // Y3 = alpha(4 beta − X3) − 8 gamma²
    }

    /**
     * r = p + (x, y) for a Jacobian p and an affine point (madd-2004-hmv: 8M + 3S); y is taken
     * from {@code y}/{@code yo} so that callers can pass a negated y. r may be p. Handles p = ∞,
     * p = q and p = −q.
     */
    static void addAffine(long[] r, int ro, long[] p, int po, long[] q, int qo, long[] y, int yo, Scratch s) {
        if (isInfinity(p, po)) {
            copy(r, ro + X, q, qo + X);
            copy(r, ro + Y, y, yo);
            copy(r, ro + Z, ONE, 0);
            return;
        }
        long[] t = s.t;
        final int t0 = 0, t1 = LIMBS, t2 = 2 * LIMBS, t3 = 3 * LIMBS, t4 = 4 * LIMBS;
        sqr(t, t0, p, po + Z);
        mul(t, t1, t, t0, p, po + Z);
        mul(t, t0, t, t0, q, qo + X);          // U2 = x·Z²
        mul(t, t1, t, t1, y, yo);              // S2 = y·Z³
        sub(t, t0, t, t0, p, po + X);          // H = U2 − X
        sub(t, t1, t, t1, p, po + Y);          // R = S2 − Y
        if (P256Field.isZero(t, t0)) {
            if (P256Field.isZero(t, t1)) {
                doublePoint(r, ro, p, po, s);   // p = q
            } else {
                setInfinity(r, ro);             // p = −q
            }
            return;
        }
        mul(r, ro + Z, p, po + Z, t, t0);      // Z3 = Z·H
        sqr(t, t2, t, t0);                     // H²
        mul(t, t3, t, t2, t, t0);              // H³
        mul(t, t2, p, po + X, t, t2);          // X·H²
        sqr(t, t4, t, t1);
        sub(t, t4, t, t4, t, t3);
        sub(t, t4, t, t4, t, t2);
        sub(r, ro + X, t, t4, t, t2);          // X3 = R² − H³ − 2·X·H²
        sub(t, t2, t, t2, r, ro + X);
        mul(t, t2, t, t1, t, t2);
        mul(t, t3, p, po + Y, t, t3);
        sub(r, ro + Y, t, t2, t, t3);          // Y3 = R(X·H² − X3) − Y·H³
    }

    static void addAffine(long[] r, int ro, long[] p, int po, long[] q, int qo, Scratch s) {
        addAffine(r, ro, p, po, q, qo, q, qo + Y, s);
    }

    /**
     * Montgomery's trick: writes the affine forms of {@code count} Jacobian points (at
     * {@code jacobian[i·JACOBIAN]}) to {@code affine[affineOffset + i·AFFINE]} with one inversion.
     * Points at infinity are marked in {@code infinite} (when given) and left unwritten.
     */
    static void normalizeAll(long[] jacobian, int count, long[] affine, int affineOffset, boolean[] infinite) {
        long[] prefix = new long[count * LIMBS];
        long[] acc = new long[LIMBS];
        copy(acc, 0, ONE, 0);
        for (int i = 0; i < count; i++) {
            int zo = i * JACOBIAN + Z;
            boolean inf = P256Field.isZero(jacobian, zo);
            if (infinite != null) {
                infinite[i] = inf;
            }
            copy(prefix, i * LIMBS, acc, 0);
            if (!inf) {
                mul(acc, 0, acc, 0, jacobian, zo);
            }
        }
        long[] inv = new long[LIMBS];
        P256Field.invert(inv, 0, acc, 0);
        long[] zInv = new long[LIMBS];
        long[] zInv2 = new long[LIMBS];
        for (int i = count - 1; i >= 0; i--) {
            int jo = i * JACOBIAN;
            if (P256Field.isZero(jacobian, jo + Z)) {
                continue;
            }
            mul(zInv, 0, inv, 0, prefix, i * LIMBS);   // 1/Z_i
            mul(inv, 0, inv, 0, jacobian, jo + Z);       // drop Z_i from the running inverse
            sqr(zInv2, 0, zInv, 0);
            int ao = affineOffset + i * AFFINE;
            mul(affine, ao + X, jacobian, jo + X, zInv2, 0);
            mul(zInv2, 0, zInv2, 0, zInv, 0);
            mul(affine, ao + Y, jacobian, jo + Y, zInv2, 0);
        }
    }
}
