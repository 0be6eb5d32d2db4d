package org.madang.verifier.trustee;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.madang.ballot.json.JsonException;
import org.madang.ballot.json.JsonReader;
import org.madang.ballot.json.JsonValue;
import org.madang.ballot.json.JsonWriter;

/**
 * The trustee's state file: SECRET. During the ceremony it holds the guardian's polynomial and
 * communication secret; afterwards its share z_i of the election key and, between decryption
 * rounds, the nonces of the pending batch. It is written with owner-only permissions, atomically
 * (a temporary file moved over the old one), and always before the message it enables is sent.
 */
final class TrusteeState {

    static final String WARNING = "SECRET Madang trustee state: it holds this guardian's share of the election key."
            + " Never share or upload it; keep a backup on offline media.";

    private final Path file;
    private final Map<String, JsonValue> members;

    private TrusteeState(Path file, Map<String, JsonValue> members) {
        this.file = file;
        this.members = members;
    }

    static boolean exists(Path file) {
        return Files.exists(file);
    }

    static TrusteeState empty(Path file) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("secret", JsonValue.of(WARNING));
        return new TrusteeState(file, m);
    }

    static TrusteeState read(Path file) throws IOException {
        try {
            if (JsonReader.parse(Files.readAllBytes(file), JsonReader.Limits.RECORD) instanceof JsonValue.JsonObject o) {
                return new TrusteeState(file, new LinkedHashMap<>(o.members()));
            }
        } catch (JsonException e) {
            throw new IOException(file + " is not a trustee state file: " + e.getMessage());
        }
        throw new IOException(file + " is not a trustee state file");
    }

    Path file() {
        return file;
    }

    boolean has(String name) {
        return members.containsKey(name);
    }

    JsonValue get(String name) {
        return members.get(name);
    }

    String string(String name) {
        return members.get(name) instanceof JsonValue.JsonString s ? s.value() : null;
    }

    TrusteeState put(String name, JsonValue value) {
        members.put(name, value);
        return this;
    }

    TrusteeState put(String name, String value) {
        return put(name, JsonValue.of(value));
    }

    TrusteeState remove(String name) {
        members.remove(name);
        return this;
    }

    /** Writes the file: owner read/write only from its creation, replacing the old one in one step. */
    void save() throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp;
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            tmp = Files.createTempFile(dir, ".trustee-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            tmp = Files.createTempFile(dir, ".trustee-", ".tmp");
            tmp.toFile().setReadable(false, false);
            tmp.toFile().setReadable(true, true);
            tmp.toFile().setWritable(false, false);
            tmp.toFile().setWritable(true, true);
        }
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(ByteBuffer.wrap(JsonWriter.writeUtf8(new JsonValue.JsonObject(members))));
                channel.force(true); // on disk before the message it enables leaves this machine
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
