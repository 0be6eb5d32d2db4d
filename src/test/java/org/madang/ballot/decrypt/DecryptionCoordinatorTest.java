package org.madang.ballot.decrypt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madang.ballot.group.Element;
import org.madang.ballot.group.Group;
import org.madang.ballot.group.P256Group;
import org.madang.ballot.group.Scalar;
import org.madang.ballot.json.JsonReader;
import org.madang.ballot.json.JsonValue;
import org.madang.ballot.json.JsonWriter;
import org.madang.ballot.keyceremony.KeyCeremony;
import org.madang.ballot.record.ElectionConfig;
import org.madang.ballot.record.RecordFormatException;
import org.madang.ballot.verify.VerificationReport;

/**
 * The relay's side of decryption driven by messages that pass through their JSON wire forms, as a
 * server would store and replay them: 5 guardians, quorum 3, guardians 2 and 4 absent.
 */
class DecryptionCoordinatorTest {

    private static final Group GROUP = P256Group.instance();
    private static final List<Integer> AVAILABLE = List.of(1, 3, 5);

    @TempDir
    static Path dir;
    private static ElectionFixture fixture;
    private static List<DecryptingTrustee> trustees;

    @BeforeAll
    static void ceremonyAndBallots() throws Exception {
        ElectionConfig config = ElectionFixture.config(GROUP, "coordinator", 5, 3);
        KeyCeremony.Result ceremony = KeyCeremony.run(GROUP, config, new SecureRandom());
        trustees = ceremony.trustees();
        fixture = ElectionFixture.encryptAndTally(dir, GROUP, "coordinator", config, ceremony.initialized(), 12, 3, 42);
    }

    private DecryptionCoordinator coordinator(String batchId) {
        DecryptionBatch batch = fixture.batch();
        return new DecryptionCoordinator(fixture.key(), fixture.init(), 3, batchId, batch.pads(), batch.challenges(), AVAILABLE);
    }

    private static DecryptingTrustee trustee(int x) {
        return trustees.get(x - 1);
    }

    private static JsonValue wire(JsonValue json) throws Exception {
        return JsonReader.parse(JsonWriter.write(json));
    }

    @Test
    void messagesOverTheWireGiveDecryptionsTheVerifierAccepts() throws Exception {
        String batchId = "batch-wire";
        DecryptionCoordinator server = coordinator(batchId);
        List<Element> pads = server.pads();
        Map<Integer, DecryptingTrustee> running = new LinkedHashMap<>();
        for (int x : AVAILABLE) {
            running.put(x, trustee(x));
        }
        for (int x : AVAILABLE) {
            PartialDecryptions p = running.get(x).partialDecrypt(fixture.key().extendedBaseHash(), batchId, pads, AVAILABLE);
            server.acceptPartial(PartialDecryptions.fromJson(GROUP, wire(p.toJson())));
            assertThat(server.allPartials()).isEqualTo(x == 5);
        }
        // guardian 1 stops and resumes from its files between rounds
        running.put(1, restarted(running.get(1), batchId));
        List<CommitmentReveal> reveals = new ArrayList<>();
        for (int x : AVAILABLE) {
            List<PartialDecryptions> shown = new ArrayList<>();
            for (PartialDecryptions p : server.partials()) {
                shown.add(PartialDecryptions.fromJson(GROUP, wire(p.toJson())));
            }
            CommitmentReveal r = running.get(x).reveal(batchId, shown);
            server.acceptReveal(CommitmentReveal.fromJson(GROUP, wire(r.toJson())));
        }
        assertThat(server.allReveals()).isTrue();
        running.put(1, restarted(running.get(1), batchId));
        for (CommitmentReveal r : server.reveals()) {
            reveals.add(CommitmentReveal.fromJson(GROUP, wire(r.toJson())));
        }
        for (int x : AVAILABLE) {
            DecryptingTrustee t = running.get(x);
            ChallengeResponses r = t.respond(batchId, reveals, server.challengesFor(t.guardianId()));
            assertThat(t.hasPendingBatch(batchId)).as("nonces are forgotten once answered").isFalse();
            server.acceptResponses(ChallengeResponses.fromJson(GROUP, wire(r.toJson())));
        }
        assertThat(server.complete()).isTrue();

        VerificationReport report = fixture.writeDecryptionAndVerify(server.result());
        assertThat(report.unreadable()).isEmpty();
        report.steps().forEach(s -> assertThat(s.problems()).as(s.step().toString()).isEmpty());
        assertThat(report.status()).isEqualTo(VerificationReport.Status.VERIFIED);
        assertThat(report.challengedBallots()).isEqualTo(3);
        assertThat(ElectionFixture.counts(fixture.batch().tally(server.result(),
                new org.madang.ballot.crypto.DiscreteLog(fixture.key().publicKey(), 100), fixture.ballotCounts())))
                .isEqualTo(fixture.expectedTally());
    }

