package org.madang.ballot.keyceremony;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.madang.ballot.crypto.NonceSequence;
import org.madang.ballot.crypto.SchnorrProof;
import org.madang.ballot.decrypt.DecryptingTrustee;
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
 * One guardian during the key ceremony, run on the guardian's own machine. It holds the secrets
 * (its polynomial P_i, its communication key ζ_i, the shares P_j(i) it receives) and exchanges only
 * {@link GuardianAnnouncement} and {@link EncryptedKeyShare} messages. At the end it yields the
 * {@link DecryptingTrustee} with its share z_i = P(i) of the election secret key; the polynomial
 * can then be discarded (spec 2.1.0 section 3.2.1).
 *
 * <p>Share encryption follows spec 2.1.0 eq 15–23 with one block: egk-ec's records (and so
 * Madang's) have a single joint key K, so there is no second polynomial P̂_i to carry.
 */
public final class KeyCeremonyGuardian {

    private static final byte[] SHARE_LABEL = "share_enc_keys".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SHARE_CONTEXT = "share_encrypt".getBytes(StandardCharsets.UTF_8);

    private final Group group;
    private final HashValue parameterBaseHash;
    private final String guardianId;
    private final int xCoordinate;
    private final int guardians;
    private final int quorum;
    private final SecureRandom random;
    private final List<Scalar> coefficients = new ArrayList<>();
    private final Scalar communicationSecret;
    private final GuardianAnnouncement announcement;
    private final Map<String, GuardianAnnouncement> others = new LinkedHashMap<>();
    private final Map<String, Scalar> receivedShares = new LinkedHashMap<>();

    public KeyCeremonyGuardian(Group group, HashValue parameterBaseHash, String guardianId, int xCoordinate,
                               int guardians, int quorum, SecureRandom random) {
        if (quorum < 1 || quorum > guardians || xCoordinate < 1 || xCoordinate > guardians) {
            throw new IllegalArgumentException("need 1 <= quorum <= guardians and 1 <= x <= guardians");
        }
        this.group = group;
        this.parameterBaseHash = parameterBaseHash;
        this.guardianId = guardianId;
        this.xCoordinate = xCoordinate;
        this.guardians = guardians;
        this.quorum = quorum;
        this.random = random;
        List<SchnorrProof> proofs = new ArrayList<>();
        for (int j = 0; j < quorum; j++) {
            Scalar a = nonZeroRandom();
            coefficients.add(a);
            proofs.add(SchnorrProof.prove(group, parameterBaseHash, xCoordinate, j, a, NonceSequence.random(group, random)));
        }
        communicationSecret = nonZeroRandom();
        SchnorrProof communicationProof = SchnorrProof.prove(group, parameterBaseHash, xCoordinate, quorum,
                communicationSecret, NonceSequence.random(group, random));
        announcement = new GuardianAnnouncement(guardianId, xCoordinate, proofs, communicationProof);
    }

    /** A guardian restored from its secret file: the same polynomial, communication key and announcement. */
    private KeyCeremonyGuardian(Group group, HashValue parameterBaseHash, int guardians, int quorum,
                                List<Scalar> coefficients, Scalar communicationSecret, GuardianAnnouncement announcement) {
        this.group = group;
        this.parameterBaseHash = parameterBaseHash;
        this.guardianId = announcement.guardianId();
        this.xCoordinate = announcement.xCoordinate();
        this.guardians = guardians;
        this.quorum = quorum;
        this.random = new SecureRandom();
        this.coefficients.addAll(coefficients);
        this.communicationSecret = communicationSecret;
        this.announcement = announcement;
    }

    private Scalar nonZeroRandom() {
        Scalar s;
        do {
            s = NonceSequence.random(group, random);
        } while (s.isZero());
        return s;
    }

    public String guardianId() {
        return guardianId;
    }

    public int xCoordinate() {
        return xCoordinate;
    }

    public GuardianAnnouncement announcement() {
        return announcement;
    }

