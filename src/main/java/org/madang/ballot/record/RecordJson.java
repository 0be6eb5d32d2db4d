package org.madang.ballot.record;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.madang.ballot.crypto.ChallengeResponse;
import org.madang.ballot.crypto.ContestDataDecryptionProof;
import org.madang.ballot.crypto.DecryptionProof;
import org.madang.ballot.crypto.ElGamalCiphertext;
import org.madang.ballot.crypto.HashedElGamalCiphertext;
import org.madang.ballot.crypto.RangeProof;
import org.madang.ballot.crypto.SchnorrProof;
import org.madang.ballot.group.ElectionConstants;
import org.madang.ballot.group.Element;
import org.madang.ballot.group.Group;
import org.madang.ballot.group.GroupKind;
import org.madang.ballot.group.Scalar;
import org.madang.ballot.hash.HashValue;
import org.madang.ballot.json.JsonValue;

/**
 * The mapping between the record model and egk-ec's JSON (docs/JsonSerializationSpec2.1.md):
 * elements, scalars and hashes in base64 of their fixed-length bytes, constants in hex,
 * code_baux in hex. Reading validates every group element and scalar; members this format does
 * not define are ignored so that newer writers' additions do not break old verifiers.
 */
public final class RecordJson {

    private RecordJson() {
    }

    // ---------------------------------------------------------------- reading

    public static ElectionConstants readConstants(JsonValue json, String file) throws RecordFormatException {
        JsonFields f = new JsonFields(json, file);
        GroupKind kind;
        try {
            kind = GroupKind.valueOf(f.string("type"));
        } catch (IllegalArgumentException e) {
            throw new RecordFormatException(f.at("type") + ": must be IntegerGroup or EllipticCurve");
        }
        JsonFields c = f.object("constants");
        Map<String, BigInteger> params = new LinkedHashMap<>();
        List<String> names = kind == GroupKind.EllipticCurve
                ? List.of("a", "b", "primeModulus", "order", "g.x", "g.y", "h")
                : List.of("largePrime", "smallPrime", "cofactor", "generator");
        for (String name : names) {
            params.put(name, c.hexInteger(name));
        }
        return new ElectionConstants(f.string("name"), kind, f.string("protocolVersion"), params);
    }

    public static ElectionConfig readConfig(JsonValue json, String file) throws RecordFormatException {
        JsonFields f = new JsonFields(json, file);
        int n = f.nonNegative("number_of_guardians");
        int k = f.nonNegative("quorum");
        if (n < 1 || k < 1 || k > n) {
            throw new RecordFormatException(file + ": need 1 <= quorum <= number_of_guardians, found quorum "
                    + k + " of " + n);
        }
        return new ElectionConfig(f.string("config_version"), n, k,
                f.hash("parameter_base_hash"), f.hash("manifest_hash"), f.hash("election_base_hash"),
                f.has("chain_confirmation_codes") && f.bool("chain_confirmation_codes"),
                f.has("baux0") ? f.base64("baux0") : new byte[0],
                f.stringMap("metadata"));
    }

    public static Manifest readManifest(byte[] bytes, JsonValue json, String file) throws RecordFormatException {
        JsonFields f = new JsonFields(json, file);
        List<Manifest.Contest> contests = new ArrayList<>();
        for (JsonFields c : f.objects("contests")) {
            List<Manifest.Selection> selections = new ArrayList<>();
            for (JsonFields s : c.objects("ballot_selections")) {
                selections.add(new Manifest.Selection(s.string("object_id"), s.nonNegative("sequence_order"),
                        s.optionalString("candidate_id", "")));
            }
            int optionLimit = c.has("option_selection_limit") ? c.nonNegative("option_selection_limit") : 1;
            contests.add(new Manifest.Contest(c.string("object_id"), c.nonNegative("sequence_order"),
                    c.optionalString("electoral_district_id", ""), c.nonNegative("votes_allowed"), optionLimit, selections));
        }
        List<Manifest.BallotStyle> styles = new ArrayList<>();
        if (f.has("ballot_styles")) {
            for (JsonFields s : f.objects("ballot_styles")) {
                styles.add(new Manifest.BallotStyle(s.string("object_id"),
                        s.has("geopolitical_unit_ids") ? s.strings("geopolitical_unit_ids") : List.of()));
            }
        }
        return new Manifest(bytes, f.optionalString("election_scope_id", ""), contests, styles);
    }

