package org.madang.ballot.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.madang.ballot.verify.VerificationStep.BALLOT_AGGREGATION;
import static org.madang.ballot.verify.VerificationStep.CHALLENGED_DECRYPTION;
import static org.madang.ballot.verify.VerificationStep.CONFIRMATION_CODES;
import static org.madang.ballot.verify.VerificationStep.ELECTION_PUBLIC_KEY;
import static org.madang.ballot.verify.VerificationStep.GUARDIAN_PUBLIC_KEYS;
import static org.madang.ballot.verify.VerificationStep.PARAMETERS;
import static org.madang.ballot.verify.VerificationStep.SELECTION_ENCRYPTIONS;
import static org.madang.ballot.verify.VerificationStep.TALLY_DECRYPTION;
import static org.madang.ballot.verify.VerificationStep.TALLY_VALIDATION;
import static org.madang.ballot.verify.VerificationStep.VOTE_LIMITS;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madang.ballot.ReferenceRecords;
import org.madang.ballot.json.JsonValue;

/**
 * Each test changes one thing in a copy of the P-256 reference record and checks that the step
 * responsible for it rejects the record, naming the changed object.
 */
class TamperedRecordTest {

    private static final String DEVICE = "encrypted_ballots/runWorkflowDevice/";
    /** id-1 is cast, id-12 challenged (and opened in challenged_ballots). */
    private static final String CAST_BALLOT = DEVICE + "eballot-id-1.json";
    private static final String CHALLENGED_BALLOT = DEVICE + "eballot-id-12.json";

    @TempDir
    Path temp;
    Path record;

    @BeforeEach
    void copyRecord() {
        record = ReferenceRecords.copy(ReferenceRecords.ellipticCurve(), temp.resolve("record"));
    }

    @Test
    void changedTallyCountIsRejectedByTallyDecryption() {
        ReferenceRecords.edit(record.resolve("tally.json"), List.of("contests", 0, "selections", 0, "tally"),
                v -> new JsonValue.JsonNumber(((JsonValue.JsonNumber) v).value().add(BigDecimal.ONE)));
        VerificationReport report = verify();
        assertFailsOnly(report, EnumSet.of(TALLY_DECRYPTION));
        assertNamed(report, TALLY_DECRYPTION, "contest1/selection1");
    }

    @Test
    void changedSelectionProofChallengeIsRejectedBySelectionEncryptions() {
        swapScalar(CAST_BALLOT, List.of("contests", 0, "selections", 1, "proof", "proofs", 0), "challenge", "response");
        VerificationReport report = verify();
        assertFailsOnly(report, EnumSet.of(SELECTION_ENCRYPTIONS));
        assertNamed(report, SELECTION_ENCRYPTIONS, "ballot id-1/contest1/selection2");
    }

    @Test
    void changedContestProofResponseIsRejectedByVoteLimits() {
        swapScalar(CAST_BALLOT, List.of("contests", 0, "proof", "proofs", 1), "response", "challenge");
        VerificationReport report = verify();
        assertFailsOnly(report, EnumSet.of(VOTE_LIMITS));
        assertNamed(report, VOTE_LIMITS, "ballot id-1/contest1");
    }

    @Test
    void changedCiphertextPadIsRejectedBySelectionEncryptions() {
        List<Object> vote = List.of("contests", 0, "selections", 0, "encrypted_vote");
        JsonValue data = ReferenceRecords.get(record.resolve(CAST_BALLOT), append(vote, "data"));
        ReferenceRecords.edit(record.resolve(CAST_BALLOT), append(vote, "pad"), v -> data);
        VerificationReport report = verify();
        // the proof, the contest sum, the contest hash and the aggregate all depend on the pad
        assertFailsOnly(report, EnumSet.of(SELECTION_ENCRYPTIONS, VOTE_LIMITS, CONFIRMATION_CODES, BALLOT_AGGREGATION));
        assertNamed(report, SELECTION_ENCRYPTIONS, "ballot id-1/contest1/selection1");
    }

