package org.madang.ballot.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.madang.ballot.verify.VerificationStep.BOARD_CHAIN;
import static org.madang.ballot.verify.VerificationStep.COUNTED_BALLOTS;
import static org.madang.ballot.verify.VerificationStep.CREDENTIAL_SIGNATURES;
import static org.madang.ballot.verify.VerificationStep.RECEIPT_KEY;
import static org.madang.ballot.verify.VerificationStep.UNIQUE_CONFIRMATION_CODES;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madang.ballot.ReferenceRecords;
import org.madang.ballot.board.BoardChain;
import org.madang.ballot.board.CredentialSignature;
import org.madang.ballot.hash.HashValue;
import org.madang.ballot.json.JsonValue;
import org.madang.ballot.record.ElectionRecordReader;
import org.madang.ballot.record.MadangRecordJson;

/**
 * Madang's extension steps M1–M5 over a record shaped like the election server's. Each tamper test changes one thing,
 * the way a dishonest or broken server could, and checks that the responsible step, and only the steps that must
 * notice, reject the record.
 */
class MadangExtensionsTest {

    private static final String SUPERSEDED_FILE = ElectionRecordReader.MADANG_SUPERSEDED_BALLOTS + "/"
            + ElectionRecordReader.ENCRYPTED_BALLOT_PREFIX + MadangRecordFixture.SUPERSEDED_BALLOT + ".json";

    @TempDir
    static Path shared;
    static MadangRecordFixture.Built original;

    @TempDir
    Path temp;
    MadangRecordFixture.Built built;
    Path record;

    @BeforeAll
    static void buildRecord() throws Exception {
        original = MadangRecordFixture.build(shared.resolve("record"));
    }

    @BeforeEach
    void copyRecord() {
        record = ReferenceRecords.copy(original.record(), temp.resolve("record"));
        built = new MadangRecordFixture.Built(record, original.extendedBaseHash(), original.revoterCountedBallot(),
                original.castBallots(), original.challengedBallots(), original.keys());
    }

    @Test
    void untamperedRecordPassesEveryStepIncludingMadangs() {
        VerificationReport report = verify();
        assertThat(report.unreadable()).isEmpty();
        report.steps().forEach(s -> assertThat(s.problems()).as(s.step().toString()).isEmpty());
        assertThat(report.status()).isEqualTo(VerificationReport.Status.VERIFIED);
        int entries = 1 + original.castBallots().size() + original.challengedBallots().size();
        for (VerificationStep s : List.of(BOARD_CHAIN, CREDENTIAL_SIGNATURES, UNIQUE_CONFIRMATION_CODES)) {
            assertThat(report.step(s).applicable()).isTrue();
            assertThat(report.step(s).passed()).isTrue();
            assertThat(report.step(s).checked()).as(s.toString()).isEqualTo(entries);
        }
        // every board entry, every ballot of encrypted_ballots and the superseded ballot
        assertThat(report.step(COUNTED_BALLOTS).checked()).isEqualTo(entries + entries - 1 + 1);
        assertThat(report.step(RECEIPT_KEY).checked()).isEqualTo(1);
        // the superseded ballot is not among the ballots the spec's steps count
        assertThat(report.encryptedBallots()).isEqualTo(entries - 1);
    }

    @Test
    void changedChainHashIsRejectedByBoardChain() {
        MadangRecordFixture.editEntries(record, entries -> entries.get(2).put("hash", entries.get(3).get("hash")));
        VerificationReport report = verify();
        assertFailsOnly(report, EnumSet.of(BOARD_CHAIN));
        assertProblem(report, BOARD_CHAIN, "M1.D", "board entry 3 ");
    }

    @Test
    void entryRemovedFromTheMiddleIsRejectedByBoardChain() {
        // the challenge at position 2: nothing but the chain and the challenged ballot's place on the board miss it
        MadangRecordFixture.editEntries(record, entries -> entries.remove(1));
        VerificationReport report = verify();
        assertFailsOnly(report, EnumSet.of(BOARD_CHAIN, COUNTED_BALLOTS));
        assertProblem(report, BOARD_CHAIN, "M1.B", "board entry 3 ");
        assertProblem(report, BOARD_CHAIN, "M1.C", "board entry 3 ");
        assertProblem(report, COUNTED_BALLOTS, "M3.D", "ballot " + original.challengedBallots().get(0));
    }

