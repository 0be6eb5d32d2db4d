package org.madang.election;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import org.madang.ballot.board.CredentialSignature;
import org.madang.ballot.crypto.ElectionKey;
import org.madang.ballot.encrypt.BallotEncryptor;
import org.madang.ballot.encrypt.EncryptionDevice;
import org.madang.ballot.encrypt.PlaintextBallot;
import org.madang.ballot.group.Group;
import org.madang.ballot.group.Groups;
import org.madang.ballot.hash.HashValue;
import org.madang.ballot.json.JsonReader;
import org.madang.ballot.json.JsonWriter;
import org.madang.ballot.record.BallotState;
import org.madang.ballot.record.ElectionConfig;
import org.madang.ballot.record.ElectionInitialized;
import org.madang.ballot.record.EncryptedBallot;
import org.madang.ballot.record.Manifest;
import org.madang.ballot.record.RecordJson;
import org.madang.testing.Api;
import org.madang.testing.Api.Session;
import org.madang.testing.MadangServer;
import org.madang.testing.People;

/** Drives an election through the API the way the pages and a voter's device do; shared by the election ITs. */
public final class ElectionDriver {

    public static final String MANIFEST = """
            {"districts":[{"id":"seoul","nameKo":"서울","nameEn":"Seoul"},{"id":"busan","nameKo":"부산","nameEn":"Busan"}],
             "ballotStyles":[{"id":"style-seoul","districtIds":["seoul"]},{"id":"style-busan","districtIds":["busan"]}],
             "contests":[
               {"id":"referendum","kind":"REFERENDUM","titleKo":"주민투표","titleEn":"Referendum","districtId":"seoul",
                "options":[{"id":"yes","nameKo":"찬성","nameEn":"Yes"},{"id":"no","nameKo":"반대","nameEn":"No"}]},
               {"id":"mayor","kind":"ONE_OF_N","titleKo":"시장","titleEn":"Mayor","districtId":"seoul",
                "options":[{"id":"kim","nameKo":"김","nameEn":"Kim"},{"id":"lee","nameKo":"이","nameEn":"Lee"},{"id":"park","nameKo":"박","nameEn":"Park"}]},
               {"id":"port","kind":"APPROVAL","titleKo":"항만","titleEn":"Port","districtId":"busan",
                "options":[{"id":"a","nameKo":"가","nameEn":"A"},{"id":"b","nameKo":"나","nameEn":"B"}]}]}
            """;

    public final Session admin;
    public final UUID id;

    public ElectionDriver(Session admin, boolean demoTrustees, int guardians, int quorum) {
        this(admin, demoTrustees, guardians, quorum, MANIFEST);
    }

    public ElectionDriver(Session admin, boolean demoTrustees, int guardians, int quorum, String manifestForm) {
        this.admin = admin;
        var created = admin.post("/api/elections", Api.json("titleKo", "시험 선거", "titleEn", "Test election",
                "group", "P-256", "guardians", guardians, "quorum", quorum,
                "opensAt", Instant.now().minusSeconds(60).toString(), "closesAt", Instant.now().plusSeconds(3600).toString(),
                "demoTrustees", demoTrustees));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        id = UUID.fromString(created.json().getString("id"));
        var manifest = admin.put(path("/manifest"), manifestForm);
        assertThat(manifest.status()).as(manifest.toString()).isEqualTo(200);
    }

    public String path(String suffix) {
        return "/api/elections/" + id + suffix;
    }

    public int version() {
        return admin.get(path("")).json().getInt("version");
    }

    public Api.Reply move(String to) {
        return admin.post(path("/transitions"), Api.json("to", to, "version", version()));
    }

    public void moveOk(String to) {
        var reply = move(to);
        assertThat(reply.status()).as(to + ": " + reply).isEqualTo(200);
    }

