package org.madang.consultation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.madang.consultation.entity.Article;
import org.madang.consultation.entity.Consultation;
import org.madang.consultation.entity.Consultation.Kind;
import org.madang.consultation.entity.Consultation.State;
import org.madang.platform.audit.control.AuditLog;
import org.madang.platform.auth.Role;
import org.madang.platform.auth.SignedInCaller;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;

/** Consultations and their lifecycle: drafting, approval, closing, withdrawal and the final response. */
@ApplicationScoped
public class Consultations {

    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Comments comments;

    @Inject
    @ConfigProperty(name = "madang.consultation.notice-days.law", defaultValue = "40")
    int lawNoticeDays;

    @Inject
    @ConfigProperty(name = "madang.consultation.notice-days.presidential-decree", defaultValue = "40")
    int decreeNoticeDays;

    @Inject
    @ConfigProperty(name = "madang.consultation.notice-days.administrative-rule", defaultValue = "20")
    int ruleNoticeDays;

    @Inject
    @ConfigProperty(name = "madang.consultation.notice-days.policy", defaultValue = "14")
    int policyNoticeDays;

    Clock clock = Clock.systemUTC();

    public record ArticleText(String label, String heading, String body) {
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    public Instant now() {
        return clock.instant();
    }

    /** The legal minimum notice for a kind, counted in days from opening to closing. */
    public Duration minimumNotice(Kind kind) {
        return Duration.ofDays(switch (kind) {
            case LAW -> lawNoticeDays;
            case PRESIDENTIAL_DECREE -> decreeNoticeDays;
            case ADMINISTRATIVE_RULE -> ruleNoticeDays;
            case POLICY -> policyNoticeDays;
        });
    }

    /** Published consultations for everyone; drafts too for the staff of the drafting organisation. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Consultation> list(SignedInCaller caller, State state, int page, int size) {
        List<String> mine = caller == null ? List.of() : staffOrganisations(caller);
        String where = " WHERE (c.state <> :draft" + (mine.isEmpty() ? "" : " OR c.organisationId IN :mine") + ")"
                + (state == null ? "" : " AND c.state = :state");
        var query = em.createQuery("SELECT c FROM Consultation c" + where + " ORDER BY c.opensAt DESC, c.id", Consultation.class);
        var count = em.createQuery("SELECT COUNT(c) FROM Consultation c" + where, Long.class);
        for (var q : List.of(query, count)) {
            q.setParameter("draft", State.DRAFT);
            if (!mine.isEmpty()) q.setParameter("mine", mine.stream().map(UUID::fromString).toList());
            if (state != null) q.setParameter("state", state);
        }
        return new Page<>(query.setFirstResult(page * size).setMaxResults(size).getResultList(), page, size, count.getSingleResult());
    }

    private static List<String> staffOrganisations(SignedInCaller caller) {
        var all = new java.util.ArrayList<String>(caller.organisationRoles().getOrDefault(Role.OFFICIAL.name(), List.of()));
        all.addAll(caller.organisationRoles().getOrDefault(Role.ORG_ADMIN.name(), List.of()));
        return all;
    }

    /** True when the caller is an official or organisation administrator of the consultation's organisation. */
    public static boolean isStaffOf(SignedInCaller caller, Consultation c) {
        return caller != null && (caller.has(Role.OFFICIAL, c.organisationId()) || caller.has(Role.ORG_ADMIN, c.organisationId()));
    }

