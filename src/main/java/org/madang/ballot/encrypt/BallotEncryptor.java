package org.madang.ballot.encrypt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.madang.ballot.crypto.ConfirmationCodes;
import org.madang.ballot.crypto.ElGamalCiphertext;
import org.madang.ballot.crypto.ElectionKey;
import org.madang.ballot.crypto.HashedElGamalCiphertext;
import org.madang.ballot.crypto.NonceSequence;
import org.madang.ballot.crypto.RangeProof;
import org.madang.ballot.group.Group;
import org.madang.ballot.group.Scalar;
import org.madang.ballot.hash.HashValue;
import org.madang.ballot.hash.Hasher;
import org.madang.ballot.record.BallotState;
import org.madang.ballot.record.EncryptedBallot;
import org.madang.ballot.record.Manifest;

/**
 * Encrypts plaintext ballots (spec 2.1.0 section 3.3). Everything random is derived from the
 * ballot's 32-byte master nonce ξ_B, as egk-ec derives it:
 * ξ_(i,j) = H(H_E; 0x20, ξ_B, ind_c(Λ_i), ind_o(λ_j)) for option j of contest i and
 * ξ = H(H_E; 0x20, ξ_B, ind_c(Λ_i), "contest_data") for the contest data; so a ballot re-encrypts
 * identically from its nonce (what a challenge relies on). Thread-safe.
 */
public final class BallotEncryptor {

    private static final String CONTEST_DATA_LABEL = "contest_data";

    private final ElectionKey key;
    private final Manifest manifest;

    public BallotEncryptor(ElectionKey key, Manifest manifest) {
        this.key = key;
        this.manifest = manifest;
    }

    public ElectionKey key() {
        return key;
    }

    public Manifest manifest() {
        return manifest;
    }