    public static ElectionInitialized readInitialized(Group group, JsonValue json, String file) throws RecordFormatException {
        JsonFields f = new JsonFields(json, file);
        List<Guardian> guardians = new ArrayList<>();
        for (JsonFields g : f.objects("guardians")) {
            List<SchnorrProof> proofs = new ArrayList<>();
            for (JsonFields p : g.objects("coefficient_proofs")) {
                proofs.add(new SchnorrProof(p.element(group, "public_key"), p.scalar(group, "challenge"),
                        p.scalar(group, "response")));
            }
            if (proofs.isEmpty()) {
                throw new RecordFormatException(g.at("coefficient_proofs") + ": a guardian needs at least one commitment");
            }
            guardians.add(new Guardian(g.string("guardian_id"), g.nonNegative("x_coordinate"), proofs));
        }
        return new ElectionInitialized(f.element(group, "joint_public_key"), f.hash("extended_base_hash"), guardians,
                f.stringMap("metadata"));
    }

    public static EncryptedBallot readEncryptedBallot(Group group, JsonValue json, String file) throws RecordFormatException {
        JsonFields f = new JsonFields(json, file);
        List<EncryptedBallot.Contest> contests = new ArrayList<>();
        for (JsonFields c : f.objects("contests")) {
            List<EncryptedBallot.Selection> selections = new ArrayList<>();
            for (JsonFields s : c.objects("selections")) {
                selections.add(new EncryptedBallot.Selection(s.string("selection_id"), s.nonNegative("sequence_order"),
                        s.ciphertext(group, "encrypted_vote"), rangeProof(group, s.object("proof"))));
            }
            contests.add(new EncryptedBallot.Contest(c.string("contest_id"), c.nonNegative("sequence_order"),
                    c.hash("contest_hash"), selections, rangeProof(group, c.object("proof")),
                    hashedCiphertext(group, c.object("encrypted_contest_data"))));
        }
        BallotState state;
        try {
            state = BallotState.valueOf(f.string("state"));
        } catch (IllegalArgumentException e) {
            throw new RecordFormatException(f.at("state") + ": unknown ballot state");
        }
        return new EncryptedBallot(f.string("ballot_id"), f.string("ballot_style_id"), f.string("encrypting_device"),
                f.longInRange("timestamp", 0, Long.MAX_VALUE), f.hex("code_baux"), f.hash("confirmation_code"),
                f.hash("election_id"), contests, state,
                f.has("encrypted_sn") ? f.ciphertext(group, "encrypted_sn") : null,
                f.has("is_preencrypt") && f.bool("is_preencrypt"));
    }

    private static RangeProof rangeProof(Group group, JsonFields f) throws RecordFormatException {
        List<ChallengeResponse> parts = new ArrayList<>();
        for (JsonFields p : f.objects("proofs")) {
            parts.add(new ChallengeResponse(p.scalar(group, "challenge"), p.scalar(group, "response")));
        }
        return new RangeProof(parts);
    }

    private static HashedElGamalCiphertext hashedCiphertext(Group group, JsonFields f) throws RecordFormatException {
        return new HashedElGamalCiphertext(f.element(group, "c0"), f.base64("c1"), f.hash("c2"), f.nonNegative("numBytes"));
    }

    public static EncryptedTally readEncryptedTally(Group group, JsonValue json, String file) throws RecordFormatException {
        JsonFields f = new JsonFields(json, file);
        List<EncryptedTally.Contest> contests = new ArrayList<>();
        for (JsonFields c : f.objects("contests")) {
            List<EncryptedTally.Selection> selections = new ArrayList<>();
            for (JsonFields s : c.objects("selections")) {
                selections.add(new EncryptedTally.Selection(s.string("selection_id"), s.nonNegative("sequence_order"),
                        s.ciphertext(group, "encrypted_vote")));
            }
            contests.add(new EncryptedTally.Contest(c.string("contest_id"), c.nonNegative("sequence_order"), selections));
        }
        return new EncryptedTally(f.string("tally_id"), contests, f.strings("cast_ballot_ids"), f.hash("election_id"));
    }

