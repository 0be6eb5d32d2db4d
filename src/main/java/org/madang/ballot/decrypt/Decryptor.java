package org.madang.ballot.decrypt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.madang.ballot.crypto.ContestDataDecryptionProof;
import org.madang.ballot.crypto.DecryptionProof;
import org.madang.ballot.crypto.DiscreteLog;
import org.madang.ballot.crypto.ElGamalCiphertext;
import org.madang.ballot.crypto.ElectionKey;
import org.madang.ballot.crypto.HashedElGamalCiphertext;
import org.madang.ballot.encrypt.ContestData;
import org.madang.ballot.group.Element;
import org.madang.ballot.group.Group;
import org.madang.ballot.group.Scalar;
import org.madang.ballot.hash.Hasher;
import org.madang.ballot.json.JsonValue;
import org.madang.ballot.keyceremony.KeyCeremonyGuardian;
import org.madang.ballot.record.DecryptedTallyOrBallot;
import org.madang.ballot.record.ElectionInitialized;
import org.madang.ballot.record.EncryptedBallot;
import org.madang.ballot.record.EncryptedTally;
import org.madang.ballot.record.Guardian;

/**
 * The administrator's side of decryption (spec 2.1.0 sections 3.6.3–3.6.5): it relays the
 * guardians' messages, combines the partial decryptions of the available guardians U with their
 * Lagrange coefficients (M = Π M_i^(w_i)), forms the joint challenge and checks each guardian's
 * response against g^(P(i)) computed from the public commitments (eq 94–95) before it accepts it.
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
    private final List<Integer> xs = new ArrayList<>();
    private final Map<String, Scalar> lagrange = new HashMap<>();
    private final Map<String, Element> shareCommitments = new HashMap<>();

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
        Group group = key.group();
        for (DecryptingTrustee t : available) {
            lagrange.put(t.guardianId(), LagrangeCoefficients.of(group, t.xCoordinate(), xs));
            // g^(P(i)) = Π_j Π_m K_(j,m)^(i^m): the only thing a guardian's share is checked against
            Element predicted = group.identity();
            for (Guardian g : init.guardians()) {
                predicted = predicted.multiply(KeyCeremonyGuardian.commitmentAt(
                        g.coefficientProofs().stream().map(p -> p.commitment()).toList(), t.xCoordinate()));
            }
            shareCommitments.put(t.guardianId(), predicted);
        }
    }

    /** Runs the three rounds over a batch of ciphertexts given by their pads A. */
    public List<Decryption> decrypt(List<Element> pads, List<Challenge> challenges) {
        Group group = key.group();
        String batchId = UUID.randomUUID().toString();
        List<PartialDecryptions> partials = new ArrayList<>();
        for (DecryptingTrustee t : available) {
            partials.add(t.partialDecrypt(key.extendedBaseHash(), batchId, pads, xs));
        }
        List<CommitmentReveal> reveals = new ArrayList<>();
        for (DecryptingTrustee t : available) {
            reveals.add(t.reveal(batchId, partials));
        }
        List<Element> ms = new ArrayList<>();
        List<Scalar> jointChallenges = new ArrayList<>();
        for (int idx = 0; idx < pads.size(); idx++) {
            Element m = group.identity();
            Element a = group.identity();
            Element b = group.identity();
            for (int t = 0; t < available.size(); t++) {
                // shares and Lagrange coefficients are public
                m = m.multiply(group.publicPow(partials.get(t).shares().get(idx), lagrange.get(available.get(t).guardianId())));
                a = a.multiply(reveals.get(t).a().get(idx));
                b = b.multiply(reveals.get(t).b().get(idx));
            }
            ms.add(m);
            jointChallenges.add(challenges.get(idx).of(a, b, m));
        }
        List<Scalar> sums = new ArrayList<>();
        pads.forEach(p -> sums.add(group.scalar(0)));
        for (int t = 0; t < available.size(); t++) {
            DecryptingTrustee trustee = available.get(t);
            Scalar w = lagrange.get(trustee.guardianId());
            List<Scalar> ci = jointChallenges.stream().map(c -> c.multiply(w)).toList();
            ChallengeResponses r = trustee.respond(batchId, reveals, ci);
            Element gz = shareCommitments.get(trustee.guardianId());
            for (int idx = 0; idx < pads.size(); idx++) {
                Scalar v = r.responses().get(idx);
                boolean aOk = group.publicMultiExp(group.generator(), v, gz, ci.get(idx)).equals(reveals.get(t).a().get(idx));
                boolean bOk = group.publicMultiExp(pads.get(idx), v, partials.get(t).shares().get(idx), ci.get(idx))
                        .equals(reveals.get(t).b().get(idx));
                if (!aOk || !bOk) {
                    throw new IllegalStateException("guardian '" + trustee.guardianId() + "' gave an invalid decryption share");
                }
                sums.set(idx, sums.get(idx).add(v));
            }
        }
        List<Decryption> out = new ArrayList<>();
        for (int idx = 0; idx < pads.size(); idx++) {
            out.add(new Decryption(ms.get(idx), jointChallenges.get(idx), sums.get(idx)));
        }
        return out;
    }

    private Challenge selectionChallenge(ElGamalCiphertext c) {
        return (a, b, m) -> key.group().hashToScalar(Hasher.with(key.extendedBaseHash(), 0x30)
                .element(key.publicKey()).ciphertext(c).element(a).element(b).element(m).digest().bytes());
    }

    private Challenge contestDataChallenge(HashedElGamalCiphertext c) {
        return (a, b, beta) -> key.group().hashToScalar(Hasher.with(key.extendedBaseHash(), 0x31)
                .element(key.publicKey()).element(c.c0())
                .utf8(java.util.HexFormat.of().withUpperCase().formatHex(c.c1()))
                .hash(c.c2()).element(a).element(b).element(beta).digest().bytes());
    }

    /** Decrypts the encrypted tally into tally.json's content; counts are recovered with {@code dlog} (base K). */
    public DecryptedTallyOrBallot decryptTally(EncryptedTally tally, DiscreteLog dlog, Map<String, Integer> ballotCounts) {
        List<ElGamalCiphertext> texts = new ArrayList<>();
        tally.contests().forEach(c -> c.selections().forEach(s -> texts.add(s.ciphertext())));
        List<Decryption> d = decrypt(texts.stream().map(ElGamalCiphertext::pad).toList(),
                texts.stream().map(this::selectionChallenge).toList());
        List<DecryptedTallyOrBallot.Contest> contests = new ArrayList<>();
        int idx = 0;
        for (EncryptedTally.Contest c : tally.contests()) {
            List<DecryptedTallyOrBallot.Selection> selections = new ArrayList<>();
            for (EncryptedTally.Selection s : c.selections()) {
                selections.add(selection(s.selectionId(), s.ciphertext(), d.get(idx++), dlog));
            }
            contests.add(new DecryptedTallyOrBallot.Contest(c.contestId(), selections,
                    ballotCounts.getOrDefault(c.contestId(), 0), null));
        }
        return new DecryptedTallyOrBallot(tally.tallyId(), contests, tally.electionId());
    }

    /** Decrypts a challenged ballot (options and contest data) into challenged_ballots/dballot-ID.json's content. */
    public DecryptedTallyOrBallot decryptBallot(EncryptedBallot ballot, DiscreteLog dlog) {
        List<Element> pads = new ArrayList<>();
        List<Challenge> challenges = new ArrayList<>();
        for (EncryptedBallot.Contest c : ballot.contests()) {
            for (EncryptedBallot.Selection s : c.selections()) {
                pads.add(s.ciphertext().pad());
                challenges.add(selectionChallenge(s.ciphertext()));
            }
            pads.add(c.contestData().c0());
            challenges.add(contestDataChallenge(c.contestData()));
        }
        List<Decryption> d = decrypt(pads, challenges);
        List<DecryptedTallyOrBallot.Contest> contests = new ArrayList<>();
        int idx = 0;
        for (EncryptedBallot.Contest c : ballot.contests()) {
            List<DecryptedTallyOrBallot.Selection> selections = new ArrayList<>();
            for (EncryptedBallot.Selection s : c.selections()) {
                selections.add(selection(s.selectionId(), s.ciphertext(), d.get(idx++), dlog));
            }
            Decryption data = d.get(idx++);
            byte[] plain = c.contestData().decrypt(key, c.contestId(), data.m())
                    .orElseThrow(() -> new IllegalStateException("contest data of " + ballot.ballotId() + "/" + c.contestId()
                            + " does not authenticate"));
            JsonValue json = ContestData.decode(plain).map(ContestData::toJson)
                    .orElseThrow(() -> new IllegalStateException("contest data of " + ballot.ballotId() + " is malformed"));
            contests.add(new DecryptedTallyOrBallot.Contest(c.contestId(), selections, 1,
                    new DecryptedTallyOrBallot.DecryptedContestData(json, c.contestData(),
                            new ContestDataDecryptionProof(data.challenge(), data.response()), data.m())));
        }
        return new DecryptedTallyOrBallot(ballot.ballotId(), contests, ballot.electionId());
    }

    private DecryptedTallyOrBallot.Selection selection(String id, ElGamalCiphertext c, Decryption d, DiscreteLog dlog) {
        Element t = c.data().divide(d.m());
        OptionalInt value = dlog.log(t);
        if (value.isEmpty()) {
            throw new IllegalStateException("option " + id + ": count exceeds the bound " + dlog.bound());
        }
        return new DecryptedTallyOrBallot.Selection(id, value.getAsInt(), t, c, new DecryptionProof(d.challenge(), d.response()));
    }
}
