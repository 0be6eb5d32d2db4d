package org.madang.forum.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.madang.platform.personaldata.LegalBasis;
import org.madang.platform.personaldata.PersonalData;

/**
 * A thread (depth 0, with a title) or a reply (depth 1 to 3). Counts are kept on the row, changed by single UPDATE
 * statements so that reactions never collide with an author's edit.
 */
@Entity
@Table(name = "forum_post")
public class Post {

    public static final int MAX_DEPTH = 3;

    public enum Stance { FOR, AGAINST, NEUTRAL }

    /** HIDDEN: pending review or by decision (author and moderators still see it); REMOVED: moderators only. */
    public enum State { VISIBLE, HIDDEN, REMOVED }

    @Id
    private UUID id;
    @Column(name = "forum_id", nullable = false)
    private UUID forumId;
    @Column(name = "thread_id", nullable = false)
    private UUID threadId;
    @Column(name = "parent_id")
    private UUID parentId;
    @Column(nullable = false)
    private int depth;
    private String title;
    @Column(name = "body_markdown", nullable = false)
    @PersonalData(what = "Text of a forum post", whatKo = "게시글 내용",
            purpose = "Publishing the post and letting the author edit it",
            legalBasis = LegalBasis.CONTRACT, retention = "until the account is erased (then kept under a pseudonym, or removed on request)")
    private String bodyMarkdown;
    @Column(name = "body_html", nullable = false)
    @PersonalData(what = "Text of a forum post (rendered)", whatKo = "게시글 내용(표시용)",
            purpose = "Publishing the post",
            legalBasis = LegalBasis.CONTRACT, retention = "until the account is erased (then kept under a pseudonym, or removed on request)")
    private String bodyHtml;
    @Column(name = "body_hash", nullable = false)
    @PersonalData(what = "Hash of a post's text", whatKo = "게시글 내용 해시",
            purpose = "Detecting duplicate posts",
            legalBasis = LegalBasis.CONTRACT, retention = "until the account is erased (then kept under a pseudonym, or removed on request)")
    private String bodyHash;
    @Column(name = "author_id", nullable = false)
    @PersonalData(what = "Author of a forum post", whatKo = "게시글 작성자",
            purpose = "Showing who wrote a post and letting them edit it",
            legalBasis = LegalBasis.CONTRACT, retention = "until the account is erased (then kept under a pseudonym, or removed on request)")
    private UUID authorId;
    @Column(name = "author_name", nullable = false)
    @PersonalData(what = "Display name shown on a forum post", whatKo = "게시글 작성자 표시 이름",
            purpose = "Showing who wrote a post",
            legalBasis = LegalBasis.CONTRACT, retention = "until the account is erased (then kept under a pseudonym, or removed on request)")
    private String authorName;
    @Enumerated(EnumType.STRING)
    private Stance stance;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;
    @Column(nullable = false)
    private boolean deleted;
    @Column(name = "agree_count", nullable = false)
    private int agreeCount;
    @Column(name = "disagree_count", nullable = false)
    private int disagreeCount;
    @Column(name = "reply_count", nullable = false)
    private int replyCount;
    @Column(nullable = false)
    private int revisions;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "edited_at")
    private Instant editedAt;
    @Column(name = "last_activity_at", nullable = false)
    private Instant lastActivityAt;
    @Version
    private int version;

    protected Post() {
    }

    /** A new thread. */
    public static Post thread(UUID forumId, String title, Text text, UUID authorId, String authorName, Stance stance, Instant now) {
        var post = new Post(forumId, null, null, 0, title, text, authorId, authorName, stance, now);
        post.threadId = post.id;
        return post;
    }

    /** A reply to a post of a thread, one level deeper. */
    public static Post reply(Post parent, Text text, UUID authorId, String authorName, Stance stance, Instant now) {
        return new Post(parent.forumId, parent.threadId, parent.id, parent.depth + 1, null, text, authorId, authorName, stance, now);
    }

    private Post(UUID forumId, UUID threadId, UUID parentId, int depth, String title, Text text, UUID authorId,
                 String authorName, Stance stance, Instant now) {
        this.id = UUID.randomUUID();
        this.forumId = forumId;
        this.threadId = threadId;
        this.parentId = parentId;
        this.depth = depth;
        this.title = title;
        this.bodyMarkdown = text.markdown();
        this.bodyHtml = text.html();
        this.bodyHash = text.hash();
        this.authorId = authorId;
        this.authorName = authorName;
        this.stance = stance;
        this.state = State.VISIBLE;
        this.createdAt = now;
        this.lastActivityAt = now;
    }

    /** The author's text in its three forms: as written, rendered safe, and the hash of its normalised form. */
    public record Text(String markdown, String html, String hash) {
    }

    /** Replaces the text; the caller keeps the previous one as a {@link PostRevision}. */
    public void edit(String newTitle, Text text, Instant now) {
        if (depth == 0 && newTitle != null) title = newTitle;
        bodyMarkdown = text.markdown();
        bodyHtml = text.html();
        bodyHash = text.hash();
        editedAt = now;
        revisions++;
    }

    /** The author deleted it: a tombstone keeps its place (and its replies) in the thread. */
    public void delete(Instant now) {
        deleted = true;
        bodyMarkdown = "";
        bodyHtml = "";
        editedAt = now;
    }

    public void moderate(State newState) { state = newState; }

    /** Erasure of the author: the post stays in its thread under the pseudonym. */
    public void renameAuthor(String pseudonym) { authorName = pseudonym; }

    /** Erasure of the author with their contributions: a tombstone with neither text nor title. */
    public void erase(Instant now) {
        delete(now);
        if (title != null) title = "";
    }

    public boolean isThread() { return depth == 0; }

    public UUID id() { return id; }
    public UUID forumId() { return forumId; }
    public UUID threadId() { return threadId; }
    public UUID parentId() { return parentId; }
    public int depth() { return depth; }
    public String title() { return title; }
    public String bodyMarkdown() { return bodyMarkdown; }
    public String bodyHtml() { return bodyHtml; }
    public String bodyHash() { return bodyHash; }
    public UUID authorId() { return authorId; }
    public String authorName() { return authorName; }
    public Stance stance() { return stance; }
    public State state() { return state; }
    public boolean deleted() { return deleted; }
    public int agreeCount() { return agreeCount; }
    public int disagreeCount() { return disagreeCount; }
    public int replyCount() { return replyCount; }
    public int revisions() { return revisions; }
    public Instant createdAt() { return createdAt; }
    public Instant editedAt() { return editedAt; }
    public Instant lastActivityAt() { return lastActivityAt; }
    public int version() { return version; }
}
