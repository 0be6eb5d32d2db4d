package org.madang.verifier.trustee;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.madang.ballot.decrypt.DecryptingTrustee;
import org.madang.ballot.group.Element;
import org.madang.ballot.group.ElectionConstants;
import org.madang.ballot.group.Group;
import org.madang.ballot.group.Groups;
import org.madang.ballot.hash.ElectionHashes;
import org.madang.ballot.hash.HashValue;
import org.madang.ballot.json.JsonValue;
import org.madang.ballot.keyceremony.EncryptedKeyShare;
import org.madang.ballot.keyceremony.GuardianAnnouncement;
import org.madang.ballot.keyceremony.KeyCeremonyException;
import org.madang.ballot.keyceremony.KeyCeremonyGuardian;
import org.madang.ballot.record.ElectionConfig;
import org.madang.ballot.record.RecordFormatException;
import org.madang.ballot.record.RecordJson;

/**
 * {@code trustee ceremony}: announce, check every other guardian's announcement, send the
 * encrypted shares, check the shares received (a bad one is complained about), confirm the joint
 * key computed here. The state file is written before every message that depends on it, so the
 * command resumes where it stopped and never sends two different announcements or share sets.
 */
final class CeremonyRun {

    private final Session s;

    CeremonyRun(Session session) {
        this.s = session;
    }

    int run() throws RelayException, ProtocolException, IOException {
        JsonValue ceremony = s.client().get(s.electionPath("/ceremony"));
        JsonValue me = Json.member(ceremony, "me");
        if (!(me instanceof JsonValue.JsonObject)) {
            throw new ProtocolException("the account " + s.options().email() + " is not a trustee of election "
                    + s.options().election());
        }
        String guardianId = Json.requireString(me, "guardianId", "ceremony.me");
        int x = Json.requireInt(me, "x", "ceremony.me");
        Group group = group(Json.member(ceremony, "constants"));
        ElectionConfig config = config(group, Json.member(ceremony, "config"));
        int n = config.numberOfGuardians();
        int k = config.quorum();
        HashValue hp = config.parameterBaseHash();

        TrusteeState state = TrusteeState.exists(s.options().state())
                ? TrusteeState.read(s.options().state()) : TrusteeState.empty(s.options().state());
        checkBelongs(state, guardianId);
        if ("TRUSTEE".equals(state.string("phase"))) {
            // the ceremony finished here; the confirmation may not have reached the server
            confirm(state.string("joint_public_key_hex"));
            s.out().println(guardianId + ": the key ceremony is already complete; joint key "
                    + abbreviated(state.string("joint_public_key_hex")));
            return TrusteeCommand.DONE;
        }
        KeyCeremonyGuardian guardian;
        if (state.has("ceremony_guardian")) {
            try {
                guardian = KeyCeremonyGuardian.fromSecretJson(group, state.get("ceremony_guardian"));
            } catch (RecordFormatException e) {
                throw new ProtocolException("state file " + s.options().state() + " is damaged: " + e.getMessage());
            }
            if (!guardian.guardianId().equals(guardianId) || guardian.xCoordinate() != x
                    || guardian.numberOfGuardians() != n || guardian.quorum() != k) {
                throw new ProtocolException("the state file's guardian does not match this election's assignment");
            }
        } else {
            guardian = new KeyCeremonyGuardian(group, hp, guardianId, x, n, k, new SecureRandom());
            state.put("election", s.options().election()).put("server", s.options().server().toString())
                    .put("guardian_id", guardianId).put("x_coordinate", JsonValue.of(x))
                    .put("phase", "CEREMONY").put("constants", RecordJson.write(group.constants()))
                    .put("config", RecordJson.write(config));
            saveGuardian(state, guardian);
        }

        s.status(guardianId + ": announcing");
        s.client().post(s.electionPath("/ceremony/announcements"), guardian.announcement().toJson());
        JsonValue all = s.waitFor(s.electionPath("/ceremony"),
                c -> Json.array(c, "announcements").size() >= n || failed(c),
                c -> "waiting for announcements: " + Json.array(c, "announcements").size() + " of " + n);
        if (failed(all)) {
            throw new ProtocolException("the ceremony was stopped by the server (state " + Json.text(all, "state") + ")");
        }
        List<String> others = new ArrayList<>();
        for (JsonValue json : Json.array(all, "announcements")) {
            GuardianAnnouncement a;
            try {
                a = GuardianAnnouncement.fromJson(group, json);
            } catch (RecordFormatException e) {
                throw new ProtocolException("the server relayed a malformed announcement: " + e.getMessage());
            }
            if (a.guardianId().equals(guardianId)) {
                if (!a.equals(guardian.announcement())) {
                    throw new ProtocolException("the server shows an announcement for " + guardianId + " that is not ours");
                }
                continue;
            }
            try {
                guardian.receive(a);
            } catch (KeyCeremonyException e) {
                return complain(a.guardianId(), e.getMessage());
            }
            others.add(a.guardianId());
        }
        if (others.size() != n - 1) {
            throw new ProtocolException("expected " + (n - 1) + " other guardians' announcements, the server shows " + others.size());
        }
        saveGuardian(state, guardian);

        if (!state.has("sent_shares")) {
            List<JsonValue> shares = new ArrayList<>();
            for (String other : others) {
                shares.add(guardian.shareFor(other).toJson());
            }
            state.put("sent_shares", new JsonValue.JsonArray(shares));
            state.save(); // the same shares are sent again on a resume: the server accepts only identical ones
        }
        s.status(guardianId + ": sending " + (n - 1) + " encrypted shares");
        s.client().post(s.electionPath("/ceremony/shares"),
                new JsonValue.JsonObject(Map.of("shares", state.get("sent_shares"))));

        JsonValue received = s.waitFor(s.electionPath("/ceremony/shares"),
                r -> Json.array(r, "shares").size() >= n - 1,
                r -> "waiting for shares: " + Json.array(r, "shares").size() + " of " + (n - 1));
        for (JsonValue json : Json.array(received, "shares")) {
            EncryptedKeyShare share;
            try {
                share = EncryptedKeyShare.fromJson(group, json);
            } catch (RecordFormatException e) {
                throw new ProtocolException("the server relayed a malformed share: " + e.getMessage());
            }
            if (guardian.hasShareFrom(share.senderId())) {
                continue;
            }
            try {
                guardian.receive(share);
            } catch (KeyCeremonyException e) {
                return complain(share.senderId(), e.getMessage());
            }
        }
        if (!guardian.isComplete()) {
            throw new ProtocolException("not every guardian's share arrived");
        }

        Element joint = guardian.jointPublicKey();
        DecryptingTrustee trustee = guardian.trustee();
        HashValue he = ElectionHashes.extendedBaseHash(config.electionBaseHash(), joint);
        String jointHex = HexFormat.of().formatHex(joint.encode());
        // the polynomial and communication secret are dropped: z_i is all decryption needs
        state.remove("ceremony_guardian").remove("sent_shares")
                .put("phase", "TRUSTEE")
                .put("trustee", trustee.toSecretJson())
                .put("joint_public_key_hex", jointHex)
                .put("extended_base_hash_hex", HexFormat.of().formatHex(he.bytes()));
        state.save();
        confirm(jointHex);
        s.out().println(guardianId + ": key ceremony complete; joint key " + abbreviated(jointHex)
                + "; your key share is in " + s.options().state());
        return TrusteeCommand.DONE;
    }

