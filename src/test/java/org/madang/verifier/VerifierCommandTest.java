package org.madang.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madang.ballot.ReferenceRecords;
import org.madang.ballot.json.JsonReader;
import org.madang.ballot.json.JsonValue;
import org.madang.ballot.record.ElectionRecordReader;
import org.madang.ballot.verify.MadangRecordFixture;

/** Exit codes, printed output and the JSON report of the command line. */
class VerifierCommandTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return VerifierCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void referenceRecordVerifiesWithExitZeroAndJsonReport() throws Exception {
        Path report = temp.resolve("report.json");
        int code = run(ReferenceRecords.ellipticCurve().toString(), "--json", report.toString(), "--threads", "2");
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("RESULT: the record VERIFIES").contains("PASS     5.");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ballots [").contains("51/51");
        JsonValue.JsonObject json = (JsonValue.JsonObject) JsonReader.parse(Files.readString(report));
        assertThat(json.members().get("status")).isEqualTo(JsonValue.of("VERIFIED"));
    }

    @Test
    void referenceRecordReportsMadangStepsAsNotApplicable() throws Exception {
        Path report = temp.resolve("report.json");
        assertThat(run(ReferenceRecords.ellipticCurve().toString(), "--json", report.toString(), "--no-progress")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("PASS    15.").contains("N/A     M1.").contains("N/A     M5.")
                .doesNotContain("FAIL");
        JsonValue.JsonObject json = (JsonValue.JsonObject) JsonReader.parse(Files.readString(report));
        List<JsonValue> steps = ((JsonValue.JsonArray) json.members().get("steps")).elements();
        JsonValue.JsonObject fifth = (JsonValue.JsonObject) steps.get(4);
        assertThat(fifth.members().get("step")).isEqualTo(JsonValue.of(5));
        assertThat(fifth.members().get("status")).isEqualTo(JsonValue.of("PASS"));
        JsonValue.JsonObject boardChain = (JsonValue.JsonObject) steps.get(15);
        assertThat(boardChain.members().get("step")).isEqualTo(JsonValue.of("M1"));
        assertThat(boardChain.members().get("name")).isEqualTo(JsonValue.of("BOARD_CHAIN"));
        assertThat(boardChain.members().get("status")).isEqualTo(JsonValue.of("NOT_APPLICABLE"));
    }

    @Test
    void madangRecordRunsMadangStepsAndExitsZero() throws Exception {
        Path record = MadangRecordFixture.build(temp.resolve("madang")).record();
        assertThat(run(record.toString(), "--no-progress", "--threads", "2")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("PASS    M1.").contains("PASS    M3.").contains("PASS    M5.")
                .doesNotContain("N/A").contains("RESULT: the record VERIFIES");
    }

    @Test
    void madangRecordWithoutCountedFileExitsTwo() throws Exception {
        Path record = MadangRecordFixture.build(temp.resolve("madang")).record();
        Files.delete(record.resolve(ElectionRecordReader.MADANG_COUNTED));
        assertThat(run(record.toString(), "--no-progress")).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("UNREADABLE madang/counted.json: file is missing");
    }

    @Test
    void tamperedRecordExitsOneAndNamesTheBallot() {
        Path record = ReferenceRecords.copy(ReferenceRecords.ellipticCurve(), temp.resolve("r"));
        Path ballot = record.resolve("encrypted_ballots/runWorkflowDevice/eballot-id-5.json");
        JsonValue other = ReferenceRecords.get(ballot, List.of("contests", 0, "contest_hash"));
        ReferenceRecords.edit(ballot, List.of("confirmation_code"), v -> other);
        assertThat(run(record.toString(), "--no-progress")).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("FAIL     7.").contains("7.B ballot id-5").contains("DOES NOT VERIFY");
    }

    @Test
    void malformedJsonExitsTwo() throws IOException {
        Path record = ReferenceRecords.copy(ReferenceRecords.ellipticCurve(), temp.resolve("r"));
        Path ballot = record.resolve("encrypted_ballots/runWorkflowDevice/eballot-id-7.json");
        String text = Files.readString(ballot);
        Files.writeString(ballot, text.substring(0, text.length() / 2));
        assertThat(run(record.toString(), "--no-progress")).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("UNREADABLE").contains("eballot-id-7.json").contains("malformed JSON");
    }

    @Test
    void invalidGroupElementExitsTwoWithClearMessage() {
        Path record = ReferenceRecords.copy(ReferenceRecords.ellipticCurve(), temp.resolve("r"));
        ReferenceRecords.edit(record.resolve("election_initialized.json"), List.of("joint_public_key"),
                v -> JsonValue.of("Av////8AAAABAAAAAAAAAAAAAAAA////////////////")); // x = p: not a field element
        assertThat(run(record.toString(), "--no-progress")).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("election_initialized.json.joint_public_key");
    }

    @Test
    void missingTallyExitsTwo() throws IOException {
        Path record = ReferenceRecords.copy(ReferenceRecords.ellipticCurve(), temp.resolve("r"));
        Files.delete(record.resolve("tally.json"));
        assertThat(run(record.toString(), "--no-progress")).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("tally.json: file is missing");
    }

    @Test
    void badCommandLinesExitTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("--threads", "zero", "x")).isEqualTo(2);
        assertThat(run(temp.resolve("nope").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:");
    }
}
