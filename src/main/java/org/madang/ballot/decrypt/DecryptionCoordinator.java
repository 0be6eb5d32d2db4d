package org.madang.ballot.decrypt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.madang.ballot.crypto.ElectionKey;
import org.madang.ballot.group.Element;
import org.madang.ballot.group.Group;
import org.madang.ballot.group.Scalar;
import org.madang.ballot.hash.HashValue;
import org.madang.ballot.keyceremony.KeyCeremonyGuardian;
import org.madang.ballot.record.ElectionInitialized;
import org.madang.ballot.record.Guardian;

/**
 * The relay's side of one decryption batch (spec 2.1.0 sections 3.6.3–3.6.5), driven only by the
 * guardians' public messages so that a server can rebuild it from the messages it stored: it
 * accepts each available guardian's {@link PartialDecryptions}, then each {@link CommitmentReveal}
 * (checked against the hashes committed in round 1), forms the joint challenges, and accepts each
 * {@link ChallengeResponses} only if it satisfies eq 94–95 against g^(P(i)) computed from the
 * public commitments. It holds no secret, so trusting it is not needed: a wrong result fails the
 * verifier's checks of the published proofs.
 *
 * <p>Not thread-safe; callers serialise access (the server per batch, {@link Decryptor} in process).
 */
public final class DecryptionCoordinator {

    private final ElectionKey key;
    private final String batchId;
    private final List<Element> pads;
    private final List<Decryptor.Challenge> challenges;
    private final List<Integer> availableXs;
    /** Available guardians by id, in the order of {@code availableXs}. */
    private final Map<String, Participant> participants = new LinkedHashMap<>();

    private final Map<String, PartialDecryptions> partials = new LinkedHashMap<>();
    private final Map<String, CommitmentReveal> reveals = new LinkedHashMap<>();
    private final Map<String, ChallengeResponses> responses = new LinkedHashMap<>();
    private List<Element> combinedM;
    private List<Scalar> jointChallenges;

    private record Participant(String guardianId, int x, Scalar lagrange, Element shareCommitment) {
    }

    public DecryptionCoordinator(ElectionKey key, ElectionInitialized init, int quorum, String batchId,
                                 List<Element> pads, List<Decryptor.Challenge> challenges, List<Integer> availableXs) {
        if (pads.isEmpty() || pads.size() != challenges.size()) {
            throw new IllegalArgumentException("a batch needs one challenge per pad and at least one pad, found "
                    + pads.size() + " pads and " + challenges.size() + " challenges");
        }
        if (new HashSet<>(availableXs).size() != availableXs.size()) {
            throw new IllegalArgumentException("available guardians " + availableXs + " name a guardian twice");
        }
        if (availableXs.size() < quorum) {
            throw new IllegalArgumentException(availableXs.size() + " guardians available, the quorum is " + quorum);
        }
        this.key = key;
        this.batchId = batchId;
        this.pads = List.copyOf(pads);
        this.challenges = List.copyOf(challenges);
        this.availableXs = List.copyOf(availableXs);
        Group group = key.group();
        for (int x : availableXs) {
            Guardian g = init.guardians().stream().filter(c -> c.xCoordinate() == x).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no guardian has x-coordinate " + x));
            // g^(P(x)) = Π_j Π_m K_(j,m)^(x^m): the only thing a guardian's share is checked against
            Element predicted = group.identity();
            for (Guardian each : init.guardians()) {
                predicted = predicted.multiply(KeyCeremonyGuardian.commitmentAt(
                        each.coefficientProofs().stream().map(p -> p.commitment()).toList(), x));
            }
            participants.put(g.guardianId(), new Participant(g.guardianId(), x,
                    LagrangeCoefficients.of(group, x, availableXs), predicted));
        }
    }

    public String batchId() {
        return batchId;
    }

    public List<Element> pads() {
        return pads;
    }

    public List<Integer> availableXs() {
        return availableXs;
    }

