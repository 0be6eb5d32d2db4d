package org.madang.platform.moderation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.madang.platform.audit.control.AuditLog;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;
import org.madang.platform.moderation.entity.Decision;
import org.madang.platform.moderation.entity.Decision.AppealOutcome;
import org.madang.platform.moderation.entity.Decision.Outcome;
import org.madang.platform.moderation.entity.Flag;
import org.madang.platform.moderation.entity.LogEntry;
import org.madang.platform.moderation.entity.ModerationCase;
import org.madang.platform.persistence.Cursor;

/**
 * The rules of moderation, the same for every kind of content: flags (one per person), hiding after enough distinct
 * flags, the queue, decisions with a reason the author sees, one appeal decided by another moderator, and the
 * public log that names roles and rules, never people.
 */
@ApplicationScoped
public class Moderation {

    /** The rule the platform applies when it hides content by itself. */
    public static final String FLAG_THRESHOLD_RULE = "FLAG_THRESHOLD";
    public static final String SYSTEM_ROLE = "SYSTEM", MODERATOR_ROLE = "MODERATOR";

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    @Any
    Instance<ModeratedContent> contents;

    @Inject
    @ConfigProperty(name = "madang.moderation.auto-hide-flags", defaultValue = "3")
    int autoHideFlags;

    Clock clock = Clock.systemUTC();

    public record Flagged(long distinctFlags, boolean hidden) {
    }

    public record QueueItem(ModerationCase moderationCase, ModeratedContent.Subject subject, List<Flag> flags) {
    }

    public record Page<T>(List<T> items, String nextCursor) {
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public ModeratedContent content(String kind) {
        return contents.stream().filter(c -> c.kind().equals(kind)).findFirst()
                .orElseThrow(() -> ProblemException.notFound(kind));
    }

