package org.madang.ballot.group;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/** An integer modulo the group order q (ElectionGuard's Z_q). Immutable; always reduced. */
public final class Scalar {

    /** Every ElectionGuard group in use has a 256-bit q, so scalars are encoded in 32 bytes. */
    public static final int BYTES = 32;

    private final BigInteger value;
    private final BigInteger order;

    Scalar(BigInteger value, BigInteger order) {
        this.value = value.mod(order);
        this.order = order;
    }

    public BigInteger value() {
        return value;
    }

    public BigInteger order() {
        return order;
    }

    public Scalar add(Scalar other) {
        return new Scalar(value.add(other.value), order);
    }

    public Scalar subtract(Scalar other) {
        return new Scalar(value.subtract(other.value), order);
    }

    public Scalar multiply(Scalar other) {
        return new Scalar(value.multiply(other.value), order);
    }

    public Scalar negate() {
        return new Scalar(value.negate(), order);
    }

    public Scalar inverse() {
        return new Scalar(value.modInverse(order), order);
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    /** Big-endian, left-padded to 32 bytes, as hash inputs and the record need. */
    public byte[] encode() {
        return Bytes.fixedLength(value, BYTES);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scalar s && s.value.equals(value) && s.order.equals(order);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, order);
    }

    @Override
    public String toString() {
        return "Scalar(" + java.util.Base64.getEncoder().encodeToString(encode()) + ")";
    }

    static boolean sameBytes(byte[] a, byte[] b) {
        return Arrays.equals(a, b);
    }
}
