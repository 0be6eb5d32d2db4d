package org.madang.platform.account.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an OpenID Connect ID token (OIDC Core 3.1.3.7): signed with RS256 or ES256 by a key of the provider's
 * published key set — never unsigned, never HMAC (a provider's public key must not double as a shared secret) — from
 * the expected issuer, for this client, unexpired, and carrying the nonce this sign-in sent.
 */
public final class IdTokenVerifier {

    static final Set<JWSAlgorithm> ALLOWED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
    /** Clocks of provider and platform differ a little. */
    static final Duration SKEW = Duration.ofSeconds(60);

    /** The provider's keys; {@link #refreshed()} fetches them again (the provider may have rotated its keys). */
    public interface KeySource {
        JWKSet current();

        JWKSet refreshed();
    }

    /** Why a token was refused; the message is for the log and the audit entry, never for the browser. */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason);
        }
    }

    private final String issuer;
    private final String clientId;
    private final KeySource keys;
    private final Clock clock;

    public IdTokenVerifier(String issuer, String clientId, KeySource keys, Clock clock) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.keys = keys;
        this.clock = clock;
    }

    public JWTClaimsSet verify(String idToken, String expectedNonce) throws Refused {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(idToken); // an unsigned ("alg":"none") token does not parse as a signed one
        } catch (ParseException | RuntimeException e) {
            throw new Refused("not a signed JWT");
        }
        var algorithm = jwt.getHeader().getAlgorithm();
        if (!ALLOWED.contains(algorithm)) throw new Refused("algorithm " + algorithm + " not accepted");
        String kid = jwt.getHeader().getKeyID();
        var key = keyFor(keys.current(), kid, algorithm);
        if (key.isEmpty()) key = keyFor(keys.refreshed(), kid, algorithm); // once: a rotated key is published by now
        if (key.isEmpty()) throw new Refused("no provider key " + kid + " for " + algorithm);
        try {
            if (!jwt.verify(verifier(key.get(), algorithm))) throw new Refused("bad signature");
        } catch (JOSEException e) {
            throw new Refused("signature could not be checked: " + e.getMessage());
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new Refused("claims unreadable");
        }
        checkClaims(claims, expectedNonce);
        return claims;
    }

    private void checkClaims(JWTClaimsSet claims, String expectedNonce) throws Refused {
        if (!issuer.equals(claims.getIssuer())) throw new Refused("issuer " + claims.getIssuer());
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(clientId)) throw new Refused("audience " + audience);
        Object azp = claims.getClaim("azp");
        if (azp != null && !clientId.equals(azp)) throw new Refused("authorised party " + azp);
        if (azp == null && audience.size() > 1) throw new Refused("several audiences and no authorised party");
        if (claims.getSubject() == null || claims.getSubject().isBlank() || claims.getSubject().length() > 255) {
            throw new Refused("subject missing or too long");
        }
        Instant now = clock.instant();
        Date expires = claims.getExpirationTime();
        if (expires == null || !expires.toInstant().plus(SKEW).isAfter(now)) throw new Refused("expired");
        Date issued = claims.getIssueTime();
        if (issued == null || issued.toInstant().minus(SKEW).isAfter(now)) throw new Refused("issued in the future");
        Object nonce = claims.getClaim("nonce");
        if (expectedNonce == null || !expectedNonce.equals(nonce)) throw new Refused("nonce does not match");
    }

    private static Optional<JWK> keyFor(JWKSet set, String kid, JWSAlgorithm algorithm) {
        if (set == null) return Optional.empty();
        return set.getKeys().stream()
                .filter(k -> kid == null || kid.equals(k.getKeyID()))
                .filter(k -> k.getKeyUse() == null || KeyUse.SIGNATURE.equals(k.getKeyUse()))
                .filter(k -> k.getAlgorithm() == null || algorithm.equals(k.getAlgorithm()))
                .filter(k -> algorithm.equals(JWSAlgorithm.RS256) ? k instanceof RSAKey : k instanceof ECKey)
                .findFirst();
    }

    private static JWSVerifier verifier(JWK key, JWSAlgorithm algorithm) throws JOSEException {
        return algorithm.equals(JWSAlgorithm.RS256) ? new RSASSAVerifier(key.toRSAKey()) : new ECDSAVerifier(key.toECKey());
    }
}
