package org.madang.ballot.tally;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.madang.ballot.crypto.CiphertextSums;
import org.madang.ballot.crypto.ElGamalCiphertext;
import org.madang.ballot.group.Group;
import org.madang.ballot.hash.HashValue;
import org.madang.ballot.record.BallotState;
import org.madang.ballot.record.EncryptedBallot;
import org.madang.ballot.record.EncryptedTally;
import org.madang.ballot.record.Manifest;

/**
 * Homomorphic accumulation of the cast ballots (spec 2.1.0 section 3.5): per option, the product
 * of the ciphertexts. Every manifest option appears in the tally; one no cast ballot encrypts holds
 * (1, 1), the encryption of 0 that verification 8 expects. Ballots must have been verified first.
 */
public final class TallyAccumulator {

    private final Group group;
    private final Manifest manifest;
    private final HashValue extendedBaseHash;
    private final CiphertextSums sums;
    private final Map<String, Integer> ballotsPerContest = new HashMap<>();
    private final Set<String> castIds = new LinkedHashSet<>();

    public TallyAccumulator(Group group, Manifest manifest, HashValue extendedBaseHash) {
        this.group = group;
        this.manifest = manifest;
        this.extendedBaseHash = extendedBaseHash;
        this.sums = new CiphertextSums(group);
    }

    /** Adds a ballot if it is cast; returns whether it was counted. A ballot id counts once. */
    public synchronized boolean add(EncryptedBallot ballot) {
        if (ballot.state() != BallotState.CAST || !ballot.electionId().equals(extendedBaseHash)) {
            return false;
        }
        if (!castIds.add(ballot.ballotId())) {
            throw new IllegalArgumentException("ballot " + ballot.ballotId() + " is already in the tally");
        }
        for (EncryptedBallot.Contest c : ballot.contests()) {
            ballotsPerContest.merge(c.contestId(), 1, Integer::sum);
            for (EncryptedBallot.Selection s : c.selections()) {
                sums.add(c.contestId() + "/" + s.selectionId(), s.ciphertext());
            }
        }
        return true;
    }

    /** How many cast ballots held each contest (tally.json's ballot_count). */
    public synchronized Map<String, Integer> ballotsPerContest() {
        return Map.copyOf(ballotsPerContest);
    }

    public synchronized EncryptedTally result(String tallyId) {
        List<EncryptedTally.Contest> contests = new ArrayList<>();
        Map<String, ElGamalCiphertext> totals = sums.sums();
        for (Manifest.Contest c : manifest.contests().stream().sorted(Comparator.comparingInt(Manifest.Contest::sequenceOrder)).toList()) {
            List<EncryptedTally.Selection> selections = new ArrayList<>();
            for (Manifest.Selection s : c.selections().stream().sorted(Comparator.comparingInt(Manifest.Selection::sequenceOrder)).toList()) {
                selections.add(new EncryptedTally.Selection(s.selectionId(), s.sequenceOrder(),
                        totals.getOrDefault(c.contestId() + "/" + s.selectionId(), ElGamalCiphertext.zero(group))));
            }
            contests.add(new EncryptedTally.Contest(c.contestId(), c.sequenceOrder(), selections));
        }
        return new EncryptedTally(tallyId, contests, List.copyOf(castIds), extendedBaseHash);
    }
}