    public int numberOfGuardians() {
        return guardians;
    }

    public int quorum() {
        return quorum;
    }

    /** Whether the announcement of {@code otherId} has been received (and checked). */
    public boolean hasAnnouncementFrom(String otherId) {
        return others.containsKey(otherId);
    }

    /** Whether the share from {@code otherId} has been received (and matched its commitments). */
    public boolean hasShareFrom(String otherId) {
        return receivedShares.containsKey(otherId);
    }

    /** Accepts another guardian's announcement after checking all its proofs. */
    public void receive(GuardianAnnouncement other) throws KeyCeremonyException {
        if (other.guardianId().equals(guardianId)) {
            throw new KeyCeremonyException("an announcement from '" + guardianId + "' to itself");
        }
        if (other.xCoordinate() == xCoordinate
                || others.values().stream().anyMatch(o -> o.xCoordinate() == other.xCoordinate() && !o.guardianId().equals(other.guardianId()))) {
            throw new KeyCeremonyException("guardian '" + other.guardianId() + "' reuses x-coordinate " + other.xCoordinate());
        }
        Optional<String> problem = other.validate(group, parameterBaseHash, guardians, quorum);
        if (problem.isPresent()) {
            throw new KeyCeremonyException("announcement of '" + other.guardianId() + "': " + problem.get());
        }
        GuardianAnnouncement previous = others.putIfAbsent(other.guardianId(), other);
        if (previous != null && !previous.equals(other)) {
            throw new KeyCeremonyException("guardian '" + other.guardianId() + "' announced twice with different keys");
        }
    }

    /** P_i(x) = Σ a_i,j x^j. */
    private Scalar polynomialAt(int x) {
        Scalar result = group.scalar(0);
        Scalar power = group.scalar(1);
        Scalar xs = group.scalar(x);
        for (Scalar a : coefficients) {
            result = result.add(a.multiply(power));
            power = power.multiply(xs);
        }
        return result;
    }

    /** E_ℓ(P_i(ℓ)) for the guardian {@code recipientId}, whose announcement must have been received. */
    public EncryptedKeyShare shareFor(String recipientId) {
        GuardianAnnouncement recipient = others.get(recipientId);
        if (recipient == null) {
            throw new IllegalStateException("no announcement received from '" + recipientId + "'");
        }
        int l = recipient.xCoordinate();
        Scalar xi = nonZeroRandom();
        Element alpha = group.gPow(xi);
        Element beta = recipient.communicationKey().pow(xi);
        byte[] k1 = shareKey(xCoordinate, l, recipient.communicationKey(), alpha, beta);
        byte[] c1 = xor(polynomialAt(l).encode(), k1);
        Scalar u = NonceSequence.random(group, random);
        Scalar c = EncryptedKeyShare.nonceChallenge(group, parameterBaseHash, xCoordinate, l, group.gPow(u), alpha, c1);
        return new EncryptedKeyShare(guardianId, xCoordinate, recipientId, l, alpha, c1, c, u.subtract(c.multiply(xi)));
    }

    /**
     * Decrypts a share sent to this guardian and checks it against the sender's commitments:
     * g^(P_i(ℓ)) = Π_j K_i,j^(ℓ^j) (spec 2.1.0 eq 14). A refused share is the ground for a complaint.
     */
    public void receive(EncryptedKeyShare share) throws KeyCeremonyException {
        if (!share.recipientId().equals(guardianId) || share.recipientX() != xCoordinate) {
            throw new KeyCeremonyException("share from '" + share.senderId() + "' is addressed to '" + share.recipientId() + "'");
        }
        GuardianAnnouncement sender = others.get(share.senderId());
        if (sender == null || sender.xCoordinate() != share.senderX()) {
            throw new KeyCeremonyException("share from unknown guardian '" + share.senderId() + "'");
        }
        if (!share.verifyNonceProof(group, parameterBaseHash)) {
            throw new KeyCeremonyException("share from '" + share.senderId() + "': the proof of its nonce does not verify");
        }
        Element beta = share.c0().pow(communicationSecret);
        byte[] k1 = shareKey(share.senderX(), xCoordinate, announcement.communicationKey(), share.c0(), beta);
        byte[] plain = xor(share.c1(), k1);
        java.math.BigInteger value = new java.math.BigInteger(1, plain);
        if (value.compareTo(group.order()) >= 0) {
            throw new KeyCeremonyException("share from '" + share.senderId() + "' does not decrypt to a scalar");
        }
        Scalar pil = group.scalar(value);
        if (!group.gPow(pil).equals(commitmentAt(sender.commitments(), xCoordinate))) {
            throw new KeyCeremonyException("share from '" + share.senderId() + "' does not match its commitments");
        }
        receivedShares.put(share.senderId(), pil);
    }

