package org.madang.consultation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.madang.consultation.entity.Answer;
import org.madang.consultation.entity.Article;
import org.madang.consultation.entity.Comment;
import org.madang.consultation.entity.Consultation;
import org.madang.consultation.entity.Consultation.State;
import org.madang.consultation.entity.Reaction;
import org.madang.platform.account.control.Accounts;
import org.madang.platform.audit.control.AuditLog;
import org.madang.platform.auth.SignedInCaller;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;
import org.madang.platform.mail.control.MailOutbox;
import org.madang.platform.moderation.control.Moderation;

/** Citizens' comments on a consultation, their agreement with each other, and the office's answers. */
@ApplicationScoped
public class Comments {

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    Consultations consultations;

    @Inject
    AuditLog audit;

    @Inject
    MailOutbox outbox;

    @Inject
    Accounts accounts;

    @Inject
    Moderation moderation;

    @Inject
    CommentIndexing indexing;

    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "madang.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    Clock clock = Clock.systemUTC();

    /** What a commenter sends: where the comment points (whole draft, article, passage) and what it says. */
    public record Draft(UUID articleId, Integer start, Integer end, String quote, String body, String proposedText) {
    }

    public record Counts(long agree, long disagree) {
    }

    @Transactional
    public Comment add(UUID consultationId, Draft draft, UUID author) {
        Consultation c = consultations.locked(consultationId);
        if (!c.acceptsInputAt(clock.instant())) {
            throw new ProblemException(ProblemType.CONFLICT, "consultation.notTakingComments", c.state());
        }
        moderation.suspendedUntil(author).ifPresent(until -> {
            throw new ProblemException(ProblemType.FORBIDDEN, "forum.suspended", until.toString());
        });
        Comment.Target target = target(consultationId, draft);
        if (draft.proposedText() != null && draft.articleId() == null) {
            throw ProblemException.invalid("proposedText", "consultation.proposalNeedsArticle");
        }
        long seq = em.createQuery("SELECT COALESCE(MAX(c.seq), 0) FROM Comment c WHERE c.consultationId = :c", Long.class)
                .setParameter("c", consultationId).getSingleResult() + 1;
        Comment comment = new Comment(consultationId, seq, target, draft.body(), draft.proposedText(), author, clock.instant());
        em.persist(comment);
        indexing.changed(comment);
        return comment;
    }

    /** Moderation's hide or restore, kept in the search index too. */
    @Transactional
    public void moderate(UUID commentId, boolean hidden) {
        Comment comment = em.find(Comment.class, commentId);
        if (comment == null) throw ProblemException.notFound("comment");
        comment.hide(hidden);
        indexing.changed(comment);
    }

    /** Checks a passage's offsets against the article text: the quote must be exactly the characters between them. */
    private Comment.Target target(UUID consultationId, Draft d) {
        if (d.articleId() == null) {
            if (d.start() != null || d.end() != null || d.quote() != null) throw ProblemException.invalid("articleId", "consultation.passageNeedsArticle");
            return Comment.Target.WHOLE;
        }
        Article article = em.find(Article.class, d.articleId());
        if (article == null || !article.consultationId().equals(consultationId)) {
            throw ProblemException.invalid("articleId", "consultation.noSuchArticle");
        }
        if (d.start() == null && d.end() == null && d.quote() == null) return new Comment.Target(article.id(), null, null, null);
        if (d.start() == null || d.end() == null || d.quote() == null) throw ProblemException.invalid("quote", "consultation.passageIncomplete");
        String body = article.body();
        if (d.start() < 0 || d.end() <= d.start() || d.end() > body.length()) throw ProblemException.invalid("end", "consultation.passageOutside");
        if (!body.substring(d.start(), d.end()).equals(d.quote())) throw ProblemException.invalid("quote", "consultation.passageMismatch");
        return new Comment.Target(article.id(), d.start(), d.end(), d.quote());
    }

