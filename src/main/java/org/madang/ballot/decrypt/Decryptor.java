package org.madang.ballot.decrypt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.madang.ballot.crypto.DiscreteLog;
import org.madang.ballot.crypto.ElectionKey;
import org.madang.ballot.group.Element;
import org.madang.ballot.group.Scalar;
import org.madang.ballot.record.DecryptedTallyOrBallot;
import org.madang.ballot.record.ElectionInitialized;
import org.madang.ballot.record.EncryptedBallot;
import org.madang.ballot.record.EncryptedTally;
import org.madang.ballot.record.Guardian;

/**
 * Decryption with every available trustee in one process (tests, demos, sample records, demo
 * mode): it runs the three rounds of spec 2.1.0 sections 3.6.3–3.6.5 through a
 * {@link DecryptionCoordinator}, which combines the partial decryptions of the available guardians
 * U with their Lagrange coefficients (M = Π M_i^(w_i)), forms the joint challenge and checks each
 * guardian's response against g^(P(i)) (eq 94–95) before it accepts it. {@link DecryptionBatch}
 * says what is decrypted and turns the results into record files.
 *
 * <p>Missing guardians: in 2.1 (as in 2.0) every guardian holds z_i = P(i), a share of the joint
 * polynomial, so any quorum reconstructs M by Lagrange weighting alone; the compensating shares of
 * ElectionGuard 1.x no longer exist. The published proof is the joint (c, v), in egk-ec's form
 * (challenge H(H_E; 0x30, K, A, B, a, b, M), and 0x31 for contest data), which the record
 * verifier checks.
 */
public final class Decryptor {

    private final ElectionKey key;
    private final List<DecryptingTrustee> available;
    private final ElectionInitialized init;
    private final int quorum;
    private final List<Integer> xs = new ArrayList<>();

    /** One decrypted ciphertext: M = A^s and the joint proof (c, v). */
    public record Decryption(Element m, Scalar challenge, Scalar response) {
    }

    /** The joint challenge for one ciphertext from the accumulated commitments and M. */
    @FunctionalInterface
    public interface Challenge {
        Scalar of(Element a, Element b, Element m);
    }

    public Decryptor(ElectionKey key, ElectionInitialized init, int quorum, List<DecryptingTrustee> available) {
        if (available.size() < quorum) {
            throw new IllegalArgumentException(available.size() + " guardians available, the quorum is " + quorum);
        }
        this.key = key;
        this.init = init;
        this.quorum = quorum;
        this.available = List.copyOf(available);
        Map<String, Guardian> guardians = new HashMap<>();
        init.guardians().forEach(g -> guardians.put(g.guardianId(), g));
        for (DecryptingTrustee t : available) {
            Guardian g = guardians.get(t.guardianId());
            if (g == null || g.xCoordinate() != t.xCoordinate() || !g.publicKey().equals(t.publicKey())) {
                throw new IllegalArgumentException("trustee '" + t.guardianId() + "' does not match the election record");
            }
            if (xs.contains(t.xCoordinate())) {
                throw new IllegalArgumentException("trustee '" + t.guardianId() + "' takes part twice");
            }
            xs.add(t.xCoordinate());
        }
    }

    /** Runs the three rounds over a batch of ciphertexts given by their pads A, relaying through a {@link DecryptionCoordinator}. */
    public List<Decryption> decrypt(List<Element> pads, List<Challenge> challenges) {
        String batchId = UUID.randomUUID().toString();
        DecryptionCoordinator coordinator = new DecryptionCoordinator(key, init, quorum, batchId, pads, challenges, xs);
        try {
            List<PartialDecryptions> partials = new ArrayList<>();
            for (DecryptingTrustee t : available) {
                PartialDecryptions p = t.partialDecrypt(key.extendedBaseHash(), batchId, pads, xs);
                coordinator.acceptPartial(p);
                partials.add(p);
            }
            List<CommitmentReveal> reveals = new ArrayList<>();
            for (DecryptingTrustee t : available) {
                CommitmentReveal r = t.reveal(batchId, partials);
                coordinator.acceptReveal(r);
                reveals.add(r);
            }
            for (DecryptingTrustee t : available) {
                coordinator.acceptResponses(t.respond(batchId, reveals, coordinator.challengesFor(t.guardianId())));
            }
        } catch (DecryptionException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return coordinator.result();
    }

    /** Decrypts the encrypted tally into tally.json's content; counts are recovered with {@code dlog} (base K). */
    public DecryptedTallyOrBallot decryptTally(EncryptedTally tally, DiscreteLog dlog, Map<String, Integer> ballotCounts) {
        DecryptionBatch batch = DecryptionBatch.of(key, tally, List.of());
        return batch.tally(decrypt(batch.pads(), batch.challenges()), dlog, ballotCounts);
    }

    /** Decrypts a challenged ballot (options and contest data) into challenged_ballots/dballot-ID.json's content. */
    public DecryptedTallyOrBallot decryptBallot(EncryptedBallot ballot, DiscreteLog dlog) {
        DecryptionBatch batch = DecryptionBatch.of(key, null, List.of(ballot));
        return batch.challengedBallots(decrypt(batch.pads(), batch.challenges()), dlog).get(0);
    }
}
