package org.madang.election.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.madang.ballot.crypto.DiscreteLog;
import org.madang.ballot.decrypt.ChallengeResponses;
import org.madang.ballot.decrypt.CommitmentReveal;
import org.madang.ballot.decrypt.DecryptionBatch;
import org.madang.ballot.decrypt.DecryptionCoordinator;
import org.madang.ballot.decrypt.DecryptionException;
import org.madang.ballot.decrypt.PartialDecryptions;
import org.madang.ballot.json.JsonWriter;
import org.madang.election.entity.DecryptionMessage;
import org.madang.election.entity.DecryptionMessage.Round;
import org.madang.election.entity.Election;
import org.madang.election.entity.Election.State;
import org.madang.election.entity.Trustee;
import org.madang.platform.audit.control.AuditLog;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;

/**
 * The server's part in decryption with real trustees: trustees say they are present, the administrator fixes the
 * available set (at least the quorum; the missing ones are compensated by Lagrange weighting), and the three rounds
 * run through a {@link DecryptionCoordinator} rebuilt from the stored messages, so every message is checked against
 * all earlier ones and the relay survives restarts.
 */
@ApplicationScoped
public class Decryptions {

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    Elections elections;

    @Inject
    KeyCeremonies ceremonies;

    @Inject
    Tallies tallies;

    @Inject
    ElectionCryptography cryptography;

    @Inject
    AuditLog audit;

    /**
     * Batches by id: a batch's tally and challenged ballots never change once it has started, and trustees poll its
     * status every few seconds, so it is read from the board once.
     */
    private final Map<String, DecryptionBatch> batches = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_BATCHES = 32;

    /** Where a batch stands, with the coordinator replayed from the stored messages (null before the start). */
    public record Status(Election election, String round, DecryptionBatch batch, DecryptionCoordinator coordinator) {
    }

    @Transactional
    public void participate(UUID electionId, UUID accountId) {
        Election e = elections.locked(electionId);
        Trustee seat = ceremonies.requireSeat(electionId, accountId);
        Elections.requireState(e, State.TALLYING);
        if (!seat.participating()) {
            seat.participates();
            audit.record(accountId.toString(), "decryption.present", "election:" + electionId, seat.guardianId());
        }
    }

    @Transactional
    public void start(UUID electionId, UUID actor) {
        Election e = elections.locked(electionId);
        Elections.requireState(e, State.TALLYING);
        if (e.demoTrustees()) throw new ProblemException(ProblemType.CONFLICT, "election.demoHasNoTrustees");
        if (e.tallyJson() == null) throw new ProblemException(ProblemType.CONFLICT, "decryption.tallyRunning");
        if (e.decryptionBatch() != null) throw new ProblemException(ProblemType.CONFLICT, "decryption.started");
        List<Trustee> present = elections.trustees(electionId).stream().filter(Trustee::participating).toList();
        if (present.size() < e.quorum()) throw new ProblemException(ProblemType.CONFLICT, "decryption.belowQuorum", present.size(), e.quorum());
        // sorted by x: every partial decryption's commitment covers this list in this order
        String available = String.join(",", present.stream().map(t -> String.valueOf(t.xCoordinate())).sorted(
                (a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b))).toList());
        e.decryptionStarted(UUID.randomUUID().toString(), available);
        audit.record(actor.toString(), "decryption.started", "election:" + electionId, "guardians x = " + available);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Status status(UUID electionId) {
        return replay(elections.byId(electionId));
    }

    private Status replay(Election e) {
        if (e.resultJson() != null && !e.demoTrustees()) return new Status(e, "DONE", null, null);
        if (e.decryptionBatch() == null) return new Status(e, "WAITING", null, null);
        var crypto = cryptography.of(e);
        DecryptionBatch batch = batches.computeIfAbsent(e.decryptionBatch(),
                id -> DecryptionBatch.of(crypto.key(), Tallies.encryptedTally(crypto, e), tallies.challenged(crypto, e.id())));
        if (batches.size() > MAX_CACHED_BATCHES) batches.clear();
        List<Integer> xs = Arrays.stream(e.decryptionAvailable().split(",")).map(Integer::parseInt).toList();
        DecryptionCoordinator coordinator = new DecryptionCoordinator(crypto.key(), crypto.init(), e.quorum(), e.decryptionBatch(),
                batch.pads(), batch.challenges(), xs);
        try {
            for (DecryptionMessage m : messages(e)) {
                switch (m.round()) {
                    case PARTIAL -> coordinator.acceptPartial(PartialDecryptions.fromJson(crypto.group(), KeyCeremonies.parse(m.messageJson(), j -> j)));
                    case REVEAL -> coordinator.acceptReveal(CommitmentReveal.fromJson(crypto.group(), KeyCeremonies.parse(m.messageJson(), j -> j)));
                    case RESPOND -> coordinator.acceptResponses(ChallengeResponses.fromJson(crypto.group(), KeyCeremonies.parse(m.messageJson(), j -> j)));
                }
            }
        } catch (DecryptionException | org.madang.ballot.record.RecordFormatException ex) {
            throw new IllegalStateException("stored decryption messages of " + e.id() + " no longer replay", ex);
        }
        String round = coordinator.complete() ? "DONE" : coordinator.allReveals() ? "RESPOND" : coordinator.allPartials() ? "REVEAL" : "PARTIAL";
        return new Status(e, round, batch, coordinator);
    }

