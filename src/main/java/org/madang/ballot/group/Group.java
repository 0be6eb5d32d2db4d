package org.madang.ballot.group;

import java.math.BigInteger;

/**
 * The group behind ElectionGuard's mathematics. {@code constants.json} of a record decides which
 * one: {@link Groups#fromConstants}. All elements that come from outside pass through
 * {@link #decodeElement}, which validates them.
 */
public interface Group {

    GroupKind kind();

    /** The name written in constants.json, e.g. "P-256". */
    String name();

    /** q: the prime order of the group (of the subgroup, for the integer group). */
    BigInteger order();

    /** Length in bytes of an encoded element (33 for P-256, 512 for the 4096-bit group). */
    int elementBytes();

    Element generator();

    Element identity();

    /** The parameters as the record's constants.json states them (and H_P hashes them). */
    ElectionConstants constants();

    /**
     * Decodes and validates an element: P-256 points must lie on the curve (the identity has the
     * egk-ec encoding of 33 bytes 0xFF); integers must satisfy 0 < x < p and x^q = 1 mod p.
     */
    Element decodeElement(byte[] encoded) throws InvalidElementException;

    /** Decodes a 32-byte big-endian scalar, which must be in [0, q). */
    default Scalar decodeScalar(byte[] encoded) throws InvalidElementException {
        if (encoded.length != Scalar.BYTES) {
            throw new InvalidElementException("a scalar must be " + Scalar.BYTES + " bytes, found " + encoded.length);
        }
        BigInteger v = new BigInteger(1, encoded);
        if (v.compareTo(order()) >= 0) {
            throw new InvalidElementException("scalar is not less than the group order q");
        }
        return new Scalar(v, order());
    }

    default Scalar scalar(BigInteger value) {
        return new Scalar(value, order());
    }

    default Scalar scalar(long value) {
        return new Scalar(BigInteger.valueOf(value), order());
    }

    /**
     * Maps a 32-byte hash output to Z_q the way the record's writer did: reduction mod q for the
     * integer group; for P-256, egk-ec's RFC 9380 hash_to_field (expand_message_xmd, 48 bytes).
     */
    Scalar hashToScalar(byte[] hash32);

    /** g^x, using the precomputed table of the generator. */
    Element gPow(Scalar exponent);

    /** Precomputes tables for repeated exponentiation of {@code base} (e.g. the joint key K). */
    FixedBase fixedBase(Element base);

    /** a^x · b^y in one pass where the implementation can. */
    Element multiExp(Element a, Scalar x, Element b, Scalar y);

    /** a^x · b^y with a precomputed first base, as in every proof check (g^v · K^c). */
    Element multiExp(FixedBase a, Scalar x, FixedBase b, Scalar y);
}