    public void importRoll(List<People.Person> voters, String district) {
        StringBuilder csv = new StringBuilder("email,district\n");
        voters.forEach(v -> csv.append(v.email()).append(',').append(district).append('\n'));
        var reply = admin.send("POST", path("/roll/imports"), csv.toString(), "text/csv", Map.of());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    /** A voter's device: their credential key and what they need to encrypt. */
    public final class Voter {
        public final People.Person person;
        public final CredentialSignature.KeyPair credential = CredentialSignature.KeyPair.generate(new SecureRandom());

        public Voter(People.Person person) {
            this.person = person;
        }

        public void register() {
            var reply = person.session().put(path("/me/credential"),
                    Api.json("credential", HexFormat.of().formatHex(credential.credential())));
            assertThat(reply.status()).as(reply.toString()).isEqualTo(204);
        }

        public EncryptedBallot encrypt(String style, Map<String, Map<String, Integer>> choices, BallotState state) {
            Context c = context();
            List<PlaintextBallot.Contest> contests = new ArrayList<>();
            choices.forEach((contest, votes) -> contests.add(new PlaintextBallot.Contest(contest, votes, List.of())));
            var plain = new PlaintextBallot("b-" + UUID.randomUUID(), style, contests);
            byte[] nonce = new byte[32];
            new SecureRandom().nextBytes(nonce);
            return c.device.encrypt(plain, HashValue.of(nonce), Instant.now().getEpochSecond(), state);
        }

        public Api.Reply cast(EncryptedBallot ballot) {
            return castEnvelope(signedEnvelope(ballot));
        }

        /** The request body casting {@code ballot}: the ballot and its credential signature. */
        public String signedEnvelope(EncryptedBallot ballot) {
            return envelope(ballot, credential.sign(ballot.electionId(), ballot.confirmationCode()));
        }

        public Api.Reply castEnvelope(String envelope) {
            return person.session().post(path("/ballots"), envelope);
        }
    }

    public static String envelope(EncryptedBallot ballot, byte[] signature) {
        return "{\"ballot\":" + JsonWriter.write(RecordJson.write(ballot)) + ",\"signature\":\"" + HexFormat.of().formatHex(signature) + "\"}";
    }

    public record Context(Group group, ElectionKey key, EncryptionDevice device) {
    }

    private Context context;

    /** Reads the election's public documents the way a voter's browser does. */
    public synchronized Context context() {
        if (context != null) return context;
        try {
            Session anyone = Session.anonymous();
            Group group = Groups.fromConstants(RecordJson.readConstants(JsonReader.parse(anyone.get(path("/documents/constants.json")).body()), "c"));
            byte[] manifestBytes = anyone.get(path("/documents/manifest.json")).body().getBytes(StandardCharsets.UTF_8);
            Manifest manifest = RecordJson.readManifest(manifestBytes, JsonReader.parse(manifestBytes, JsonReader.Limits.RECORD), "m");
            ElectionConfig config = RecordJson.readConfig(JsonReader.parse(anyone.get(path("/documents/election_config.json")).body()), "c");
            ElectionInitialized init = RecordJson.readInitialized(group,
                    JsonReader.parse(anyone.get(path("/documents/election_initialized.json")).body()), "i");
            ElectionKey key = new ElectionKey(group, init.jointPublicKey(), init.extendedBaseHash());
            context = new Context(group, key, new EncryptionDevice(new BallotEncryptor(key, manifest), "madang-web", config));
            return context;
        } catch (Exception e) {
            throw new AssertionError("election documents do not parse", e);
        }
    }

    /** Waits for the background tally (and, in demo elections, the decryption). */
    public void awaitTally(boolean decrypted) throws InterruptedException {
        awaitTally(decrypted, java.time.Duration.ofMinutes(2));
    }

    public void awaitTally(boolean decrypted, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            var tally = Session.anonymous().get(path("/tally")).json();
            if (decrypted ? tally.getBoolean("decrypted") : tally.getBoolean("tallied")) return;
            Thread.sleep(200);
        }
        throw new AssertionError("tally did not finish");
    }

    /** Downloads record.zip and unpacks it into a fresh directory. */
    public Path downloadRecord() throws IOException {
        return downloadRecord(MadangServer.get().uri(path("/record.zip")));
    }

    /** Downloads a record zip from the address (e.g. the link on the record page) and unpacks it into a fresh directory. */
    public static Path downloadRecord(java.net.URI address) throws IOException {
        byte[] zip;
        try {
            var reply = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
                    .connectTimeout(java.time.Duration.ofSeconds(10)).build()
                    .send(java.net.http.HttpRequest.newBuilder(address).timeout(java.time.Duration.ofSeconds(60)).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(reply.statusCode()).isEqualTo(200);
            zip = reply.body();
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
        Path dir = Files.createTempDirectory("madang-record");
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path file = dir.resolve(entry.getName()).normalize();
                assertThat(file.startsWith(dir)).isTrue();
                Files.createDirectories(file.getParent());
                Files.write(file, in.readAllBytes());
            }
        }
        return dir;
    }
}