    @Test
    void reorderedEntriesAreRejectedByBoardChain() {
        MadangRecordFixture.editEntries(record, entries -> Collections.swap(entries, 3, 4));
        VerificationReport report = verify();
        assertFailsOnly(report, EnumSet.of(BOARD_CHAIN));
        assertProblem(report, BOARD_CHAIN, "M1.B", "board entry 5 ");
    }

    @Test
    void chainRecomputedOverRemovedEntryStillFailsOnPositions() {
        // a server that drops a ballot and rewrites the chain cannot also keep the positions consecutive
        MadangRecordFixture.editEntries(record, entries -> entries.remove(1));
        MadangRecordFixture.rechain(record);
        VerificationReport report = verify();
        assertThat(failing(report)).contains(BOARD_CHAIN, COUNTED_BALLOTS);
        assertProblem(report, BOARD_CHAIN, "M1.B", "board entry 3 ");
    }

    @Test
    void changedGenesisIsRejectedByBoardChain() {
        Path board = record.resolve(ElectionRecordReader.MADANG_BOARD);
        ReferenceRecords.edit(board, List.of("genesis"), v -> ReferenceRecords.get(board, List.of("head")));
        VerificationReport report = verify();
        assertFailsOnly(report, EnumSet.of(BOARD_CHAIN));
        assertProblem(report, BOARD_CHAIN, "M1.A", ElectionRecordReader.MADANG_BOARD);
    }

    @Test
    void changedSignatureIsRejectedByCredentialSignatures() {
        // the chain is rewritten over the changed signature, so only the signature itself can show it
        MadangRecordFixture.editEntries(record, entries -> entries.get(4).put("signature", entries.get(5).get("signature")));
        MadangRecordFixture.rechain(record);
        VerificationReport report = verify();
        assertFailsOnly(report, EnumSet.of(CREDENTIAL_SIGNATURES));
        assertProblem(report, CREDENTIAL_SIGNATURES, "M2.B", "board entry 5 ");
    }

    @Test
    void credentialNotOnTheRollIsRejectedByCredentialSignatures() {
        Path credentials = record.resolve(ElectionRecordReader.MADANG_CREDENTIALS);
        JsonValue first = ReferenceRecords.get(credentials, List.of("credentials", 0));
        ReferenceRecords.edit(credentials, List.of("credentials"), v -> {
            List<JsonValue> rest = new ArrayList<>(((JsonValue.JsonArray) v).elements());
            rest.remove(first);
            return new JsonValue.JsonArray(rest);
        });
        VerificationReport report = verify();
        assertFailsOnly(report, EnumSet.of(CREDENTIAL_SIGNATURES));
        // the voter who cast twice: both of their entries are unlisted
        assertProblem(report, CREDENTIAL_SIGNATURES, "M2.A", "board entry 1 ");
        assertProblem(report, CREDENTIAL_SIGNATURES, "M2.A", "ballot " + original.revoterCountedBallot());
    }

    @Test
    void ballotSignedByAnUnregisteredCredentialIsRejected() {
        // a ballot stuffed by the server under a credential of its own making, correctly signed and chained
        CredentialSignature.KeyPair stranger = CredentialSignature.KeyPair.generate(new java.security.SecureRandom());
        MadangRecordFixture.editEntries(record, entries -> entries.get(4).put("credential", MadangRecordFixture.hex(stranger.credential())));
        Map<String, CredentialSignature.KeyPair> keys = new java.util.HashMap<>(original.keys());
        keys.put(java.util.HexFormat.of().formatHex(stranger.credential()), stranger);
        MadangRecordFixture.resign(new MadangRecordFixture.Built(record, original.extendedBaseHash(), original.revoterCountedBallot(),
                original.castBallots(), original.challengedBallots(), keys), 4);
        VerificationReport report = verify();
        assertThat(failing(report)).contains(CREDENTIAL_SIGNATURES);
        assertProblem(report, CREDENTIAL_SIGNATURES, "M2.A", "board entry 5 ");
        assertThat(report.step(CREDENTIAL_SIGNATURES).problems()).noneMatch(p -> p.check().equals("M2.B"));
    }