    /** g^(P_i(x)) computed from the public commitments only: Π_j K_i,j^(x^j). */
    public static Element commitmentAt(List<Element> commitments, int x) {
        Group group = commitments.get(0).group();
        Element result = group.identity();
        Scalar power = group.scalar(1);
        for (Element k : commitments) {
            result = result.multiply(k.pow(power));
            power = power.multiply(group.scalar(x));
        }
        return result;
    }

    public boolean isComplete() {
        return others.size() == guardians - 1 && receivedShares.size() == guardians - 1;
    }

    /** K = Π K_i over all guardians. */
    public Element jointPublicKey() {
        Element k = announcement.publicKey();
        for (GuardianAnnouncement o : others.values()) {
            k = k.multiply(o.publicKey());
        }
        return k;
    }

    /** z_i = P(i) = Σ_j P_j(i) (spec 2.1.0 eq 24), with the guardian's public data. */
    public DecryptingTrustee trustee() {
        if (!isComplete()) {
            throw new IllegalStateException("guardian '" + guardianId + "' has not received every announcement and share");
        }
        Scalar z = polynomialAt(xCoordinate);
        for (Scalar s : receivedShares.values()) {
            z = z.add(s);
        }
        return new DecryptingTrustee(group, guardianId, xCoordinate, announcement.publicKey(), z);
    }

    private static final String SECRET_MESSAGE = "key_ceremony_guardian_secret";

    /**
     * Everything needed to resume this guardian's ceremony: its polynomial, communication secret,
     * the announcement it made and the announcements and shares it accepted. SECRET: anyone holding
     * it can reconstruct this guardian's share of the election key; keep it off the server.
     */
    public JsonValue toSecretJson() {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("secret", JsonValue.of("SECRET key-ceremony state of guardian " + guardianId
                + ": do not share or upload"));
        m.put("message", JsonValue.of(SECRET_MESSAGE));
        m.put("group", JsonValue.of(group.name()));
        m.put("parameter_base_hash", RecordJson.hash(parameterBaseHash));
        m.put("number_of_guardians", JsonValue.of(guardians));
        m.put("quorum", JsonValue.of(quorum));
        m.put("polynomial_coefficients", new JsonValue.JsonArray(coefficients.stream().map(c -> (JsonValue) RecordJson.scalar(c)).toList()));
        m.put("communication_secret", RecordJson.scalar(communicationSecret));
        m.put("announcement", announcement.toJson());
        m.put("received_announcements", new JsonValue.JsonArray(others.values().stream().map(GuardianAnnouncement::toJson).toList()));
        List<JsonValue> shares = new ArrayList<>();
        receivedShares.forEach((sender, value) -> {
            Map<String, JsonValue> sm = new LinkedHashMap<>();
            sm.put("sender_id", JsonValue.of(sender));
            sm.put("value", RecordJson.scalar(value));
            shares.add(new JsonValue.JsonObject(sm));
        });
        m.put("received_shares", new JsonValue.JsonArray(shares));
        return new JsonValue.JsonObject(m);
    }

