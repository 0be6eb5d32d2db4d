package org.madang.forum.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.madang.forum.entity.Forum;
import org.madang.forum.entity.Post;
import org.madang.forum.entity.PostRevision;
import org.madang.forum.entity.Reaction;
import org.madang.platform.account.entity.Account;
import org.madang.platform.audit.control.AuditLog;
import org.madang.platform.auth.Role;
import org.madang.platform.auth.SignedInCaller;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;
import org.madang.platform.organisation.entity.Organisation;
import org.madang.platform.persistence.Cursor;

/** Forums, threads and replies: writing, editing within the window, deleting to a tombstone, reacting, reading. */
@ApplicationScoped
public class Forums {

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    PostingRules rules;

    @Inject
    Following following;

    @Inject
    ForumIndexing indexing;

    @Inject
    ThreadPages pages;

    @Inject
    @ConfigProperty(name = "madang.forum.edit-window-minutes", defaultValue = "15")
    int editWindowMinutes;

    Clock clock = Clock.systemUTC();

    public enum Sort { NEWEST, OLDEST, MOST_AGREED, MOST_DISCUSSED }

    public record Page<T>(List<T> items, String nextCursor) {
    }

    public record NewForum(String titleKo, String titleEn, String description, UUID organisationId,
                           boolean stanceRequired, boolean residentsOnly) {
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public Duration editWindow() {
        return Duration.ofMinutes(editWindowMinutes);
    }

    // ---- forums -------------------------------------------------------------------------------------------------

    /** Topic forums are the administrators'; an organisation's officials and administrators host its forums. */
    @Transactional
    public Forum createForum(NewForum request, SignedInCaller caller) {
        if (request.organisationId() == null) {
            if (!caller.has(Role.ADMIN)) throw ProblemException.forbidden();
        } else {
            if (em.find(Organisation.class, request.organisationId()) == null) throw ProblemException.notFound("organisation");
            if (!caller.has(Role.ADMIN) && !caller.has(Role.OFFICIAL, request.organisationId())
                    && !caller.has(Role.ORG_ADMIN, request.organisationId())) {
                throw ProblemException.forbidden();
            }
        }
        var forum = new Forum(request.titleKo(), request.titleEn(), request.description(), request.organisationId(),
                request.stanceRequired(), request.residentsOnly(), caller.accountId(), now());
        em.persist(forum);
        audit.record(caller.getName(), "forum.create", "forum:" + forum.id(), request.titleKo());
        return forum;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Forum> forums(String cursorText, int limit) {
        Cursor cursor = Cursor.decode(cursorText);
        var query = em.createQuery("SELECT f FROM Forum f" + (cursor == null ? "" : " WHERE (f.createdAt > :at OR (f.createdAt = :at AND f.id > :id))")
                + " ORDER BY f.createdAt, f.id", Forum.class);
        if (cursor != null) query.setParameter("at", Cursor.instant(cursor.key())).setParameter("id", cursor.id());
        var found = query.setMaxResults(limit + 1).getResultList();
        boolean more = found.size() > limit;
        if (more) found = found.subList(0, limit);
        var last = found.isEmpty() ? null : found.get(found.size() - 1);
        return new Page<>(found, more ? new Cursor(Cursor.micros(last.createdAt()), last.id()).encode() : null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Forum forum(UUID id) {
        Forum forum = id == null ? null : em.find(Forum.class, id);
        if (forum == null) throw ProblemException.notFound("forum");
        return forum;
    }

    // ---- reading --------------------------------------------------------------------------------------------------

    /** A post by id, whatever its state (the caller decides what the viewer may see of it). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Post post(UUID id) {
        Post post = id == null ? null : em.find(Post.class, id);
        if (post == null) throw ProblemException.notFound("post");
        return post;
    }

    /** The thread a post belongs to (null when the post is gone). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UUID threadOf(UUID postId) {
        return em.createQuery("SELECT p.threadId FROM Post p WHERE p.id = :id", UUID.class).setParameter("id", postId)
                .getResultList().stream().findFirst().orElse(null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Post thread(UUID id) {
        Post post = post(id);
        if (!post.isThread()) throw ProblemException.notFound("thread");
        return post;
    }

    /** A forum's threads; threads citizens may not see are left out (their author and moderators still see them). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Post> threads(UUID forumId, Sort sort, String cursor, int limit, Viewer viewer) {
        forum(forumId);
        String visibility = viewer.moderator() ? "" : viewer.accountId() == null ? " AND p.state = :visible"
                : " AND (p.state = :visible OR (p.state = :hidden AND p.authorId = :viewer))";
        return page("p.forumId = :scope AND p.depth = 0" + visibility, forumId, sort, cursor, limit, query -> {
            if (!viewer.moderator()) query.setParameter("visible", Post.State.VISIBLE);
            if (!viewer.moderator() && viewer.accountId() != null) {
                query.setParameter("hidden", Post.State.HIDDEN).setParameter("viewer", viewer.accountId());
            }
        });
    }

    /**
     * Every reply of a thread, flat, with parent ids and depths for the page to nest. Hidden and removed replies stay
     * in the list (as placeholders for those who may not read them) so that the replies under them keep their place.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Post> replies(UUID threadId, Sort sort, String cursor, int limit) {
        thread(threadId);
        return page("p.threadId = :scope AND p.depth > 0", threadId, sort, cursor, limit, query -> { });
    }

    private Page<Post> page(String where, UUID scope, Sort sort, String cursorText, int limit,
                            java.util.function.Consumer<TypedQuery<Post>> parameters) {
        Cursor cursor = Cursor.decode(cursorText);
        String key = switch (sort) {
            case NEWEST, OLDEST -> "p.createdAt";
            case MOST_AGREED -> "p.agreeCount";
            case MOST_DISCUSSED -> "p.replyCount";
        };
        boolean ascending = sort == Sort.OLDEST;
        String after = ascending ? ">" : "<";
        String direction = ascending ? "" : " DESC";
        String jpql = "SELECT p FROM Post p WHERE " + where
                + (cursor == null ? "" : " AND (" + key + " " + after + " :key OR (" + key + " = :key AND p.id " + after + " :id))")
                + " ORDER BY " + key + direction + ", p.id" + direction;
        var query = em.createQuery(jpql, Post.class).setParameter("scope", scope);
        parameters.accept(query);
        if (cursor != null) {
            Object keyValue = key.equals("p.createdAt") ? Cursor.instant(cursor.key()) : (Object) (int) cursor.key();
            query.setParameter("key", keyValue).setParameter("id", cursor.id());
        }
        var found = query.setMaxResults(limit + 1).getResultList();
        boolean more = found.size() > limit;
        if (more) found = found.subList(0, limit);
        String next = null;
        if (more) {
            Post last = found.get(found.size() - 1);
            long lastKey = switch (sort) {
                case NEWEST, OLDEST -> Cursor.micros(last.createdAt());
                case MOST_AGREED -> last.agreeCount();
                case MOST_DISCUSSED -> last.replyCount();
            };
            next = new Cursor(lastKey, last.id()).encode();
        }
        return new Page<>(found, next);
    }

    /** The viewer's own reactions to these posts. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, Reaction.Kind> reactionsOf(UUID accountId, Collection<UUID> postIds) {
        var mine = new HashMap<UUID, Reaction.Kind>();
        if (accountId == null || postIds.isEmpty()) return mine;
        List<Object[]> rows = em.createQuery("SELECT r.postId, r.kind FROM Reaction r WHERE r.accountId = :a AND r.postId IN :ids", Object[].class)
                .setParameter("a", accountId).setParameter("ids", postIds).getResultList();
        for (Object[] row : rows) mine.put((UUID) row[0], (Reaction.Kind) row[1]);
        return mine;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PostRevision> revisions(UUID postId) {
        return em.createQuery("SELECT r FROM PostRevision r WHERE r.postId = :p ORDER BY r.replacedAt DESC, r.id", PostRevision.class)
                .setParameter("p", postId).setMaxResults(200).getResultList();
    }

    // ---- writing --------------------------------------------------------------------------------------------------

    @Transactional
    public Post createThread(UUID forumId, String title, String markdown, Post.Stance stance, UUID authorId) {
        Forum forum = forum(forumId);
        requireStance(forum, stance);
        Account author = rules.mayPost(authorId, forum);
        Post.Text text = PostText.of(markdown);
        rules.notDuplicate(authorId, text.hash());
        Post thread = Post.thread(forumId, title.strip(), text, authorId, author.displayName(), stance, now());
        em.persist(thread);
        em.flush();
        following.follow(thread.id(), authorId);
        indexing.changed(thread);
        return thread;
    }

    @Transactional
    public Post reply(UUID parentId, String markdown, Post.Stance stance, UUID authorId) {
        Post parent = post(parentId);
        if (parent.depth() >= Post.MAX_DEPTH) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "forum.tooDeep", Post.MAX_DEPTH);
        }
        // a reply to a post the replier cannot read (hidden, removed) is refused as if it did not exist
        if (parent.state() != Post.State.VISIBLE && !parent.authorId().equals(authorId)) throw ProblemException.notFound("post");
        Forum forum = forum(parent.forumId());
        requireStance(forum, stance);
        Account author = rules.mayPost(authorId, forum);
        Post.Text text = PostText.of(markdown);
        rules.notDuplicate(authorId, text.hash());
        Instant now = now();
        Post reply = Post.reply(parent, text, authorId, author.displayName(), stance, now);
        em.persist(reply);
        // the thread counts all its replies (most discussed); a reply counts its direct replies
        em.createQuery("UPDATE Post p SET p.replyCount = p.replyCount + 1, p.lastActivityAt = :now WHERE p.id = :t")
                .setParameter("now", now).setParameter("t", reply.threadId()).executeUpdate();
        if (!parent.isThread()) {
            em.createQuery("UPDATE Post p SET p.replyCount = p.replyCount + 1 WHERE p.id = :p")
                    .setParameter("p", parent.id()).executeUpdate();
        }
        em.flush();
        following.replied(reply, thread(reply.threadId()));
        changed(reply);
        return reply;
    }

    private static void requireStance(Forum forum, Post.Stance stance) {
        if (forum.stanceRequired() && stance == null) throw ProblemException.invalid("stance", "forum.stanceRequired");
    }

    /** The author edits within the window; the text before is kept. Locked, so concurrent edits meet the version check. */
    @Transactional
    public Post edit(UUID postId, String title, String markdown, int version, UUID authorId) {
        Post post = locked(postId);
        if (!post.authorId().equals(authorId)) throw ProblemException.forbidden();
        if (post.deleted()) throw new ProblemException(ProblemType.CONFLICT, "forum.deleted");
        if (post.version() != version) throw new ProblemException(ProblemType.STALE_VERSION, "staleVersion");
        Instant now = now();
        if (now.isAfter(post.createdAt().plus(editWindow()))) {
            throw new ProblemException(ProblemType.CONFLICT, "forum.editWindowClosed", editWindowMinutes);
        }
        em.persist(new PostRevision(post, now));
        post.edit(title == null ? null : title.strip(), PostText.of(markdown), now);
        em.flush();
        changed(post);
        return post;
    }

    /** The author deletes: the text goes, a tombstone stays so the replies under it keep their thread. */
    @Transactional
    public Post delete(UUID postId, UUID authorId) {
        Post post = locked(postId);
        if (!post.authorId().equals(authorId)) throw ProblemException.forbidden();
        if (!post.deleted()) {
            post.delete(now());
            em.flush();
            changed(post);
        }
        return post;
    }

    private Post locked(UUID postId) {
        Post post = postId == null ? null : em.find(Post.class, postId, LockModeType.PESSIMISTIC_WRITE);
        if (post == null) throw ProblemException.notFound("post");
        return post;
    }

    /** Agree or disagree (or null to withdraw); the post row is locked, so one person's concurrent clicks leave one. */
    @Transactional
    public Post react(UUID postId, Reaction.Kind kind, UUID accountId) {
        Post post = locked(postId);
        if (post.deleted() || post.state() != Post.State.VISIBLE) {
            throw new ProblemException(ProblemType.CONFLICT, "forum.notReactable");
        }
        if (post.authorId().equals(accountId)) throw new ProblemException(ProblemType.UNPROCESSABLE, "forum.ownPost");
        Reaction existing = em.find(Reaction.class, new Reaction.Key(postId, accountId));
        Reaction.Kind before = existing == null ? null : existing.kind();
        if (before == kind) return post;
        if (existing == null) {
            em.persist(new Reaction(postId, accountId, kind, now()));
        } else if (kind == null) {
            em.remove(existing);
        } else {
            existing.change(kind, now());
        }
        int agree = (kind == Reaction.Kind.AGREE ? 1 : 0) - (before == Reaction.Kind.AGREE ? 1 : 0);
        int disagree = (kind == Reaction.Kind.DISAGREE ? 1 : 0) - (before == Reaction.Kind.DISAGREE ? 1 : 0);
        em.flush();
        em.createQuery("UPDATE Post p SET p.agreeCount = p.agreeCount + :a, p.disagreeCount = p.disagreeCount + :d WHERE p.id = :id")
                .setParameter("a", agree).setParameter("d", disagree).setParameter("id", postId).executeUpdate();
        em.refresh(post);
        pages.changed(post.threadId());
        return post;
    }

    /** Keeps the search index and signed-out readers' cached pages in step with a changed post. */
    private void changed(Post post) {
        indexing.changed(post);
        pages.changed(post.threadId());
    }

    /** Moderation's changes of state (hide, restore, remove), kept in the index too. */
    @Transactional
    public void moderate(UUID postId, Post.State state) {
        Post post = locked(postId);
        post.moderate(state);
        em.flush();
        changed(post);
    }
}
