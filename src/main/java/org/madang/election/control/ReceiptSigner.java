package org.madang.election.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.text.ParseException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.madang.platform.auth.Es256;

/**
 * Signs ballot receipts: a compact JWS (ES256) whose payload states the election, ballot, confirmation code, board
 * position, chain hash and time. Each election has its own key, made when it opens and published in the record, so
 * that a receipt can be checked by anyone with the record alone.
 */
public final class ReceiptSigner {

    public record KeyPair(String privateJwk, String publicJwk) {
    }

    private ReceiptSigner() {
    }

    public static KeyPair generate(UUID electionId) {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyID("receipts-" + electionId).generate();
            return new KeyPair(key.toJSONString(), key.toPublicJWK().toJSONString());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An election's receipt key, parsed once: every ballot of the election is signed with it. */
    private record Signer(JWSHeader header, JWSSigner signer) {
    }

    private static final Map<String, Signer> SIGNERS = new ConcurrentHashMap<>();

    public static String sign(String privateJwk, Map<String, Object> claims) {
        try {
            Signer signer = SIGNERS.get(privateJwk);
            if (signer == null) {
                ECKey key = ECKey.parse(privateJwk);
                signer = new Signer(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                        .type(new JOSEObjectType("madang-receipt+jws")).build(), Es256.signer(key));
                if (SIGNERS.size() >= 100) SIGNERS.clear();
                SIGNERS.put(privateJwk, signer);
            }
            JWSObject jws = new JWSObject(signer.header(), new Payload(claims));
            jws.sign(signer.signer());
            return jws.serialize();
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The receipt's claims if its signature verifies with {@code publicJwk}. */
    public static Optional<Map<String, Object>> verify(String publicJwk, String receipt) {
        try {
            JWSObject jws = JWSObject.parse(receipt);
            if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm())) return Optional.empty();
            if (!jws.verify(Es256.verifier(ECKey.parse(publicJwk)))) return Optional.empty();
            return Optional.of(jws.getPayload().toJSONObject());
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The election a receipt claims to belong to, read without checking the signature (to find the key). */
    public static Optional<String> claimedElection(String receipt) {
        try {
            Object election = JWSObject.parse(receipt).getPayload().toJSONObject().get("electionId");
            return election instanceof String s ? Optional.of(s) : Optional.empty();
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
