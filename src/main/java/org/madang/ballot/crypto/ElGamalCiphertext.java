package org.madang.ballot.crypto;

import org.madang.ballot.group.Element;

/**
 * Exponential ElGamal ciphertext (α, β) = (g^ξ, K^(σ+ξ)) of a small integer σ (spec 2.1.0
 * section 3.3). The record calls α the "pad" and β the "data".
 */
public record ElGamalCiphertext(Element pad, Element data) {

    /** Homomorphic addition of the encrypted integers: component-wise product. */
    public ElGamalCiphertext add(ElGamalCiphertext other) {
        return new ElGamalCiphertext(pad.multiply(other.pad), data.multiply(other.data));
    }

    /** The encryption of 0 with nonce 0, the neutral element of {@link #add}. */
    public static ElGamalCiphertext zero(org.madang.ballot.group.Group group) {
        return new ElGamalCiphertext(group.identity(), group.identity());
    }
}