    /** The available guardians' ids, in the order of the x-coordinates given. */
    public List<String> availableGuardianIds() {
        return List.copyOf(participants.keySet());
    }

    /** Round 1: a guardian's partial decryptions and commitment hashes. The same message again is accepted silently. */
    public void acceptPartial(PartialDecryptions p) throws DecryptionException {
        Participant who = participant(p.guardianId(), "partial decryptions");
        if (p.xCoordinate() != who.x()) {
            throw refuse(who, "partial decryptions", "x-coordinate " + p.xCoordinate() + ", the record says " + who.x());
        }
        checkBatch(who, "partial decryptions", p.batchId());
        checkSize(who, "partial decryptions", p.shares().size());
        checkSize(who, "partial decryptions", p.commitmentHashes().size());
        acceptOnce(partials, who, "partial decryptions", p);
    }

    public boolean allPartials() {
        return partials.size() == participants.size();
    }

    /** The accepted partial decryptions, in the order of the available guardians (what round 2 shows everyone). */
    public List<PartialDecryptions> partials() {
        return inAvailableOrder(partials);
    }

    /** Round 2: refused before every partial is in (a guardian must commit before it sees others' commitments). */
    public void acceptReveal(CommitmentReveal r) throws DecryptionException {
        Participant who = participant(r.guardianId(), "commitment reveal");
        if (!allPartials()) {
            throw refuse(who, "commitment reveal", "not every available guardian has sent partial decryptions yet");
        }
        checkBatch(who, "commitment reveal", r.batchId());
        checkSize(who, "commitment reveal", r.a().size());
        checkSize(who, "commitment reveal", r.b().size());
        PartialDecryptions p = partials.get(who.guardianId());
        for (int idx = 0; idx < pads.size(); idx++) {
            HashValue expected = DecryptingTrustee.commitmentHash(key.extendedBaseHash(), who.x(), idx, pads.get(idx),
                    r.a().get(idx), r.b().get(idx), p.shares().get(idx), availableXs);
            if (!expected.equals(p.commitmentHashes().get(idx))) {
                throw refuse(who, "commitment reveal", "commitment " + idx + " does not match the hash committed in round 1");
            }
        }
        acceptOnce(reveals, who, "commitment reveal", r);
        if (allReveals() && combinedM == null) {
            combine();
        }
    }

    public boolean allReveals() {
        return allPartials() && reveals.size() == participants.size();
    }

    public List<CommitmentReveal> reveals() {
        return inAvailableOrder(reveals);
    }

    /** M = Π M_i^(w_i), (a, b) = (Π a_i, Π b_i) and the joint challenge c per ciphertext (eq 85–90). */
    private void combine() {
        Group group = key.group();
        List<Element> ms = new ArrayList<>(pads.size());
        List<Scalar> cs = new ArrayList<>(pads.size());
        for (int idx = 0; idx < pads.size(); idx++) {
            Element m = group.identity();
            Element a = group.identity();
            Element b = group.identity();
            for (Participant who : participants.values()) {
                m = m.multiply(group.publicPow(partials.get(who.guardianId()).shares().get(idx), who.lagrange())); // all public
                a = a.multiply(reveals.get(who.guardianId()).a().get(idx));
                b = b.multiply(reveals.get(who.guardianId()).b().get(idx));
            }
            ms.add(m);
            cs.add(challenges.get(idx).of(a, b, m));
        }
        combinedM = ms;
        jointChallenges = cs;
    }

    /** After all reveals: c_i = c·w_i per pad, the challenges guardian {@code guardianId} must answer (eq 91). */
    public List<Scalar> challengesFor(String guardianId) {
        Participant who = participants.get(guardianId);
        if (who == null) {
            throw new IllegalArgumentException("guardian '" + guardianId + "' is not available for batch " + batchId);
        }
        if (!allReveals()) {
            throw new IllegalStateException("batch " + batchId + ": challenges exist only once every reveal is in");
        }
        return jointChallenges.stream().map(c -> c.multiply(who.lagrange())).toList();
    }

