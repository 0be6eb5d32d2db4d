package org.madang.election.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.madang.ballot.decrypt.DecryptingTrustee;
import org.madang.ballot.group.Element;
import org.madang.ballot.group.Group;
import org.madang.ballot.hash.ElectionHashes;
import org.madang.ballot.hash.HashValue;
import org.madang.ballot.json.JsonException;
import org.madang.ballot.json.JsonReader;
import org.madang.ballot.json.JsonValue;
import org.madang.ballot.json.JsonWriter;
import org.madang.ballot.keyceremony.CeremonyRelay;
import org.madang.ballot.keyceremony.EncryptedKeyShare;
import org.madang.ballot.keyceremony.GuardianAnnouncement;
import org.madang.ballot.keyceremony.KeyCeremony;
import org.madang.ballot.keyceremony.KeyCeremonyException;
import org.madang.ballot.record.ElectionConfig;
import org.madang.ballot.record.ElectionInitialized;
import org.madang.ballot.record.RecordFormatException;
import org.madang.ballot.record.RecordJson;
import org.madang.election.entity.CeremonyShare;
import org.madang.election.entity.Election;
import org.madang.election.entity.Election.State;
import org.madang.election.entity.Trustee;
import org.madang.platform.audit.control.AuditLog;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;

/**
 * The server's part in the key ceremony: a relay that checks every message it passes on (Schnorr proofs of the
 * announcements, the nonce proofs of the encrypted shares) and, once every guardian has confirmed the same joint
 * key, writes election_initialized. It never sees a guardian secret — except in demo elections, where it plays
 * every guardian itself and says so in the record.
 */
@ApplicationScoped
public class KeyCeremonies {

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    Elections elections;

    @Inject
    AuditLog audit;

