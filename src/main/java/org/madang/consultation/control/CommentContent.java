package org.madang.consultation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;
import org.madang.consultation.entity.Comment;
import org.madang.platform.moderation.control.ModeratedContent;
import org.madang.platform.text.PlainText;

/**
 * Consultation comments as moderation sees them. A comment has no separate "removed" state: hidden and removed
 * comments both leave the public list, the answering duty and search; the decision tells the author which it was.
 */
@ApplicationScoped
public class CommentContent implements ModeratedContent {

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    Comments comments;

    @Override
    public String kind() { return Comment.CONTENT_KIND; }

    @Override
    public Optional<Subject> describe(UUID id) {
        Comment comment = id == null ? null : em.find(Comment.class, id);
        if (comment == null) return Optional.empty();
        return Optional.of(new Subject(comment.authorId(), PlainText.excerpt(comment.body(), 500),
                "/consultations/consultation.html?id=" + comment.consultationId() + "#comment-" + comment.id(), !comment.hidden()));
    }

    @Override
    public void hide(UUID id) { comments.moderate(id, true); }

    @Override
    public void restore(UUID id) { comments.moderate(id, false); }

    @Override
    public void remove(UUID id) { comments.moderate(id, true); }
}