    @Test
    void changedCiphertextDataIsRejectedBySelectionEncryptions() {
        List<Object> vote = List.of("contests", 1, "selections", 0, "encrypted_vote");
        JsonValue pad = ReferenceRecords.get(record.resolve(CHALLENGED_BALLOT), append(vote, "pad"));
        ReferenceRecords.edit(record.resolve(CHALLENGED_BALLOT), append(vote, "data"), v -> pad);
        VerificationReport report = verify();
        assertThat(failing(report)).contains(SELECTION_ENCRYPTIONS).doesNotContain(PARAMETERS, GUARDIAN_PUBLIC_KEYS);
        assertNamed(report, SELECTION_ENCRYPTIONS, "ballot id-12/contest2/selection4");
    }

    @Test
    void ballotRemovedFromTheRecordIsRejectedByAggregation() throws IOException {
        Files.delete(record.resolve(CAST_BALLOT));
        VerificationReport report = verify();
        assertFailsOnly(report, EnumSet.of(BALLOT_AGGREGATION));
        assertNamed(report, BALLOT_AGGREGATION, "ballot id-1");
    }

    @Test
    void challengedBallotTurnedCastIsRejectedByAggregation() {
        ReferenceRecords.edit(record.resolve(CHALLENGED_BALLOT), List.of("state"), v -> JsonValue.of("CAST"));
        VerificationReport report = verify();
        assertThat(failing(report)).contains(BALLOT_AGGREGATION);
        assertNamed(report, BALLOT_AGGREGATION, "ballot id-12");
    }

    @Test
    void duplicatedBallotIsRejectedByConfirmationCodesAndAggregation() throws IOException {
        Files.copy(record.resolve(CAST_BALLOT), record.resolve(DEVICE + "eballot-id-1-copy.json"));
        VerificationReport report = verify();
        assertFailsOnly(report, EnumSet.of(CONFIRMATION_CODES, BALLOT_AGGREGATION));
        assertThat(report.step(CONFIRMATION_CODES).problems()).anySatisfy(p -> assertThat(p.check()).isEqualTo("7.C"));
    }

    @Test
    void duplicatedBallotUnderNewIdIsRejected() throws IOException {
        Path copy = record.resolve(DEVICE + "eballot-id-1000.json");
        Files.copy(record.resolve(CAST_BALLOT), copy);
        ReferenceRecords.edit(copy, List.of("ballot_id"), v -> JsonValue.of("id-1000"));
        VerificationReport report = verify();
        assertFailsOnly(report, EnumSet.of(CONFIRMATION_CODES, BALLOT_AGGREGATION));
    }

    @Test
    void changedGuardianPublicKeyIsRejectedByGuardianKeys() {
        Path init = record.resolve("election_initialized.json");
        JsonValue other = ReferenceRecords.get(init, List.of("guardians", 1, "coefficient_proofs", 0, "public_key"));
        ReferenceRecords.edit(init, List.of("guardians", 0, "coefficient_proofs", 0, "public_key"), v -> other);
        VerificationReport report = verify();
        assertThat(failing(report)).contains(GUARDIAN_PUBLIC_KEYS, ELECTION_PUBLIC_KEY);
        assertNamed(report, GUARDIAN_PUBLIC_KEYS, "guardian guardian1/coefficient 0");
    }

    @Test
    void changedGuardianCommitmentIsRejectedByGuardianKeys() {
        Path init = record.resolve("election_initialized.json");
        JsonValue other = ReferenceRecords.get(init, List.of("guardians", 2, "coefficient_proofs", 2, "public_key"));
        ReferenceRecords.edit(init, List.of("guardians", 2, "coefficient_proofs", 1, "public_key"), v -> other);
        VerificationReport report = verify();
        assertFailsOnly(report, EnumSet.of(GUARDIAN_PUBLIC_KEYS));
        assertNamed(report, GUARDIAN_PUBLIC_KEYS, "guardian guardian3/coefficient 1");
    }

