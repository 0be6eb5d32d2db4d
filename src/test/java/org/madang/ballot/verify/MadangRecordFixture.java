package org.madang.ballot.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.madang.ballot.ReferenceRecords;
import org.madang.ballot.board.BoardChain;
import org.madang.ballot.board.CredentialSignature;
import org.madang.ballot.demo.DemoElection;
import org.madang.ballot.encrypt.EncryptionDevice;
import org.madang.ballot.encrypt.PlaintextBallot;
import org.madang.ballot.group.P256Group;
import org.madang.ballot.hash.HashValue;
import org.madang.ballot.json.JsonValue;
import org.madang.ballot.json.JsonWriter;
import org.madang.ballot.record.BallotState;
import org.madang.ballot.record.ElectionRecordReader;
import org.madang.ballot.record.EncryptedBallot;
import org.madang.ballot.record.MadangRecordJson;
import org.madang.ballot.record.RecordJson;

/**
 * A record as Madang's election server publishes it: a DemoElection record plus the {@code madang/} files written the
 * way ElectionRecords writes them. Every ballot of the demo is put on a bulletin board signed by a voter credential;
 * one voter first casts an extra ballot that their later ballot supersedes (so it is in
 * {@code madang/superseded_ballots/}, never in the tally), one voter challenges before and after casting, and one
 * registered voter never votes.
 */
public final class MadangRecordFixture {

    static final String DEVICE = "device-a";
    static final String SUPERSEDED_BALLOT = "ballot-superseded";

    /**
     * @param revoterCountedBallot the ballot that counts for the voter who voted twice
     * @param keys credential (hex) → the voter's key pair, to re-sign tampered entries
     */
    public record Built(Path record, HashValue extendedBaseHash, String revoterCountedBallot, List<String> castBallots,
                 List<String> challengedBallots, Map<String, CredentialSignature.KeyPair> keys) {
    }

    private record Posted(EncryptedBallot ballot, CredentialSignature.KeyPair voter) {
    }

    private MadangRecordFixture() {
    }

