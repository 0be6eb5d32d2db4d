package org.madang.platform.account.control;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What one OpenID Connect sign-in must remember between sending the browser to the provider and its return: state,
 * nonce, PKCE verifier and the page to go back to. Kept in the browser's cookie, HMAC-signed and dated, so that a
 * changed or old cookie is worth nothing.
 */
public record OidcSignInState(String state, String nonce, String codeVerifier, String next, Instant expiresAt) {

    public static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    /** A path on this site: one leading slash (not "//", which browsers read as another host), no backslash. */
    private static final Pattern SAME_SITE_PATH = Pattern.compile("/(?![/\\\\])[A-Za-z0-9\\-._~!$&'()*+,;=:@/?%]*");

    public static OidcSignInState begin(String requestedNext, Instant now) {
        return new OidcSignInState(random(), random(), random() + random(), safeNext(requestedNext), now.plus(LIFETIME));
    }

    /** The page to return to after sign-in: a relative path on this site, else the home page. */
    public static String safeNext(String next) {
        if (next == null || next.length() > 500 || !SAME_SITE_PATH.matcher(next).matches()) return "/";
        return next;
    }

    /** The PKCE S256 challenge (RFC 7636 4.2) for this sign-in's verifier. */
    public String codeChallenge() {
        try {
            return B64.encodeToString(MessageDigest.getInstance("SHA-256").digest(codeVerifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String seal(byte[] key) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("s", state);
        fields.put("n", nonce);
        fields.put("v", codeVerifier);
        fields.put("x", next);
        fields.put("e", expiresAt.getEpochSecond());
        String payload = B64.encodeToString(JSONObjectUtils.toJSONString(fields).getBytes(StandardCharsets.UTF_8));
        return payload + "." + B64.encodeToString(mac(key, payload));
    }

    /** The state in a cookie value, if this platform signed it and it has not expired. */
    public static Optional<OidcSignInState> open(String sealed, byte[] key, Instant now) {
        if (sealed == null || sealed.length() > 2000) return Optional.empty();
        int dot = sealed.indexOf('.');
        if (dot < 1) return Optional.empty();
        String payload = sealed.substring(0, dot);
        try {
            byte[] given = Base64.getUrlDecoder().decode(sealed.substring(dot + 1));
            if (!MessageDigest.isEqual(given, mac(key, payload))) return Optional.empty();
            var fields = JSONObjectUtils.parse(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
            var expires = Instant.ofEpochSecond(((Number) fields.get("e")).longValue());
            if (!expires.isAfter(now)) return Optional.empty();
            return Optional.of(new OidcSignInState((String) fields.get("s"), (String) fields.get("n"), (String) fields.get("v"),
                    safeNext((String) fields.get("x")), expires));
        } catch (IllegalArgumentException | ParseException | ClassCastException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static byte[] mac(byte[] key, String payload) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return B64.encodeToString(bytes);
    }
}
