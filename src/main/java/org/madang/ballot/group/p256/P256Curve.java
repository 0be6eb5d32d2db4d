package org.madang.ballot.group.p256;

import static org.madang.ballot.group.p256.P256Field.LIMBS;

import java.math.BigInteger;

/**
 * The few point operations {@code P256Group} needs outside scalar multiplication: decompression,
 * addition of affine points into a Jacobian accumulator, negation, batched normalisation.
 * Variable time: public points only.
 */
public final class P256Curve {

    private P256Curve() {
    }

    /**
     * The affine point with x-coordinate x and y of the given parity, or null when x ≥ p or
     * x³ − 3x + b is not a square (no such point on the curve).
     */
    public static long[] decompress(BigInteger x, int yParity) {
        if (x.signum() < 0 || x.compareTo(P256Field.P) >= 0) {
            return null;
        }
        long[] point = new long[P256Points.AFFINE];
        P256Field.fromBigInteger(point, 0, x);
        long[] rhs = new long[LIMBS];
        long[] t = new long[LIMBS];
        P256Field.sqr(rhs, 0, point, 0);
        P256Field.mul(rhs, 0, rhs, 0, point, 0);
        P256Field.add(t, 0, point, 0, point, 0);
        P256Field.add(t, 0, t, 0, point, 0);
        P256Field.sub(rhs, 0, rhs, 0, t, 0);
        P256Field.add(rhs, 0, rhs, 0, P256Points.CURVE_B, 0);
        if (!P256Field.sqrt(point, LIMBS, rhs, 0)) {
            return null;
        }
        byte[] y = new byte[32];
        if (P256Field.toBytes(point, LIMBS, y, 0) != yParity) {
            P256Field.neg(point, LIMBS, point, LIMBS);
        }
        return point;
    }

    public static long[] negate(long[] affine) {
        long[] r = affine.clone();
        P256Field.neg(r, LIMBS, affine, LIMBS);
        return r;
    }

    public static void setInfinity(long[] jacobian) {
        P256Points.setInfinity(jacobian, 0);
    }

    public static void setInfinity(long[] jacobian, int offset) {
        P256Points.setInfinity(jacobian, offset);
    }

    public static void fromAffine(long[] jacobian, long[] affine) {
        P256Points.fromAffine(jacobian, 0, affine, 0);
    }

    /** jacobian += affine. */
    public static void addAffine(long[] jacobian, long[] affine) {
        P256Points.addAffine(jacobian, 0, jacobian, 0, affine, 0, P256PublicMultiplier.workspace().scratch);
    }

    /** Affine forms of {@code count} Jacobian points with one inversion; infinite[i] marks points at infinity. */
    public static void normalizeAll(long[] jacobian, int count, long[] affine, boolean[] infinite) {
        P256Points.normalizeAll(jacobian, count, affine, 0, infinite);
    }
}
