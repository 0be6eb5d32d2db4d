package org.madang.verifier.trustee;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.madang.ballot.decrypt.ChallengeResponses;
import org.madang.ballot.decrypt.CommitmentReveal;
import org.madang.ballot.decrypt.DecryptingTrustee;
import org.madang.ballot.decrypt.PartialDecryptions;
import org.madang.ballot.group.Element;
import org.madang.ballot.group.Group;
import org.madang.ballot.group.InvalidElementException;
import org.madang.ballot.group.Scalar;
import org.madang.ballot.hash.HashValue;
import org.madang.ballot.json.JsonValue;
import org.madang.ballot.record.RecordFormatException;

/**
 * {@code trustee decrypt}: announces the trustee's presence, then follows the server's rounds for
 * the current batch — partial decryptions, the reveal of the proof commitments, the responses to
 * the challenges — until the batch is done. The batch's nonces are written to the state file
 * before the partial decryptions are sent and deleted before the responses are sent, so a restart
 * resumes the same batch and a nonce never answers two different challenges (that would reveal z_i).
 */
final class DecryptionRun {

    /** More ciphertexts than any Madang ballot and tally could need; beyond it the server is misbehaving. */
    private static final int MAX_PADS = 1_000_000;

    private final Session s;
    private Group group;
    private DecryptingTrustee trustee;
    private HashValue extendedBaseHash;
    private TrusteeState state;
    private String sentPartial;
    private String sentReveal;
    private String sentResponses;

    DecryptionRun(Session session) {
        this.s = session;
    }

    int run() throws RelayException, ProtocolException, IOException {
        if (!TrusteeState.exists(s.options().state())) {
            throw new ProtocolException("no state file " + s.options().state() + ": run 'trustee ceremony' first");
        }
        state = TrusteeState.read(s.options().state());
        if (!"TRUSTEE".equals(state.string("phase"))) {
            throw new ProtocolException("the key ceremony is not complete in " + s.options().state());
        }
        if (!s.options().election().equals(state.string("election"))) {
            throw new ProtocolException("the state file belongs to election " + state.string("election"));
        }
        group = CeremonyRun.group(state.get("constants"));
        try {
            trustee = DecryptingTrustee.fromSecretJson(group, state.get("trustee"), "trustee");
            extendedBaseHash = HashValue.of(HexFormat.of().parseHex(state.string("extended_base_hash_hex")));
            if (state.has("pending_batch")) {
                trustee.restorePendingBatch(state.get("pending_batch"));
            }
        } catch (RecordFormatException | IllegalArgumentException | NullPointerException e) {
            throw new ProtocolException("state file " + s.options().state() + " is damaged: " + e.getMessage());
        }
        String me = trustee.guardianId();

        s.client().post(s.electionPath("/decryption/participations"), new JsonValue.JsonObject(Map.of()));
        while (true) {
            JsonValue d = s.waitFor(s.electionPath("/decryption"), this::actionable, this::describe);
            String round = Json.text(d, "round");
            if (round.equals("DONE")) {
                s.out().println(me + ": decryption complete");
                return TrusteeCommand.DONE;
            }
            String batchId = Json.requireString(d, "batchId", "decryption");
            if (!available(d)) {
                throw new ProtocolException(me + " is not among the guardians available for batch " + batchId
                        + " (it was started without this trustee)");
            }
            switch (round) {
                case "PARTIAL" -> partial(d, batchId);
                case "REVEAL" -> reveal(d, batchId);
                case "RESPOND" -> respond(d, batchId);
                default -> throw new ProtocolException("unknown decryption round " + round);
            }
        }
    }

    /** A round this trustee has something to do in, or DONE. */
    private boolean actionable(JsonValue d) {
        String round = Json.text(d, "round");
        String batchId = Json.string(d, "batchId");
        return switch (round) {
            case "DONE" -> true;
            case "PARTIAL" -> !available(d) || !batchId.equals(sentPartial);
            case "REVEAL" -> !available(d) || !batchId.equals(sentReveal);
            case "RESPOND" -> !available(d) || !batchId.equals(sentResponses);
            default -> false; // WAITING: the administrator has not started the batch
        };
    }

    private String describe(JsonValue d) {
        String round = Json.text(d, "round");
        return switch (round) {
            case "WAITING" -> "waiting for the administrator to start decryption";
            case "PARTIAL" -> "waiting for the other guardians' partial decryptions";
            case "REVEAL" -> "waiting for the other guardians' commitment reveals";
            case "RESPOND" -> "waiting for the other guardians' responses";
            default -> "decryption round " + round;
        };
    }

    private boolean available(JsonValue d) {
        return Json.array(d, "available").stream().anyMatch(a -> trustee.guardianId().equals(Json.string(a, "guardianId"))
                && String.valueOf(trustee.xCoordinate()).equals(Json.text(a, "x")));
    }

