package org.madang.ballot.verify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.madang.ballot.crypto.ConfirmationCodes;
import org.madang.ballot.crypto.ElGamalCiphertext;
import org.madang.ballot.crypto.ElectionKey;
import org.madang.ballot.group.Element;
import org.madang.ballot.group.PublicBatch;
import org.madang.ballot.hash.HashValue;
import org.madang.ballot.record.EncryptedBallot;
import org.madang.ballot.record.Manifest;

/** Verifications 5, 6 and 7.A–7.B for one encrypted ballot. Stateless, safe to share between threads. */
public final class BallotVerifier {

    private final ElectionKey key;
    private final Manifest manifest;
    private final Map<String, Manifest.Contest> contests;
    private final Set<String> ballotStyles = new HashSet<>();

    public BallotVerifier(ElectionKey key, Manifest manifest) {
        this.key = key;
        this.manifest = manifest;
        this.contests = manifest.contestsById();
        manifest.ballotStyles().forEach(s -> ballotStyles.add(s.ballotStyleId()));
    }

    public void verify(EncryptedBallot ballot, Problems problems) {
        String id = "ballot " + ballot.ballotId();
        if (!ballot.electionId().equals(key.extendedBaseHash())) {
            problems.add(VerificationStep.SELECTION_ENCRYPTIONS, id, "5.0", "election_id is not this election's H_E");
        }
        if (!manifest.ballotStyles().isEmpty() && !ballotStyles.contains(ballot.ballotStyleId())) {
            problems.add(VerificationStep.SELECTION_ENCRYPTIONS, id, "5.0",
                    "ballot style '" + ballot.ballotStyleId() + "' is not in the manifest");
        }
        if (ballot.isPreencrypt()) {
            problems.add(VerificationStep.PRE_ENCRYPTED_BALLOTS, id, "15",
                    "pre-encrypted ballots are not supported by this verifier");
            return;
        }
        Set<String> seenContests = new HashSet<>();
        List<HashValue> contestHashes = new ArrayList<>();
        // All range proofs of the ballot share one batch: each α and β gets its tables once, and
        // a few inversions make every recomputed commitment of the ballot affine.
        PublicBatch batch = key.group().publicBatch();
        List<Consumer<List<Element>>> proofChecks = new ArrayList<>();
        for (EncryptedBallot.Contest contest : ballot.contests()) {
            String cid = id + "/" + contest.contestId();
            contestHashes.add(contest.contestHash());
            if (!seenContests.add(contest.contestId())) {
                problems.add(VerificationStep.SELECTION_ENCRYPTIONS, cid, "5.0", "contest appears twice on the ballot");
                continue;
            }
            Manifest.Contest spec = contests.get(contest.contestId());
            if (spec == null) {
                problems.add(VerificationStep.SELECTION_ENCRYPTIONS, cid, "5.0", "contest is not in the manifest");
                continue;
            }
            proofChecks.add(verifyContest(contest, spec, cid, problems, batch));
        }
        List<Element> commitments = batch.compute();
        proofChecks.forEach(check -> check.accept(commitments));
        // 7.B: H(B) = H(H_E; 0x24, χ_1, ..., χ_mB, B_aux)
        HashValue code = ConfirmationCodes.confirmationCode(key, contestHashes, ballot.codeBaux());
        if (!code.equals(ballot.confirmationCode())) {
            problems.add(VerificationStep.CONFIRMATION_CODES, id, "7.B",
                    "confirmation code does not equal H(H_E; 0x24, contest hashes, B_aux)");
        }
    }

    /** Checks what needs no exponentiation and queues the range proofs; returns their check, to run once the batch is computed. */
    private Consumer<List<Element>> verifyContest(EncryptedBallot.Contest contest, Manifest.Contest spec, String cid,
                                                  Problems problems, PublicBatch batch) {
        if (contest.sequenceOrder() != spec.sequenceOrder()) {
            problems.add(VerificationStep.SELECTION_ENCRYPTIONS, cid, "5.0",
                    "sequence_order " + contest.sequenceOrder() + " differs from the manifest's " + spec.sequenceOrder());
        }
        // Every option of the manifest must be encrypted exactly once: a missing option would
        // let a ballot escape the contest limit, an extra one would add votes to nobody.
        List<String> expected = spec.selections().stream().map(Manifest.Selection::selectionId).toList();
        List<String> actual = contest.selections().stream().map(EncryptedBallot.Selection::selectionId).toList();
        if (!new HashSet<>(expected).equals(new HashSet<>(actual)) || actual.size() != expected.size()) {
            problems.add(VerificationStep.SELECTION_ENCRYPTIONS, cid, "5.0",
                    "encrypted options " + actual + " differ from the manifest's " + expected);
        }
        List<ElGamalCiphertext> ciphertexts = new ArrayList<>();
        List<Element> pads = new ArrayList<>();
        List<Element> datas = new ArrayList<>();
        List<EncryptedBallot.Selection> proven = new ArrayList<>();
        List<Integer> firstCommitment = new ArrayList<>();
        for (EncryptedBallot.Selection selection : contest.selections()) {
            String sid = cid + "/" + selection.selectionId();
            ciphertexts.add(selection.ciphertext());
            pads.add(selection.ciphertext().pad());
            datas.add(selection.ciphertext().data());
            if (selection.ciphertext().pad().isIdentity() || selection.ciphertext().data().isIdentity()) {
                problems.add(VerificationStep.SELECTION_ENCRYPTIONS, sid, "5.A", "ciphertext component is the identity");
                continue;
            }
            proven.add(selection);
            firstCommitment.add(selection.proof().queueCommitments(key, selection.ciphertext(), batch));
        }
        ElGamalCiphertext sum = new ElGamalCiphertext(key.group().publicProduct(pads), key.group().publicProduct(datas));
        int sumFirst = contest.proof().queueCommitments(key, sum, batch);
        // 7.A: χ_l = H(H_E; 0x23, l, K, α_1, β_1, ..., α_m, β_m)
        HashValue contestHash = ConfirmationCodes.contestHash(key, contest.sequenceOrder(), ciphertexts);
        if (!contestHash.equals(contest.contestHash())) {
            problems.add(VerificationStep.CONFIRMATION_CODES, cid, "7.A", "contest hash does not match its ciphertexts");
        }
        return commitments -> {
            for (int i = 0; i < proven.size(); i++) {
                EncryptedBallot.Selection selection = proven.get(i);
                Optional<String> failure = selection.proof().check(key, selection.ciphertext(), spec.optionLimit(), commitments,
                        firstCommitment.get(i));
                failure.ifPresent(f -> problems.add(VerificationStep.SELECTION_ENCRYPTIONS, cid + "/" + selection.selectionId(), "5.D", f));
            }
            Optional<String> limitFailure = contest.proof().check(key, sum, spec.contestLimit(), commitments, sumFirst);
            limitFailure.ifPresent(f -> problems.add(VerificationStep.VOTE_LIMITS, cid, "6.D", f));
        };
    }
}
