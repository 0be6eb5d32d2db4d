package org.madang.forum.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.stream.Stream;
import org.madang.forum.entity.Post;
import org.madang.platform.search.SearchDocument;
import org.madang.platform.search.SearchIndex;
import org.madang.platform.text.PlainText;

/**
 * Keeps the search index current on every change of a post: threads as "forum-thread" (title and text), replies as
 * "forum-post". A hidden, removed or deleted post is put as invisible, which takes it out of search.
 */
@ApplicationScoped
public class ForumIndexing {

    public static final String THREADS = "forum-thread", POSTS = "forum-post";
    static final int BODY_CHARS = 20_000;

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    SearchIndex index;

    void changed(Post post) {
        index.put(document(post));
    }

    static SearchDocument document(Post post) {
        boolean visible = post.state() == Post.State.VISIBLE && !post.deleted();
        return new SearchDocument(post.isThread() ? THREADS : POSTS, post.id().toString(),
                visible && post.isThread() ? post.title() : "", visible ? PlainText.excerpt(post.bodyMarkdown(), BODY_CHARS) : "",
                post.forumId().toString(), post.createdAt(), visible);
    }

    /** Every visible post of one kind, streamed from the database for a rebuild. */
    Stream<SearchDocument> all(boolean threads) {
        return em.createQuery("SELECT p FROM Post p WHERE p.depth " + (threads ? "= 0" : "> 0")
                        + " AND p.state = :visible AND p.deleted = FALSE ORDER BY p.createdAt", Post.class)
                .setParameter("visible", Post.State.VISIBLE).getResultStream().map(ForumIndexing::document);
    }
}
