package org.madang.ballot.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.madang.ballot.group.Element;
import org.madang.ballot.group.Group;
import org.madang.ballot.group.Scalar;
import org.madang.ballot.hash.Hasher;

/**
 * Disjunctive Chaum–Pedersen proof that (α, β) encrypts one of 0, 1, ..., L (spec 2.1.0 section
 * 3.3.5; Verifications 5 and 6). For each j: a_j = g^(v_j) · α^(c_j),
 * b_j = K^(w_j) · β^(c_j) with w_j = v_j − j·c_j, and the challenges must sum to
 * c = H(H_E; 0x21, K, α, β, a_0, b_0, ..., a_L, b_L).
 */
public record RangeProof(List<ChallengeResponse> parts) {

    public RangeProof {
        parts = List.copyOf(parts);
    }

    /** Returns the reason the proof fails, or empty when it holds for {@code limit}. */
    public Optional<String> verify(ElectionKey key, ElGamalCiphertext ciphertext, int limit) {
        if (parts.size() != limit + 1) {
            return Optional.of("range proof has " + parts.size() + " parts, the limit " + limit + " needs " + (limit + 1));
        }
        Group group = key.group();
        List<Element> commitments = new ArrayList<>(2 * parts.size());
        Scalar challengeSum = group.scalar(0);
        for (int j = 0; j < parts.size(); j++) {
            Scalar c = parts.get(j).challenge();
            Scalar v = parts.get(j).response();
            Scalar w = v.subtract(group.scalar(j).multiply(c));
            commitments.add(key.generatorBase().pow(v).multiply(ciphertext.pad().pow(c)));
            commitments.add(key.publicKeyBase().pow(w).multiply(ciphertext.data().pow(c)));
            challengeSum = challengeSum.add(c);
        }
        Hasher h = Hasher.with(key.extendedBaseHash(), 0x21).element(key.publicKey()).ciphertext(ciphertext);
        commitments.forEach(h::element);
        Scalar expected = group.hashToScalar(h.digest().bytes());
        if (!expected.equals(challengeSum)) {
            return Optional.of("range proof challenges do not sum to H(H_E; 0x21, K, α, β, a_j, b_j ...)");
        }
        return Optional.empty();
    }
}