    private List<DecryptionMessage> messages(Election e) {
        List<DecryptionMessage> all = new ArrayList<>(em.createQuery(
                        "SELECT m FROM DecryptionMessage m WHERE m.electionId = :e AND m.batchId = :b", DecryptionMessage.class)
                .setParameter("e", e.id()).setParameter("b", e.decryptionBatch()).getResultList());
        all.sort((a, b) -> a.round() != b.round() ? a.round().compareTo(b.round()) : a.guardianId().compareTo(b.guardianId()));
        return all;
    }

    /** Accepts one trustee message of the current round; the last response completes the decryption. */
    @Transactional
    public void accept(UUID electionId, UUID accountId, Round round, String body) {
        Election e = elections.locked(electionId);
        Trustee seat = ceremonies.requireSeat(electionId, accountId);
        Elections.requireState(e, State.TALLYING);
        Status status = replay(e);
        if (status.coordinator() == null) throw new ProblemException(ProblemType.CONFLICT, "decryption.notStarted");
        var group = ElectionCryptography.group(e.groupName());
        String canonical;
        try {
            switch (round) {
                case PARTIAL -> {
                    PartialDecryptions p = KeyCeremonies.parse(body, j -> PartialDecryptions.fromJson(group, j));
                    requireSender(seat, p.guardianId());
                    status.coordinator().acceptPartial(p);
                    canonical = JsonWriter.write(p.toJson());
                }
                case REVEAL -> {
                    CommitmentReveal r = KeyCeremonies.parse(body, j -> CommitmentReveal.fromJson(group, j));
                    requireSender(seat, r.guardianId());
                    status.coordinator().acceptReveal(r);
                    canonical = JsonWriter.write(r.toJson());
                }
                default -> {
                    ChallengeResponses r = KeyCeremonies.parse(body, j -> ChallengeResponses.fromJson(group, j));
                    requireSender(seat, r.guardianId());
                    status.coordinator().acceptResponses(r);
                    canonical = JsonWriter.write(r.toJson());
                }
            }
        } catch (DecryptionException ex) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "decryption.refused", KeyCeremonies.truncate(ex.getMessage()));
        }
        var key = new DecryptionMessage.Key(electionId, e.decryptionBatch(), round.name(), seat.guardianId());
        if (em.find(DecryptionMessage.class, key) != null) return; // the same message again: the coordinator accepted it as identical
        em.persist(new DecryptionMessage(electionId, e.decryptionBatch(), round, seat.guardianId(), canonical));
        audit.record(accountId.toString(), "decryption." + round.name().toLowerCase(), "election:" + electionId, seat.guardianId());
        if (status.coordinator().complete()) {
            var crypto = cryptography.of(e);
            var results = status.coordinator().result();
            DiscreteLog dlog = new DiscreteLog(crypto.key().publicKey(), (int) Math.max(1000, e.tallyTotal() + 1));
            e.decrypted(Tallies.result(status.batch().tally(results, dlog, Tallies.ballotsPerContest(e)),
                    status.batch().challengedBallots(results, new DiscreteLog(crypto.key().publicKey(), 10))));
            audit.record(AuditLog.SYSTEM, "election.decrypted", "election:" + electionId, "by guardians x = " + e.decryptionAvailable());
        }
    }

    private static void requireSender(Trustee seat, String guardianId) {
        if (!seat.guardianId().equals(guardianId)) throw new ProblemException(ProblemType.UNPROCESSABLE, "ceremony.notYourSeat", seat.guardianId(), seat.xCoordinate());
    }
}
