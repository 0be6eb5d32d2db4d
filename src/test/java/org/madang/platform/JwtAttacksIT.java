package org.madang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.madang.testing.Api.Reply;
import org.madang.testing.Api.Session;
import org.madang.testing.MadangServer;
import org.madang.testing.People;

/**
 * Forged, altered and malformed access tokens are all refused with a 401 problem. Tokens that are wrong in one way
 * only are signed with the server's real key (read from its database), so the signature is not what refuses them.
 */
class JwtAttacksIT {

    private static People.Person citizen;
    private static JWTClaimsSet genuineClaims;

    @BeforeAll
    static void aCitizenAndTheirGenuineToken() throws Exception {
        citizen = People.citizen();
        genuineClaims = SignedJWT.parse(citizen.session().bearerToken()).getJWTClaimsSet();
    }

    @Test
    void theGenuineTokenAndAFaithfulCopySignedWithTheServerKeyAreAccepted() throws Exception {
        assertThat(call(citizen.session().bearerToken()).status()).isEqualTo(200);
        // proves the forging below works: only the one thing each test changes makes the difference
        assertThat(call(signedByServer(c -> c)).status()).isEqualTo(200);
    }

    @Test
    void algNone() throws Exception {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = b64(genuineClaims.toString());
        refused(header + "." + payload + ".");
        refused(header + "." + payload + "." + SignedJWT.parse(citizen.session().bearerToken()).getSignature());
        refused(b64("{\"alg\":\"NONE\"}") + "." + payload + ".");
    }

