package org.madang.ballot.record;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.madang.ballot.group.ElectionConstants;
import org.madang.ballot.group.Group;
import org.madang.ballot.json.JsonException;
import org.madang.ballot.json.JsonReader;
import org.madang.ballot.json.JsonValue;

/**
 * Reads an election record in egk-ec's JSON directory layout:
 * <pre>
 * constants.json  manifest.json  election_config.json  election_initialized.json
 * encrypted_ballots/DEVICE/eballot-ID.json  (and ballot_chain.json when codes are chained)
 * encrypted_tally.json  tally.json  challenged_ballots/dballot-ID.json
 * </pre>
 * and, in records published by Madang's election server, the extension files under {@code madang/}:
 * <pre>
 * madang/board.json  madang/credentials.json  madang/counted.json  madang/receipt_key.json  madang/manifest_form.json
 * madang/superseded_ballots/eballot-ID.json
 * </pre>
 * Every file is size-limited, parsed strictly and validated as it is read.
 */
public final class ElectionRecordReader {

    public static final String CONSTANTS = "constants.json";
    public static final String MANIFEST = "manifest.json";
    public static final String CONFIG = "election_config.json";
    public static final String INITIALIZED = "election_initialized.json";
    public static final String ENCRYPTED_BALLOTS = "encrypted_ballots";
    public static final String BALLOT_CHAIN = "ballot_chain.json";
    public static final String ENCRYPTED_TALLY = "encrypted_tally.json";
    public static final String TALLY = "tally.json";
    public static final String CHALLENGED_BALLOTS = "challenged_ballots";
    public static final String ENCRYPTED_BALLOT_PREFIX = "eballot-";
    public static final String DECRYPTED_BALLOT_PREFIX = "dballot-";
    public static final String MADANG = "madang";
    public static final String MADANG_BOARD = MADANG + "/board.json";
    public static final String MADANG_CREDENTIALS = MADANG + "/credentials.json";
    public static final String MADANG_COUNTED = MADANG + "/counted.json";
    public static final String MADANG_RECEIPT_KEY = MADANG + "/receipt_key.json";
    public static final String MADANG_MANIFEST_FORM = MADANG + "/manifest_form.json";
    public static final String MADANG_SUPERSEDED_BALLOTS = MADANG + "/superseded_ballots";

    private final Path root;
    private final JsonReader.Limits limits;

    public ElectionRecordReader(Path root) {
        this(root, JsonReader.Limits.RECORD);
    }

    public ElectionRecordReader(Path root, JsonReader.Limits limits) {
        this.root = root;
        this.limits = limits;
    }

    public Path root() {
        return root;
    }

    public boolean exists(String file) {
        return Files.isRegularFile(root.resolve(file));
    }

    public ElectionConstants constants() throws RecordFormatException {
        return RecordJson.readConstants(json(root.resolve(CONSTANTS)), CONSTANTS);
    }

    public Manifest manifest() throws RecordFormatException {
        Path path = root.resolve(MANIFEST);
        byte[] bytes = bytes(path);
        return RecordJson.readManifest(bytes, parse(bytes, MANIFEST), MANIFEST);
    }

    public ElectionConfig config() throws RecordFormatException {
        return RecordJson.readConfig(json(root.resolve(CONFIG)), CONFIG);
    }

    public ElectionInitialized initialized(Group group) throws RecordFormatException {
        return RecordJson.readInitialized(group, json(root.resolve(INITIALIZED)), INITIALIZED);
    }

    public EncryptedTally encryptedTally(Group group) throws RecordFormatException {
        return RecordJson.readEncryptedTally(group, json(root.resolve(ENCRYPTED_TALLY)), ENCRYPTED_TALLY);
    }

    public DecryptedTallyOrBallot tally(Group group) throws RecordFormatException {
        return RecordJson.readDecrypted(group, json(root.resolve(TALLY)), TALLY);
    }

    /** The encrypting devices: the subdirectories of encrypted_ballots, sorted by name. */
    public List<String> devices() throws RecordFormatException {
        Path dir = root.resolve(ENCRYPTED_BALLOTS);
        if (!Files.isDirectory(dir)) {
            throw new RecordFormatException(ENCRYPTED_BALLOTS + ": directory is missing");
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new RecordFormatException(ENCRYPTED_BALLOTS + ": cannot list: " + e.getMessage());
        }
    }

    /** All encrypted ballot files of all devices, in a stable order. */
    public List<Path> encryptedBallotFiles() throws RecordFormatException {
        List<Path> out = new ArrayList<>();
        for (String device : devices()) {
            out.addAll(list(root.resolve(ENCRYPTED_BALLOTS).resolve(device), ENCRYPTED_BALLOT_PREFIX));
        }
        return out;
    }

