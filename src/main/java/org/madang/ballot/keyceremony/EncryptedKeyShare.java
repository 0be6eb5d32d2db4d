package org.madang.ballot.keyceremony;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.madang.ballot.group.Element;
import org.madang.ballot.group.Group;
import org.madang.ballot.group.PublicBatch;
import org.madang.ballot.group.Scalar;
import org.madang.ballot.hash.HashValue;
import org.madang.ballot.hash.Hasher;
import org.madang.ballot.json.JsonValue;
import org.madang.ballot.record.JsonFields;
import org.madang.ballot.record.RecordFormatException;
import org.madang.ballot.record.RecordJson;

/**
 * Public key-ceremony message: guardian i's share P_i(ℓ) for guardian ℓ, encrypted to ℓ's
 * communication key (spec 2.1.0 eq 15–22): C0 = g^ξ, C1 = b(P_i(ℓ), 32) ⊕ k_1, and C2 = (c̄, v̄),
 * a Schnorr proof of knowledge of ξ with c̄ = H_q(H_P; 0x12, i, ℓ, γ, C0, C1). Safe to pass through
 * the server: only ℓ can decrypt it, and the proof binds it to sender and recipient.
 */
public record EncryptedKeyShare(String senderId, int senderX, String recipientId, int recipientX,
                                Element c0, byte[] c1, Scalar proofChallenge, Scalar proofResponse) {

    public EncryptedKeyShare {
        c1 = c1.clone();
    }

    @Override
    public byte[] c1() {
        return c1.clone();
    }

    /** c̄ = H_q(H_P; 0x12, i, ℓ, γ, C0, C1) with γ = g^v̄ · C0^c̄. */
    public boolean verifyNonceProof(Group group, HashValue parameterBaseHash) {
        PublicBatch batch = group.publicBatch();
        batch.add(group.fixedBase(group.generator()), proofResponse, c0, proofChallenge);
        Element gamma = batch.compute().get(0);
        return nonceChallenge(group, parameterBaseHash, senderX, recipientX, gamma, c0, c1).equals(proofChallenge);
    }

    static Scalar nonceChallenge(Group group, HashValue hp, int i, int l, Element gamma, Element c0, byte[] c1) {
        return group.hashToScalar(Hasher.with(hp, 0x12).int4(i).int4(l).element(gamma).element(c0).bytes(c1)
                .digest().bytes());
    }

    public JsonValue toJson() {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("message", JsonValue.of("encrypted_key_share"));
        m.put("sender_id", JsonValue.of(senderId));
        m.put("sender_x_coordinate", JsonValue.of(senderX));
        m.put("recipient_id", JsonValue.of(recipientId));
        m.put("recipient_x_coordinate", JsonValue.of(recipientX));
        m.put("c0", RecordJson.element(c0));
        m.put("c1", JsonValue.of(Base64.getEncoder().encodeToString(c1)));
        m.put("c2", RecordJson.challengeResponse(proofChallenge, proofResponse));
        return new JsonValue.JsonObject(m);
    }

    public static EncryptedKeyShare fromJson(Group group, JsonValue json) throws RecordFormatException {
        JsonFields f = new JsonFields(json, "encrypted_key_share");
        JsonFields proof = f.object("c2");
        byte[] c1 = f.base64("c1");
        if (c1.length != 32) {
            throw new RecordFormatException(f.at("c1") + ": must be 32 bytes");
        }
        return new EncryptedKeyShare(f.string("sender_id"), f.nonNegative("sender_x_coordinate"),
                f.string("recipient_id"), f.nonNegative("recipient_x_coordinate"), f.element(group, "c0"), c1,
                proof.scalar(group, "challenge"), proof.scalar(group, "response"));
    }
}