    @Transactional
    public Flagged flag(String kind, UUID contentId, UUID flagger, Flag.Reason reason, String note) {
        ModeratedContent content = content(kind);
        var subject = content.describe(contentId).orElseThrow(() -> ProblemException.notFound(kind));
        if (subject.authorId().equals(flagger)) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "moderation.ownContent");
        }
        ModerationCase moderationCase = caseFor(kind, contentId, subject.authorId());
        boolean already = !em.createQuery("SELECT f.id FROM Flag f WHERE f.contentKind = :k AND f.contentId = :c AND f.flaggerId = :p")
                .setParameter("k", kind).setParameter("c", contentId).setParameter("p", flagger).getResultList().isEmpty();
        if (already) throw new ProblemException(ProblemType.CONFLICT, "moderation.alreadyFlagged");
        Instant now = now();
        em.persist(new Flag(kind, contentId, flagger, reason, note == null ? "" : note.strip(), now));
        moderationCase.reopen(now);
        em.flush();
        // flags count from the last decision on: a kept post is hidden again only by new people's flags
        Instant since = lastDecisionAt(moderationCase.id()).orElse(Instant.EPOCH);
        long distinct = em.createQuery("SELECT COUNT(f) FROM Flag f WHERE f.contentKind = :k AND f.contentId = :c AND f.flaggedAt > :since", Long.class)
                .setParameter("k", kind).setParameter("c", contentId).setParameter("since", since).getSingleResult();
        boolean hidden = !subject.visible();
        if (distinct >= autoHideFlags && subject.visible()) {
            content.hide(contentId);
            moderationCase.autoHidden();
            em.persist(new LogEntry(now, kind, contentId, "AUTO_HIDDEN", SYSTEM_ROLE, FLAG_THRESHOLD_RULE));
            hidden = true;
        }
        return new Flagged(distinct, hidden);
    }

    /** The content's case, locked: made on the first flag (concurrent first flags meet on the unique constraint). */
    private ModerationCase caseFor(String kind, UUID contentId, UUID authorId) {
        var found = em.createQuery("SELECT c FROM ModerationCase c WHERE c.contentKind = :k AND c.contentId = :c", ModerationCase.class)
                .setParameter("k", kind).setParameter("c", contentId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (!found.isEmpty()) return found.get(0);
        var created = new ModerationCase(kind, contentId, authorId, now());
        em.persist(created);
        em.flush();
        return created;
    }

    private Optional<Instant> lastDecisionAt(UUID caseId) {
        // latest by ORDER BY, not MAX(): an aggregate bypasses the Instant converter on PostgreSQL
        return em.createQuery("SELECT d.decidedAt FROM Decision d WHERE d.caseId = :c ORDER BY d.decidedAt DESC", Instant.class)
                .setParameter("c", caseId).setMaxResults(1).getResultList().stream().findFirst();
    }

    /** Pending cases, oldest first, each with its content and flags (reasons and notes, not who flagged). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<QueueItem> queue(String cursorText, int limit) {
        Cursor cursor = Cursor.decode(cursorText);
        String after = cursor == null ? "" : " AND (c.openedAt > :at OR (c.openedAt = :at AND c.id > :id))";
        var query = em.createQuery("SELECT c FROM ModerationCase c WHERE c.pending = TRUE" + after + " ORDER BY c.openedAt, c.id",
                ModerationCase.class);
        if (cursor != null) query.setParameter("at", Cursor.instant(cursor.key())).setParameter("id", cursor.id());
        var cases = query.setMaxResults(limit + 1).getResultList();
        boolean more = cases.size() > limit;
        if (more) cases = cases.subList(0, limit);
        var items = cases.stream().map(c -> new QueueItem(c,
                content(c.contentKind()).describe(c.contentId()).orElse(null), flags(c))).toList();
        String next = more ? new Cursor(Cursor.micros(cases.get(cases.size() - 1).openedAt()), cases.get(cases.size() - 1).id()).encode() : null;
        return new Page<>(items, next);
    }

    private List<Flag> flags(ModerationCase c) {
        return em.createQuery("SELECT f FROM Flag f WHERE f.contentKind = :k AND f.contentId = :c ORDER BY f.flaggedAt, f.id", Flag.class)
                .setParameter("k", c.contentKind()).setParameter("c", c.contentId()).getResultList();
    }

    @Transactional
    public Decision decide(UUID caseId, Outcome outcome, String rule, String reason, Integer suspendDays, UUID moderator) {
        ModerationCase moderationCase = caseId == null ? null : em.find(ModerationCase.class, caseId, LockModeType.PESSIMISTIC_WRITE);
        if (moderationCase == null) throw ProblemException.notFound("case");
        if (!moderationCase.pending()) throw new ProblemException(ProblemType.CONFLICT, "moderation.alreadyDecided");
        if (outcome == Outcome.SUSPEND_AUTHOR && (suspendDays == null || suspendDays < 1)) {
            throw ProblemException.invalid("suspendDays", "moderation.suspendDaysRequired");
        }
        Instant now = now();
        Instant until = outcome == Outcome.SUSPEND_AUTHOR ? now.plus(Duration.ofDays(suspendDays)) : null;
        var decision = new Decision(moderationCase, outcome, rule, reason.strip(), until, moderator, now);
        em.persist(decision);
        moderationCase.decided();
        ModeratedContent content = content(moderationCase.contentKind());
        UUID id = moderationCase.contentId();
        // a warning or suspension means the content broke a rule: it stays hidden (warn) or goes (suspend)
        String action = switch (outcome) {
            case KEEP -> { content.restore(id); yield "KEPT"; }
            case HIDE -> { content.hide(id); yield "HIDDEN"; }
            case REMOVE -> { content.remove(id); yield "REMOVED"; }
            case WARN_AUTHOR -> { content.hide(id); yield "HIDDEN_AUTHOR_WARNED"; }
            case SUSPEND_AUTHOR -> { content.remove(id); yield "REMOVED_AUTHOR_SUSPENDED"; }
        };
        em.persist(new LogEntry(now, moderationCase.contentKind(), id, action, MODERATOR_ROLE, rule));
        audit.record(moderator.toString(), "moderation.decide", moderationCase.contentKind() + ":" + id,
                outcome + " " + rule + (until == null ? "" : " until " + until));
        return decision;
    }

    /** The decisions about the person's own content, newest first, with the reasons they may read. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Decision> decisionsAbout(UUID authorId, int limit) {
        return em.createQuery("SELECT d FROM Decision d WHERE d.authorId = :a ORDER BY d.decidedAt DESC, d.id", Decision.class)
                .setParameter("a", authorId).setMaxResults(limit).getResultList();
    }

    @Transactional
    public Decision appeal(UUID decisionId, UUID author, String text) {
        Decision decision = decisionId == null ? null : em.find(Decision.class, decisionId, LockModeType.PESSIMISTIC_WRITE);
        if (decision == null || !decision.authorId().equals(author)) throw ProblemException.notFound("decision");
        if (decision.appealedAt() != null) throw new ProblemException(ProblemType.CONFLICT, "moderation.alreadyAppealed");
        if (decision.outcome() == Outcome.KEEP) throw new ProblemException(ProblemType.CONFLICT, "moderation.nothingToAppeal");
        decision.appeal(text.strip(), now());
        return decision;
    }

    /** Appeals waiting for a moderator, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Decision> pendingAppeals(int limit) {
        return em.createQuery("SELECT d FROM Decision d WHERE d.appealedAt IS NOT NULL AND d.appealOutcome IS NULL ORDER BY d.appealedAt, d.id",
                Decision.class).setMaxResults(limit).getResultList();
    }

    @Transactional
    public Decision decideAppeal(UUID decisionId, AppealOutcome result, String reason, UUID moderator) {
        Decision decision = decisionId == null ? null : em.find(Decision.class, decisionId, LockModeType.PESSIMISTIC_WRITE);
        if (decision == null) throw ProblemException.notFound("decision");
        if (decision.appealedAt() == null || decision.appealOutcome() != null) {
            throw new ProblemException(ProblemType.CONFLICT, "moderation.noOpenAppeal");
        }
        if (decision.decidedBy().equals(moderator)) throw new ProblemException(ProblemType.CONFLICT, "moderation.sameModerator");
        Instant now = now();
        decision.decideAppeal(result, reason.strip(), moderator, now);
        if (result == AppealOutcome.OVERTURNED) content(decision.contentKind()).restore(decision.contentId());
        em.persist(new LogEntry(now, decision.contentKind(), decision.contentId(),
                result == AppealOutcome.OVERTURNED ? "APPEAL_OVERTURNED_RESTORED" : "APPEAL_UPHELD", MODERATOR_ROLE, decision.ruleCode()));
        audit.record(moderator.toString(), "moderation.appeal", decision.contentKind() + ":" + decision.contentId(), result.name());
        return decision;
    }

    /** Until when the person may not post, if they are suspended now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Instant> suspendedUntil(UUID accountId) {
        Instant until = em.createQuery("SELECT d.suspendedUntil FROM Decision d WHERE d.authorId = :a AND d.outcome = :s"
                        + " ORDER BY d.suspendedUntil DESC", Instant.class)
                .setParameter("a", accountId).setParameter("s", Outcome.SUSPEND_AUTHOR).setMaxResults(1)
                .getResultList().stream().findFirst().orElse(null);
        return until != null && until.isAfter(clock.instant()) ? Optional.of(until) : Optional.empty();
    }

    /** The public log, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<LogEntry> log(String cursorText, int limit) {
        Cursor cursor = Cursor.decode(cursorText);
        String before = cursor == null ? "" : " WHERE (e.loggedAt < :at OR (e.loggedAt = :at AND e.id < :id))";
        var query = em.createQuery("SELECT e FROM LogEntry e" + before + " ORDER BY e.loggedAt DESC, e.id DESC", LogEntry.class);
        if (cursor != null) query.setParameter("at", Cursor.instant(cursor.key())).setParameter("id", cursor.id());
        var entries = query.setMaxResults(limit + 1).getResultList();
        boolean more = entries.size() > limit;
        if (more) entries = entries.subList(0, limit);
        var last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
        return new Page<>(entries, more ? new Cursor(Cursor.micros(last.loggedAt()), last.id()).encode() : null);
    }
}