    /** The trustee seat the caller holds in this election, if any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Trustee> seatOf(UUID electionId, UUID accountId) {
        return elections.trustees(electionId).stream().filter(t -> accountId.equals(t.accountId())).findFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Trustee> trusteesOf(UUID electionId) {
        return elections.trustees(electionId);
    }

    Trustee requireSeat(UUID electionId, UUID accountId) {
        return seatOf(electionId, accountId).orElseThrow(ProblemException::forbidden);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<GuardianAnnouncement> announcements(Election e) {
        Group group = ElectionCryptography.group(e.groupName());
        List<GuardianAnnouncement> out = new ArrayList<>();
        for (Trustee t : elections.trustees(e.id())) {
            if (t.announcement() != null) out.add(announcement(group, t.announcement()));
        }
        return out;
    }

    @Transactional
    public void announce(UUID electionId, UUID accountId, String body) {
        Election e = elections.locked(electionId);
        Elections.requireState(e, State.KEY_CEREMONY);
        Trustee seat = requireSeat(electionId, accountId);
        Group group = ElectionCryptography.group(e.groupName());
        GuardianAnnouncement a = parse(body, json -> GuardianAnnouncement.fromJson(group, json));
        if (!a.guardianId().equals(seat.guardianId()) || a.xCoordinate() != seat.xCoordinate()) {
            throw invalid("ceremony.notYourSeat", seat.guardianId(), seat.xCoordinate());
        }
        Optional<String> failure = CeremonyRelay.checkAnnouncement(group, ElectionCryptography.parameterBaseHash(group),
                e.guardians(), e.quorum(), a, seat.guardianId(), seat.xCoordinate());
        if (failure.isPresent()) throw invalid("ceremony.badAnnouncement", failure.get());
        String canonical = JsonWriter.write(a.toJson());
        if (seat.announcement() != null) {
            if (seat.announcement().equals(canonical)) return;
            throw new ProblemException(ProblemType.CONFLICT, "ceremony.alreadyAnnounced");
        }
        seat.announced(canonical);
        audit.record(accountId.toString(), "ceremony.announced", "election:" + electionId, seat.guardianId());
    }

    @Transactional
    public void sendShares(UUID electionId, UUID accountId, List<String> shareBodies) {
        Election e = elections.locked(electionId);
        Elections.requireState(e, State.KEY_CEREMONY);
        Trustee seat = requireSeat(electionId, accountId);
        List<Trustee> all = elections.trustees(electionId);
        if (all.stream().anyMatch(t -> t.announcement() == null)) throw new ProblemException(ProblemType.CONFLICT, "ceremony.waitForAnnouncements");
        Group group = ElectionCryptography.group(e.groupName());
        HashValue hp = ElectionCryptography.parameterBaseHash(group);
        List<EncryptedKeyShare> shares = new ArrayList<>();
        for (String body : shareBodies) shares.add(parse(body, json -> EncryptedKeyShare.fromJson(group, json)));
        var recipients = all.stream().filter(t -> t != seat).map(Trustee::guardianId).sorted().toList();
        if (!shares.stream().map(EncryptedKeyShare::recipientId).sorted().toList().equals(recipients)) {
            throw invalid("ceremony.sharesForEveryOther", recipients);
        }
        for (EncryptedKeyShare s : shares) {
            Trustee recipient = all.stream().filter(t -> t.guardianId().equals(s.recipientId())).findFirst().orElseThrow();
            if (!s.senderId().equals(seat.guardianId()) || s.senderX() != seat.xCoordinate() || s.recipientX() != recipient.xCoordinate()) {
                throw invalid("ceremony.shareAddress", s.recipientId());
            }
            Optional<String> failure = CeremonyRelay.checkShare(group, hp, s, announcement(group, seat.announcement()),
                    announcement(group, recipient.announcement()));
            if (failure.isPresent()) throw invalid("ceremony.badShareProof", s.recipientId() + ": " + failure.get());
        }
        for (EncryptedKeyShare s : shares) {
            String json = JsonWriter.write(s.toJson());
            var key = new CeremonyShare.Key(electionId, s.senderId(), s.recipientId());
            CeremonyShare existing = em.find(CeremonyShare.class, key);
            if (existing == null) {
                em.persist(new CeremonyShare(electionId, s.senderId(), s.recipientId(), json));
            } else if (!existing.shareJson().equals(json)) {
                throw new ProblemException(ProblemType.CONFLICT, "ceremony.sharesAlreadySent");
            }
        }
        if (!seat.sharesSent()) {
            seat.sentShares();
            audit.record(accountId.toString(), "ceremony.shares", "election:" + electionId, seat.guardianId());
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> sharesFor(UUID electionId, UUID accountId) {
        Trustee seat = requireSeat(electionId, accountId);
        return em.createQuery("SELECT s FROM CeremonyShare s WHERE s.electionId = :e AND s.recipient = :r ORDER BY s.sender",
                        CeremonyShare.class).setParameter("e", electionId).setParameter("r", seat.guardianId())
                .getResultList().stream().map(CeremonyShare::shareJson).toList();
    }

    /** A guardian confirms the joint key it computed; the last confirmation completes the ceremony. */
    @Transactional
    public void confirm(UUID electionId, UUID accountId, String jointKeyHex) {
        Election e = elections.locked(electionId);
        Elections.requireState(e, State.KEY_CEREMONY);
        if (e.ceremonyFailure() != null) throw new ProblemException(ProblemType.CONFLICT, "ceremony.failed", e.ceremonyFailure());
        Trustee seat = requireSeat(electionId, accountId);
        List<GuardianAnnouncement> announced = announcements(e);
        if (announced.size() != e.guardians()) throw new ProblemException(ProblemType.CONFLICT, "ceremony.waitForAnnouncements");
        Element joint = CeremonyRelay.jointKey(announced);
        if (!HexFormat.of().formatHex(joint.encode()).equalsIgnoreCase(jointKeyHex)) {
            throw new ProblemException(ProblemType.CONFLICT, "ceremony.otherJointKey");
        }
        seat.confirmed(jointKeyHex.toLowerCase());
        audit.record(accountId.toString(), "ceremony.confirmed", "election:" + electionId, seat.guardianId());
        if (elections.trustees(electionId).stream().allMatch(t -> t.confirmedKey() != null)) {
            complete(e, announced, Map.of("Created by", "Madang key ceremony"));
        }
    }

