package org.madang.ballot.record;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.madang.ballot.board.BoardChain;
import org.madang.ballot.board.CredentialSignature;
import org.madang.ballot.hash.HashValue;
import org.madang.ballot.json.JsonValue;

/**
 * Madang's extension files under {@code madang/}, as the election server's ElectionRecords writes them. Parsing is
 * strict about shape and lengths (a hash is 32 bytes, a credential 33, a signature 64), so that a malformed file makes
 * the record unreadable; whether the values are right is for the verifier's M-steps.
 */
public final class MadangRecordJson {

    /** {@code madang/board.json}: the whole bulletin board, in chain order as published. */
    public record PublishedBoard(HashValue genesis, HashValue head, List<PublishedEntry> entries) {
        public PublishedBoard {
            entries = List.copyOf(entries);
        }
    }

    /** One board entry with the chain hashes the server published beside it. */
    public record PublishedEntry(BoardChain.Entry entry, HashValue previousHash, HashValue hash) {
        public static final String CAST = "CAST", CHALLENGE = "CHALLENGE";
    }

    /** One member of {@code madang/counted.json}: the ballot that counts for a credential. */
    public record CountedBallot(byte[] credential, String ballotId, long position) {
    }

    /** {@code madang/receipt_key.json}: the receipts' public JWK, its coordinates still unchecked against the curve. */
    public record ReceiptKey(byte[] x, byte[] y, boolean hasPrivatePart) {
    }

    private MadangRecordJson() {
    }

    public static PublishedBoard readBoard(JsonValue json, String file) throws RecordFormatException {
        JsonFields f = new JsonFields(json, file);
        List<PublishedEntry> entries = new ArrayList<>();
        for (JsonFields e : f.objects("entries")) {
            String kind = e.string("kind");
            if (!kind.equals(PublishedEntry.CAST) && !kind.equals(PublishedEntry.CHALLENGE)) {
                throw new RecordFormatException(e.at("kind") + ": expected CAST or CHALLENGE, found '" + kind + "'");
            }
            BoardChain.Entry entry = new BoardChain.Entry(e.longInRange("position", 1, Long.MAX_VALUE), kind,
                    e.string("ballot_id"), hexHash(e, "confirmation_code"),
                    hexBytes(e, "credential", CredentialSignature.CREDENTIAL_BYTES),
                    hexBytes(e, "signature", CredentialSignature.SIGNATURE_BYTES),
                    e.longInRange("received_at", 0, Long.MAX_VALUE));
            entries.add(new PublishedEntry(entry, hexHash(e, "previous_hash"), hexHash(e, "hash")));
        }
        return new PublishedBoard(hexHash(f, "genesis"), hexHash(f, "head"), entries);
    }

    /**
     * {@code madang/credentials.json}: every credential the voter roll registered. Each must decode as a P-256 point,
     * as a group element must in the rest of the record.
     */
    public static List<byte[]> readCredentials(JsonValue json, String file) throws RecordFormatException {
        JsonFields f = new JsonFields(json, file);
        List<String> hex = f.strings("credentials");
        List<byte[]> out = new ArrayList<>(hex.size());
        for (int i = 0; i < hex.size(); i++) {
            String where = f.at("credentials") + "[" + i + "]";
            byte[] credential = parseHex(hex.get(i), where, CredentialSignature.CREDENTIAL_BYTES);
            try {
                CredentialSignature.decodeCredential(credential);
            } catch (IllegalArgumentException e) {
                throw new RecordFormatException(where + ": not a P-256 credential: " + e.getMessage());
            }
            out.add(credential);
        }
        return out;
    }

    public static List<CountedBallot> readCounted(JsonValue json, String file) throws RecordFormatException {
        JsonFields f = new JsonFields(json, file);
        List<CountedBallot> out = new ArrayList<>();
        for (JsonFields c : f.objects("counted")) {
            out.add(new CountedBallot(hexBytes(c, "credential", CredentialSignature.CREDENTIAL_BYTES), c.string("ballot_id"),
                    c.longInRange("position", 1, Long.MAX_VALUE)));
        }
        return out;
    }

    /** An EC public JWK on P-256 (RFC 7517/7518): kty "EC", crv "P-256", x and y 32-byte base64url. */
    public static ReceiptKey readReceiptKey(JsonValue json, String file) throws RecordFormatException {
        JsonFields f = new JsonFields(json, file);
        if (!f.string("kty").equals("EC")) {
            throw new RecordFormatException(f.at("kty") + ": expected \"EC\"");
        }
        if (!f.string("crv").equals("P-256")) {
            throw new RecordFormatException(f.at("crv") + ": expected \"P-256\"");
        }
        return new ReceiptKey(base64url(f, "x"), base64url(f, "y"), f.has("d"));
    }

    private static HashValue hexHash(JsonFields f, String name) throws RecordFormatException {
        return HashValue.of(hexBytes(f, name, HashValue.BYTES));
    }

    private static byte[] hexBytes(JsonFields f, String name, int length) throws RecordFormatException {
        return parseHex(f.string(name), f.at(name), length);
    }

    private static byte[] parseHex(String hex, String where, int length) throws RecordFormatException {
        byte[] b;
        try {
            b = java.util.HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new RecordFormatException(where + ": not valid hexadecimal");
        }
        if (b.length != length) {
            throw new RecordFormatException(where + ": expected " + length + " bytes, found " + b.length);
        }
        return b;
    }

    private static byte[] base64url(JsonFields f, String name) throws RecordFormatException {
        String s = f.string(name);
        byte[] b;
        try {
            // RFC 7518 coordinates are unpadded base64url; a padded or standard-alphabet value is malformed
            if (s.contains("=")) {
                throw new IllegalArgumentException("padding");
            }
            b = Base64.getUrlDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new RecordFormatException(f.at(name) + ": not unpadded base64url");
        }
        if (b.length != 32) {
            throw new RecordFormatException(f.at(name) + ": a P-256 coordinate is 32 bytes, found " + b.length);
        }
        return b;
    }
}
