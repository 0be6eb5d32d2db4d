package org.madang.ballot.crypto;

import org.madang.ballot.group.Element;
import org.madang.ballot.group.Scalar;
import org.madang.ballot.hash.Hasher;

/**
 * Chaum–Pedersen proof that a decryption used the election secret key s with K = g^s
 * (spec 2.1.0 section 3.6; Verifications 9 and 12): for the ciphertext (A, B) and the revealed
 * T = B / M with M = A^s, a = g^v · K^c, b = A^v · M^c and c = H(H_E; 0x30, K, A, B, a, b, M).
 */
public record DecryptionProof(Scalar challenge, Scalar response) {

    /** @param bOverM T = K^t, the record's "b_over_m" */
    public boolean verify(ElectionKey key, ElGamalCiphertext ciphertext, Element bOverM) {
        Element m = ciphertext.data().divide(bOverM);
        Element a = key.group().publicMultiExp(key.generatorBase(), response, key.publicKeyBase(), challenge);
        Element b = key.group().publicMultiExp(ciphertext.pad(), response, m, challenge);
        Scalar expected = key.group().hashToScalar(Hasher.with(key.extendedBaseHash(), 0x30)
                .element(key.publicKey()).ciphertext(ciphertext).element(a).element(b).element(m)
                .digest().bytes());
        return expected.equals(challenge);
    }
}
