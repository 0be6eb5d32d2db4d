package org.madang.ballot.encrypt;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.madang.ballot.json.JsonValue;

/**
 * The contest data field of spec 2.1.0 section 3.3.3 (over-votes, write-ins, status), in egk-ec's
 * byte encoding (variable-length integers and length-prefixed UTF-8 strings) so that either tool
 * decrypts the other's. It is zero-padded to (L + 1)·32 bytes for a contest limit L: every
 * ciphertext of a contest has the same length, whatever the voter wrote.
 */
public record ContestData(List<Integer> overvotes, List<String> writeIns, Status status) {

    public enum Status { normal, null_vote, over_vote, under_vote }

    private static final int BLOCK = 32;
    private static final int WRITE_IN_CHARS = 30;

    public ContestData {
        overvotes = List.copyOf(overvotes);
        writeIns = List.copyOf(writeIns);
    }

    public byte[] encode(int contestLimit) {
        int size = (contestLimit + 1) * BLOCK;
        ContestData trial = this;
        byte[] bytes = trial.encodeUnpadded();
        if (bytes.length > size && !trial.writeIns.isEmpty()) {
            // shorten, then drop write-ins, marking each cut with "*" as egk-ec does
            List<String> shortened = trial.writeIns.stream()
                    .map(w -> w.length() <= WRITE_IN_CHARS ? w : w.substring(0, WRITE_IN_CHARS) + "*").toList();
            trial = new ContestData(trial.overvotes, shortened, trial.status);
            bytes = trial.encodeUnpadded();
            while (bytes.length > size && !trial.writeIns.isEmpty()) {
                List<String> fewer = new ArrayList<>(trial.writeIns.subList(0, trial.writeIns.size() - 1));
                trial = new ContestData(trial.overvotes, fewer, trial.status);
                bytes = trial.encodeUnpadded();
            }
        }
        while (bytes.length > size && !trial.overvotes.isEmpty()) {
            trial = new ContestData(trial.overvotes.subList(0, trial.overvotes.size() - 1), trial.writeIns, trial.status);
            bytes = trial.encodeUnpadded();
        }
        return bytes.length >= size ? bytes : Arrays.copyOf(bytes, size);
    }

    private byte[] encodeUnpadded() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeVarint(overvotes.size(), out);
        overvotes.forEach(v -> writeVarint(v, out));
        writeVarint(writeIns.size(), out);
        writeIns.forEach(w -> writeString(w, out));
        writeString(status.name(), out);
        return out.toByteArray();
    }

    /** Decodes the plaintext of a contest data ciphertext; empty if it is not well formed. */
    public static Optional<ContestData> decode(byte[] bytes) {
        int[] at = {0};
        try {
            int n = readVarint(bytes, at);
            List<Integer> overvotes = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                overvotes.add(readVarint(bytes, at));
            }
            int w = readVarint(bytes, at);
            List<String> writeIns = new ArrayList<>();
            for (int i = 0; i < w; i++) {
                writeIns.add(readString(bytes, at));
            }
            return Optional.of(new ContestData(overvotes, writeIns, Status.valueOf(readString(bytes, at))));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** The "contest_data" member of a decrypted contest, as egk-ec writes it. */
    public JsonValue toJson() {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("over_votes", new JsonValue.JsonArray(overvotes.stream().map(v -> (JsonValue) JsonValue.of(v)).toList()));
        m.put("write_ins", new JsonValue.JsonArray(writeIns.stream().map(v -> (JsonValue) JsonValue.of(v)).toList()));
        m.put("status", JsonValue.of(status.name()));
        return new JsonValue.JsonObject(m);
    }

    private static void writeVarint(int value, ByteArrayOutputStream out) {
        int v = value;
        while ((v & ~0x7F) != 0) {
            out.write((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }

    private static void writeString(String s, ByteArrayOutputStream out) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        writeVarint(b.length, out);
        out.writeBytes(b);
    }

    private static int readVarint(byte[] b, int[] at) {
        int result = 0;
        int shift = 0;
        while (true) {
            int x = b[at[0]++] & 0xFF;
            result |= (x & 0x7F) << shift;
            if ((x & 0x80) == 0) {
                return result;
            }
            shift += 7;
            if (shift > 28) {
                throw new IllegalArgumentException("varint too long");
            }
        }
    }

    private static String readString(byte[] b, int[] at) {
        int n = readVarint(b, at);
        if (n < 0 || at[0] + n > b.length) {
            throw new IllegalArgumentException("string runs past the data");
        }
        String s = new String(b, at[0], n, StandardCharsets.UTF_8);
        at[0] += n;
        return s;
    }
}