    @Test
    void countedPointingToTheSupersededBallotIsRejectedByCountedBallots() {
        Path counted = record.resolve(ElectionRecordReader.MADANG_COUNTED);
        ReferenceRecords.edit(counted, List.of("counted", 0, "ballot_id"), v -> JsonValue.of(MadangRecordFixture.SUPERSEDED_BALLOT));
        ReferenceRecords.edit(counted, List.of("counted", 0, "position"), v -> JsonValue.of(1));
        VerificationReport report = verify();
        assertFailsOnly(report, EnumSet.of(COUNTED_BALLOTS));
        assertThat(report.step(COUNTED_BALLOTS).problems()).anySatisfy(p -> {
            assertThat(p.check()).isEqualTo("M3.A");
            assertThat(p.message()).contains(MadangRecordFixture.SUPERSEDED_BALLOT).contains(original.revoterCountedBallot());
        });
    }

    @Test
    void castBallotMissingFromCountedIsRejectedByCountedBallots() {
        Path counted = record.resolve(ElectionRecordReader.MADANG_COUNTED);
        ReferenceRecords.edit(counted, List.of("counted"), v -> {
            List<JsonValue> rest = new ArrayList<>(((JsonValue.JsonArray) v).elements());
            rest.remove(rest.size() - 1);
            return new JsonValue.JsonArray(rest);
        });
        VerificationReport report = verify();
        assertFailsOnly(report, EnumSet.of(COUNTED_BALLOTS));
        String lastCast = original.castBallots().get(original.castBallots().size() - 1);
        assertProblem(report, COUNTED_BALLOTS, "M3.A", "ballot " + lastCast);
    }

    @Test
    void countedBallotMissingFromEncryptedBallotsIsRejected() throws IOException {
        String lastCast = original.castBallots().get(original.castBallots().size() - 1);
        Files.delete(record.resolve(ElectionRecordReader.ENCRYPTED_BALLOTS + "/" + MadangRecordFixture.DEVICE + "/"
                + ElectionRecordReader.ENCRYPTED_BALLOT_PREFIX + lastCast + ".json"));
        VerificationReport report = verify();
        // the tally still holds the ballot (step 8); the board still holds it (M3)
        assertThat(failing(report)).contains(VerificationStep.BALLOT_AGGREGATION, COUNTED_BALLOTS);
        assertProblem(report, COUNTED_BALLOTS, "M3.B", "ballot " + lastCast);
    }

    @Test
    void duplicatedConfirmationCodeIsRejectedByUniqueConfirmationCodes() {
        // a server showing one voter's code again for another entry, re-signed and re-chained so nothing else breaks
        MadangRecordFixture.editEntries(record, entries -> entries.get(4).put("confirmation_code", entries.get(3).get("confirmation_code")));
        MadangRecordFixture.resign(built, 4);
        VerificationReport report = verify();
        // the entry's ballot file keeps its own code, which M3 notices as well
        assertFailsOnly(report, EnumSet.of(UNIQUE_CONFIRMATION_CODES, COUNTED_BALLOTS));
        assertProblem(report, UNIQUE_CONFIRMATION_CODES, "M4.A", "board entry 5 ");
        assertProblem(report, COUNTED_BALLOTS, "M3.B", "board entry 5 ");
    }

    @Test
    void duplicatedBallotIdIsRejectedByUniqueConfirmationCodes() {
        MadangRecordFixture.editEntries(record, entries -> entries.get(4).put("ballot_id", entries.get(3).get("ballot_id")));
        MadangRecordFixture.rechain(record);
        VerificationReport report = verify();
        assertThat(failing(report)).contains(UNIQUE_CONFIRMATION_CODES);
        assertProblem(report, UNIQUE_CONFIRMATION_CODES, "M4.B", "board entry 5 ");
    }