    public static void requireOfficial(SignedInCaller caller, Consultation c) {
        if (caller == null || !caller.has(Role.OFFICIAL, c.organisationId())) throw ProblemException.forbidden();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Consultation visible(UUID id, SignedInCaller caller) {
        Consultation c = byId(id);
        if (c.state() == State.DRAFT && !isStaffOf(caller, c)) throw ProblemException.notFound("consultation");
        return c;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Consultation byId(UUID id) {
        Consultation c = id == null ? null : em.find(Consultation.class, id);
        if (c == null) throw ProblemException.notFound("consultation");
        return c;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Consultation locked(UUID id) {
        Consultation c = id == null ? null : em.find(Consultation.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) throw ProblemException.notFound("consultation");
        return c;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Article> articles(UUID consultationId) {
        return em.createQuery("SELECT a FROM Article a WHERE a.consultationId = :c ORDER BY a.position", Article.class)
                .setParameter("c", consultationId).getResultList();
    }

    @Transactional
    public Consultation create(UUID organisationId, Consultation.Settings settings, List<ArticleText> articles, SignedInCaller caller) {
        if (!caller.has(Role.OFFICIAL, organisationId)) throw ProblemException.forbidden();
        check(settings);
        Consultation c = new Consultation(organisationId, settings, RANDOM.nextLong(), caller.accountId(), clock.instant());
        em.persist(c);
        em.flush(); // articles refer to it by id only, so it must be written before them
        replaceArticles(c, articles);
        audit.record(caller.accountId().toString(), "consultation.created", "consultation:" + c.id(), settings.title());
        return c;
    }

    @Transactional
    public Consultation update(UUID id, Consultation.Settings settings, List<ArticleText> articles, int expectedVersion,
                               SignedInCaller caller) {
        Consultation c = locked(id);
        requireOfficial(caller, c);
        if (c.version() != expectedVersion) throw new OptimisticLockException();
        requireState(c, State.DRAFT);
        check(settings);
        c.change(settings);
        em.createQuery("DELETE FROM Article a WHERE a.consultationId = :c").setParameter("c", id).executeUpdate();
        replaceArticles(c, articles);
        audit.record(caller.accountId().toString(), "consultation.updated", "consultation:" + id, settings.title());
        em.flush();
        return c;
    }

    private void replaceArticles(Consultation c, List<ArticleText> articles) {
        for (int i = 0; i < articles.size(); i++) {
            ArticleText a = articles.get(i);
            em.persist(new Article(c.id(), i + 1, a.label(), a.heading(), a.body()));
        }
    }

    private static void check(Consultation.Settings s) {
        if (!s.closesAt().isAfter(s.opensAt())) throw ProblemException.invalid("closesAt", "consultation.closesBeforeOpening");
    }

    /**
     * Moves the consultation. Publication (→ OPEN) is the organisation administrator's approval and must respect the
     * minimum notice for the kind unless a reason is given; the final response needs every comment answered.
     */
    @Transactional
    public Consultation transition(UUID id, State next, int expectedVersion, String reason, SignedInCaller caller) {
        Consultation c = locked(id);
        boolean official = caller.has(Role.OFFICIAL, c.organisationId());
        boolean orgAdmin = caller.has(Role.ORG_ADMIN, c.organisationId());
        boolean allowed = switch (next) {
            case OPEN -> orgAdmin;
            case CLOSED, RESPONDED -> official;
            case WITHDRAWN -> official || orgAdmin;
            case DRAFT -> false;
        };
        if (!allowed) throw ProblemException.forbidden();
        if (c.version() != expectedVersion) throw new OptimisticLockException();
        if (!c.canMoveTo(next)) throw new ProblemException(ProblemType.CONFLICT, "consultation.transition", c.state(), next);
        Instant now = clock.instant();
        String detail = c.state() + " → " + next;
        switch (next) {
            case OPEN -> {
                if (!now.isBefore(c.closesAt())) throw conflict("consultation.closingPassed");
                long days = minimumNotice(c.kind()).toDays();
                Instant from = c.opensAt().isAfter(now) ? c.opensAt() : now;
                if (Duration.between(from, c.closesAt()).compareTo(minimumNotice(c.kind())) < 0) {
                    if (reason == null || reason.isBlank()) {
                        throw ProblemException.invalid("reason", "consultation.noticeTooShort", days);
                    }
                    c.shortNoticeReason(reason.strip());
                    detail += "; notice shorter than " + days + " days: " + reason.strip();
                }
            }
            case CLOSED -> {
                if (now.isBefore(c.closesAt())) throw conflict("consultation.notYetClosing");
            }
            case RESPONDED -> {
                long unanswered = unanswered(id);
                if (unanswered > 0) throw new ProblemException(ProblemType.CONFLICT, "consultation.unanswered", unanswered);
            }
            default -> {
            }
        }
        c.moveTo(next);
        if (next == State.RESPONDED) detail += "; " + comments.notifyCommenters(c) + " commenters notified";
        audit.record(caller.getName(), "consultation.state", "consultation:" + id, detail);
        em.flush();
        return c;
    }

    /** Closes every published consultation whose closing time has passed; returns how many. */
    @Transactional
    public int closeDue() {
        Instant now = clock.instant();
        var due = em.createQuery("SELECT c.id FROM Consultation c WHERE c.state = :open AND c.closesAt <= :now", UUID.class)
                .setParameter("open", State.OPEN).setParameter("now", now).getResultList();
        for (UUID id : due) {
            Consultation c = locked(id);
            if (c.state() != State.OPEN) continue;
            c.moveTo(State.CLOSED);
            audit.record(AuditLog.SYSTEM, "consultation.state", "consultation:" + id, "OPEN → CLOSED (closing time)");
        }
        return due.size();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long unanswered(UUID id) {
        return em.createQuery("SELECT COUNT(c) FROM Comment c WHERE c.consultationId = :c AND c.answerId IS NULL AND c.hidden = FALSE", Long.class)
                .setParameter("c", id).getSingleResult();
    }

    static void requireState(Consultation c, State... allowed) {
        for (State s : allowed) if (c.state() == s) return;
        throw new ProblemException(ProblemType.CONFLICT, "consultation.wrongState", c.state());
    }

    private static ProblemException conflict(String key) {
        return new ProblemException(ProblemType.CONFLICT, key);
    }
}
