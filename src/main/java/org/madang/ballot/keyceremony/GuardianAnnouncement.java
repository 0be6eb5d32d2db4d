package org.madang.ballot.keyceremony;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.madang.ballot.crypto.SchnorrProof;
import org.madang.ballot.group.Element;
import org.madang.ballot.group.Group;
import org.madang.ballot.hash.HashValue;
import org.madang.ballot.json.JsonValue;
import org.madang.ballot.record.Guardian;
import org.madang.ballot.record.JsonFields;
import org.madang.ballot.record.RecordFormatException;
import org.madang.ballot.record.RecordJson;

/**
 * Public key-ceremony message of guardian i, broadcast through the (untrusted) server: the
 * commitments K_i,j = g^(a_i,j) to its polynomial, each with a Schnorr proof, and its
 * communication key κ_i = g^(ζ_i) with a Schnorr proof (spec 2.1.0 eq 9–11). The coefficient
 * proofs are egk-ec's per-coefficient form, because they go into election_initialized.json; the
 * communication key's proof uses the next index j = k, the slot the spec's compact proof gives it.
 */
public record GuardianAnnouncement(String guardianId, int xCoordinate, List<SchnorrProof> coefficientProofs,
                                   SchnorrProof communicationKeyProof) {

    public GuardianAnnouncement {
        coefficientProofs = List.copyOf(coefficientProofs);
    }

    public Element communicationKey() {
        return communicationKeyProof.commitment();
    }

    /** K_i,0 = K_i. */
    public Element publicKey() {
        return coefficientProofs.get(0).commitment();
    }

    public List<Element> commitments() {
        return coefficientProofs.stream().map(SchnorrProof::commitment).toList();
    }

    /** The reason this announcement must be refused, or empty when it is valid. */
    public Optional<String> validate(Group group, HashValue parameterBaseHash, int guardians, int quorum) {
        if (xCoordinate < 1 || xCoordinate > guardians) {
            return Optional.of("x-coordinate " + xCoordinate + " is not in 1.." + guardians);
        }
        if (coefficientProofs.size() != quorum) {
            return Optional.of(coefficientProofs.size() + " coefficient commitments, the quorum needs " + quorum);
        }
        for (int j = 0; j < quorum; j++) {
            if (!coefficientProofs.get(j).verify(group, parameterBaseHash, xCoordinate, j)) {
                return Optional.of("Schnorr proof of coefficient " + j + " does not verify");
            }
        }
        if (!communicationKeyProof.verify(group, parameterBaseHash, xCoordinate, quorum)) {
            return Optional.of("Schnorr proof of the communication key does not verify");
        }
        return Optional.empty();
    }

    /** The guardian as election_initialized.json publishes it. */
    public Guardian toRecord() {
        return new Guardian(guardianId, xCoordinate, coefficientProofs);
    }

    public JsonValue toJson() {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("message", JsonValue.of("guardian_announcement"));
        m.put("guardian_id", JsonValue.of(guardianId));
        m.put("x_coordinate", JsonValue.of(xCoordinate));
        m.put("coefficient_proofs", new JsonValue.JsonArray(coefficientProofs.stream().map(GuardianAnnouncement::proofJson).toList()));
        m.put("communication_key_proof", proofJson(communicationKeyProof));
        return new JsonValue.JsonObject(m);
    }

    public static GuardianAnnouncement fromJson(Group group, JsonValue json) throws RecordFormatException {
        JsonFields f = new JsonFields(json, "guardian_announcement");
        List<SchnorrProof> proofs = new ArrayList<>();
        for (JsonFields p : f.objects("coefficient_proofs")) {
            proofs.add(proof(group, p));
        }
        if (proofs.isEmpty()) {
            throw new RecordFormatException(f.at("coefficient_proofs") + ": at least one commitment is needed");
        }
        return new GuardianAnnouncement(f.string("guardian_id"), f.nonNegative("x_coordinate"), proofs,
                proof(group, f.object("communication_key_proof")));
    }

    private static JsonValue proofJson(SchnorrProof p) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("public_key", RecordJson.element(p.commitment()));
        m.put("challenge", RecordJson.scalar(p.challenge()));
        m.put("response", RecordJson.scalar(p.response()));
        return new JsonValue.JsonObject(m);
    }

    private static SchnorrProof proof(Group group, JsonFields p) throws RecordFormatException {
        return new SchnorrProof(p.element(group, "public_key"), p.scalar(group, "challenge"), p.scalar(group, "response"));
    }
}
