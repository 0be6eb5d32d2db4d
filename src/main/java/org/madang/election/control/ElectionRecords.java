package org.madang.election.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.madang.ballot.json.JsonReader;
import org.madang.ballot.json.JsonValue;
import org.madang.ballot.json.JsonWriter;
import org.madang.ballot.record.ElectionRecordReader;
import org.madang.ballot.record.RecordJson;
import org.madang.election.entity.BoardEntry;
import org.madang.election.entity.Election;
import org.madang.election.entity.RecordFile;
import org.madang.platform.audit.control.AuditLog;

/**
 * The published election record: egk-ec's JSON layout (counted and challenged ballots, tally, decryptions) plus
 * Madang's extensions under {@code madang/} — the board chain, the credentials, the receipt key, which ballot counts
 * for each credential, and the superseded ballots. Written once, when the election is published.
 */
@ApplicationScoped
public class ElectionRecords {

    public static final String DEVICE_DIR = ElectionRecordReader.ENCRYPTED_BALLOTS + "/";

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    BallotBox box;

    @Inject
    VoterRoll roll;

    @Inject
    ElectionCryptography cryptography;

    @Inject
    Elections elections;

    @Inject
    AuditLog audit;

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(Election e) {
        var crypto = cryptography.of(e);
        Map<String, String> files = new LinkedHashMap<>();
        files.put(ElectionRecordReader.CONSTANTS, JsonWriter.write(RecordJson.write(crypto.group().constants())));
        files.put(ElectionRecordReader.MANIFEST, e.manifestJson());
        files.put(ElectionRecordReader.CONFIG, e.configJson());
        files.put(ElectionRecordReader.INITIALIZED, e.initializedJson());
        var tally = (JsonValue.JsonObject) parse(e.tallyJson());
        files.put(ElectionRecordReader.ENCRYPTED_TALLY, JsonWriter.write(tally.members().get("encrypted_tally")));
        var result = (JsonValue.JsonObject) parse(e.resultJson());
        files.put(ElectionRecordReader.TALLY, JsonWriter.write(result.members().get("tally")));
        for (JsonValue opened : ((JsonValue.JsonArray) result.members().get("challenged")).elements()) {
            String id = ((JsonValue.JsonString) ((JsonValue.JsonObject) opened).members().get("id")).value();
            files.put(ElectionRecordReader.CHALLENGED_BALLOTS + "/" + ElectionRecordReader.DECRYPTED_BALLOT_PREFIX + id + ".json",
                    JsonWriter.write(opened));
        }

        List<JsonValue> board = new ArrayList<>();
        List<JsonValue> counted = new ArrayList<>();
        // which entries count, read once (a query per entry would be 100,000 queries for a large election)
        java.util.Set<Long> countedPositions = box.countedPositions(e.id());
        // ballot files are written page by page and let go once flushed, so a large election's record needs
        // memory for one page of ballots, not for all of them
        long after = 0;
        long ballotFiles = 0;
        while (true) {
            List<BoardEntry> page = box.entriesAfter(e.id(), after, Tallies.PAGE);
            if (page.isEmpty()) break;
            List<RecordFile> written = new ArrayList<>(page.size());
            for (BoardEntry b : page) {
                after = b.position();
                board.add(boardEntry(b));
                String file = ElectionRecordReader.ENCRYPTED_BALLOT_PREFIX + b.ballotId() + ".json";
                boolean counts = countedPositions.contains(b.position());
                String path = b.kind() == BoardEntry.Kind.CHALLENGE || counts
                        ? DEVICE_DIR + encryptingDevice(b) + "/" + file
                        : ElectionRecordReader.MADANG_SUPERSEDED_BALLOTS + "/" + file;
                RecordFile ballotFile = new RecordFile(e.id(), path, b.ballotJson());
                em.persist(ballotFile);
                written.add(ballotFile);
                ballotFiles++;
                if (counts) counted.add(object("credential", JsonValue.of(b.credential()), "ballot_id", JsonValue.of(b.ballotId()),
                        "position", JsonValue.of(b.position())));
            }
            em.flush();
            written.forEach(em::detach);
            page.forEach(em::detach);
        }
        files.put(ElectionRecordReader.MADANG_BOARD, JsonWriter.write(object(
                "genesis", JsonValue.of(e.extendedBaseHash()),
                "head", JsonValue.of(e.boardHead() == null ? e.extendedBaseHash() : e.boardHead()),
                "entries", new JsonValue.JsonArray(board))));
        files.put(ElectionRecordReader.MADANG_COUNTED, JsonWriter.write(object("counted", new JsonValue.JsonArray(counted))));
        files.put(ElectionRecordReader.MADANG_CREDENTIALS, JsonWriter.write(object("credentials", new JsonValue.JsonArray(
                roll.credentials(e.id()).stream().map(c -> (JsonValue) JsonValue.of(c)).toList()))));
        files.put(ElectionRecordReader.MADANG_RECEIPT_KEY, e.receiptPublicJwk());
        files.put(ElectionRecordReader.MADANG_MANIFEST_FORM, e.manifestForm());
        files.forEach((path, content) -> em.persist(new RecordFile(e.id(), path, content)));
        audit.record(AuditLog.SYSTEM, "election.record", "election:" + e.id(), (files.size() + ballotFiles) + " files");
    }

    /** The device a stored ballot names; the ballot was fully checked when it was cast, so only this field is read. */
    private static String encryptingDevice(BoardEntry b) {
        JsonValue ballot = parse(b.ballotJson());
        if (ballot instanceof JsonValue.JsonObject o && o.members().get("encrypting_device") instanceof JsonValue.JsonString device) {
            return device.value();
        }
        throw new IllegalStateException("stored ballot at board position " + b.position() + " names no encrypting device");
    }

    static JsonValue boardEntry(BoardEntry b) {
        return object("position", JsonValue.of(b.position()), "kind", JsonValue.of(b.kind().name()),
                "ballot_id", JsonValue.of(b.ballotId()), "confirmation_code", JsonValue.of(b.confirmationCode()),
                "credential", JsonValue.of(b.credential()), "signature", JsonValue.of(b.signature()),
                "received_at", JsonValue.of(b.receivedAt().toEpochMilli()), "previous_hash", JsonValue.of(b.previousHash()),
                "hash", JsonValue.of(b.entryHash()));
    }

    /** How many ballots the published record counts (one per credential that cast). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long countedBallots(UUID electionId) {
        return box.countedTotal(electionId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> paths(UUID electionId) {
        return em.createQuery("SELECT f.path FROM RecordFile f WHERE f.electionId = :e ORDER BY f.path", String.class)
                .setParameter("e", electionId).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> file(UUID electionId, String path) {
        var key = new RecordFile.Key(electionId, path);
        return Optional.ofNullable(em.find(RecordFile.class, key)).map(RecordFile::content);
    }

    /** Streams the whole record as a zip, file by file, so that large records need little memory. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void zip(UUID electionId, OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String path : paths(electionId)) {
                zip.putNextEntry(new ZipEntry(path));
                zip.write(file(electionId, path).orElseThrow().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                em.clear();
            }
        }
    }

    private static JsonValue parse(String json) {
        try {
            return JsonReader.parse(json, JsonReader.Limits.RECORD);
        } catch (Exception ex) {
            throw new IllegalStateException("stored election JSON does not parse", ex);
        }
    }

    static JsonValue.JsonObject object(Object... kv) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], (JsonValue) kv[i + 1]);
        return new JsonValue.JsonObject(m);
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