    public static DecryptedTallyOrBallot readDecrypted(Group group, JsonValue json, String file) throws RecordFormatException {
        JsonFields f = new JsonFields(json, file);
        List<DecryptedTallyOrBallot.Contest> contests = new ArrayList<>();
        for (JsonFields c : f.objects("contests")) {
            List<DecryptedTallyOrBallot.Selection> selections = new ArrayList<>();
            for (JsonFields s : c.objects("selections")) {
                JsonFields p = s.object("proof");
                selections.add(new DecryptedTallyOrBallot.Selection(s.string("selection_id"), s.nonNegative("tally"),
                        s.element(group, "b_over_m"), s.ciphertext(group, "encrypted_vote"),
                        new DecryptionProof(p.scalar(group, "challenge"), p.scalar(group, "response"))));
            }
            DecryptedTallyOrBallot.DecryptedContestData data = null;
            if (c.has("decrypted_contest_data")) {
                JsonFields d = c.object("decrypted_contest_data");
                JsonFields p = d.object("proof");
                data = new DecryptedTallyOrBallot.DecryptedContestData(d.raw("contest_data"),
                        hashedCiphertext(group, d.object("encrypted_contest_data")),
                        new ContestDataDecryptionProof(p.scalar(group, "challenge"), p.scalar(group, "response")),
                        d.element(group, "beta"));
            }
            contests.add(new DecryptedTallyOrBallot.Contest(c.string("contest_id"), selections,
                    c.has("ballot_count") ? c.nonNegative("ballot_count") : 0, data));
        }
        return new DecryptedTallyOrBallot(f.string("id"), contests, f.hash("election_id"));
    }

    public static BallotChain readBallotChain(JsonValue json, String file) throws RecordFormatException {
        JsonFields f = new JsonFields(json, file);
        // egk-ec (kotlinx) writes this byte array as a JSON array of signed bytes
        List<JsonValue> raw = f.array("baux0");
        byte[] baux0 = new byte[raw.size()];
        for (int i = 0; i < raw.size(); i++) {
            if (!(raw.get(i) instanceof JsonValue.JsonNumber n) || n.value().scale() > 0
                    || n.value().compareTo(BigDecimal.valueOf(-128)) < 0 || n.value().compareTo(BigDecimal.valueOf(255)) > 0) {
                throw new RecordFormatException(f.at("baux0") + "[" + i + "]: expected a byte value");
            }
            baux0[i] = (byte) n.value().intValue();
        }
        return new BallotChain(f.string("encrypting_device"), baux0, f.hash("election_base_hash"),
                f.strings("ballot_ids"), f.hash("last_confirmation_code"),
                f.has("closing_hash") ? f.hash("closing_hash") : null);
    }

    // ---------------------------------------------------------------- writing

    public static JsonValue write(ElectionConstants c) {
        Map<String, JsonValue> params = new LinkedHashMap<>();
        c.parameters().forEach((k, v) -> params.put(k, str(v.toString(16))));
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("name", str(c.name()));
        m.put("type", str(c.kind().name()));
        m.put("protocolVersion", str(c.protocolVersion()));
        m.put("constants", new JsonValue.JsonObject(params));
        return new JsonValue.JsonObject(m);
    }

