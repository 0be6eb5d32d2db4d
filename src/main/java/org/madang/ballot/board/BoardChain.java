package org.madang.ballot.board;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.madang.ballot.hash.HashValue;

/**
 * Madang's public bulletin board is a hash chain: entry n's hash covers entry n−1's hash, so no entry can be
 * removed, reordered or changed without breaking every later hash. The chain starts from the election's H_E, which
 * binds it to one election. Entry hash = SHA-256 of
 * {@code "madang-board-v1" || previous (32) || position (8, big-endian) || len(kind) kind || len(ballotId) ballotId ||
 * confirmation code (32) || credential (33) || signature (64) || received-at (8, epoch milliseconds)},
 * lengths as 4-byte big-endian, strings in UTF-8.
 */
public final class BoardChain {

    private static final byte[] DOMAIN = "madang-board-v1".getBytes(StandardCharsets.US_ASCII);

    /** One entry as it is published in madang/board.json. */
    public record Entry(long position, String kind, String ballotId, HashValue confirmationCode, byte[] credential,
                        byte[] signature, long receivedAtMillis) {
    }

    private BoardChain() {
    }

    public static HashValue genesis(HashValue extendedBaseHash) {
        return extendedBaseHash;
    }

    public static HashValue next(HashValue previous, Entry e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(DOMAIN);
        out.writeBytes(previous.bytes());
        out.writeBytes(ByteBuffer.allocate(8).putLong(e.position()).array());
        lengthPrefixed(out, e.kind());
        lengthPrefixed(out, e.ballotId());
        out.writeBytes(e.confirmationCode().bytes());
        out.writeBytes(e.credential());
        out.writeBytes(e.signature());
        out.writeBytes(ByteBuffer.allocate(8).putLong(e.receivedAtMillis()).array());
        try {
            return HashValue.of(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public static String hex(HashValue h) {
        return HexFormat.of().formatHex(h.bytes());
    }

    private static void lengthPrefixed(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).putInt(b.length).array());
        out.writeBytes(b);
    }
}
