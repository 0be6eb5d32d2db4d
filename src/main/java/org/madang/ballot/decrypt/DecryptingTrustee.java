package org.madang.ballot.decrypt;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.madang.ballot.crypto.NonceSequence;
import org.madang.ballot.group.Element;
import org.madang.ballot.group.Group;
import org.madang.ballot.group.Scalar;
import org.madang.ballot.hash.HashValue;
import org.madang.ballot.hash.Hasher;
import org.madang.ballot.json.JsonValue;
import org.madang.ballot.record.JsonFields;
import org.madang.ballot.record.RecordFormatException;
import org.madang.ballot.record.RecordJson;

/**
 * A guardian at decryption time, on its own machine: it holds z_i = P(i), its share of the
 * election secret key, and answers the three rounds of spec 2.1.0 sections 3.6.3–3.6.5:
 * partial decryptions with committed proof commitments, the reveal of those commitments once every
 * available guardian has committed, and the responses to its challenges once every reveal matches
 * its commitment. z_i never leaves this object except through {@link #toSecretJson()}.
 */
public final class DecryptingTrustee {

    private final Group group;
    private final String guardianId;
    private final int xCoordinate;
    private final Element publicKey;
    private final Scalar keyShare;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Batch> batches = new HashMap<>();

    private static final class Batch {
        final HashValue extendedBaseHash;
        final List<Element> pads;
        final List<Integer> available;
        final List<Scalar> u = new ArrayList<>();
        final List<Element> a = new ArrayList<>();
        final List<Element> b = new ArrayList<>();
        PartialDecryptions own;
        Map<String, PartialDecryptions> committed;

        Batch(HashValue extendedBaseHash, List<Element> pads, List<Integer> available) {
            this.extendedBaseHash = extendedBaseHash;
            this.pads = List.copyOf(pads);
            this.available = List.copyOf(available);
        }
    }

    public DecryptingTrustee(Group group, String guardianId, int xCoordinate, Element publicKey, Scalar keyShare) {
        this.group = group;
        this.guardianId = guardianId;
        this.xCoordinate = xCoordinate;
        this.publicKey = publicKey;
        this.keyShare = keyShare;
    }

    public String guardianId() {
        return guardianId;
    }

    public int xCoordinate() {
        return xCoordinate;
    }

    /** K_i, the guardian's public key as published in election_initialized.json. */
    public Element publicKey() {
        return publicKey;
    }

    /** g^(z_i): what the public commitments predict for this guardian's share (eq 94). */
    public Element shareCommitment() {
        return group.gPow(keyShare);
    }

    /** Round 1: M_i = A^(z_i) and d_i for each pad A. {@code available} is U, the x-coordinates taking part. */
    public synchronized PartialDecryptions partialDecrypt(HashValue extendedBaseHash, String batchId, List<Element> pads,
                                                          List<Integer> available) {
        if (batches.containsKey(batchId)) {
            throw new IllegalStateException("batch " + batchId + " was already started");
        }
        if (!available.contains(xCoordinate)) {
            throw new IllegalArgumentException("this guardian is not among the available ones");
        }
        Batch batch = new Batch(extendedBaseHash, pads, available);
        List<Element> shares = new ArrayList<>();
        List<HashValue> hashes = new ArrayList<>();
        for (int idx = 0; idx < pads.size(); idx++) {
            Element pad = pads.get(idx);
            Scalar u = NonceSequence.random(group, random);
            Element a = group.gPow(u);
            Element b = pad.pow(u);
            Element m = pad.pow(keyShare);
            batch.u.add(u);
            batch.a.add(a);
            batch.b.add(b);
            shares.add(m);
            hashes.add(commitmentHash(extendedBaseHash, xCoordinate, idx, pad, a, b, m, available));
        }
        batch.own = new PartialDecryptions(guardianId, xCoordinate, batchId, shares, hashes);
        batches.put(batchId, batch);
        return batch.own;
    }

    /**
     * d_i = H(H_E; 0x30, i, idx, A, a_i, b_i, M_i, U): eq 88 with the ciphertext's position in the
     * batch in place of the contest and option indices (a batch may hold contest data as well).
     */
    static HashValue commitmentHash(HashValue he, int x, int index, Element pad, Element a, Element b, Element m,
                                    List<Integer> available) {
        Hasher h = Hasher.with(he, 0x30).int4(x).int4(index).element(pad).element(a).element(b).element(m);
        available.forEach(h::int4);
        return h.digest();
    }

