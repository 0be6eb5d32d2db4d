package org.madang.platform.personaldata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;

/**
 * The look-up value of an encrypted column that must still be found by exact value (an e-mail address at sign-in):
 * HMAC-SHA256 of the normalised value under the look-up key of {@link FieldKeys}, in hex. Equal addresses give equal
 * values, so a unique constraint and an index work; without the key the value cannot be tested against guesses.
 */
public final class LookupHash {

    private LookupHash() {
    }

    /** Addresses are compared trimmed and in lower case, as accounts store them. */
    public static String normaliseEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public static String ofEmail(String email) {
        return email == null ? null : of(normaliseEmail(email), FieldKeys.get());
    }

    public static String of(String value, FieldKeys keys) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.lookupKey());
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