    /** A new trustee object from the trustee's secret file and its pending batch file, as after a process restart. */
    private static DecryptingTrustee restarted(DecryptingTrustee before, String batchId) throws Exception {
        JsonValue secret = wire(before.toSecretJson());
        JsonValue pending = wire(before.pendingBatchSecretJson(batchId));
        DecryptingTrustee after = DecryptingTrustee.fromSecretJson(GROUP, secret, "trustee.json");
        after.restorePendingBatch(pending);
        assertThat(after.partialOf(batchId)).isEqualTo(before.partialOf(batchId));
        return after;
    }

    @Test
    void aGuardianThatIsNotAvailableIsRefused() {
        DecryptionCoordinator server = coordinator("batch-absent");
        PartialDecryptions fromAbsent = trustee(2).partialDecrypt(fixture.key().extendedBaseHash(), "batch-absent",
                server.pads(), List.of(1, 2, 3));
        assertThatThrownBy(() -> server.acceptPartial(fromAbsent))
                .isInstanceOf(DecryptionException.class)
                .hasMessageContaining("guardian2").hasMessageContaining("not among the available");
        assertThat(server.partials()).isEmpty();
    }

    @Test
    void wrongPartialsRevealsAndResponsesAreRefusedNamingTheGuardian() throws Exception {
        String batchId = "batch-wrong";
        DecryptionCoordinator server = coordinator(batchId);
        List<Element> pads = server.pads();
        List<PartialDecryptions> partials = new ArrayList<>();
        for (int x : AVAILABLE) {
            partials.add(trustee(x).partialDecrypt(fixture.key().extendedBaseHash(), batchId, pads, AVAILABLE));
        }
        PartialDecryptions p1 = partials.get(0);
        assertThatThrownBy(() -> server.acceptPartial(new PartialDecryptions(p1.guardianId(), p1.xCoordinate(), "other-batch",
                p1.shares(), p1.commitmentHashes())))
                .isInstanceOf(DecryptionException.class).hasMessageContaining("guardian1").hasMessageContaining("other-batch");
        assertThatThrownBy(() -> server.acceptPartial(new PartialDecryptions(p1.guardianId(), p1.xCoordinate(), batchId,
                p1.shares().subList(1, p1.shares().size()), p1.commitmentHashes().subList(1, p1.shares().size()))))
                .isInstanceOf(DecryptionException.class).hasMessageContaining("guardian1");
        assertThatThrownBy(() -> server.acceptPartial(new PartialDecryptions(p1.guardianId(), 2, batchId,
                p1.shares(), p1.commitmentHashes())))
                .isInstanceOf(DecryptionException.class).hasMessageContaining("guardian1").hasMessageContaining("x-coordinate");

        server.acceptPartial(p1);
        server.acceptPartial(p1); // the same message again: accepted, nothing changes
        List<Element> otherShares = new ArrayList<>(p1.shares());
        otherShares.set(0, otherShares.get(0).multiply(GROUP.generator()));
        assertThatThrownBy(() -> server.acceptPartial(new PartialDecryptions(p1.guardianId(), p1.xCoordinate(), batchId,
                otherShares, p1.commitmentHashes())))
                .isInstanceOf(DecryptionException.class).hasMessageContaining("guardian1").hasMessageContaining("different");

        CommitmentReveal early = trustee(1).reveal(batchId, partials);
        assertThatThrownBy(() -> server.acceptReveal(early))
                .isInstanceOf(DecryptionException.class).hasMessageContaining("guardian1").hasMessageContaining("not every");
        server.acceptPartial(partials.get(1));
        server.acceptPartial(partials.get(2));

        CommitmentReveal r3 = trustee(3).reveal(batchId, partials);
        List<Element> swapped = new ArrayList<>(r3.a());
        swapped.set(0, r3.a().get(1));
        swapped.set(1, r3.a().get(0));
        assertThatThrownBy(() -> server.acceptReveal(new CommitmentReveal(r3.guardianId(), batchId, swapped, r3.b())))
                .isInstanceOf(DecryptionException.class).hasMessageContaining("guardian3").hasMessageContaining("does not match");
        List<CommitmentReveal> reveals = new ArrayList<>();
        reveals.add(early);
        reveals.add(r3);
        reveals.add(trustee(5).reveal(batchId, partials));
        for (CommitmentReveal r : reveals) {
            server.acceptReveal(r);
        }
        assertThatThrownBy(server::result).isInstanceOf(IllegalStateException.class);

        ChallengeResponses v5 = trustee(5).respond(batchId, reveals, server.challengesFor("guardian5"));
        List<Scalar> off = new ArrayList<>(v5.responses());
        off.set(2, off.get(2).add(GROUP.scalar(1)));
        assertThatThrownBy(() -> server.acceptResponses(new ChallengeResponses("guardian5", batchId, off)))
                .isInstanceOf(DecryptionException.class).hasMessageContaining("guardian5").hasMessageContaining("response 2");
        // a response computed for another guardian's challenges fails as well
        ChallengeResponses v1 = trustee(1).respond(batchId, reveals, server.challengesFor("guardian3"));
        assertThatThrownBy(() -> server.acceptResponses(v1))
                .isInstanceOf(DecryptionException.class).hasMessageContaining("guardian1");
        server.acceptResponses(v5);
        assertThat(server.complete()).isFalse();
    }