    @Test
    void supersededBallotWithBrokenProofIsRejectedByCountedBallots() {
        Path file = record.resolve(SUPERSEDED_FILE);
        List<Object> proof = List.of("contests", 0, "selections", 0, "proof", "proofs", 0);
        JsonValue response = ReferenceRecords.get(file, append(proof, "response"));
        ReferenceRecords.edit(file, append(proof, "challenge"), v -> response);
        VerificationReport report = verify();
        assertFailsOnly(report, EnumSet.of(COUNTED_BALLOTS));
        assertThat(report.step(COUNTED_BALLOTS).problems()).anySatisfy(p -> {
            assertThat(p.check()).isEqualTo("M3.F");
            assertThat(p.objectId()).contains("superseded ballot " + MadangRecordFixture.SUPERSEDED_BALLOT);
            assertThat(p.message()).contains("5.D");
        });
    }

    @Test
    void supersededBallotThatWasNeverReplacedIsRejected() throws IOException {
        // a cast ballot moved out of the tally into superseded_ballots/ and off the board: a silently dropped vote
        String lastCast = original.castBallots().get(original.castBallots().size() - 1);
        Path counted = record.resolve(ElectionRecordReader.ENCRYPTED_BALLOTS + "/" + MadangRecordFixture.DEVICE + "/"
                + ElectionRecordReader.ENCRYPTED_BALLOT_PREFIX + lastCast + ".json");
        Files.move(counted, record.resolve(ElectionRecordReader.MADANG_SUPERSEDED_BALLOTS).resolve(counted.getFileName()));
        VerificationReport report = verify();
        assertThat(failing(report)).contains(COUNTED_BALLOTS);
        assertProblem(report, COUNTED_BALLOTS, "M3.B", "ballot " + lastCast);
        assertProblem(report, COUNTED_BALLOTS, "M3.E", "superseded ballot " + lastCast);
    }

    @Test
    void receiptKeyWithPrivatePartIsRejected() {
        byte[] point = CredentialSignature.KeyPair.generate(new java.security.SecureRandom()).credential();
        MadangRecordFixture.write(record, ElectionRecordReader.MADANG_RECEIPT_KEY, MadangRecordFixture.receiptJwk(point, true));
        VerificationReport report = verify();
        assertFailsOnly(report, EnumSet.of(RECEIPT_KEY));
        assertProblem(report, RECEIPT_KEY, "M5.B", ElectionRecordReader.MADANG_RECEIPT_KEY);
    }

    @Test
    void receiptKeyOffTheCurveIsRejected() {
        Path key = record.resolve(ElectionRecordReader.MADANG_RECEIPT_KEY);
        ReferenceRecords.edit(key, List.of("y"), v -> JsonValue.of(MadangRecordFixture.base64url(java.math.BigInteger.ONE)));
        VerificationReport report = verify();
        assertFailsOnly(report, EnumSet.of(RECEIPT_KEY));
        assertProblem(report, RECEIPT_KEY, "M5.A", ElectionRecordReader.MADANG_RECEIPT_KEY);
    }

    @Test
    void malformedExtensionFileMakesTheRecordUnreadable() throws IOException {
        Files.writeString(record.resolve(ElectionRecordReader.MADANG_BOARD), "{\"genesis\": ");
        VerificationReport report = verify();
        assertThat(report.status()).isEqualTo(VerificationReport.Status.UNREADABLE);
        assertThat(report.unreadable()).anySatisfy(u -> assertThat(u).contains(ElectionRecordReader.MADANG_BOARD).contains("malformed JSON"));
    }

    @Test
    void missingExtensionFileMakesTheRecordUnreadable() throws IOException {
        Files.delete(record.resolve(ElectionRecordReader.MADANG_COUNTED));
        VerificationReport report = verify();
        assertThat(report.status()).isEqualTo(VerificationReport.Status.UNREADABLE);
        assertThat(report.unreadable()).anySatisfy(u -> assertThat(u).contains(ElectionRecordReader.MADANG_COUNTED).contains("missing"));
    }

