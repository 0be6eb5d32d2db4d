package org.madang.ballot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.madang.ballot.ReferenceRecords;
import org.madang.ballot.json.JsonValue;
import org.madang.ballot.verify.ProgressListener;
import org.madang.ballot.verify.RecordVerifier;
import org.madang.ballot.verify.VerificationReport;
import org.madang.ballot.verify.VerificationStep;

/**
 * The sample records {@link SampleRecords} writes verify, and tampering is caught. They are generated here, not
 * committed: generated records in egk-ec's layout are easily taken for copies of the reference records.
 */
class SampleRecordsTest {

    @TempDir
    static Path samples;

    @BeforeAll
    static void generateSamples() throws Exception {
        SampleRecords.main(new String[] {samples.toString()});
    }

    private static VerificationReport verify(Path dir) {
        return new RecordVerifier(2, ProgressListener.NONE).verify(dir);
    }

    @ParameterizedTest
    @ValueSource(strings = {"p256-chained", "int4096"})
    void sampleRecordVerifies(String name) {
        Path dir = samples.resolve(name);
        assertThat(dir).isDirectory();
        VerificationReport report = verify(dir);
        report.steps().forEach(s -> assertThat(s.problems()).as(s.step().toString()).isEmpty());
        assertThat(report.status()).isEqualTo(VerificationReport.Status.VERIFIED);
        assertThat(report.challengedBallots()).isEqualTo(2);
    }

    private static Path copy(Path target) {
        return ReferenceRecords.copy(samples.resolve("p256-chained"), target);
    }

    private static void assertFails(Path dir, VerificationStep step, String check) {
        VerificationReport report = verify(dir);
        assertThat(report.status()).isEqualTo(VerificationReport.Status.NOT_VERIFIED);
        assertThat(report.step(step).problems()).extracting(p -> p.check()).contains(check);
    }

    private static Path firstBallot(Path dir) throws Exception {
        try (var files = Files.list(dir.resolve("encrypted_ballots/booth-1"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("eballot-")).sorted().findFirst().orElseThrow();
        }
    }

    @Test
    void swappedCiphertextsBreakTheProofAndTheConfirmationCode(@TempDir Path tmp) throws Exception {
        Path dir = copy(tmp);
        Path ballot = firstBallot(dir);
        JsonValue first = ReferenceRecords.get(ballot, List.of("contests", 0, "selections", 0, "encrypted_vote"));
        JsonValue second = ReferenceRecords.get(ballot, List.of("contests", 0, "selections", 1, "encrypted_vote"));
        ReferenceRecords.edit(ballot, List.of("contests", 0, "selections", 0, "encrypted_vote"), v -> second);
        ReferenceRecords.edit(ballot, List.of("contests", 0, "selections", 1, "encrypted_vote"), v -> first);
        assertFails(dir, VerificationStep.SELECTION_ENCRYPTIONS, "5.D");
        assertFails(dir, VerificationStep.CONFIRMATION_CODES, "7.A");
    }

    @Test
    void aChangedCountInTheTallyIsCaught(@TempDir Path tmp) {
        Path dir = copy(tmp);
        Path tally = dir.resolve("tally.json");
        int count = ((JsonValue.JsonNumber) ReferenceRecords.get(tally, List.of("contests", 1, "selections", 0, "tally"))).value().intValue();
        ReferenceRecords.edit(tally, List.of("contests", 1, "selections", 0, "tally"), v -> JsonValue.of(count + 1));
        assertFails(dir, VerificationStep.TALLY_DECRYPTION, "9.C");
    }

    @Test
    void aBallotDroppedFromTheChainIsCaught(@TempDir Path tmp) throws Exception {
        Path dir = copy(tmp);
        Path ballot = firstBallot(dir);
        Files.delete(ballot);
        assertFails(dir, VerificationStep.CONFIRMATION_CODES, "7.E");
    }

    @Test
    void aChallengedBallotOpenedToADifferentChoiceIsCaught(@TempDir Path tmp) throws Exception {
        Path dir = copy(tmp);
        Path opened;
        try (var files = Files.list(dir.resolve("challenged_ballots"))) {
            opened = files.sorted().findFirst().orElseThrow();
        }
        int t = ((JsonValue.JsonNumber) ReferenceRecords.get(opened, List.of("contests", 0, "selections", 0, "tally"))).value().intValue();
        ReferenceRecords.edit(opened, List.of("contests", 0, "selections", 0, "tally"), v -> JsonValue.of(1 - t));
        assertFails(dir, VerificationStep.CHALLENGED_DECRYPTION, "12.C");
    }

    @Test
    void aForgedClosingHashIsCaught(@TempDir Path tmp) {
        Path dir = copy(tmp);
        Path chain = dir.resolve("encrypted_ballots/booth-2/ballot_chain.json");
        JsonValue other = ReferenceRecords.get(chain, List.of("last_confirmation_code"));
        ReferenceRecords.edit(chain, List.of("closing_hash"), v -> other);
        assertFails(dir, VerificationStep.CONFIRMATION_CODES, "7.G");
    }
}
