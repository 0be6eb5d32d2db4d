package org.madang.ballot.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.madang.ballot.group.Element;
import org.madang.ballot.group.Group;
import org.madang.ballot.group.PublicBatch;
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
        PublicBatch batch = key.group().publicBatch();
        int first = queueCommitments(key, ciphertext, batch);
        return check(key, ciphertext, limit, batch.compute(), first);
    }

    /**
     * Queues the recomputed commitments a_j = g^(v_j) · α^(c_j), b_j = K^(w_j) · β^(c_j) (public
     * values: verification only), two per part, and returns the index of a_0 (−1 for no parts); α and
     * β recur in every term, which a batch exploits.
     */
    public int queueCommitments(ElectionKey key, ElGamalCiphertext ciphertext, PublicBatch batch) {
        Group group = key.group();
        int first = -1;
        for (int j = 0; j < parts.size(); j++) {
            Scalar c = parts.get(j).challenge();
            Scalar v = parts.get(j).response();
            Scalar w = v.subtract(group.scalar(j).multiply(c));
            int a = batch.add(key.generatorBase(), v, ciphertext.pad(), c);
            batch.add(key.publicKeyBase(), w, ciphertext.data(), c);
            if (j == 0) {
                first = a;
            }
        }
        return first;
    }

    /**
     * Checks the proof against the commitments {@link #queueCommitments} queued (found from
     * {@code first} on in {@code computed}): the challenges must sum to
     * H(H_E; 0x21, K, α, β, a_0, b_0, ..., a_L, b_L).
     */
    public Optional<String> check(ElectionKey key, ElGamalCiphertext ciphertext, int limit, List<Element> computed, int first) {
        if (parts.size() != limit + 1) {
            return Optional.of("range proof has " + parts.size() + " parts, the limit " + limit + " needs " + (limit + 1));
        }
        Group group = key.group();
        Hasher h = Hasher.with(key.extendedBaseHash(), 0x21).element(key.publicKey()).ciphertext(ciphertext);
        Scalar challengeSum = group.scalar(0);
        for (int j = 0; j < parts.size(); j++) {
            challengeSum = challengeSum.add(parts.get(j).challenge());
            h.element(computed.get(first + 2 * j));
            h.element(computed.get(first + 2 * j + 1));
        }
        Scalar expected = group.hashToScalar(h.digest().bytes());
        if (!expected.equals(challengeSum)) {
            return Optional.of("range proof challenges do not sum to H(H_E; 0x21, K, α, β, a_j, b_j ...)");
        }
        return Optional.empty();
    }

    /**
     * Proves that {@code ciphertext} = (g^ξ, K^(ξ+vote)) encrypts a value in 0..limit. The true
     * branch j = vote commits honestly (a = g^u, b = K^u); every other branch is simulated from a
     * chosen challenge and response, read straight off the verification equations. The real
     * challenge c_vote = c − Σ others then closes the proof, v_vote = u − c_vote·ξ.
     *
     * @param randomness source of u and the simulated (c_j, v_j); derived from ξ for reproducibility
     */
    public static RangeProof prove(ElectionKey key, ElGamalCiphertext ciphertext, int vote, int limit, Scalar nonce,
                                   NonceSequence randomness) {
        if (vote < 0 || vote > limit) {
            throw new IllegalArgumentException("vote " + vote + " is outside 0.." + limit);
        }
        Group group = key.group();
        Scalar[] challenges = new Scalar[limit + 1];
        Scalar[] responses = new Scalar[limit + 1];
        List<Element> commitments = new ArrayList<>(2 * (limit + 1));
        Scalar u = randomness.get(0);
        Scalar othersSum = group.scalar(0);
        for (int j = 0; j <= limit; j++) {
            if (j == vote) {
                commitments.add(key.generatorBase().pow(u));
                commitments.add(key.publicKeyBase().pow(u));
                continue;
            }
            Scalar c = randomness.get(2 * j + 1);
            Scalar v = randomness.get(2 * j + 2);
            Scalar w = v.subtract(group.scalar(j).multiply(c));
            commitments.add(key.generatorBase().pow(v).multiply(ciphertext.pad().pow(c)));
            commitments.add(key.publicKeyBase().pow(w).multiply(ciphertext.data().pow(c)));
            challenges[j] = c;
            responses[j] = v;
            othersSum = othersSum.add(c);
        }
        Hasher h = Hasher.with(key.extendedBaseHash(), 0x21).element(key.publicKey()).ciphertext(ciphertext);
        commitments.forEach(h::element);
        Scalar c = group.hashToScalar(h.digest().bytes());
        challenges[vote] = c.subtract(othersSum);
        responses[vote] = u.subtract(challenges[vote].multiply(nonce));
        List<ChallengeResponse> parts = new ArrayList<>(limit + 1);
        for (int j = 0; j <= limit; j++) {
            parts.add(new ChallengeResponse(challenges[j], responses[j]));
        }
        return new RangeProof(parts);
    }
}