    /** Round 3: accepts v_i only if g^(v_i)·(g^(P(i)))^(c_i) = a_i and A^(v_i)·M_i^(c_i) = b_i for every pad (eq 94–95). */
    public void acceptResponses(ChallengeResponses r) throws DecryptionException {
        Participant who = participant(r.guardianId(), "challenge responses");
        if (!allReveals()) {
            throw refuse(who, "challenge responses", "not every available guardian has revealed its commitments yet");
        }
        checkBatch(who, "challenge responses", r.batchId());
        checkSize(who, "challenge responses", r.responses().size());
        Group group = key.group();
        List<Scalar> ci = challengesFor(who.guardianId());
        PartialDecryptions p = partials.get(who.guardianId());
        CommitmentReveal revealed = reveals.get(who.guardianId());
        for (int idx = 0; idx < pads.size(); idx++) {
            Scalar v = r.responses().get(idx);
            boolean aOk = group.publicMultiExp(group.generator(), v, who.shareCommitment(), ci.get(idx)).equals(revealed.a().get(idx));
            boolean bOk = group.publicMultiExp(pads.get(idx), v, p.shares().get(idx), ci.get(idx)).equals(revealed.b().get(idx));
            if (!aOk || !bOk) {
                throw refuse(who, "challenge responses", "response " + idx + " fails its check (eq " + (aOk ? "95" : "94")
                        + "): an invalid decryption share");
            }
        }
        acceptOnce(responses, who, "challenge responses", r);
    }

    public boolean complete() {
        return allReveals() && responses.size() == participants.size();
    }

    /** One decryption per pad: M and the joint proof (c, v = Σ v_i). */
    public List<Decryptor.Decryption> result() {
        if (!complete()) {
            throw new IllegalStateException("batch " + batchId + " is not complete: " + responses.size() + " of "
                    + participants.size() + " guardians have responded");
        }
        Group group = key.group();
        List<Decryptor.Decryption> out = new ArrayList<>(pads.size());
        for (int idx = 0; idx < pads.size(); idx++) {
            Scalar v = group.scalar(0);
            for (ChallengeResponses r : responses.values()) {
                v = v.add(r.responses().get(idx));
            }
            out.add(new Decryptor.Decryption(combinedM.get(idx), jointChallenges.get(idx), v));
        }
        return out;
    }

    private <T> List<T> inAvailableOrder(Map<String, T> accepted) {
        return participants.keySet().stream().filter(accepted::containsKey).map(accepted::get).toList();
    }

    private Participant participant(String guardianId, String what) throws DecryptionException {
        Participant who = participants.get(guardianId);
        if (who == null) {
            throw new DecryptionException(what + " of guardian '" + guardianId + "' refused: it is not among the "
                    + "available guardians " + participants.keySet() + " of batch " + batchId);
        }
        return who;
    }

    private void checkBatch(Participant who, String what, String messageBatch) throws DecryptionException {
        if (!batchId.equals(messageBatch)) {
            throw refuse(who, what, "it is for batch " + messageBatch + ", not " + batchId);
        }
    }

    private void checkSize(Participant who, String what, int size) throws DecryptionException {
        if (size != pads.size()) {
            throw refuse(who, what, size + " values for " + pads.size() + " ciphertexts");
        }
    }

    private <T> void acceptOnce(Map<String, T> accepted, Participant who, String what, T message) throws DecryptionException {
        T previous = accepted.get(who.guardianId());
        if (previous != null && !previous.equals(message)) {
            throw refuse(who, what, "a different message was already accepted");
        }
        accepted.put(who.guardianId(), message);
    }

    private static DecryptionException refuse(Participant who, String what, String why) {
        return new DecryptionException(what + " of guardian '" + who.guardianId() + "' refused: " + why);
    }
}
