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

    /** (g^ξ, K^(σ+ξ)): exponential ElGamal, so that products of ciphertexts add the votes. */
    public static ElGamalCiphertext encrypt(ElectionKey key, int vote, org.madang.ballot.group.Scalar nonce) {
        if (vote < 0) {
            throw new IllegalArgumentException("a vote is never negative");
        }
        org.madang.ballot.group.Group group = key.group();
        return new ElGamalCiphertext(key.generatorBase().pow(nonce), key.publicKeyBase().pow(nonce.add(group.scalar(vote))));
    }

    /** The encryption of 0 with nonce 0, the neutral element of {@link #add}. */
    public static ElGamalCiphertext zero(org.madang.ballot.group.Group group) {
        return new ElGamalCiphertext(group.identity(), group.identity());
    }
}
