package org.madang.ballot.verify;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.madang.ballot.crypto.ElectionKey;
import org.madang.ballot.record.DecryptedTallyOrBallot;
import org.madang.ballot.record.Manifest;

/**
 * Verifications 9–11 (the tally) and 12–14 (a challenged ballot): the two differ only in the
 * limit checks 13.B–C, which apply to single ballots.
 */
final class DecryptionVerifier {

    private final ElectionKey key;
    private final Map<String, Manifest.Contest> contests;

    DecryptionVerifier(ElectionKey key, Manifest manifest) {
        this.key = key;
        this.contests = manifest.contestsById();
    }

    void verify(DecryptedTallyOrBallot decrypted, boolean isBallot, Problems problems) {
        VerificationStep proofStep = isBallot ? VerificationStep.CHALLENGED_DECRYPTION : VerificationStep.TALLY_DECRYPTION;
        VerificationStep validationStep = isBallot ? VerificationStep.CHALLENGED_VALIDATION : VerificationStep.TALLY_VALIDATION;
        VerificationStep dataStep = isBallot ? VerificationStep.CHALLENGED_CONTEST_DATA : VerificationStep.TALLY_CONTEST_DATA;
        String proofNo = isBallot ? "12" : "9";
        String validNo = isBallot ? "13" : "10";
        String dataNo = isBallot ? "14" : "11";
        String id = (isBallot ? "challenged ballot " : "tally ") + decrypted.id();

        if (!decrypted.electionId().equals(key.extendedBaseHash())) {
            problems.add(validationStep, id, validNo + ".0", "election_id is not this election's H_E");
        }
        Set<String> seenContests = new HashSet<>();
        for (DecryptedTallyOrBallot.Contest contest : decrypted.contests()) {
            String cid = id + "/" + contest.contestId();
            if (!seenContests.add(contest.contestId())) {
                problems.add(validationStep, cid, validNo + ".B", "contest appears twice");
                continue;
            }
            Manifest.Contest spec = contests.get(contest.contestId());
            if (spec == null) {
                problems.add(validationStep, cid, isBallot ? "13.D" : "10.B", "contest is not in the manifest");
                continue;
            }
            Set<String> manifestOptions = new HashSet<>();
            spec.selections().forEach(s -> manifestOptions.add(s.selectionId()));
            Set<String> seenOptions = new HashSet<>();
            long votes = 0;
            for (DecryptedTallyOrBallot.Selection selection : contest.selections()) {
                String sid = cid + "/" + selection.selectionId();
                if (!manifestOptions.contains(selection.selectionId())) {
                    problems.add(validationStep, sid, isBallot ? "13.E" : "10.C", "option is not in the manifest's contest");
                    continue;
                }
                if (!seenOptions.add(selection.selectionId())) {
                    problems.add(validationStep, sid, isBallot ? "13.E" : "10.C", "option appears twice");
                    continue;
                }
                if (!selection.proof().verify(key, selection.ciphertext(), selection.bOverM())) {
                    problems.add(proofStep, sid, proofNo + ".B", "decryption proof challenge does not match");
                }
                // T = K^t: the published count is what the verified decryption reveals
                if (!key.group().publicPow(key.publicKeyBase(), key.group().scalar(selection.tally())).equals(selection.bOverM())) {
                    problems.add(proofStep, sid, isBallot ? "12.C" : "9.C",
                            "published count " + selection.tally() + " does not match the decryption (T != K^t)");
                }
                if (isBallot && selection.tally() > spec.optionLimit()) {
                    problems.add(validationStep, sid, "13.B",
                            "vote " + selection.tally() + " exceeds the option limit " + spec.optionLimit());
                }
                votes += selection.tally();
            }
            if (isBallot && votes > spec.contestLimit()) {
                problems.add(validationStep, cid, "13.C", "votes " + votes + " exceed the contest limit " + spec.contestLimit());
            }
            for (String option : manifestOptions) {
                if (!seenOptions.contains(option)) {
                    problems.add(validationStep, cid + "/" + option, isBallot ? "13.F" : "10.D",
                            "manifest option is missing from the decryption");
                }
            }
            DecryptedTallyOrBallot.DecryptedContestData data = contest.contestData();
            if (data != null) {
                if (!data.proof().verify(key, data.ciphertext(), data.beta())) {
                    problems.add(dataStep, cid, dataNo + ".B", "contest data decryption proof challenge does not match");
                } else if (data.ciphertext().decrypt(key, contest.contestId(), data.beta()).isEmpty()) {
                    problems.add(dataStep, cid, dataNo + ".C", "contest data MAC does not authenticate with the revealed β");
                }
            }
        }
    }
}
