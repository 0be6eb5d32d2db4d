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

    /**
     * g^x, using the precomputed table of the generator. Safe for SECRET exponents (constant
     * time for P-256, Bouncy Castle's comb).
     */
    Element gPow(Scalar exponent);

    /** Precomputes tables for repeated exponentiation of {@code base} (e.g. the joint key K). */
    FixedBase fixedBase(Element base);

    // ---- PUBLIC EXPONENTS ONLY. The methods below may run in variable time (P-256 uses wNAF
    // and its own field arithmetic); they serve verification, where every exponent comes from
    // the record. Key generation, encryption nonces and decryption shares use gPow,
    // FixedBase.pow and Element.pow instead.

    /** base^x for a public x. */
    Element publicPow(Element base, Scalar x);

    /** base^x for a public x, with the base's tables. */
    Element publicPow(FixedBase base, Scalar x);

    /** a^x · b^y for public x and y, in one pass where the implementation can. */
    Element publicMultiExp(Element a, Scalar x, Element b, Scalar y);

    /** a^x · b^y for public x and y with precomputed bases, as in every proof check (g^v · K^c). */
    Element publicMultiExp(FixedBase a, Scalar x, FixedBase b, Scalar y);

    /** A batch of fixed^x · variable^y products with public exponents. */
    default PublicBatch publicBatch() {
        return new SimplePublicBatch(this);
    }

    /** The product of many elements (e.g. ciphertexts summed for a contest); public values only. */
    default Element publicProduct(java.util.List<Element> elements) {
        Element product = identity();
        for (Element e : elements) {
            product = product.multiply(e);
        }
        return product;
    }
}
