package org.madang.platform.persistence;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.madang.platform.error.ProblemException;

/**
 * An opaque page position for keyset pagination: the sort key of the last item shown (a number: epoch microseconds
 * or a count) and its id. Clients pass it back unchanged; anything else is refused as a bad value.
 */
public record Cursor(long key, UUID id) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((key + ":" + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** Null when there is no cursor (first page). */
    public static Cursor decode(String text) {
        if (text == null || text.isEmpty()) return null;
        try {
            if (text.length() > 100) throw new IllegalArgumentException("too long");
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
            int colon = plain.indexOf(':');
            return new Cursor(Long.parseLong(plain.substring(0, colon)), UUID.fromString(plain.substring(colon + 1)));
        } catch (RuntimeException e) {
            throw ProblemException.invalid("cursor", "cursor.invalid");
        }
    }

    /** Microseconds since the epoch: the resolution both databases keep. */
    public static long micros(java.time.Instant at) {
        return at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
    }

    public static java.time.Instant instant(long micros) {
        return java.time.Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