    @Transactional
    public void complain(UUID electionId, UUID accountId, String against, String reason) {
        Election e = elections.locked(electionId);
        Elections.requireState(e, State.KEY_CEREMONY);
        Trustee seat = requireSeat(electionId, accountId);
        e.ceremonyFailed(seat.guardianId() + " complains about " + against + ": " + reason);
        audit.record(accountId.toString(), "ceremony.complaint", "election:" + electionId,
                seat.guardianId() + " against " + against + ": " + reason);
    }


    private void complete(Election e, List<GuardianAnnouncement> announced, Map<String, String> metadata) {
        ElectionConfig config = ElectionCryptography.config(e);
        ElectionInitialized relayed = CeremonyRelay.initialized(config, announced);
        ElectionInitialized init = new ElectionInitialized(relayed.jointPublicKey(), relayed.extendedBaseHash(), relayed.guardians(), metadata);
        HashValue he = init.extendedBaseHash();
        e.initialize(JsonWriter.write(RecordJson.write(init)), ElectionCryptography.hex(he));
        audit.record(AuditLog.SYSTEM, "ceremony.complete", "election:" + e.id(), "H_E " + ElectionCryptography.hex(he));
    }

    /**
     * Demo elections: the server plays every guardian, exchanging the same messages (through their JSON form) as
     * real trustees would, and keeps each guardian's secret share. Labelled insecure in the record's metadata.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void runDemoCeremony(Election e) {
        Group group = ElectionCryptography.group(e.groupName());
        try {
            KeyCeremony.Result result = KeyCeremony.run(group, ElectionCryptography.config(e), new SecureRandom());
            for (DecryptingTrustee secret : result.trustees()) {
                Trustee seat = new Trustee(e.id(), secret.xCoordinate(), null);
                seat.holdDemoSecret(JsonWriter.write(secret.toSecretJson()));
                seat.confirmed(HexFormat.of().formatHex(result.initialized().jointPublicKey().encode()));
                em.persist(seat);
            }
            ElectionInitialized init = result.initialized();
            var labelled = new ElectionInitialized(init.jointPublicKey(), init.extendedBaseHash(), init.guardians(),
                    Map.of("Created by", "Madang demo key ceremony", "Security", "INSECURE DEMO: the server held every guardian's secret"));
            e.initialize(JsonWriter.write(RecordJson.write(labelled)), ElectionCryptography.hex(init.extendedBaseHash()));
            audit.record(AuditLog.SYSTEM, "ceremony.demo", "election:" + e.id(), "H_E " + ElectionCryptography.hex(init.extendedBaseHash()));
        } catch (KeyCeremonyException ex) {
            throw new IllegalStateException("demo key ceremony failed", ex);
        }
    }

    @FunctionalInterface
    interface Decoder<T> {
        T decode(JsonValue json) throws RecordFormatException;
    }

    static <T> T parse(String body, Decoder<T> decoder) {
        try {
            return decoder.decode(JsonReader.parse(body, JsonReader.Limits.RECORD));
        } catch (JsonException | RecordFormatException ex) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "election.badMessage", truncate(ex.getMessage()));
        }
    }

    static GuardianAnnouncement announcement(Group group, String json) {
        return parse(json, j -> GuardianAnnouncement.fromJson(group, j));
    }

    static String truncate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private static ProblemException invalid(String key, Object... args) {
        return new ProblemException(ProblemType.UNPROCESSABLE, key, args);
    }
}
