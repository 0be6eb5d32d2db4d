package org.madang.platform.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.madang.platform.account.control.IdTokenVerifier;

/** The ID token checks, each refusal against a token that differs from a valid one in exactly that respect. */
class IdTokenVerifierTest {

    private static final String ISSUER = "https://id.example.go.kr/realm";
    private static final String CLIENT = "madang";
    private static final String NONCE = "nonce-of-this-sign-in";
    private static final Instant NOW = Instant.parse("2026-03-01T03:00:00Z");

    private static RSAKey rsa;
    private static ECKey ec;

    /** The provider's published keys, and how often the verifier asked again. */
    private static final class PublishedKeys implements IdTokenVerifier.KeySource {
        JWKSet cached;
        JWKSet published;
        int refetches;

        PublishedKeys(JWKSet cached, JWKSet published) {
            this.cached = cached;
            this.published = published;
        }

        @Override
        public JWKSet current() { return cached; }

        @Override
        public JWKSet refreshed() {
            refetches++;
            cached = published;
            return cached;
        }
    }

    @BeforeAll
    static void keys() throws Exception {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
    }

    private static JWKSet publicKeys(JWK... keys) {
        return new JWKSet(List.of(keys).stream().map(JWK::toPublicJWK).toList());
    }

    private static IdTokenVerifier verifier(PublishedKeys keys) {
        return new IdTokenVerifier(ISSUER, CLIENT, keys, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static IdTokenVerifier verifier() {
        var published = publicKeys(rsa, ec);
        return verifier(new PublishedKeys(published, published));
    }

    private static JWTClaimsSet.Builder validClaims() {
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject("provider-subject-1").audience(CLIENT)
                .issueTime(Date.from(NOW.minusSeconds(5))).expirationTime(Date.from(NOW.plusSeconds(300)))
                .claim("nonce", NONCE).claim("email", "person@example.kr");
    }

    private static String signed(JWSSigner signer, JWSAlgorithm alg, String kid, JWTClaimsSet claims) throws Exception {
        var jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static String rs256(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        return signed(new RSASSASigner(rsa), JWSAlgorithm.RS256, rsa.getKeyID(), change.apply(validClaims()).build());
    }

    private static void assertRefused(String token, String reason) {
        assertThatThrownBy(() -> verifier().verify(token, NONCE)).isInstanceOf(IdTokenVerifier.Refused.class)
                .hasMessageContaining(reason);
    }

    @Test
    void validRs256AndEs256TokensAreAccepted() throws Exception {
        assertThat(verifier().verify(rs256(c -> c), NONCE).getSubject()).isEqualTo("provider-subject-1");
        String es256 = signed(new ECDSASigner(ec), JWSAlgorithm.ES256, ec.getKeyID(), validClaims().build());
        assertThat(verifier().verify(es256, NONCE).getClaim("email")).isEqualTo("person@example.kr");
    }

    @Test
    void aTamperedSignatureIsRefused() throws Exception {
        String[] parts = rs256(c -> c).split("\\.");
        var signature = parts[2].getBytes(StandardCharsets.US_ASCII);
        signature[10] = (byte) (signature[10] == 'A' ? 'B' : 'A');
        assertRefused(parts[0] + "." + parts[1] + "." + new String(signature, StandardCharsets.US_ASCII), "bad signature");
    }

    @Test
    void changedClaimsUnderTheOriginalSignatureAreRefused() throws Exception {
        String[] parts = rs256(c -> c).split("\\.");
        String otherPerson = Base64URL.encode(validClaims().subject("someone-else").build().toString()).toString();
        assertRefused(parts[0] + "." + otherPerson + "." + parts[2], "bad signature");
    }

    @Test
    void aWrongIssuerIsRefused() throws Exception {
        assertRefused(rs256(c -> c.issuer("https://evil.example/realm")), "issuer");
    }

    @Test
    void aWrongAudienceIsRefused() throws Exception {
        assertRefused(rs256(c -> c.audience("another-client")), "audience");
    }

    @Test
    void anotherAuthorisedPartyIsRefused() throws Exception {
        assertRefused(rs256(c -> c.audience(List.of(CLIENT, "another-client")).claim("azp", "another-client")), "authorised party");
        assertRefused(rs256(c -> c.audience(List.of(CLIENT, "another-client"))), "no authorised party");
    }

    @Test
    void anExpiredTokenIsRefusedBeyondTheSkew() throws Exception {
        assertRefused(rs256(c -> c.issueTime(Date.from(NOW.minusSeconds(3600))).expirationTime(Date.from(NOW.minusSeconds(61)))), "expired");
        assertRefused(rs256(c -> c.expirationTime(null)), "expired");
        // within the allowed clock skew it still counts
        assertThat(verifier().verify(rs256(c -> c.expirationTime(Date.from(NOW.minusSeconds(30)))), NONCE)).isNotNull();
    }

    @Test
    void aTokenIssuedInTheFutureIsRefused() throws Exception {
        assertRefused(rs256(c -> c.issueTime(Date.from(NOW.plusSeconds(600))).expirationTime(Date.from(NOW.plusSeconds(900)))), "future");
    }

    @Test
    void aWrongOrMissingNonceIsRefused() throws Exception {
        assertRefused(rs256(c -> c.claim("nonce", "nonce-of-another-sign-in")), "nonce");
        assertRefused(rs256(c -> c.claim("nonce", null)), "nonce");
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String none = new PlainJWT(validClaims().build()).serialize();
        assertRefused(none, "not a signed JWT");
    }

    @Test
    void hs256WithThePublicKeyAsSecretIsRefused() throws Exception {
        // the classic confusion attack: the provider's public key, which anyone can fetch, used as an HMAC secret
        byte[] publicKeyAsSecret = rsa.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        String forged = signed(new MACSigner(publicKeyAsSecret), JWSAlgorithm.HS256, rsa.getKeyID(), validClaims().build());
        assertRefused(forged, "algorithm HS256 not accepted");
    }

    @Test
    void aTokenSignedByAKeyTheProviderNeverPublishedIsRefused() throws Exception {
        var stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();
        String token = signed(new RSASSASigner(stranger), JWSAlgorithm.RS256, "stranger", validClaims().build());
        var published = new PublishedKeys(publicKeys(rsa), publicKeys(rsa));
        assertThatThrownBy(() -> verifier(published).verify(token, NONCE)).isInstanceOf(IdTokenVerifier.Refused.class)
                .hasMessageContaining("no provider key stranger");
        assertThat(published.refetches).as("an unknown key id fetches the key set again, once").isEqualTo(1);
    }

    @Test
    void aForeignKeyUnderAPublishedKeyIdIsRefused() throws Exception {
        var stranger = new RSAKeyGenerator(2048).keyID(rsa.getKeyID()).generate();
        String token = signed(new RSASSASigner(stranger), JWSAlgorithm.RS256, rsa.getKeyID(), validClaims().build());
        assertRefused(token, "bad signature");
    }

    @Test
    void aRotatedKeyIsFoundByFetchingTheKeySetAgain() throws Exception {
        var rotated = new RSAKeyGenerator(2048).keyID("rsa-2").generate();
        String token = signed(new RSASSASigner(rotated), JWSAlgorithm.RS256, "rsa-2", validClaims().build());
        var keys = new PublishedKeys(publicKeys(rsa), publicKeys(rsa, rotated));
        assertThat(verifier(keys).verify(token, NONCE).getSubject()).isEqualTo("provider-subject-1");
        assertThat(keys.refetches).isEqualTo(1);
        // the known key needs no fetch
        verifier(keys).verify(rs256(c -> c), NONCE);
        assertThat(keys.refetches).isEqualTo(1);
    }

    @Test
    void anRs256HeaderOverAnEcKeyIdIsRefused() throws Exception {
        // algorithm and key type must agree: an RS256 token naming the EC key finds no key
        String token = signed(new RSASSASigner(rsa), JWSAlgorithm.RS256, ec.getKeyID(), validClaims().build());
        assertRefused(token, "no provider key");
    }
}
