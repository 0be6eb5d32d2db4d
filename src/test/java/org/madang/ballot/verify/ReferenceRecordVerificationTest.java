package org.madang.ballot.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.madang.ballot.ReferenceRecords;

/** Both public reference records must pass every step. */
class ReferenceRecordVerificationTest {

    @Test
    void ellipticCurveRecordVerifies() {
        assertVerifies(ReferenceRecords.ellipticCurve(), "P-256");
    }

    @Test
    void integerGroupRecordVerifies() {
        assertVerifies(ReferenceRecords.integerGroup(), "Integer4096 (low memory use)");
    }

    @Test
    void tamperedIntegerGroupRecordIsRejected(@org.junit.jupiter.api.io.TempDir Path temp) {
        Path record = ReferenceRecords.copy(ReferenceRecords.integerGroup(), temp.resolve("record"));
        ReferenceRecords.edit(record.resolve("tally.json"), java.util.List.of("contests", 0, "selections", 0, "tally"),
                v -> org.madang.ballot.json.JsonValue.of(1000));
        VerificationReport report = new RecordVerifier(2, ProgressListener.NONE).verify(record);
        assertThat(report.status()).isEqualTo(VerificationReport.Status.NOT_VERIFIED);
        assertThat(report.step(VerificationStep.TALLY_DECRYPTION).passed()).isFalse();
        assertThat(report.step(VerificationStep.BALLOT_AGGREGATION).passed()).isTrue();
    }

    private static void assertVerifies(Path record, String group) {
        VerificationReport report = new RecordVerifier().verify(record);
        assertThat(report.unreadable()).isEmpty();
        assertThat(report.groupName()).isEqualTo(group);
        assertThat(report.steps()).hasSize(VerificationStep.values().length);
        for (StepResult step : report.steps()) {
            assertThat(step.problems()).as("step %s", step.step()).isEmpty();
            if (step.step().madangExtension()) {
                // egk-ec's records have no madang/: Madang's steps have nothing to check and must not count either way
                assertThat(step.applicable()).as("step %s", step.step()).isFalse();
                assertThat(step.checked()).as("step %s", step.step()).isZero();
            } else {
                assertThat(step.applicable()).as("step %s", step.step()).isTrue();
                assertThat(step.passed()).as("step %s", step.step()).isTrue();
            }
        }
        assertThat(report.status()).isEqualTo(VerificationReport.Status.VERIFIED);
        assertThat(report.encryptedBallots()).isEqualTo(42);
        assertThat(report.challengedBallots()).isEqualTo(9);
        assertThat(report.step(VerificationStep.TALLY_DECRYPTION).checked()).isGreaterThan(0);
        assertThat(report.step(VerificationStep.CHALLENGED_CONTEST_DATA).checked()).isEqualTo(9);
    }
}