    /** Round 2: reveals (a_i, b_i) only once every available guardian has committed. */
    public synchronized CommitmentReveal reveal(String batchId, List<PartialDecryptions> all) {
        Batch batch = batch(batchId);
        Map<String, PartialDecryptions> byGuardian = new LinkedHashMap<>();
        for (PartialDecryptions p : all) {
            if (!batch.available.contains(p.xCoordinate()) || p.commitmentHashes().size() != batch.pads.size()
                    || p.shares().size() != batch.pads.size() || !p.batchId().equals(batchId)) {
                throw new IllegalArgumentException("commitments of '" + p.guardianId() + "' do not fit this batch");
            }
            if (p.guardianId().equals(guardianId) && !p.equals(batch.own)) {
                throw new IllegalArgumentException("the relayed partial decryptions of '" + guardianId + "' are not the ones it sent");
            }
            byGuardian.put(p.guardianId(), p);
        }
        if (byGuardian.size() != batch.available.size()) {
            throw new IllegalArgumentException("not every available guardian has committed");
        }
        batch.committed = byGuardian;
        return new CommitmentReveal(guardianId, batchId, batch.a, batch.b);
    }

    /**
     * Round 3: checks every reveal against its commitment hash (a guardian that chose its
     * commitments after seeing others' is caught here), then answers v_i = u_i − c_i·z_i.
     * The nonces u_i are forgotten afterwards: a batch is answered once.
     */
    public synchronized ChallengeResponses respond(String batchId, List<CommitmentReveal> reveals, List<Scalar> challenges) {
        Batch batch = batch(batchId);
        if (batch.committed == null) {
            throw new IllegalStateException("batch " + batchId + " has not been revealed");
        }
        if (challenges.size() != batch.pads.size()) {
            throw new IllegalArgumentException("expected " + batch.pads.size() + " challenges");
        }
        if (reveals.stream().map(CommitmentReveal::guardianId).distinct().count() != batch.committed.size()
                || reveals.size() != batch.committed.size()) {
            throw new IllegalArgumentException("expected one reveal from each of " + batch.committed.keySet());
        }
        for (CommitmentReveal r : reveals) {
            PartialDecryptions p = batch.committed.get(r.guardianId());
            if (p == null || r.a().size() != batch.pads.size() || r.b().size() != batch.pads.size()) {
                throw new IllegalArgumentException("reveal of '" + r.guardianId() + "' does not fit this batch");
            }
            for (int idx = 0; idx < batch.pads.size(); idx++) {
                HashValue expected = commitmentHash(batch.extendedBaseHash, p.xCoordinate(), idx, batch.pads.get(idx),
                        r.a().get(idx), r.b().get(idx), p.shares().get(idx), batch.available);
                if (!expected.equals(p.commitmentHashes().get(idx))) {
                    throw new IllegalArgumentException("reveal of '" + r.guardianId() + "' does not match its commitment");
                }
            }
        }
        List<Scalar> responses = new ArrayList<>();
        for (int idx = 0; idx < challenges.size(); idx++) {
            responses.add(batch.u.get(idx).subtract(challenges.get(idx).multiply(keyShare)));
        }
        batches.remove(batchId);
        return new ChallengeResponses(guardianId, batchId, responses);
    }

    /** Whether round 1 of {@code batchId} has been answered and its nonces are held. */
    public synchronized boolean hasPendingBatch(String batchId) {
        return batches.containsKey(batchId);
    }

    /** The partial decryptions this trustee sent for a pending batch (to send the same message again). */
    public synchronized PartialDecryptions partialOf(String batchId) {
        return batch(batchId).own;
    }

    private static final String PENDING_MESSAGE = "pending_decryption_batch";

    /**
     * A batch between round 1 and round 3, so that a trustee process can stop and resume. SECRET:
     * with the nonces u_i, one published response reveals z_i. A batch must be answered at most
     * once, so callers delete this file's content before they send the responses.
     */
    public synchronized JsonValue pendingBatchSecretJson(String batchId) {
        Batch batch = batch(batchId);
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("secret", JsonValue.of("SECRET decryption nonces of guardian " + guardianId + ": do not share or upload"));
        m.put("message", JsonValue.of(PENDING_MESSAGE));
        m.put("guardian_id", JsonValue.of(guardianId));
        m.put("batch_id", JsonValue.of(batchId));
        m.put("extended_base_hash", RecordJson.hash(batch.extendedBaseHash));
        m.put("available", new JsonValue.JsonArray(batch.available.stream().map(x -> (JsonValue) JsonValue.of(x)).toList()));
        m.put("pads", elements(batch.pads));
        m.put("nonces", new JsonValue.JsonArray(batch.u.stream().map(u -> (JsonValue) RecordJson.scalar(u)).toList()));
        m.put("partial", batch.own.toJson());
        if (batch.committed != null) {
            m.put("committed", new JsonValue.JsonArray(batch.committed.values().stream().map(PartialDecryptions::toJson).toList()));
        }
        return new JsonValue.JsonObject(m);
    }