    public static Built build(Path dir) throws Exception {
        DemoElection.Outcome outcome = DemoElection.run(new DemoElection.Settings(P256Group.instance(), "madang-extensions",
                3, 2, 6, 2, Set.of(3), false, List.of(DEVICE), 20261128L, 1), dir);
        HashValue he = outcome.encryptor().key().extendedBaseHash();
        ElectionRecordReader reader = new ElectionRecordReader(dir);
        List<EncryptedBallot> cast = new ArrayList<>();
        List<EncryptedBallot> challenged = new ArrayList<>();
        for (Path file : reader.encryptedBallotFiles()) {
            EncryptedBallot b = reader.encryptedBallot(P256Group.instance(), file);
            (b.state() == BallotState.CAST ? cast : challenged).add(b);
        }

        // The superseded ballot is encrypted beside the demo's so that it never entered the tally, as a replaced
        // ballot never does on the server.
        SecureRandom random = new SecureRandom();
        byte[] nonce = new byte[32];
        random.nextBytes(nonce);
        PlaintextBallot template = outcome.cast().get(0);
        EncryptedBallot replaced = new EncryptionDevice(outcome.encryptor(), DEVICE, outcome.config()).encrypt(
                new PlaintextBallot(SUPERSEDED_BALLOT, template.ballotStyleId(), template.contests()),
                HashValue.of(nonce), 1_780_000_999L, BallotState.CAST);
        Path supersededDir = dir.resolve(ElectionRecordReader.MADANG_SUPERSEDED_BALLOTS);
        Files.createDirectories(supersededDir);
        Files.write(supersededDir.resolve(ElectionRecordReader.ENCRYPTED_BALLOT_PREFIX + SUPERSEDED_BALLOT + ".json"),
                JsonWriter.writeUtf8(RecordJson.write(replaced)));

        List<CredentialSignature.KeyPair> voters = new ArrayList<>();
        for (int i = 0; i < cast.size(); i++) {
            voters.add(CredentialSignature.KeyPair.generate(random));
        }
        List<Posted> board = new ArrayList<>();
        board.add(new Posted(replaced, voters.get(0)));
        board.add(new Posted(challenged.get(0), voters.get(1)));
        for (int i = 0; i < cast.size(); i++) {
            board.add(new Posted(cast.get(i), voters.get(i)));
        }
        for (int i = 1; i < challenged.size(); i++) {
            board.add(new Posted(challenged.get(i), voters.get(1))); // a challenge after casting does not undo the cast
        }

        List<JsonValue> entries = new ArrayList<>();
        Map<String, JsonValue> countedByCredential = new LinkedHashMap<>();
        HashValue previous = BoardChain.genesis(he);
        for (int i = 0; i < board.size(); i++) {
            Posted p = board.get(i);
            long position = i + 1;
            String kind = p.ballot().state() == BallotState.CAST ? "CAST" : "CHALLENGE";
            byte[] signature = p.voter().sign(he, p.ballot().confirmationCode());
            BoardChain.Entry entry = new BoardChain.Entry(position, kind, p.ballot().ballotId(), p.ballot().confirmationCode(),
                    p.voter().credential(), signature, 1_780_000_000_000L + 1000 * i);
            HashValue hash = BoardChain.next(previous, entry);
            entries.add(object("position", JsonValue.of(position), "kind", JsonValue.of(kind),
                    "ballot_id", JsonValue.of(entry.ballotId()), "confirmation_code", hex(entry.confirmationCode()),
                    "credential", hex(entry.credential()), "signature", hex(signature),
                    "received_at", JsonValue.of(entry.receivedAtMillis()), "previous_hash", hex(previous), "hash", hex(hash)));
            if (kind.equals("CAST")) {
                // the last CAST of a credential replaces any earlier one, keeping the credential's first slot in order
                countedByCredential.put(HexFormat.of().formatHex(entry.credential()), object("credential", hex(entry.credential()),
                        "ballot_id", JsonValue.of(entry.ballotId()), "position", JsonValue.of(position)));
            }
            previous = hash;
        }
        write(dir, ElectionRecordReader.MADANG_BOARD, object("genesis", hex(BoardChain.genesis(he)), "head", hex(previous),
                "entries", new JsonValue.JsonArray(entries)));
        write(dir, ElectionRecordReader.MADANG_COUNTED, object("counted", new JsonValue.JsonArray(new ArrayList<>(countedByCredential.values()))));
        CredentialSignature.KeyPair neverVoted = CredentialSignature.KeyPair.generate(random);
        List<JsonValue> credentials = new ArrayList<>();
        Map<String, CredentialSignature.KeyPair> keys = new LinkedHashMap<>();
        for (CredentialSignature.KeyPair v : voters) {
            credentials.add(hex(v.credential()));
            keys.put(HexFormat.of().formatHex(v.credential()), v);
        }
        credentials.add(hex(neverVoted.credential()));
        write(dir, ElectionRecordReader.MADANG_CREDENTIALS, object("credentials", new JsonValue.JsonArray(credentials)));
        write(dir, ElectionRecordReader.MADANG_RECEIPT_KEY, receiptJwk(CredentialSignature.KeyPair.generate(random).credential(), false));
        write(dir, ElectionRecordReader.MADANG_MANIFEST_FORM, object("title", JsonValue.of("Madang extensions test"),
                "contests", new JsonValue.JsonArray(List.of())));
        return new Built(dir, he, cast.get(0).ballotId(), cast.stream().map(EncryptedBallot::ballotId).toList(),
                challenged.stream().map(EncryptedBallot::ballotId).toList(), keys);
    }

    /** A public JWK for a P-256 point given compressed, as Nimbus writes one; with a (fake) "d" when asked. */
    static JsonValue receiptJwk(byte[] compressedPoint, boolean withPrivatePart) {
        X9ECParameters p256 = CustomNamedCurves.getByName("P-256");
        ECPoint point = p256.getCurve().decodePoint(compressedPoint).normalize();
        Map<String, JsonValue> jwk = new LinkedHashMap<>();
        jwk.put("kty", JsonValue.of("EC"));
        jwk.put("crv", JsonValue.of("P-256"));
        jwk.put("kid", JsonValue.of("receipts-test"));
        jwk.put("x", JsonValue.of(base64url(point.getAffineXCoord().toBigInteger())));
        jwk.put("y", JsonValue.of(base64url(point.getAffineYCoord().toBigInteger())));
        if (withPrivatePart) {
            jwk.put("d", JsonValue.of(base64url(BigInteger.TWO)));
        }
        return new JsonValue.JsonObject(jwk);
    }