    public static JsonValue write(ElectionConfig c) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("config_version", str(c.configVersion()));
        m.put("number_of_guardians", JsonValue.of(c.numberOfGuardians()));
        m.put("quorum", JsonValue.of(c.quorum()));
        m.put("parameter_base_hash", hash(c.parameterBaseHash()));
        m.put("manifest_hash", hash(c.manifestHash()));
        m.put("election_base_hash", hash(c.electionBaseHash()));
        m.put("chain_confirmation_codes", JsonValue.of(c.chainConfirmationCodes()));
        m.put("baux0", str(Base64.getEncoder().encodeToString(c.baux0())));
        m.put("metadata", stringMap(c.metadata()));
        return new JsonValue.JsonObject(m);
    }

    public static JsonValue write(ElectionInitialized init) {
        List<JsonValue> guardians = new ArrayList<>();
        for (Guardian g : init.guardians()) {
            List<JsonValue> proofs = new ArrayList<>();
            for (SchnorrProof p : g.coefficientProofs()) {
                Map<String, JsonValue> pm = new LinkedHashMap<>();
                pm.put("public_key", element(p.commitment()));
                pm.put("challenge", scalar(p.challenge()));
                pm.put("response", scalar(p.response()));
                proofs.add(new JsonValue.JsonObject(pm));
            }
            Map<String, JsonValue> gm = new LinkedHashMap<>();
            gm.put("guardian_id", str(g.guardianId()));
            gm.put("x_coordinate", JsonValue.of(g.xCoordinate()));
            gm.put("coefficient_proofs", new JsonValue.JsonArray(proofs));
            guardians.add(new JsonValue.JsonObject(gm));
        }
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("joint_public_key", element(init.jointPublicKey()));
        m.put("extended_base_hash", hash(init.extendedBaseHash()));
        m.put("guardians", new JsonValue.JsonArray(guardians));
        if (!init.metadata().isEmpty()) {
            m.put("metadata", stringMap(init.metadata()));
        }
        return new JsonValue.JsonObject(m);
    }

    public static JsonValue write(EncryptedBallot b) {
        List<JsonValue> contests = new ArrayList<>();
        for (EncryptedBallot.Contest c : b.contests()) {
            List<JsonValue> selections = new ArrayList<>();
            for (EncryptedBallot.Selection s : c.selections()) {
                Map<String, JsonValue> sm = new LinkedHashMap<>();
                sm.put("selection_id", str(s.selectionId()));
                sm.put("sequence_order", JsonValue.of(s.sequenceOrder()));
                sm.put("encrypted_vote", ciphertext(s.ciphertext()));
                sm.put("proof", rangeProof(s.proof()));
                selections.add(new JsonValue.JsonObject(sm));
            }
            Map<String, JsonValue> cm = new LinkedHashMap<>();
            cm.put("contest_id", str(c.contestId()));
            cm.put("sequence_order", JsonValue.of(c.sequenceOrder()));
            cm.put("contest_hash", hash(c.contestHash()));
            cm.put("selections", new JsonValue.JsonArray(selections));
            cm.put("proof", rangeProof(c.proof()));
            cm.put("encrypted_contest_data", hashedCiphertext(c.contestData()));
            contests.add(new JsonValue.JsonObject(cm));
        }
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("ballot_id", str(b.ballotId()));
        m.put("ballot_style_id", str(b.ballotStyleId()));
        m.put("encrypting_device", str(b.encryptingDevice()));
        m.put("timestamp", JsonValue.of(b.timestamp()));
        m.put("code_baux", str(HexFormat.of().withUpperCase().formatHex(b.codeBaux())));
        m.put("confirmation_code", hash(b.confirmationCode()));
        m.put("election_id", hash(b.electionId()));
        m.put("contests", new JsonValue.JsonArray(contests));
        m.put("state", str(b.state().name()));
        if (b.encryptedSn() != null) {
            m.put("encrypted_sn", ciphertext(b.encryptedSn()));
        }
        m.put("is_preencrypt", JsonValue.of(b.isPreencrypt()));
        return new JsonValue.JsonObject(m);
    }

    public static JsonValue write(EncryptedTally t) {
        List<JsonValue> contests = new ArrayList<>();
        for (EncryptedTally.Contest c : t.contests()) {
            List<JsonValue> selections = new ArrayList<>();
            for (EncryptedTally.Selection s : c.selections()) {
                Map<String, JsonValue> sm = new LinkedHashMap<>();
                sm.put("selection_id", str(s.selectionId()));
                sm.put("sequence_order", JsonValue.of(s.sequenceOrder()));
                sm.put("encrypted_vote", ciphertext(s.ciphertext()));
                selections.add(new JsonValue.JsonObject(sm));
            }
            Map<String, JsonValue> cm = new LinkedHashMap<>();
            cm.put("contest_id", str(c.contestId()));
            cm.put("sequence_order", JsonValue.of(c.sequenceOrder()));
            cm.put("selections", new JsonValue.JsonArray(selections));
            contests.add(new JsonValue.JsonObject(cm));
        }
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("tally_id", str(t.tallyId()));
        m.put("contests", new JsonValue.JsonArray(contests));
        m.put("cast_ballot_ids", new JsonValue.JsonArray(t.castBallotIds().stream().map(RecordJson::str).map(JsonValue.class::cast).toList()));
        m.put("election_id", hash(t.electionId()));
        return new JsonValue.JsonObject(m);
    }

    public static JsonValue write(DecryptedTallyOrBallot d) {
        List<JsonValue> contests = new ArrayList<>();
        for (DecryptedTallyOrBallot.Contest c : d.contests()) {
            List<JsonValue> selections = new ArrayList<>();
            for (DecryptedTallyOrBallot.Selection s : c.selections()) {
                Map<String, JsonValue> sm = new LinkedHashMap<>();
                sm.put("selection_id", str(s.selectionId()));
                sm.put("tally", JsonValue.of(s.tally()));
                sm.put("b_over_m", element(s.bOverM()));
                sm.put("encrypted_vote", ciphertext(s.ciphertext()));
                sm.put("proof", challengeResponse(s.proof().challenge(), s.proof().response()));
                selections.add(new JsonValue.JsonObject(sm));
            }
            Map<String, JsonValue> cm = new LinkedHashMap<>();
            cm.put("contest_id", str(c.contestId()));
            cm.put("selections", new JsonValue.JsonArray(selections));
            cm.put("ballot_count", JsonValue.of(c.ballotCount()));
            if (c.contestData() != null) {
                DecryptedTallyOrBallot.DecryptedContestData data = c.contestData();
                Map<String, JsonValue> dm = new LinkedHashMap<>();
                dm.put("contest_data", data.contestData());
                dm.put("encrypted_contest_data", hashedCiphertext(data.ciphertext()));
                dm.put("proof", challengeResponse(data.proof().challenge(), data.proof().response()));
                dm.put("beta", element(data.beta()));
                cm.put("decrypted_contest_data", new JsonValue.JsonObject(dm));
            }
            contests.add(new JsonValue.JsonObject(cm));
        }
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("id", str(d.id()));
        m.put("contests", new JsonValue.JsonArray(contests));
        m.put("election_id", hash(d.electionId()));
        return new JsonValue.JsonObject(m);
    }

    public static JsonValue rangeProof(RangeProof proof) {
        List<JsonValue> parts = new ArrayList<>();
        for (ChallengeResponse p : proof.parts()) {
            parts.add(challengeResponse(p.challenge(), p.response()));
        }
        return new JsonValue.JsonObject(Map.of("proofs", new JsonValue.JsonArray(parts)));
    }

    public static JsonValue challengeResponse(Scalar c, Scalar v) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("challenge", scalar(c));
        m.put("response", scalar(v));
        return new JsonValue.JsonObject(m);
    }

    public static JsonValue hashedCiphertext(HashedElGamalCiphertext c) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("c0", element(c.c0()));
        m.put("c1", str(Base64.getEncoder().encodeToString(c.c1())));
        m.put("c2", hash(c.c2()));
        m.put("numBytes", JsonValue.of(c.numBytes()));
        return new JsonValue.JsonObject(m);
    }

    public static JsonValue ciphertext(ElGamalCiphertext c) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("pad", element(c.pad()));
        m.put("data", element(c.data()));
        return new JsonValue.JsonObject(m);
    }

    /** ballot_chain.json as egk-ec writes it: baux0 as a JSON array of signed bytes (kotlinx's ByteArray). */
    public static JsonValue write(BallotChain chain) {
        List<JsonValue> baux0 = new ArrayList<>();
        for (byte b : chain.baux0()) {
            baux0.add(JsonValue.of(b));
        }
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("encrypting_device", str(chain.encryptingDevice()));
        m.put("baux0", new JsonValue.JsonArray(baux0));
        m.put("election_base_hash", hash(chain.extendedBaseHash()));
        m.put("ballot_ids", new JsonValue.JsonArray(chain.ballotIds().stream().map(RecordJson::str).map(JsonValue.class::cast).toList()));
        m.put("last_confirmation_code", hash(chain.lastConfirmationCode()));
        if (chain.closingHash() != null) {
            m.put("closing_hash", hash(chain.closingHash()));
        }
        return new JsonValue.JsonObject(m);
    }

    private static JsonValue stringMap(Map<String, String> map) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        map.forEach((k, v) -> m.put(k, str(v)));
        return new JsonValue.JsonObject(m);
    }

    public static JsonValue.JsonString element(Element e) {
        return str(Base64.getEncoder().encodeToString(e.encode()));
    }

    public static JsonValue.JsonString scalar(Scalar s) {
        return str(Base64.getEncoder().encodeToString(s.encode()));
    }

    public static JsonValue.JsonString hash(HashValue h) {
        return str(h.toBase64());
    }

    private static JsonValue.JsonString str(String s) {
        return new JsonValue.JsonString(s);
    }
}