    @Test
    void hs256WithTheServersPublicKeyAsTheSecret() throws Exception {
        var published = JWKSet.parse(Session.anonymous().get("/api/keys").body());
        var key = (ECKey) published.getKeys().get(0);
        for (byte[] secret : List.of(key.toJSONString().getBytes(StandardCharsets.UTF_8), key.toECPublicKey().getEncoded(),
                published.toString().getBytes(StandardCharsets.UTF_8))) {
            var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                    withGroups(genuineClaims, "CITIZEN", "ADMIN"));
            jwt.sign(new MACSigner(pad(secret)));
            refused(jwt.serialize());
        }
    }

    @Test
    void expiredToken() throws Exception {
        refused(signedByServer(c -> new JWTClaimsSet.Builder(c)
                .issueTime(Date.from(Instant.now().minusSeconds(3600)))
                .expirationTime(Date.from(Instant.now().minusSeconds(60))).build()));
    }

    @Test
    void issuedInTheFuture() throws Exception {
        refused(signedByServer(c -> new JWTClaimsSet.Builder(c)
                .issueTime(Date.from(Instant.now().plusSeconds(3600)))
                .expirationTime(Date.from(Instant.now().plusSeconds(4000))).build()));
    }

    @Test
    void wrongIssuer() throws Exception {
        refused(signedByServer(c -> new JWTClaimsSet.Builder(c).issuer("https://evil.example").build()));
        refused(signedByServer(c -> new JWTClaimsSet.Builder(c).issuer(null).build()));
    }

    @Test
    void wrongAudience() throws Exception {
        refused(signedByServer(c -> new JWTClaimsSet.Builder(c).audience("another-api").build()));
        refused(signedByServer(c -> new JWTClaimsSet.Builder(c).audience(List.of("madang-api", "another-api")).build()));
        refused(signedByServer(c -> new JWTClaimsSet.Builder(c).audience((String) null).build()));
    }

    @Test
    void missingExpiryOrSubject() throws Exception {
        refused(signedByServer(c -> new JWTClaimsSet.Builder(c).expirationTime(null).build()));
        refused(signedByServer(c -> new JWTClaimsSet.Builder(c).subject(null).build()));
        refused(signedByServer(c -> new JWTClaimsSet.Builder(c).subject("not-a-uuid").build()));
    }

    @Test
    void tamperedPayloadWithTheOriginalSignature() throws Exception {
        var genuine = SignedJWT.parse(citizen.session().bearerToken());
        var parts = genuine.getParsedParts();
        String tampered = parts[0] + "." + b64(withGroups(genuineClaims, "CITIZEN", "ADMIN").toString()) + "." + parts[2];
        refused(tampered);
        // the same with only the subject changed to the administrator's
        String impersonating = parts[0] + "." + b64(new JWTClaimsSet.Builder(genuineClaims)
                .subject(People.admin().id().toString()).build().toString()) + "." + parts[2];
        refused(impersonating);
    }

    @Test
    void unknownKeyId() throws Exception {
        var stranger = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
        refused(sign(stranger, stranger.getKeyID(), genuineClaims));
        refused(sign(stranger, null, genuineClaims));
    }

    @Test
    void anotherEcKeyUnderAKnownKeyId() throws Exception {
        String knownKid = SignedJWT.parse(citizen.session().bearerToken()).getHeader().getKeyID();
        var stranger = new ECKeyGenerator(Curve.P_256).generate();
        refused(sign(stranger, knownKid, withGroups(genuineClaims, "CITIZEN", "ADMIN")));
    }

    @Test
    void criticalHeaderParametersAreRefused() throws Exception {
        var key = serverKey();
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                .criticalParams(java.util.Set.of("exp-override")).customParam("exp-override", 1).build(), genuineClaims);
        jwt.sign(new ECDSASigner(key));
        refused(jwt.serialize());
    }

    @Test
    void garbage() {
        for (String token : List.of("garbage", "a.b.c", "..", "....", "eyJhbGciOiJFUzI1NiJ9.e30.", "Bearer", "%C3%BC%ED%95%9C",
                "eyJ" + "A".repeat(100) + "." + "B".repeat(100) + "." + "C".repeat(86))) {
            refused(token);
        }
        assertThat(Session.anonymous().send("GET", "/api/me", null, null, Map.of("Authorization", "Bearer ")).status()).isEqualTo(401);
        assertThat(Session.anonymous().send("GET", "/api/me", null, null, Map.of("Authorization", "Basic Zm9vOmJhcg==")).status()).isEqualTo(401);
    }

    /**
     * A token over the 8 KiB the server accepts, validly signed, gets nowhere. Payara's HTTP layer refuses a header that
     * long itself, with a bare 400 before the application sees it (so not problem+json): that is what is asserted.
     */
    @Test
    void oversizedTokenEvenIfValidlySigned() throws Exception {
        String big = signedByServer(c -> new JWTClaimsSet.Builder(c).claim("padding", "x".repeat(6500)).build());
        assertThat(big.length()).isGreaterThan(8192);
        var reply = call(big);
        assertThat(reply.status()).as(reply.toString()).isIn(400, 401, 431);
        assertThat(reply.body()).doesNotContain(citizen.email());
    }

    @Test
    void forgedTokensInTheCookieAreRefusedToo() throws Exception {
        String forged = b64("{\"alg\":\"none\"}") + "." + b64(withGroups(genuineClaims, "ADMIN").toString()) + ".";
        var reply = Session.anonymous().send("GET", "/api/me", null, null, Map.of("Cookie", "madang_access=" + forged));
        assertProblem401(reply);
        var expired = signedByServer(c -> new JWTClaimsSet.Builder(c).expirationTime(Date.from(Instant.now().minusSeconds(120))).build());
        assertProblem401(Session.anonymous().send("GET", "/api/me", null, null, Map.of("Cookie", "madang_access=" + expired)));
    }

    @Test
    void keyRotationKeepsOldTokensValidAndSignsNewOnesWithTheNewKey() throws Exception {
        var before = People.citizen();
        String oldKid = SignedJWT.parse(before.session().bearerToken()).getHeader().getKeyID();
        var rotation = People.admin().session().post("/api/keys/rotations");
        assertThat(rotation.status()).as(rotation.toString()).isEqualTo(200);
        String newKid = rotation.json().getString("kid");
        assertThat(newKid).isNotEqualTo(oldKid);

        assertThat(before.session().get("/api/me").status()).as("a token signed before the rotation").isEqualTo(200);
        var after = People.signIn(before.email(), before.password(), null);
        assertThat(SignedJWT.parse(after.bearerToken()).getHeader().getKeyID()).isEqualTo(newKid);
        assertThat(after.get("/api/me").status()).isEqualTo(200);

        var published = JWKSet.parse(Session.anonymous().get("/api/keys").body());
        assertThat(published.getKeyByKeyId(newKid)).isNotNull();
        assertThat(published.getKeyByKeyId(oldKid)).as("the retired key still verifies for a while").isNotNull();
        assertThat(published.getKeys()).allSatisfy(k -> assertThat(k.isPrivate()).as("JWKS leaks a private key").isFalse());
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static Reply call(String token) {
        return Session.bearer(token).get("/api/me");
    }

    private static void refused(String token) {
        assertProblem401(call(token));
    }

    private static void assertProblem401(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.isProblem()).as(reply.toString()).isTrue();
        assertThat(reply.json().getString("type")).endsWith("/unauthenticated");
    }

    /** The genuine claims, changed, signed with the server's current key under its own key id. */
    private static String signedByServer(UnaryOperator<JWTClaimsSet> change) throws Exception {
        var key = serverKey();
        return sign(key, key.getKeyID(), change.apply(genuineClaims));
    }

    private static String sign(ECKey key, String kid, JWTClaimsSet claims) throws Exception {
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    /** The key the server signs with now, from its database. */
    private static ECKey serverKey() throws Exception {
        try (var connection = MadangServer.get().connect();
             var query = connection.prepareStatement("SELECT private_jwk FROM signing_key WHERE retired_at IS NULL");
             var rows = query.executeQuery()) {
            assertThat(rows.next()).as("a signing key in the database").isTrue();
            return ECKey.parse(rows.getString(1));
        }
    }

    private static JWTClaimsSet withGroups(JWTClaimsSet claims, String... groups) {
        return new JWTClaimsSet.Builder(claims).claim("groups", List.of(groups)).build();
    }

    private static String b64(String json) {
        return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** HMAC secrets must be at least 256 bits for Nimbus; an attacker would pad a short one the same way. */
    private static byte[] pad(byte[] secret) {
        return secret.length >= 32 ? secret : java.util.Arrays.copyOf(secret, 32);
    }
}
