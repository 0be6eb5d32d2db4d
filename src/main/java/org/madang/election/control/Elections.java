package org.madang.election.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.madang.ballot.hash.ElectionHashes;
import org.madang.election.entity.Election;
import org.madang.election.entity.Election.State;
import org.madang.election.entity.Trustee;
import org.madang.platform.account.control.Accounts;
import org.madang.platform.audit.control.AuditLog;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;

/** Elections and their lifecycle: settings, ballot definition, trustees, and every move between states. */
@ApplicationScoped
public class Elections {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final Jsonb JSONB = JsonbBuilder.create();

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Accounts accounts;

    @Inject
    KeyCeremonies ceremonies;

    @Inject
    ElectionRecords records;

    Clock clock = Clock.systemUTC();

    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Election> list(boolean includeDrafts, int page, int size) {
        String where = includeDrafts ? "" : " WHERE e.state <> :draft";
        var query = em.createQuery("SELECT e FROM Election e" + where + " ORDER BY e.opensAt DESC, e.id", Election.class);
        var count = em.createQuery("SELECT COUNT(e) FROM Election e" + where, Long.class);
        if (!includeDrafts) {
            query.setParameter("draft", State.DRAFT);
            count.setParameter("draft", State.DRAFT);
        }
        return new Page<>(query.setFirstResult(page * size).setMaxResults(size).getResultList(), page, size,
                count.getSingleResult());
    }

