package org.madang.platform.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues and verifies the short-lived ES256 access tokens. Verification accepts exactly one algorithm and one
 * issuer and audience, requires a known key id, and checks expiry with a small clock skew.
 */
@ApplicationScoped
public class AccessTokens {

    public static final String ISSUER = "https://madang.example";
    public static final String AUDIENCE = "madang-api";
    public static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    @Inject
    SigningKeys keys;

    Clock clock = Clock.systemUTC();

    public String issue(SignedInCaller caller) {
        Instant now = clock.instant();
        var claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(caller.accountId().toString())
                .claim("upn", caller.email())
                .claim("name", caller.displayName())
                .claim("groups", caller.groups())
                .claim("orgs", caller.organisationRoles())
                .claim("amr", caller.methods())
                .claim("csrf", caller.csrfToken())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        try {
            var key = keys.signingKey();
            var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(Es256.signer(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Access token could not be signed", e);
        }
    }

    /**
     * Tokens whose signature and claims were already checked, by their exact text: a client sends the same token with
     * every request for ten minutes, and the signature check is a P-256 verification. Expiry and the key are checked
     * again on every hit; the map is emptied when full, which keeps it bounded without bookkeeping.
     */
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    static final int MAX_VERIFIED = 20_000;

    private record Verified(String keyId, Instant issuedAt, SignedInCaller caller) {
    }

    /** The caller a token proves, or empty when it is not a valid, current token of ours. */
    public Optional<SignedInCaller> verify(String token) {
        if (token == null || token.length() > 8192) return Optional.empty();
        Verified known = verified.get(token);
        if (known != null) {
            Instant now = clock.instant();
            if (current(known.caller().expiresAt(), known.issuedAt(), now) && keys.verificationKey(known.keyId()).isPresent()) {
                return Optional.of(known.caller());
            }
            verified.remove(token);
            return Optional.empty();
        }
        try {
            var jwt = SignedJWT.parse(token);
            var header = jwt.getHeader();
            if (!JWSAlgorithm.ES256.equals(header.getAlgorithm()) || header.getCriticalParams() != null) {
                return Optional.empty();
            }
            var key = keys.verificationKey(header.getKeyID());
            if (key.isEmpty() || !jwt.verify(Es256.verifier(key.get()))) {
                return Optional.empty();
            }
            var claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            if (!ISSUER.equals(claims.getIssuer())
                    || claims.getAudience() == null || !claims.getAudience().equals(List.of(AUDIENCE))
                    || claims.getExpirationTime() == null || claims.getIssueTime() == null
                    || !current(claims.getExpirationTime().toInstant(), claims.getIssueTime().toInstant(), now)
                    || claims.getSubject() == null) {
                return Optional.empty();
            }
            var caller = new SignedInCaller(
                    UUID.fromString(claims.getSubject()),
                    claims.getStringClaim("upn"),
                    claims.getStringClaim("name"),
                    List.copyOf(claims.getStringListClaim("groups")),
                    organisationRoles(claims.getJSONObjectClaim("orgs")),
                    List.copyOf(claims.getStringListClaim("amr")),
                    claims.getStringClaim("csrf"),
                    token,
                    claims.getExpirationTime().toInstant());
            if (verified.size() >= MAX_VERIFIED) verified.clear();
            verified.put(token, new Verified(header.getKeyID(), claims.getIssueTime().toInstant(), caller));
            return Optional.of(caller);
        } catch (ParseException | JOSEException | IllegalArgumentException | ClassCastException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static boolean current(Instant expiresAt, Instant issuedAt, Instant now) {
        return !expiresAt.plus(CLOCK_SKEW).isBefore(now) && !issuedAt.minus(CLOCK_SKEW).isAfter(now);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> organisationRoles(Map<String, Object> json) {
        if (json == null) return Map.of();
        var result = new java.util.TreeMap<String, List<String>>();
        json.forEach((role, ids) -> result.put(role, List.copyOf((List<String>) ids)));
        return result;
    }
}