    @Test
    void wrongLengthSignatureMakesTheRecordUnreadable() {
        MadangRecordFixture.editEntries(record, entries -> entries.get(0).put("signature", JsonValue.of("abcd")));
        VerificationReport report = verify();
        assertThat(report.status()).isEqualTo(VerificationReport.Status.UNREADABLE);
        assertThat(report.unreadable()).anySatisfy(u -> assertThat(u)
                .contains(ElectionRecordReader.MADANG_BOARD + ".entries[0].signature").contains("64 bytes"));
    }

    @Test
    void unknownEntryKindMakesTheRecordUnreadable() {
        MadangRecordFixture.editEntries(record, entries -> entries.get(0).put("kind", JsonValue.of("SPOILED")));
        VerificationReport report = verify();
        assertThat(report.status()).isEqualTo(VerificationReport.Status.UNREADABLE);
        assertThat(report.unreadable()).anySatisfy(u -> assertThat(u).contains(".entries[0].kind"));
    }

    @Test
    void largeBoardIsCheckedInParallelAndFindsTheOneBadSignature() {
        // enough entries for the signature checks to be split between threads, one of them forged
        java.security.SecureRandom random = new java.security.SecureRandom();
        HashValue he = original.extendedBaseHash();
        List<CredentialSignature.KeyPair> voters = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            voters.add(CredentialSignature.KeyPair.generate(random));
        }
        List<MadangRecordJson.PublishedEntry> entries = new ArrayList<>();
        HashValue previous = BoardChain.genesis(he);
        for (int i = 0; i < voters.size(); i++) {
            byte[] code = new byte[32];
            random.nextBytes(code);
            HashValue confirmationCode = HashValue.of(code);
            byte[] signature = voters.get(i).sign(he, confirmationCode);
            if (i == 211) {
                signature = voters.get(i - 1).sign(he, confirmationCode); // signed by the wrong voter
            }
            BoardChain.Entry entry = new BoardChain.Entry(i + 1, "CAST", "ballot-" + i, confirmationCode,
                    voters.get(i).credential(), signature, 1_780_000_000_000L + i);
            HashValue hash = BoardChain.next(previous, entry);
            entries.add(new MadangRecordJson.PublishedEntry(entry, previous, hash));
            previous = hash;
        }
        MadangRecordJson.PublishedBoard board = new MadangRecordJson.PublishedBoard(BoardChain.genesis(he), previous, entries);

        MadangExtensions extensions = new MadangExtensions(he, 3);
        extensions.verify(board, voters.stream().map(CredentialSignature.KeyPair::credential).toList(), List.of(),
                new MadangRecordJson.ReceiptKey(new byte[32], new byte[32], false), Map.of());

        List<Problem> signatureProblems = extensions.problems().list().stream()
                .filter(p -> p.step() == CREDENTIAL_SIGNATURES).toList();
        assertThat(signatureProblems).hasSize(1);
        assertThat(signatureProblems.get(0).check()).isEqualTo("M2.B");
        assertThat(signatureProblems.get(0).objectId()).isEqualTo("board entry 212 (ballot ballot-211)");
        assertThat(extensions.problems().list()).noneMatch(p -> p.step() == BOARD_CHAIN || p.step() == UNIQUE_CONFIRMATION_CODES);
        assertThat(extensions.checked(CREDENTIAL_SIGNATURES)).isEqualTo(300);
        // nothing counted.json-wise was published, the ballots are nowhere, and (0, 0) is not on the curve
        assertThat(extensions.problems().list()).anyMatch(p -> p.check().equals("M3.A"))
                .anyMatch(p -> p.check().equals("M3.B")).anyMatch(p -> p.check().equals("M5.A"));
    }

    private VerificationReport verify() {
        return new RecordVerifier(2, ProgressListener.NONE).verify(record);
    }

    private static List<Object> append(List<Object> path, Object last) {
        List<Object> out = new ArrayList<>(path);
        out.add(last);
        return out;
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

    private static void assertProblem(VerificationReport report, VerificationStep step, String check, String objectId) {
        assertThat(report.step(step).problems()).as(report.step(step).problems().toString())
                .anySatisfy(p -> {
                    assertThat(p.check()).isEqualTo(check);
                    assertThat(p.objectId()).contains(objectId);
                });
    }
}
