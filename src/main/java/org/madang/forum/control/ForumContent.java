package org.madang.forum.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;
import org.madang.forum.entity.Post;
import org.madang.platform.moderation.control.ModeratedContent;
import org.madang.platform.text.PlainText;

/** Forum posts as moderation sees them. */
@ApplicationScoped
public class ForumContent implements ModeratedContent {

    public static final String KIND = "forum-post";

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    Forums forums;

    @Override
    public String kind() { return KIND; }

    @Override
    public Optional<Subject> describe(UUID id) {
        Post post = id == null ? null : em.find(Post.class, id);
        if (post == null) return Optional.empty();
        String text = (post.title() == null ? "" : post.title() + "\n\n") + post.bodyMarkdown();
        return Optional.of(new Subject(post.authorId(), PlainText.excerpt(text, 500),
                "/forums/thread.html?id=" + post.threadId() + "#post-" + post.id(), post.state() == Post.State.VISIBLE));
    }

    @Override
    public void hide(UUID id) { forums.moderate(id, Post.State.HIDDEN); }

    @Override
    public void restore(UUID id) { forums.moderate(id, Post.State.VISIBLE); }

    @Override
    public void remove(UUID id) { forums.moderate(id, Post.State.REMOVED); }
}
