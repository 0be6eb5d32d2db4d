package org.madang.platform.files;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What an uploaded file is, read from its bytes and never from its name or the uploader's header, and its SHA-256.
 * Features choose which of these types they accept.
 */
public final class FileSignatures {

    public static final String PDF = "application/pdf", PNG = "image/png", JPEG = "image/jpeg", GIF = "image/gif",
            WEBP = "image/webp", ZIP = "application/zip", OLE = "application/x-ole-storage", JSON = "application/json",
            CSV = "text/csv", TEXT = "text/plain";

    private FileSignatures() {
    }

    /** The binary formats known by their signature; OOXML, ODF and HWPX are ZIP containers, HWP 5 an OLE file. */
    public static Optional<String> binary(byte[] b) {
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return Optional.of(PNG);
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) return Optional.of(JPEG);
        if (startsWith(b, 0, 'G', 'I', 'F', '8', '7', 'a') || startsWith(b, 0, 'G', 'I', 'F', '8', '9', 'a')) return Optional.of(GIF);
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) return Optional.of(WEBP);
        if (startsWith(b, 0, '%', 'P', 'D', 'F', '-')) return Optional.of(PDF);
        if (startsWith(b, 0, 'P', 'K', 3, 4)) return Optional.of(ZIP);
        if (startsWith(b, 0, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) return Optional.of(OLE);
        return Optional.empty();
    }

    /**
     * The text of a file that is strict UTF-8 without control characters (tabs and line breaks aside) and that does
     * not open like markup, which a browser could take for HTML or SVG; empty for anything else.
     */
    public static Optional<String> plainText(byte[] b) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') return Optional.empty();
        }
        if (text.isBlank() || text.stripLeading().startsWith("<")) return Optional.empty();
        return Optional.of(text);
    }

    /** A text file's type: JSON when it opens like JSON, CSV when named so, otherwise plain text. */
    public static String textType(String text, String fileName) {
        String start = text.stripLeading();
        if (start.startsWith("{") || start.startsWith("[")) return JSON;
        if (fileName != null && fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) return CSV;
        return TEXT;
    }

    public static String sha256Hex(byte[] content) {
        return HexFormat.of().formatHex(sha256(content));
    }

    /** The digest as RFC 9530's Repr-Digest header carries it: {@code sha-256=:base64:}. */
    public static String reprDigest(String sha256Hex) {
        return "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256Hex)) + ":";
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean startsWith(byte[] bytes, int offset, int... magic) {
        if (bytes.length < offset + magic.length) return false;
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[offset + i] & 0xFF) != magic[i]) return false;
        }
        return true;
    }
}
