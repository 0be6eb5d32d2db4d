package org.madang.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our ES256 signer against the JDK's own ECDSA verifier (through Nimbus, with no Bouncy Castle involved). */
class Es256Test {

    private final ECKey key = newKey();

    @Test
    void signaturesVerifyWithTheJdkProviderAndDiffer() throws Exception {
        JWSObject first = signed(Map.of("position", 1));
        JWSObject second = signed(Map.of("position", 1));
        ECDSAVerifier jdk = new ECDSAVerifier(key.toPublicJWK());
        assertThat(JWSObject.parse(first.serialize()).verify(jdk)).isTrue();
        assertThat(JWSObject.parse(second.serialize()).verify(jdk)).isTrue();
        assertThat(first.getSignature().decode()).hasSize(64);
        assertThat(first.getSignature()).isNotEqualTo(second.getSignature()); // a fresh nonce each time
        assertThat(JWSObject.parse(first.serialize()).verify(Es256.verifier(key.toPublicJWK()))).isTrue();
    }

    @Test
    void aChangedPayloadOrAnotherKeyDoesNotVerify() throws Exception {
        String[] parts = signed(Map.of("position", 1)).serialize().split("\\.");
        String forged = parts[0] + "." + new Payload(Map.of("position", 2)).toBase64URL() + "." + parts[2];
        assertThat(JWSObject.parse(forged).verify(new ECDSAVerifier(key.toPublicJWK()))).isFalse();
        assertThat(JWSObject.parse(String.join(".", parts)).verify(new ECDSAVerifier(newKey().toPublicJWK()))).isFalse();
    }

    @Test
    void onlyPrivateP256KeysAndEs256HeadersAreSigned() throws Exception {
        assertThatThrownBy(() -> Es256.signer(key.toPublicJWK())).isInstanceOf(JOSEException.class);
        assertThatThrownBy(() -> Es256.signer(new ECKeyGenerator(Curve.P_384).generate())).isInstanceOf(JOSEException.class);
        JWSObject es384 = new JWSObject(new JWSHeader(JWSAlgorithm.ES384), new Payload("x"));
        assertThatThrownBy(() -> es384.sign(Es256.signer(key))).isInstanceOf(JOSEException.class);
    }

    private JWSObject signed(Map<String, Object> claims) throws JOSEException {
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload(claims));
        jws.sign(Es256.signer(key));
        return jws;
    }

    private static ECKey newKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