    private void partial(JsonValue d, String batchId) throws RelayException, ProtocolException, IOException {
        PartialDecryptions p;
        if (trustee.hasPendingBatch(batchId)) {
            p = trustee.partialOf(batchId); // resumed: the same message again
        } else {
            checkExtendedBaseHash(d);
            List<Element> pads = pads(d);
            List<Integer> xs = new ArrayList<>();
            for (JsonValue a : Json.array(d, "available")) {
                xs.add(Json.requireInt(a, "x", "decryption.available"));
            }
            p = trustee.partialDecrypt(extendedBaseHash, batchId, pads, xs);
            // a new batch replaces an abandoned one; its nonces never answered anything, so dropping them is safe
            state.put("pending_batch", trustee.pendingBatchSecretJson(batchId)).remove("answered");
            state.save();
        }
        s.status(trustee.guardianId() + ": sending partial decryptions of " + p.shares().size() + " ciphertexts");
        s.client().post(s.electionPath("/decryption/partials"), p.toJson());
        sentPartial = batchId;
    }

    private void reveal(JsonValue d, String batchId) throws RelayException, ProtocolException, IOException {
        requirePending(batchId);
        List<PartialDecryptions> partials = new ArrayList<>();
        try {
            for (JsonValue json : Json.array(d, "partials")) {
                partials.add(PartialDecryptions.fromJson(group, json));
            }
        } catch (RecordFormatException e) {
            throw new ProtocolException("the server relayed malformed partial decryptions: " + e.getMessage());
        }
        CommitmentReveal r;
        try {
            r = trustee.reveal(batchId, partials);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("refusing to reveal: " + e.getMessage());
        }
        state.put("pending_batch", trustee.pendingBatchSecretJson(batchId));
        state.save();
        s.status(trustee.guardianId() + ": revealing proof commitments");
        s.client().post(s.electionPath("/decryption/reveals"), r.toJson());
        sentReveal = batchId;
    }

    private void respond(JsonValue d, String batchId) throws RelayException, ProtocolException, IOException {
        JsonValue answered = state.get("answered");
        ChallengeResponses responses;
        if (answered != null && batchId.equals(Json.string(answered, "batch_id"))) {
            try {
                responses = ChallengeResponses.fromJson(group, answered);
            } catch (RecordFormatException e) {
                throw new ProtocolException("state file " + s.options().state() + " is damaged: " + e.getMessage());
            }
        } else {
            requirePending(batchId);
            List<CommitmentReveal> reveals = new ArrayList<>();
            List<Scalar> challenges = new ArrayList<>();
            try {
                for (JsonValue json : Json.array(d, "reveals")) {
                    reveals.add(CommitmentReveal.fromJson(group, json));
                }
                for (JsonValue c : Json.array(d, "challenges")) {
                    if (!(c instanceof JsonValue.JsonString hex)) {
                        throw new ProtocolException("the server's challenges are not hex strings");
                    }
                    challenges.add(group.decodeScalar(HexFormat.of().parseHex(hex.value())));
                }
            } catch (RecordFormatException | InvalidElementException | IllegalArgumentException e) {
                throw new ProtocolException("the server relayed malformed reveals or challenges: " + e.getMessage());
            }
            try {
                responses = trustee.respond(batchId, reveals, challenges);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new ProtocolException("refusing to respond: " + e.getMessage());
            }
            // the nonces go before the responses leave: they must never answer a second challenge
            state.remove("pending_batch").put("answered", responses.toJson());
            state.save();
        }
        s.status(trustee.guardianId() + ": sending responses");
        s.client().post(s.electionPath("/decryption/responses"), responses.toJson());
        sentResponses = batchId;
    }

    private void requirePending(String batchId) throws ProtocolException {
        if (!trustee.hasPendingBatch(batchId)) {
            throw new ProtocolException("batch " + batchId + " is past its first round but this trustee holds no "
                    + "nonces for it (state file lost or replaced); the administrator must restart decryption");
        }
    }

    private void checkExtendedBaseHash(JsonValue d) throws ProtocolException {
        String hex = Json.requireString(d, "extendedBaseHash", "decryption");
        if (!hex.equalsIgnoreCase(HexFormat.of().formatHex(extendedBaseHash.bytes()))) {
            throw new ProtocolException("the server's extended base hash H_E is not the one of the key ceremony this "
                    + "trustee took part in; refusing to decrypt");
        }
    }

    private List<Element> pads(JsonValue d) throws ProtocolException {
        List<JsonValue> raw = Json.array(d, "pads");
        if (raw.isEmpty() || raw.size() > MAX_PADS) {
            throw new ProtocolException("the server asks to decrypt " + raw.size() + " ciphertexts; expected 1.." + MAX_PADS);
        }
        List<Element> pads = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            try {
                if (!(raw.get(i) instanceof JsonValue.JsonString hex)) {
                    throw new IllegalArgumentException("not a string");
                }
                pads.add(group.decodeElement(HexFormat.of().parseHex(hex.value())));
            } catch (InvalidElementException | IllegalArgumentException e) {
                throw new ProtocolException("pad " + i + " from the server is not a group element: " + e.getMessage());
            }
        }
        return pads;
    }
}