    public EncryptedBallot encryptedBallot(Group group, Path file) throws RecordFormatException {
        return RecordJson.readEncryptedBallot(group, json(file), relative(file));
    }

    public boolean hasBallotChain(String device) {
        return Files.isRegularFile(root.resolve(ENCRYPTED_BALLOTS).resolve(device).resolve(BALLOT_CHAIN));
    }

    public BallotChain ballotChain(String device) throws RecordFormatException {
        Path file = root.resolve(ENCRYPTED_BALLOTS).resolve(device).resolve(BALLOT_CHAIN);
        return RecordJson.readBallotChain(json(file), relative(file));
    }

    /** The opened challenged ballots; none when the directory is absent. */
    public List<Path> challengedBallotFiles() throws RecordFormatException {
        Path dir = root.resolve(CHALLENGED_BALLOTS);
        return Files.isDirectory(dir) ? list(dir, DECRYPTED_BALLOT_PREFIX) : List.of();
    }

    public DecryptedTallyOrBallot challengedBallot(Group group, Path file) throws RecordFormatException {
        return RecordJson.readDecrypted(group, json(file), relative(file));
    }

    /** Whether the record carries Madang's extension files (egk-ec's records do not). */
    public boolean hasMadangExtensions() {
        return Files.isDirectory(root.resolve(MADANG));
    }

    public MadangRecordJson.PublishedBoard madangBoard() throws RecordFormatException {
        return MadangRecordJson.readBoard(json(root.resolve(MADANG_BOARD)), MADANG_BOARD);
    }

    public List<byte[]> madangCredentials() throws RecordFormatException {
        return MadangRecordJson.readCredentials(json(root.resolve(MADANG_CREDENTIALS)), MADANG_CREDENTIALS);
    }

    public List<MadangRecordJson.CountedBallot> madangCounted() throws RecordFormatException {
        return MadangRecordJson.readCounted(json(root.resolve(MADANG_COUNTED)), MADANG_COUNTED);
    }

    public MadangRecordJson.ReceiptKey madangReceiptKey() throws RecordFormatException {
        return MadangRecordJson.readReceiptKey(json(root.resolve(MADANG_RECEIPT_KEY)), MADANG_RECEIPT_KEY);
    }

    /** The administrator's election form; nothing is verified against it, but it must be present and strict JSON. */
    public JsonValue madangManifestForm() throws RecordFormatException {
        return json(root.resolve(MADANG_MANIFEST_FORM));
    }

    /** CAST ballots replaced by a later ballot of the same credential; none when the directory is absent. */
    public List<Path> supersededBallotFiles() throws RecordFormatException {
        Path dir = root.resolve(MADANG_SUPERSEDED_BALLOTS);
        return Files.isDirectory(dir) ? list(dir, ENCRYPTED_BALLOT_PREFIX) : List.of();
    }

    private List<Path> list(Path dir, String prefix) throws RecordFormatException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(prefix) && name.endsWith(".json") && Files.isRegularFile(p);
            }).sorted().toList();
        } catch (IOException e) {
            throw new RecordFormatException(relative(dir) + ": cannot list: " + e.getMessage());
        }
    }

    public String relative(Path file) {
        try {
            return root.relativize(file).toString();
        } catch (IllegalArgumentException e) {
            return file.toString();
        }
    }

    private JsonValue json(Path file) throws RecordFormatException {
        return parse(bytes(file), relative(file));
    }

    private JsonValue parse(byte[] bytes, String name) throws RecordFormatException {
        try {
            return JsonReader.parse(bytes, limits);
        } catch (JsonException e) {
            throw new RecordFormatException(name + ": malformed JSON: " + e.getMessage());
        }
    }

    private byte[] bytes(Path file) throws RecordFormatException {
        try (InputStream in = Files.newInputStream(file)) {
            // read one byte past the limit, so that an oversized file is refused without loading it whole
            byte[] b = in.readNBytes(limits.maxBytes() + 1);
            if (b.length > limits.maxBytes()) {
                throw new RecordFormatException(relative(file) + ": larger than " + limits.maxBytes() + " bytes");
            }
            return b;
        } catch (NoSuchFileException e) {
            throw new RecordFormatException(relative(file) + ": file is missing");
        } catch (IOException e) {
            throw new RecordFormatException(relative(file) + ": cannot read: " + e.getMessage());
        }
    }
}