    /** The manifest's contests on a ballot style (those of its geopolitical units), in sequence order. */
    public List<Manifest.Contest> contestsFor(String ballotStyleId) {
        if (manifest.ballotStyles().isEmpty()) {
            return sorted(manifest.contests());
        }
        Manifest.BallotStyle style = manifest.ballotStyles().stream().filter(s -> s.ballotStyleId().equals(ballotStyleId))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("ballot style '" + ballotStyleId + "' is not in the manifest"));
        Set<String> units = new HashSet<>(style.geopoliticalUnitIds());
        return sorted(manifest.contests().stream().filter(c -> units.contains(c.electoralDistrictId())).toList());
    }

    private static List<Manifest.Contest> sorted(List<Manifest.Contest> contests) {
        return contests.stream().sorted(Comparator.comparingInt(Manifest.Contest::sequenceOrder)).toList();
    }

    public EncryptedBallot encrypt(PlaintextBallot ballot, HashValue masterNonce, String device, long timestamp,
                                   byte[] codeBaux, BallotState state) {
        List<Manifest.Contest> contests = contestsFor(ballot.ballotStyleId());
        Set<String> onStyle = new HashSet<>();
        contests.forEach(c -> onStyle.add(c.contestId()));
        for (PlaintextBallot.Contest c : ballot.contests()) {
            if (!onStyle.contains(c.contestId())) {
                throw new IllegalArgumentException("ballot " + ballot.ballotId() + ": contest '" + c.contestId()
                        + "' is not on ballot style '" + ballot.ballotStyleId() + "'");
            }
        }
        List<EncryptedBallot.Contest> encrypted = new ArrayList<>();
        List<HashValue> contestHashes = new ArrayList<>();
        for (Manifest.Contest spec : contests) {
            PlaintextBallot.Contest plain = ballot.contest(spec.contestId())
                    .orElse(new PlaintextBallot.Contest(spec.contestId(), java.util.Map.of(), List.of()));
            EncryptedBallot.Contest contest = encryptContest(ballot.ballotId(), spec, plain, masterNonce);
            encrypted.add(contest);
            contestHashes.add(contest.contestHash());
        }
        HashValue code = ConfirmationCodes.confirmationCode(key, contestHashes, codeBaux);
        return new EncryptedBallot(ballot.ballotId(), ballot.ballotStyleId(), device, timestamp, codeBaux, code,
                key.extendedBaseHash(), encrypted, state, null, false);
    }

    private EncryptedBallot.Contest encryptContest(String ballotId, Manifest.Contest spec, PlaintextBallot.Contest plain,
                                                   HashValue masterNonce) {
        Group group = key.group();
        java.util.Map<String, Manifest.Selection> options = new java.util.HashMap<>();
        spec.selections().forEach(s -> options.put(s.selectionId(), s));
        for (String id : plain.votes().keySet()) {
            if (!options.containsKey(id)) {
                throw new IllegalArgumentException("ballot " + ballotId + ": option '" + id + "' is not in contest '" + spec.contestId() + "'");
            }
        }
        // Over-votes (spec 2.1.0 section 3.3.3): all options are encrypted as 0 and the contest data says why.
        List<Integer> votedFor = new ArrayList<>();
        int total = 0;
        boolean optionOvervote = false;
        for (Manifest.Selection s : spec.selections()) {
            int v = plain.votesFor(s.selectionId());
            if (v > 0) {
                votedFor.add(s.sequenceOrder());
                total += v;
                optionOvervote |= v > spec.optionLimit();
            }
        }
        int marks = total + plain.writeIns().size();
        ContestData.Status status = marks == 0 ? ContestData.Status.null_vote
                : optionOvervote || marks > spec.contestLimit() ? ContestData.Status.over_vote
                : marks < spec.contestLimit() ? ContestData.Status.under_vote : ContestData.Status.normal;
        boolean overvoted = status == ContestData.Status.over_vote;
        ContestData data = new ContestData(overvoted ? votedFor : List.of(), plain.writeIns(), status);

        List<EncryptedBallot.Selection> selections = new ArrayList<>();
        List<ElGamalCiphertext> ciphertexts = new ArrayList<>();
        ElGamalCiphertext sum = ElGamalCiphertext.zero(group);
        Scalar nonceSum = group.scalar(0);
        int encryptedTotal = 0;
        for (Manifest.Selection s : spec.selections().stream().sorted(Comparator.comparingInt(Manifest.Selection::sequenceOrder)).toList()) {
            int vote = overvoted ? 0 : plain.votesFor(s.selectionId());
            Scalar nonce = selectionNonce(masterNonce, spec.sequenceOrder(), s.sequenceOrder());
            ElGamalCiphertext c = ElGamalCiphertext.encrypt(key, vote, nonce);
            RangeProof proof = RangeProof.prove(key, c, vote, spec.optionLimit(), nonce,
                    NonceSequence.fromScalar(group, nonce, "selection range proof"));
            selections.add(new EncryptedBallot.Selection(s.selectionId(), s.sequenceOrder(), c, proof));
            ciphertexts.add(c);
            sum = sum.add(c);
            nonceSum = nonceSum.add(nonce);
            encryptedTotal += vote;
        }
        RangeProof contestProof = RangeProof.prove(key, sum, encryptedTotal, spec.contestLimit(), nonceSum,
                NonceSequence.fromScalar(group, nonceSum, "contest range proof"));
        HashedElGamalCiphertext contestData = HashedElGamalCiphertext.encrypt(key, spec.contestId(),
                data.encode(spec.contestLimit()), contestDataNonce(masterNonce, spec.sequenceOrder()));
        return new EncryptedBallot.Contest(spec.contestId(), spec.sequenceOrder(),
                ConfirmationCodes.contestHash(key, spec.sequenceOrder(), ciphertexts), selections, contestProof, contestData);
    }

    /** ξ_(i,j) = H(H_E; 0x20, ξ_B, ind_c(Λ_i), ind_o(λ_j)). */
    public Scalar selectionNonce(HashValue masterNonce, int contestIndex, int optionIndex) {
        return key.group().hashToScalar(Hasher.with(key.extendedBaseHash(), 0x20).hash(masterNonce)
                .int4(contestIndex).int4(optionIndex).digest().bytes());
    }

    /** ξ = H(H_E; 0x20, ξ_B, ind_c(Λ_i), "contest_data"). */
    public Scalar contestDataNonce(HashValue masterNonce, int contestIndex) {
        return key.group().hashToScalar(Hasher.with(key.extendedBaseHash(), 0x20).hash(masterNonce)
                .int4(contestIndex).utf8(CONTEST_DATA_LABEL).digest().bytes());
    }
}
