package org.madang.platform.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Verified tokens are remembered, but a remembered token still expires and still dies with its key. */
class AccessTokensTest {

    private final Instant start = Instant.parse("2026-11-28T10:00:00Z");
    private final ECKey key = generate("k1");
    private boolean keyKnown = true;

    private final AccessTokens tokens = new AccessTokens();

    AccessTokensTest() {
        tokens.keys = new SigningKeys() {
            @Override
            public ECKey signingKey() {
                return key;
            }

            @Override
            public Optional<ECKey> verificationKey(String kid) {
                return keyKnown && key.getKeyID().equals(kid) ? Optional.of(key.toPublicJWK()) : Optional.empty();
            }
        };
        tokens.clock = Clock.fixed(start, ZoneOffset.UTC);
    }

    private String token() {
        return tokens.issue(new SignedInCaller(UUID.randomUUID(), "a@example.org", "A", List.of("REGISTERED"), Map.of(),
                List.of("pwd"), "csrf", null, null));
    }

    @Test
    void aRememberedTokenStillExpires() {
        String token = token();
        assertTrue(tokens.verify(token).isPresent());
        assertTrue(tokens.verify(token).isPresent(), "second look, from memory");
        tokens.clock = Clock.fixed(start.plus(AccessTokens.LIFETIME).plusSeconds(31), ZoneOffset.UTC);
        assertEquals(Optional.empty(), tokens.verify(token));
    }

    @Test
    void aRememberedTokenDiesWithItsKey() {
        String token = token();
        assertTrue(tokens.verify(token).isPresent());
        keyKnown = false;
        assertEquals(Optional.empty(), tokens.verify(token));
    }

    @Test
    void anAlteredCopyOfARememberedTokenIsChecked() {
        String token = token();
        assertTrue(tokens.verify(token).isPresent());
        char last = token.charAt(token.length() - 2);
        String altered = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        assertEquals(Optional.empty(), tokens.verify(altered));
        assertTrue(tokens.verify(token).isPresent());
    }

    private static ECKey generate(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