    /** An election the caller may see: drafts only for election staff. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Election visible(UUID id, boolean staff) {
        Election e = byId(id);
        if (e.state() == State.DRAFT && !staff) throw ProblemException.notFound("election");
        return e;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Election byId(UUID id) {
        Election e = id == null ? null : em.find(Election.class, id);
        if (e == null) throw ProblemException.notFound("election");
        return e;
    }

    /** The election with its row locked for the rest of the transaction: every state change and board append goes through here. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Election locked(UUID id) {
        Election e = id == null ? null : em.find(Election.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (e == null) throw ProblemException.notFound("election");
        return e;
    }

    @Transactional
    public Election create(Election.Settings settings, UUID actor) {
        check(settings);
        Election e = new Election(settings, actor, clock.instant());
        em.persist(e);
        audit.record(actor.toString(), "election.created", "election:" + e.id(), settings.titleKo() + " / " + settings.titleEn());
        return e;
    }

    @Transactional
    public Election update(UUID id, Election.Settings settings, int expectedVersion, UUID actor) {
        Election e = locked(id);
        if (e.version() != expectedVersion) throw new OptimisticLockException();
        requireState(e, State.DRAFT);
        check(settings);
        e.change(settings);
        audit.record(actor.toString(), "election.updated", "election:" + id, settings.titleKo() + " / " + settings.titleEn());
        em.flush();
        return e;
    }

    private static void check(Election.Settings s) {
        if (!s.closesAt().isAfter(s.opensAt())) throw ProblemException.invalid("closesAt", "election.closesBeforeOpening");
        if (s.quorum() > s.guardians()) throw ProblemException.invalid("quorum", "election.quorumAboveGuardians");
        ElectionCryptography.group(s.groupName()); // validated by the resource already; fails loudly otherwise
    }

    @Transactional
    public ManifestForm defineManifest(UUID id, ManifestForm form, UUID actor) {
        Election e = locked(id);
        requireState(e, State.DRAFT);
        var problems = form.problems();
        if (!problems.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, problems, "validation.fields");
        }
        byte[] manifest = form.toElectionGuardManifest("madang-" + e.id(), e.opensAt().atZone(SEOUL).toOffsetDateTime().toString(),
                e.closesAt().atZone(SEOUL).toOffsetDateTime().toString());
        var hp = ElectionCryptography.parameterBaseHash(ElectionCryptography.group(e.groupName()));
        String hash = ElectionCryptography.hex(ElectionHashes.manifestHash(hp, manifest));
        e.defineManifest(JSONB.toJson(form), new String(manifest, StandardCharsets.UTF_8), hash);
        audit.record(actor.toString(), "election.manifest", "election:" + id, "H_M " + hash);
        return form;
    }

    public static ManifestForm form(Election e) {
        return e.manifestForm() == null ? null : JSONB.fromJson(e.manifestForm(), ManifestForm.class);
    }

    @Transactional
    public List<Trustee> assignTrustees(UUID id, List<String> emails, UUID actor) {
        Election e = locked(id);
        requireState(e, State.DRAFT);
        if (e.demoTrustees()) throw new ProblemException(ProblemType.CONFLICT, "election.demoHasNoTrustees");
        if (emails.size() != e.guardians()) throw ProblemException.invalid("trustees", "election.trusteeCount", e.guardians());
        List<UUID> accountIds = new ArrayList<>();
        for (int i = 0; i < emails.size(); i++) {
            var account = accounts.byEmail(emails.get(i));
            if (account.isEmpty()) throw ProblemException.invalid("trustees[" + i + "].email", "election.noSuchAccount");
            if (accountIds.contains(account.get().id())) throw ProblemException.invalid("trustees[" + i + "].email", "election.trusteeTwice");
            accountIds.add(account.get().id());
        }
        em.createQuery("DELETE FROM Trustee t WHERE t.electionId = :e").setParameter("e", id).executeUpdate();
        List<Trustee> trustees = new ArrayList<>();
        for (int i = 0; i < accountIds.size(); i++) {
            Trustee t = new Trustee(id, i + 1, accountIds.get(i));
            em.persist(t);
            trustees.add(t);
        }
        audit.record(actor.toString(), "election.trustees", "election:" + id, String.join(", ", emails));
        return trustees;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Trustee> trustees(UUID id) {
        return em.createQuery("SELECT t FROM Trustee t WHERE t.electionId = :e ORDER BY t.xCoordinate", Trustee.class)
                .setParameter("e", id).getResultList();
    }

    /** Moves the election to {@code next} if the lifecycle and the election's readiness allow it. */
    @Transactional
    public Election transition(UUID id, State next, int expectedVersion, UUID actor) {
        Election e = locked(id);
        if (e.version() != expectedVersion) throw new OptimisticLockException();
        if (!e.canMoveTo(next)) {
            throw new ProblemException(ProblemType.CONFLICT, "election.transition", e.state(), next);
        }
        switch (next) {
            case KEY_CEREMONY -> {
                if (e.manifestJson() == null) throw conflict("election.noManifest");
                if (!e.demoTrustees() && trustees(id).size() != e.guardians()) throw conflict("election.noTrustees");
                e.configure(ElectionCryptography.write(ElectionCryptography.config(e)));
            }
            case READY -> {
                if (e.initializedJson() == null) throw conflict("election.ceremonyIncomplete");
            }
            case OPEN -> {
                long voters = em.createQuery("SELECT COUNT(v) FROM Voter v WHERE v.electionId = :e", Long.class)
                        .setParameter("e", id).getSingleResult();
                if (voters == 0) throw conflict("election.emptyRoll");
                if (!clock.instant().isBefore(e.closesAt())) throw conflict("election.closingPassed");
                ReceiptSigner.KeyPair key = ReceiptSigner.generate(e.id());
                e.receiptKey(key.privateJwk(), key.publicJwk());
            }
            case DECRYPTED -> {
                if (e.resultJson() == null) throw conflict("election.notDecrypted");
            }
            default -> {
            }
        }
        State from = e.state();
        e.moveTo(next);
        audit.record(actor.toString(), "election.state", "election:" + id, from + " → " + next);
        em.flush();
        // the tally itself is done by the TallyWorker, which also survives restarts
        switch (next) {
            case KEY_CEREMONY -> { if (e.demoTrustees()) ceremonies.runDemoCeremony(e); }
            case PUBLISHED -> records.publish(e);
            default -> {
            }
        }
        return e;
    }

    static void requireState(Election e, State... allowed) {
        for (State s : allowed) if (e.state() == s) return;
        throw new ProblemException(ProblemType.CONFLICT, "election.wrongState", e.state());
    }

    private static ProblemException conflict(String key) {
        return new ProblemException(ProblemType.CONFLICT, key);
    }
}