    /**
     * Restores a guardian written by {@link #toSecretJson()}, re-checking it: the coefficients and
     * communication secret must match the announcement's commitments, every received announcement
     * must still verify and every received share must match its sender's commitments.
     */
    public static KeyCeremonyGuardian fromSecretJson(Group group, JsonValue json) throws RecordFormatException {
        JsonFields f = new JsonFields(json, SECRET_MESSAGE);
        f.allowOnly("secret", "message", "group", "parameter_base_hash", "number_of_guardians", "quorum",
                "polynomial_coefficients", "communication_secret", "announcement", "received_announcements", "received_shares");
        f.expect("message", SECRET_MESSAGE);
        if (!f.string("group").equals(group.name())) {
            throw new RecordFormatException(f.at("group") + ": the state is for group " + f.string("group")
                    + ", the election uses " + group.name());
        }
        HashValue hp = f.hash("parameter_base_hash");
        int n = f.nonNegative("number_of_guardians");
        int k = f.nonNegative("quorum");
        List<Scalar> coefficients = f.scalars(group, "polynomial_coefficients");
        Scalar communicationSecret = f.scalar(group, "communication_secret");
        GuardianAnnouncement own = GuardianAnnouncement.fromJson(group, f.raw("announcement"));
        if (own.validate(group, hp, n, k).isPresent() || coefficients.size() != k) {
            throw new RecordFormatException(f.at("announcement") + ": does not fit the ceremony's parameters");
        }
        for (int j = 0; j < k; j++) {
            if (!group.gPow(coefficients.get(j)).equals(own.commitments().get(j))) {
                throw new RecordFormatException(f.at("polynomial_coefficients") + "[" + j + "]: does not match its commitment");
            }
        }
        if (!group.gPow(communicationSecret).equals(own.communicationKey())) {
            throw new RecordFormatException(f.at("communication_secret") + ": does not match the communication key");
        }
        KeyCeremonyGuardian guardian = new KeyCeremonyGuardian(group, hp, n, k, coefficients, communicationSecret, own);
        try {
            for (JsonValue a : f.array("received_announcements")) {
                guardian.receive(GuardianAnnouncement.fromJson(group, a));
            }
            for (JsonFields share : f.objects("received_shares")) {
                share.allowOnly("sender_id", "value");
                String sender = share.string("sender_id");
                Scalar value = share.scalar(group, "value");
                GuardianAnnouncement from = guardian.others.get(sender);
                if (from == null || !group.gPow(value).equals(commitmentAt(from.commitments(), guardian.xCoordinate))) {
                    throw new RecordFormatException(share.where() + ": share from '" + sender + "' does not match its commitments");
                }
                guardian.receivedShares.put(sender, value);
            }
        } catch (KeyCeremonyException e) {
            throw new RecordFormatException(f.at("received_announcements") + ": " + e.getMessage());
        }
        return guardian;
    }

    /**
     * k_(i,ℓ,1) = HMAC(k_(i,ℓ), 0x01 ∥ Label ∥ 0x00 ∥ Context ∥ 0x0200) with
     * k_(i,ℓ) = H(H_P; 0x11, i, ℓ, κ_ℓ, α, β) and Context = "share_encrypt" ∥ b(i, 4) ∥ b(ℓ, 4).
     */
    private byte[] shareKey(int i, int l, Element recipientKey, Element alpha, Element beta) {
        HashValue k = Hasher.with(parameterBaseHash, 0x11).int4(i).int4(l).element(recipientKey).element(alpha)
                .element(beta).digest();
        return Hasher.withRawKey(k.bytes()).separator(0x01).bytes(SHARE_LABEL).separator(0x00).bytes(SHARE_CONTEXT)
                .int4(i).int4(l).bytes(new byte[] {0x02, 0x00}).digest().bytes();
    }

    private static byte[] xor(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length);
        for (int j = 0; j < out.length; j++) {
            out[j] ^= b[j];
        }
        return out;
    }
}
