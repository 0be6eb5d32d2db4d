package org.madang.consultation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.stream.Stream;
import org.madang.consultation.entity.Comment;
import org.madang.platform.search.SearchDocument;
import org.madang.platform.search.SearchIndex;
import org.madang.platform.search.SearchSource;
import org.madang.platform.text.PlainText;

/**
 * Consultation comments in the search index ("consultation-comment", scoped by consultation): kept current on every
 * change, and the source of a rebuild. A hidden comment is put as invisible, which takes it out of search.
 */
@ApplicationScoped
public class CommentIndexing implements SearchSource {

    static final int BODY_CHARS = 20_000;

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    SearchIndex index;

    void changed(Comment comment) {
        index.put(document(comment));
    }

    static SearchDocument document(Comment comment) {
        boolean visible = !comment.hidden();
        String text = comment.proposedText() == null ? comment.body() : comment.body() + "\n\n" + comment.proposedText();
        return new SearchDocument(Comment.CONTENT_KIND, comment.id().toString(), "", visible ? PlainText.excerpt(text, BODY_CHARS) : "",
                comment.consultationId().toString(), comment.createdAt(), visible);
    }

    @Override
    public String kind() { return Comment.CONTENT_KIND; }

    @Override
    public Stream<SearchDocument> all() {
        return em.createQuery("SELECT c FROM Comment c WHERE c.hidden = FALSE ORDER BY c.createdAt", Comment.class)
                .getResultStream().map(CommentIndexing::document);
    }
}
