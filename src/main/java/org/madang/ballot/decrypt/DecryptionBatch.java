package org.madang.ballot.decrypt;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.madang.ballot.crypto.ContestDataDecryptionProof;
import org.madang.ballot.crypto.DecryptionProof;
import org.madang.ballot.crypto.DiscreteLog;
import org.madang.ballot.crypto.ElGamalCiphertext;
import org.madang.ballot.crypto.ElectionKey;
import org.madang.ballot.crypto.HashedElGamalCiphertext;
import org.madang.ballot.encrypt.ContestData;
import org.madang.ballot.group.Element;
import org.madang.ballot.hash.Hasher;
import org.madang.ballot.json.JsonValue;
import org.madang.ballot.record.DecryptedTallyOrBallot;
import org.madang.ballot.record.EncryptedBallot;
import org.madang.ballot.record.EncryptedTally;

/**
 * What one decryption batch decrypts and how its results become record files: every selection of
 * the encrypted tally first, then, for each challenged ballot in the order given, its selections
 * and its contest-data pad contest by contest, in record order. The joint challenges are egk-ec's:
 * H(H_E; 0x30, K, A, B, a, b, M) for selections and H(H_E; 0x31, K, C0, C1, C2, a, b, β) for contest data.
 */
public final class DecryptionBatch {

    private final ElectionKey key;
    private final EncryptedTally tally;
    private final List<EncryptedBallot> challenged;
    private final List<Element> pads = new ArrayList<>();
    private final List<Decryptor.Challenge> challenges = new ArrayList<>();
    private final int tallySize;

    private DecryptionBatch(ElectionKey key, EncryptedTally tally, List<EncryptedBallot> challenged) {
        this.key = key;
        this.tally = tally;
        this.challenged = List.copyOf(challenged);
        if (tally != null) {
            for (EncryptedTally.Contest c : tally.contests()) {
                for (EncryptedTally.Selection s : c.selections()) {
                    add(s.ciphertext().pad(), selectionChallenge(s.ciphertext()));
                }
            }
        }
        tallySize = pads.size();
        for (EncryptedBallot ballot : this.challenged) {
            for (EncryptedBallot.Contest c : ballot.contests()) {
                for (EncryptedBallot.Selection s : c.selections()) {
                    add(s.ciphertext().pad(), selectionChallenge(s.ciphertext()));
                }
                add(c.contestData().c0(), contestDataChallenge(c.contestData()));
            }
        }
    }

    /** The batch for {@code tally} (null when only ballots are decrypted) and the challenged ballots, in that order. */
    public static DecryptionBatch of(ElectionKey key, EncryptedTally tally, List<EncryptedBallot> challenged) {
        return new DecryptionBatch(key, tally, challenged);
    }

    private void add(Element pad, Decryptor.Challenge challenge) {
        pads.add(pad);
        challenges.add(challenge);
    }

    /** The pads A (or C0 of contest data) of every ciphertext, in batch order. */
    public List<Element> pads() {
        return List.copyOf(pads);
    }

    public List<Decryptor.Challenge> challenges() {
        return List.copyOf(challenges);
    }

    public int size() {
        return pads.size();
    }

    private Decryptor.Challenge selectionChallenge(ElGamalCiphertext c) {
        return (a, b, m) -> key.group().hashToScalar(Hasher.with(key.extendedBaseHash(), 0x30)
                .element(key.publicKey()).ciphertext(c).element(a).element(b).element(m).digest().bytes());
    }

    private Decryptor.Challenge contestDataChallenge(HashedElGamalCiphertext c) {
        return (a, b, beta) -> key.group().hashToScalar(Hasher.with(key.extendedBaseHash(), 0x31)
                .element(key.publicKey()).element(c.c0())
                .utf8(HexFormat.of().withUpperCase().formatHex(c.c1()))
                .hash(c.c2()).element(a).element(b).element(beta).digest().bytes());
    }

    /** tally.json's content from the batch's results; counts are recovered with {@code dlog} (base K). */
    public DecryptedTallyOrBallot tally(List<Decryptor.Decryption> results, DiscreteLog dlog, Map<String, Integer> ballotCounts) {
        if (tally == null) {
            throw new IllegalStateException("this batch has no tally");
        }
        checkResults(results);
        List<DecryptedTallyOrBallot.Contest> contests = new ArrayList<>();
        int idx = 0;
        for (EncryptedTally.Contest c : tally.contests()) {
            List<DecryptedTallyOrBallot.Selection> selections = new ArrayList<>();
            for (EncryptedTally.Selection s : c.selections()) {
                selections.add(selection(s.selectionId(), s.ciphertext(), results.get(idx++), dlog));
            }
            contests.add(new DecryptedTallyOrBallot.Contest(c.contestId(), selections,
                    ballotCounts.getOrDefault(c.contestId(), 0), null));
        }
        return new DecryptedTallyOrBallot(tally.tallyId(), contests, tally.electionId());
    }

    /** challenged_ballots/dballot-ID.json's content for each challenged ballot, in the order given to {@link #of}. */
    public List<DecryptedTallyOrBallot> challengedBallots(List<Decryptor.Decryption> results, DiscreteLog dlog) {
        checkResults(results);
        List<DecryptedTallyOrBallot> out = new ArrayList<>();
        int idx = tallySize;
        for (EncryptedBallot ballot : challenged) {
            List<DecryptedTallyOrBallot.Contest> contests = new ArrayList<>();
            for (EncryptedBallot.Contest c : ballot.contests()) {
                List<DecryptedTallyOrBallot.Selection> selections = new ArrayList<>();
                for (EncryptedBallot.Selection s : c.selections()) {
                    selections.add(selection(s.selectionId(), s.ciphertext(), results.get(idx++), dlog));
                }
                Decryptor.Decryption data = results.get(idx++);
                byte[] plain = c.contestData().decrypt(key, c.contestId(), data.m())
                        .orElseThrow(() -> new IllegalStateException("contest data of " + ballot.ballotId() + "/"
                                + c.contestId() + " does not authenticate"));
                JsonValue json = ContestData.decode(plain).map(ContestData::toJson)
                        .orElseThrow(() -> new IllegalStateException("contest data of " + ballot.ballotId() + " is malformed"));
                contests.add(new DecryptedTallyOrBallot.Contest(c.contestId(), selections, 1,
                        new DecryptedTallyOrBallot.DecryptedContestData(json, c.contestData(),
                                new ContestDataDecryptionProof(data.challenge(), data.response()), data.m())));
            }
            out.add(new DecryptedTallyOrBallot(ballot.ballotId(), contests, ballot.electionId()));
        }
        return out;
    }

    private void checkResults(List<Decryptor.Decryption> results) {
        if (results.size() != pads.size()) {
            throw new IllegalArgumentException(results.size() + " decryptions for a batch of " + pads.size());
        }
    }

    private static DecryptedTallyOrBallot.Selection selection(String id, ElGamalCiphertext c, Decryptor.Decryption d,
                                                              DiscreteLog dlog) {
        Element t = c.data().divide(d.m());
        OptionalInt value = dlog.log(t);
        if (value.isEmpty()) {
            throw new IllegalStateException("option " + id + ": count exceeds the bound " + dlog.bound());
        }
        return new DecryptedTallyOrBallot.Selection(id, value.getAsInt(), t, c, new DecryptionProof(d.challenge(), d.response()));
    }
}
