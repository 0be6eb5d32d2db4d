package org.madang.consultation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.madang.consultation.entity.Comment;
import org.madang.consultation.entity.Consultation;
import org.madang.consultation.entity.Reaction;
import org.madang.consultation.entity.Statement;
import org.madang.consultation.entity.Vote;
import org.madang.platform.personaldata.PersonalDataField;
import org.madang.platform.personaldata.PersonalDataHolder;
import org.madang.platform.personaldata.Pseudonym;

/**
 * A person's consultation comments, statements, votes (kept under a per-consultation pseudonym) and agreement with
 * others' comments. Comments and statements never show their author's name, so pseudonymising changes nothing;
 * removing contributions takes their text out of the record (the office's answers to them stay).
 */
@ApplicationScoped
public class ConsultationPersonalData implements PersonalDataHolder {

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    CommentIndexing indexing;

    @Inject
    Statements statements;

    @Override
    public String section() { return "consultations"; }

    @Override
    public List<PersonalDataField> fields() {
        return PersonalDataField.declaredIn(Comment.class, Statement.class);
    }

    @Override
    public JsonObject export(UUID accountId) {
        var comments = Json.createArrayBuilder();
        comments(accountId).forEach(c -> {
            var o = Json.createObjectBuilder().add("consultationId", c.consultationId().toString()).add("number", c.seq())
                    .add("text", c.body()).add("createdAt", c.createdAt().toString()).add("hidden", c.hidden());
            if (c.articleId() != null) o.add("articleId", c.articleId().toString());
            if (c.quote() != null) o.add("quote", c.quote());
            if (c.proposedText() != null) o.add("proposedText", c.proposedText());
            comments.add(o);
        });
        var written = Json.createArrayBuilder();
        statements(accountId).forEach(s -> written.add(Json.createObjectBuilder().add("consultationId", s.consultationId().toString())
                .add("number", s.seq()).add("text", s.text()).add("createdAt", s.createdAt().toString())));
        var votes = Json.createArrayBuilder();
        for (Consultation c : em.createQuery("SELECT c FROM Consultation c", Consultation.class).getResultList()) {
            em.createQuery("SELECT v FROM Vote v WHERE v.consultationId = :c AND v.participant = :p", Vote.class)
                    .setParameter("c", c.id()).setParameter("p", Statements.pseudonym(c, accountId)).getResultList()
                    .forEach(v -> votes.add(Json.createObjectBuilder().add("consultationId", c.id().toString())
                            .add("statementId", v.statementId().toString()).add("vote", v.vote()).add("votedAt", v.votedAt().toString())));
        }
        var reactions = Json.createArrayBuilder();
        em.createQuery("SELECT r FROM CommentReaction r WHERE r.accountId = :a", Reaction.class).setParameter("a", accountId)
                .getResultList().forEach(r -> reactions.add(Json.createObjectBuilder().add("commentId", r.commentId().toString())
                        .add("agree", r.agree())));
        return Json.createObjectBuilder().add("comments", comments).add("statements", written).add("votes", votes)
                .add("reactions", reactions).build();
    }

    @Override
    public void pseudonymise(UUID accountId, Pseudonym pseudonym) {
        // no author name is stored or shown with comments and statements
    }

    @Override
    public void erase(UUID accountId, boolean withContributions) {
        if (withContributions) {
            comments(accountId).forEach(c -> {
                c.erase();
                indexing.changed(c);
            });
            var changed = new HashSet<UUID>();
            statements(accountId).forEach(s -> {
                s.erase();
                changed.add(s.consultationId());
            });
            changed.forEach(statements::changed);
        }
        em.createQuery("DELETE FROM CommentReaction r WHERE r.accountId = :a").setParameter("a", accountId).executeUpdate();
    }

    private List<Comment> comments(UUID accountId) {
        return em.createQuery("SELECT c FROM Comment c WHERE c.authorId = :a ORDER BY c.createdAt", Comment.class)
                .setParameter("a", accountId).getResultList();
    }

    private List<Statement> statements(UUID accountId) {
        return em.createQuery("SELECT s FROM Statement s WHERE s.authorAccount = :a ORDER BY s.createdAt", Statement.class)
                .setParameter("a", accountId).getResultList();
    }
}