    /** Restores a batch written by {@link #pendingBatchSecretJson}; its nonces must reproduce the partial's commitment hashes. */
    public synchronized void restorePendingBatch(JsonValue json) throws RecordFormatException {
        JsonFields f = new JsonFields(json, PENDING_MESSAGE);
        f.allowOnly("secret", "message", "guardian_id", "batch_id", "extended_base_hash", "available", "pads", "nonces",
                "partial", "committed");
        f.expect("message", PENDING_MESSAGE);
        if (!f.string("guardian_id").equals(guardianId)) {
            throw new RecordFormatException(f.at("guardian_id") + ": the batch belongs to '" + f.string("guardian_id") + "'");
        }
        String batchId = f.string("batch_id");
        List<Integer> available = new ArrayList<>();
        for (JsonValue x : f.array("available")) {
            if (!(x instanceof JsonValue.JsonNumber number) || number.value().scale() > 0) {
                throw new RecordFormatException(f.at("available") + ": expected x-coordinates");
            }
            try {
                available.add(number.value().intValueExact());
            } catch (ArithmeticException e) {
                throw new RecordFormatException(f.at("available") + ": expected x-coordinates");
            }
        }
        List<Element> pads = f.elements(group, "pads");
        List<Scalar> nonces = f.scalars(group, "nonces");
        PartialDecryptions own = PartialDecryptions.fromJson(group, f.raw("partial"));
        HashValue he = f.hash("extended_base_hash");
        if (nonces.size() != pads.size() || own.shares().size() != pads.size() || !own.batchId().equals(batchId)
                || !own.guardianId().equals(guardianId)) {
            throw new RecordFormatException(f.where() + ": nonces, pads and partial decryptions do not fit together");
        }
        Batch batch = new Batch(he, pads, available);
        for (int idx = 0; idx < pads.size(); idx++) {
            Element a = group.gPow(nonces.get(idx));
            Element b = pads.get(idx).pow(nonces.get(idx));
            HashValue expected = commitmentHash(he, xCoordinate, idx, pads.get(idx), a, b, own.shares().get(idx), available);
            if (!expected.equals(own.commitmentHashes().get(idx))) {
                throw new RecordFormatException(f.at("nonces") + "[" + idx + "]: does not match the committed hash");
            }
            batch.u.add(nonces.get(idx));
            batch.a.add(a);
            batch.b.add(b);
        }
        batch.own = own;
        if (f.has("committed")) {
            Map<String, PartialDecryptions> committed = new LinkedHashMap<>();
            for (JsonValue p : f.array("committed")) {
                PartialDecryptions other = PartialDecryptions.fromJson(group, p);
                committed.put(other.guardianId(), other);
            }
            batch.committed = committed;
        }
        batches.put(batchId, batch);
    }

    private static JsonValue elements(List<Element> elements) {
        return new JsonValue.JsonArray(elements.stream().map(e -> (JsonValue) RecordJson.element(e)).toList());
    }

    private Batch batch(String batchId) {
        Batch batch = batches.get(batchId);
        if (batch == null) {
            throw new IllegalStateException("unknown batch " + batchId);
        }
        return batch;
    }

    /**
     * The trustee's secret file, in the shape of egk-ec's decryptingTrustee-*.json (id, x_coordinate,
     * key_share) plus the public key. Keep it off the server.
     */
    public JsonValue toSecretJson() {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("id", JsonValue.of(guardianId));
        m.put("x_coordinate", JsonValue.of(xCoordinate));
        m.put("public_key", RecordJson.element(publicKey));
        m.put("key_share", RecordJson.scalar(keyShare));
        return new JsonValue.JsonObject(m);
    }

    /**
     * Reads a trustee file: Madang's, or egk-ec's (whose public key is g^(a_0) of its
     * polynomial_coefficients).
     */
    public static DecryptingTrustee fromSecretJson(Group group, JsonValue json, String file) throws RecordFormatException {
        JsonFields f = new JsonFields(json, file);
        Element publicKey;
        if (f.has("public_key")) {
            publicKey = f.element(group, "public_key");
        } else {
            List<JsonValue> coefficients = f.array("polynomial_coefficients");
            if (coefficients.isEmpty() || !(coefficients.get(0) instanceof JsonValue.JsonString s)) {
                throw new RecordFormatException(f.at("polynomial_coefficients") + ": expected base64 scalars");
            }
            try {
                publicKey = group.gPow(group.decodeScalar(java.util.Base64.getDecoder().decode(s.value())));
            } catch (IllegalArgumentException | org.madang.ballot.group.InvalidElementException e) {
                throw new RecordFormatException(f.at("polynomial_coefficients") + "[0]: " + e.getMessage());
            }
        }
        return new DecryptingTrustee(group, f.string("id"), f.nonNegative("x_coordinate"), publicKey,
                f.scalar(group, "key_share"));
    }
}