    @Test
    void wireFormsRoundTripAndAreStrict() throws Exception {
        List<Element> pads = fixture.batch().pads().subList(0, 3);
        DecryptingTrustee t = trustee(3);
        PartialDecryptions p = t.partialDecrypt(fixture.key().extendedBaseHash(), "batch-json", pads, AVAILABLE);
        CommitmentReveal r = t.reveal("batch-json", List.of(p,
                trustee(1).partialDecrypt(fixture.key().extendedBaseHash(), "batch-json", pads, AVAILABLE),
                trustee(5).partialDecrypt(fixture.key().extendedBaseHash(), "batch-json", pads, AVAILABLE)));
        ChallengeResponses v = new ChallengeResponses("guardian3", "batch-json",
                List.of(GROUP.scalar(7), GROUP.scalar(8), GROUP.scalar(9)));
        assertThat(PartialDecryptions.fromJson(GROUP, wire(p.toJson()))).isEqualTo(p);
        assertThat(CommitmentReveal.fromJson(GROUP, wire(r.toJson()))).isEqualTo(r);
        assertThat(ChallengeResponses.fromJson(GROUP, wire(v.toJson()))).isEqualTo(v);
        assertThat(JsonWriter.write(p.toJson())).contains("\"guardian_id\"", "\"x_coordinate\"", "\"batch_id\"",
                "\"shares\"", "\"commitment_hashes\"");

        assertRefused(with(p.toJson(), "extra", JsonValue.of(1)), "unknown member", PartialDecryptions::fromJson);
        assertRefused(without(p.toJson(), "batch_id"), "missing", PartialDecryptions::fromJson);
        assertRefused(with(p.toJson(), "message", JsonValue.of("commitment_reveal")), "partial_decryptions",
                PartialDecryptions::fromJson);
        assertRefused(with(p.toJson(), "commitment_hashes", ((JsonValue.JsonObject) p.toJson()).members().get("shares")),
                "hash value", PartialDecryptions::fromJson);
        JsonValue.JsonArray shares = (JsonValue.JsonArray) ((JsonValue.JsonObject) p.toJson()).members().get("shares");
        assertRefused(with(p.toJson(), "shares", new JsonValue.JsonArray(shares.elements().subList(0, 2))), "3 hashes for 2",
                PartialDecryptions::fromJson);
        byte[] notAPoint = new byte[33];
        notAPoint[0] = 7; // no SEC1 point starts with 0x07
        notAPoint[32] = 5;
        List<JsonValue> bad = new ArrayList<>(shares.elements());
        bad.set(1, JsonValue.of(java.util.Base64.getEncoder().encodeToString(notAPoint)));
        assertRefused(with(p.toJson(), "shares", new JsonValue.JsonArray(bad)), "shares[1]", PartialDecryptions::fromJson);

        JsonValue.JsonArray a = (JsonValue.JsonArray) ((JsonValue.JsonObject) r.toJson()).members().get("a");
        assertRefused(with(r.toJson(), "b", new JsonValue.JsonArray(a.elements().subList(0, 1))), "commitments b",
                CommitmentReveal::fromJson);
        assertRefused(with(r.toJson(), "extra", JsonValue.of(true)), "unknown member", CommitmentReveal::fromJson);
        byte[] tooBig = new byte[32];
        java.util.Arrays.fill(tooBig, (byte) 0xFF);
        assertRefused(with(v.toJson(), "responses", new JsonValue.JsonArray(List.of(
                JsonValue.of(java.util.Base64.getEncoder().encodeToString(tooBig))))), "responses[0]", ChallengeResponses::fromJson);
        assertRefused(without(v.toJson(), "guardian_id"), "guardian_id", ChallengeResponses::fromJson);
    }

    private interface Reader {
        Object read(Group group, JsonValue json) throws RecordFormatException;
    }

    private static void assertRefused(JsonValue json, String message, Reader reader) {
        assertThatThrownBy(() -> reader.read(GROUP, wire(json))).isInstanceOf(RecordFormatException.class)
                .hasMessageContaining(message);
    }

    private static JsonValue with(JsonValue json, String member, JsonValue value) {
        Map<String, JsonValue> m = new LinkedHashMap<>(((JsonValue.JsonObject) json).members());
        m.put(member, value);
        return new JsonValue.JsonObject(m);
    }

    private static JsonValue without(JsonValue json, String member) {
        Map<String, JsonValue> m = new LinkedHashMap<>(((JsonValue.JsonObject) json).members());
        m.remove(member);
        return new JsonValue.JsonObject(m);
    }
}
