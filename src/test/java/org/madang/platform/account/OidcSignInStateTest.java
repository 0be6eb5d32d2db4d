package org.madang.platform.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.madang.platform.account.control.OidcSignInState;

/** The sign-in cookie: only this platform's signature, before its expiry, and only same-site return paths. */
class OidcSignInStateTest {

    private static final byte[] KEY = "a key of thirty-two bytes or so!".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2026-03-01T03:00:00Z");

    @Test
    void aSealedStateOpensUnchangedWithinTenMinutes() {
        var state = OidcSignInState.begin("/forums.html?id=3", NOW);
        var opened = OidcSignInState.open(state.seal(KEY), KEY, NOW.plusSeconds(599)).orElseThrow();
        assertThat(opened).isEqualTo(state);
        assertThat(OidcSignInState.open(state.seal(KEY), KEY, NOW.plusSeconds(600))).as("expired").isEmpty();
    }

    @Test
    void aChangedOrForeignCookieIsWorthNothing() {
        var state = OidcSignInState.begin("/", NOW);
        String sealed = state.seal(KEY);
        String payload = sealed.substring(0, sealed.indexOf('.'));
        String json = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).replace(state.state(), "attacker-state");
        String changed = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8))
                + sealed.substring(sealed.indexOf('.'));
        assertThat(OidcSignInState.open(changed, KEY, NOW)).isEmpty();
        assertThat(OidcSignInState.open(sealed, "another key of thirty-two bytes!".getBytes(StandardCharsets.US_ASCII), NOW)).isEmpty();
        assertThat(OidcSignInState.open(payload, KEY, NOW)).as("unsigned").isEmpty();
        assertThat(OidcSignInState.open("garbage.garbage", KEY, NOW)).isEmpty();
        assertThat(OidcSignInState.open(null, KEY, NOW)).isEmpty();
    }

    @Test
    void onlySameSiteRelativePathsAreReturnedTo() {
        assertThat(OidcSignInState.safeNext("/my-data.html")).isEqualTo("/my-data.html");
        assertThat(OidcSignInState.safeNext("/polls.html?id=1&x=%20")).isEqualTo("/polls.html?id=1&x=%20");
        for (String elsewhere : new String[] {"https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)",
                "relative.html", "", null, "/a\r\nSet-Cookie: x=1", "/" + "a".repeat(600)}) {
            assertThat(OidcSignInState.safeNext(elsewhere)).as(String.valueOf(elsewhere)).isEqualTo("/");
        }
    }

    @Test
    void theChallengeIsTheS256OfTheVerifier() throws Exception {
        var state = OidcSignInState.begin("/", NOW);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(state.codeVerifier().getBytes(StandardCharsets.US_ASCII));
        assertThat(state.codeChallenge()).isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        assertThat(state.codeVerifier()).hasSizeBetween(43, 128).matches("[A-Za-z0-9_-]+");
        assertThat(OidcSignInState.begin("/", NOW).state()).isNotEqualTo(state.state());
    }
}
