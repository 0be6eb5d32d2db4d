package org.madang.ballot.crypto;

import org.madang.ballot.group.Element;
import org.madang.ballot.group.Scalar;
import org.madang.ballot.hash.Hasher;

/**
 * Proof that β = C0^s for a contest data ciphertext (C0, C1, C2) (Verifications 11 and 14):
 * a = g^v · K^c, b = C0^v · β^c, c = H(H_E; 0x31, K, C0, C1, C2, a, b, β).
 */
public record ContestDataDecryptionProof(Scalar challenge, Scalar response) {

    public boolean verify(ElectionKey key, HashedElGamalCiphertext ciphertext, Element beta) {
        Element a = key.group().publicMultiExp(key.generatorBase(), response, key.publicKeyBase(), challenge);
        Element b = key.group().publicMultiExp(ciphertext.c0(), response, beta, challenge);
        Scalar expected = key.group().hashToScalar(Hasher.with(key.extendedBaseHash(), 0x31)
                .element(key.publicKey()).element(ciphertext.c0())
                .utf8(ciphertext.c1AsHashedText()) // egk-ec hashes C1 as its hex text
                .hash(ciphertext.c2()).element(a).element(b).element(beta)
                .digest().bytes());
        return expected.equals(challenge);
    }
}