    private void confirm(String jointHex) throws RelayException {
        s.client().post(s.electionPath("/ceremony/confirmations"),
                new JsonValue.JsonObject(Map.of("jointPublicKey", JsonValue.of(jointHex))));
    }

    /** Files a complaint (the server then marks the ceremony failed) and stops with the reason. */
    private int complain(String against, String reason) throws RelayException, ProtocolException {
        Map<String, JsonValue> body = new LinkedHashMap<>();
        body.put("against", JsonValue.of(against));
        body.put("reason", JsonValue.of(reason));
        s.client().post(s.electionPath("/ceremony/complaints"), new JsonValue.JsonObject(body));
        throw new ProtocolException("complaint filed against " + against + ": " + reason);
    }

    private void saveGuardian(TrusteeState state, KeyCeremonyGuardian guardian) throws IOException {
        state.put("ceremony_guardian", guardian.toSecretJson());
        state.save();
    }

    private void checkBelongs(TrusteeState state, String guardianId) throws ProtocolException {
        String election = state.string("election");
        String guardian = state.string("guardian_id");
        if (election != null && !election.equals(s.options().election())) {
            throw new ProtocolException("the state file belongs to election " + election);
        }
        if (guardian != null && !guardian.equals(guardianId)) {
            throw new ProtocolException("the state file belongs to " + guardian + ", this account is " + guardianId);
        }
    }

    private static boolean failed(JsonValue ceremony) {
        String state = Json.string(ceremony, "state");
        return "FAILED".equals(state) || "CANCELLED".equals(state);
    }

    /** The group the server names, which must be one this verifier knows (the parameters are checked, not trusted). */
    static Group group(JsonValue constants) throws ProtocolException {
        try {
            ElectionConstants c = RecordJson.readConstants(constants, "constants");
            return Groups.fromConstants(c);
        } catch (RecordFormatException | Groups.UnsupportedGroupException e) {
            throw new ProtocolException("the election's constants: " + e.getMessage());
        }
    }

    /** election_config with its hashes recomputed here: H_P from the group, H_B from H_P, H_M, n and k. */
    static ElectionConfig config(Group group, JsonValue json) throws ProtocolException {
        ElectionConfig config;
        try {
            config = RecordJson.readConfig(json, "config");
        } catch (RecordFormatException e) {
            throw new ProtocolException("the election's config: " + e.getMessage());
        }
        HashValue hp = ElectionHashes.parameterBaseHash(group.constants());
        if (!hp.equals(config.parameterBaseHash())) {
            throw new ProtocolException("the election's parameter base hash H_P is not the one of group " + group.name());
        }
        if (!ElectionHashes.electionBaseHash(hp, config.manifestHash(), config.numberOfGuardians(), config.quorum())
                .equals(config.electionBaseHash())) {
            throw new ProtocolException("the election's base hash H_B does not follow from H_P, H_M, n and k");
        }
        return config;
    }

    static String abbreviated(String hex) {
        return hex == null ? "-" : hex.length() > 16 ? hex.substring(0, 16) + "..." : hex;
    }
}
