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
        batches.put(batchId, batch);
        return new PartialDecryptions(guardianId, xCoordinate, batchId, shares, hashes);
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