    /** A page of visible comments after the cursor (the last seq seen), oldest first; optionally of one article. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Comment> page(UUID consultationId, UUID articleId, long after, int limit) {
        var query = em.createQuery("SELECT c FROM Comment c WHERE c.consultationId = :c AND c.hidden = FALSE AND c.seq > :after"
                        + (articleId == null ? "" : " AND c.articleId = :a") + " ORDER BY c.seq", Comment.class)
                .setParameter("c", consultationId).setParameter("after", after);
        if (articleId != null) query.setParameter("a", articleId);
        return query.setMaxResults(limit).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Comment> all(UUID consultationId) {
        return em.createQuery("SELECT c FROM Comment c WHERE c.consultationId = :c AND c.hidden = FALSE ORDER BY c.seq", Comment.class)
                .setParameter("c", consultationId).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Comment byId(UUID consultationId, UUID id) {
        Comment c = id == null ? null : em.find(Comment.class, id);
        if (c == null || !c.consultationId().equals(consultationId) || c.hidden()) throw ProblemException.notFound("comment");
        return c;
    }

    /** Agree or disagree with someone else's comment; a second reaction replaces the first. */
    @Transactional
    public Counts react(UUID consultationId, UUID commentId, boolean agree, UUID account) {
        Consultation c = consultations.byId(consultationId);
        if (!c.acceptsInputAt(clock.instant())) {
            throw new ProblemException(ProblemType.CONFLICT, "consultation.notTakingComments", c.state());
        }
        Comment comment = byId(consultationId, commentId);
        if (comment.authorId().equals(account)) throw new ProblemException(ProblemType.CONFLICT, "consultation.ownComment");
        var existing = em.createQuery("SELECT r FROM CommentReaction r WHERE r.commentId = :c AND r.accountId = :a", Reaction.class)
                .setParameter("c", commentId).setParameter("a", account).getResultList();
        if (existing.isEmpty()) em.persist(new Reaction(commentId, account, agree));
        else existing.get(0).agree(agree);
        em.flush();
        return counts(List.of(commentId)).getOrDefault(commentId, new Counts(0, 0));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, Counts> counts(List<UUID> commentIds) {
        Map<UUID, Counts> out = new HashMap<>();
        if (commentIds.isEmpty()) return out;
        List<Object[]> rows = em.createQuery("SELECT r.commentId, r.agree, COUNT(r) FROM CommentReaction r WHERE r.commentId IN :ids GROUP BY r.commentId, r.agree", Object[].class)
                .setParameter("ids", commentIds).getResultList();
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            long n = ((Number) row[2]).longValue();
            Counts old = out.getOrDefault(id, new Counts(0, 0));
            out.put(id, Boolean.TRUE.equals(row[1]) ? new Counts(n, old.disagree()) : new Counts(old.agree(), n));
        }
        return out;
    }

    /**
     * Answers one comment, or several the office merges as duplicates, with a decision and its reason. A comment
     * answered before is answered anew (the answer may be corrected until the consultation is RESPONDED).
     */
    @Transactional
    public Answer answer(UUID consultationId, List<UUID> commentIds, Answer.Decision decision, String reason, SignedInCaller caller) {
        Consultation c = consultations.locked(consultationId);
        Consultations.requireOfficial(caller, c);
        Consultations.requireState(c, State.CLOSED);
        Set<UUID> ids = new LinkedHashSet<>(commentIds);
        List<Comment> comments = new ArrayList<>();
        int i = 0;
        for (UUID id : ids) {
            Comment comment = id == null ? null : em.find(Comment.class, id);
            if (comment == null || !comment.consultationId().equals(consultationId)) {
                throw ProblemException.invalid("commentIds[" + i + "]", "consultation.noSuchComment");
            }
            comments.add(comment);
            i++;
        }
        Answer answer = new Answer(consultationId, decision, reason, caller.accountId(), clock.instant());
        em.persist(answer);
        em.flush();
        for (Comment comment : comments) comment.answeredBy(answer.id());
        audit.record(caller.accountId().toString(), "consultation.answer", "consultation:" + consultationId,
                decision + " for comments " + comments.stream().map(x -> "#" + x.seq()).toList());
        return answer;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, Answer> answers(UUID consultationId) {
        Map<UUID, Answer> out = new HashMap<>();
        em.createQuery("SELECT a FROM Answer a WHERE a.consultationId = :c", Answer.class).setParameter("c", consultationId)
                .getResultList().forEach(a -> out.put(a.id(), a));
        return out;
    }

    /** Tells every commenter, once per person, that the office has answered (called when the consultation is RESPONDED). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int notifyCommenters(Consultation c) {
        var authors = em.createQuery("SELECT DISTINCT c.authorId FROM Comment c WHERE c.consultationId = :c AND c.hidden = FALSE", UUID.class)
                .setParameter("c", c.id()).getResultList();
        String link = publicUrl + "/consultations/report.html?id=" + c.id();
        int sent = 0;
        for (UUID author : authors) {
            outbox.enqueue(accounts.byId(author).email(), "[마당] 의견에 대한 답변: " + c.title(),
                    "'" + c.title() + "'에 남기신 의견에 대한 부처의 답변이 공개되었습니다.\n"
                            + "The ministry has answered your comments on \"" + c.title() + "\".\n\n" + link + "\n");
            sent++;
        }
        return sent;
    }
}