    @Test
    void changedManifestTextIsRejectedByParameters() throws IOException {
        Path manifest = record.resolve("manifest.json");
        String text = Files.readString(manifest, StandardCharsets.UTF_8);
        Files.writeString(manifest, text.replaceFirst("\"ballot_title\": \"title\"", "\"ballot_title\": \"titlE\""));
        VerificationReport report = verify();
        assertFailsOnly(report, EnumSet.of(PARAMETERS));
        assertThat(report.step(PARAMETERS).problems()).anySatisfy(p -> assertThat(p.check()).isEqualTo("1.G"));
    }

    @Test
    void changedConfirmationCodeIsRejectedByConfirmationCodes() {
        JsonValue other = ReferenceRecords.get(record.resolve(CAST_BALLOT), List.of("contests", 0, "contest_hash"));
        ReferenceRecords.edit(record.resolve(CAST_BALLOT), List.of("confirmation_code"), v -> other);
        VerificationReport report = verify();
        assertFailsOnly(report, EnumSet.of(CONFIRMATION_CODES));
        assertNamed(report, CONFIRMATION_CODES, "ballot id-1");
    }

    @Test
    void changedRevealedChoiceOfChallengedBallotIsRejected() {
        Path opened = record.resolve("challenged_ballots/dballot-id-12.json");
        // the voter chose selection2; the published opening claims selection1
        ReferenceRecords.edit(opened, List.of("contests", 0, "selections", 0, "tally"), v -> JsonValue.of(1));
        ReferenceRecords.edit(opened, List.of("contests", 0, "selections", 1, "tally"), v -> JsonValue.of(0));
        VerificationReport report = verify();
        assertFailsOnly(report, EnumSet.of(CHALLENGED_DECRYPTION));
        assertNamed(report, CHALLENGED_DECRYPTION, "challenged ballot id-12/contest1/selection1");
    }

    @Test
    void changedEncryptedTallyIsRejectedByAggregationAndTallyValidation() {
        Path tally = record.resolve("encrypted_tally.json");
        JsonValue other = ReferenceRecords.get(tally, List.of("contests", 0, "selections", 1, "encrypted_vote"));
        ReferenceRecords.edit(tally, List.of("contests", 0, "selections", 0, "encrypted_vote"), v -> other);
        VerificationReport report = verify();
        assertFailsOnly(report, EnumSet.of(BALLOT_AGGREGATION, TALLY_VALIDATION));
    }

    private void swapScalar(String file, List<Object> at, String target, String source) {
        JsonValue replacement = ReferenceRecords.get(record.resolve(file), append(at, source));
        ReferenceRecords.edit(record.resolve(file), append(at, target), v -> replacement);
    }

    private static List<Object> append(List<Object> path, Object last) {
        List<Object> out = new java.util.ArrayList<>(path);
        out.add(last);
        return out;
    }

    private VerificationReport verify() {
        return new RecordVerifier(2, ProgressListener.NONE).verify(record);
    }

    private static Set<VerificationStep> failing(VerificationReport report) {
        assertThat(report.unreadable()).isEmpty();
        assertThat(report.status()).isEqualTo(VerificationReport.Status.NOT_VERIFIED);
        return report.steps().stream().filter(StepResult::failed).map(StepResult::step)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(VerificationStep.class)));
    }

    private static void assertFailsOnly(VerificationReport report, Set<VerificationStep> expected) {
        assertThat(failing(report)).as(report.steps().toString()).isEqualTo(expected);
    }

    private static void assertNamed(VerificationReport report, VerificationStep step, String objectId) {
        assertThat(report.step(step).problems()).extracting(Problem::objectId).anySatisfy(id -> assertThat(id).contains(objectId));
    }
}