    static String base64url(BigInteger coordinate) {
        byte[] raw = coordinate.toByteArray();
        byte[] fixed = new byte[32];
        int copy = Math.min(32, raw.length);
        System.arraycopy(raw, raw.length - copy, fixed, 32 - copy, copy);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
    }

    /** Changes the board's entries (mutable member maps, in order) and writes them back without touching the chain. */
    static void editEntries(Path record, Consumer<List<Map<String, JsonValue>>> change) {
        Path file = record.resolve(ElectionRecordReader.MADANG_BOARD);
        Map<String, JsonValue> board = new LinkedHashMap<>(((JsonValue.JsonObject) ReferenceRecords.read(file)).members());
        List<Map<String, JsonValue>> entries = new ArrayList<>();
        for (JsonValue e : ((JsonValue.JsonArray) board.get("entries")).elements()) {
            entries.add(new LinkedHashMap<>(((JsonValue.JsonObject) e).members()));
        }
        change.accept(entries);
        board.put("entries", new JsonValue.JsonArray(entries.stream().map(m -> (JsonValue) new JsonValue.JsonObject(m)).toList()));
        write(record, ElectionRecordReader.MADANG_BOARD, new JsonValue.JsonObject(board));
    }

    /**
     * Recomputes every previous_hash, hash and the head over the entries as they now are, as a dishonest server that
     * rewrote its board would: what remains wrong is then only what the chain cannot show.
     */
    static void rechain(Path record) {
        Path file = record.resolve(ElectionRecordReader.MADANG_BOARD);
        MadangRecordJson.PublishedBoard parsed;
        try {
            parsed = MadangRecordJson.readBoard(ReferenceRecords.read(file), "board");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        HashValue[] previous = {parsed.genesis()};
        editEntries(record, entries -> {
            for (int i = 0; i < entries.size(); i++) {
                HashValue hash = BoardChain.next(previous[0], parsed.entries().get(i).entry());
                entries.get(i).put("previous_hash", hex(previous[0]));
                entries.get(i).put("hash", hex(hash));
                previous[0] = hash;
            }
        });
        ReferenceRecords.edit(file, List.of("head"), v -> hex(previous[0]));
    }

    /** Signs entry {@code index} again with its credential's key, over whatever confirmation code it now shows. */
    static void resign(Built built, int index) {
        Path file = built.record().resolve(ElectionRecordReader.MADANG_BOARD);
        editEntries(built.record(), entries -> {
            Map<String, JsonValue> e = entries.get(index);
            CredentialSignature.KeyPair voter = built.keys().get(string(e.get("credential")));
            HashValue code = HashValue.of(HexFormat.of().parseHex(string(e.get("confirmation_code"))));
            e.put("signature", hex(voter.sign(built.extendedBaseHash(), code)));
        });
        rechain(built.record());
    }

    static String string(JsonValue v) {
        return ((JsonValue.JsonString) v).value();
    }

    static JsonValue hex(HashValue h) {
        return hex(h.bytes());
    }

    static JsonValue hex(byte[] b) {
        return JsonValue.of(HexFormat.of().formatHex(b));
    }

    static JsonValue.JsonObject object(Object... kv) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (JsonValue) kv[i + 1]);
        }
        return new JsonValue.JsonObject(m);
    }

    static void write(Path record, String file, JsonValue json) {
        try {
            Path path = record.resolve(file);
            Files.createDirectories(path.getParent());
            Files.write(path, JsonWriter.writeUtf8(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int indexOf(List<Map<String, JsonValue>> entries, String ballotId) {
        for (int i = 0; i < entries.size(); i++) {
            if (string(entries.get(i).get("ballot_id")).equals(ballotId)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no board entry for ballot " + ballotId + " in " + Arrays.toString(entries.toArray()));
    }
}
