package org.madang.forum.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.madang.platform.personaldata.LegalBasis;
import org.madang.platform.personaldata.PersonalData;

/** The text a post had before one of its edits: edits are visible to everyone, never silent. */
@Entity
@Table(name = "forum_post_revision")
public class PostRevision {

    @Id
    private UUID id;
    @Column(name = "post_id", nullable = false)
    private UUID postId;
    private String title;
    @Column(name = "body_markdown", nullable = false)
    @PersonalData(what = "Earlier text of an edited forum post", whatKo = "수정 전 게시글 내용",
            purpose = "A visible edit history",
            legalBasis = LegalBasis.CONTRACT, retention = "until the account is erased (then kept under a pseudonym, or removed on request)")
    private String bodyMarkdown;
    @Column(name = "body_html", nullable = false)
    @PersonalData(what = "Earlier text of an edited forum post (rendered)", whatKo = "수정 전 게시글 내용(표시용)",
            purpose = "A visible edit history",
            legalBasis = LegalBasis.CONTRACT, retention = "until the account is erased (then kept under a pseudonym, or removed on request)")
    private String bodyHtml;
    @Column(name = "written_at", nullable = false)
    private Instant writtenAt;
    @Column(name = "replaced_at", nullable = false)
    private Instant replacedAt;

    protected PostRevision() {
    }

    public PostRevision(Post before, Instant replacedAt) {
        this.id = UUID.randomUUID();
        this.postId = before.id();
        this.title = before.title();
        this.bodyMarkdown = before.bodyMarkdown();
        this.bodyHtml = before.bodyHtml();
        this.writtenAt = before.editedAt() == null ? before.createdAt() : before.editedAt();
        this.replacedAt = replacedAt;
    }

    public UUID id() { return id; }
    public UUID postId() { return postId; }
    public String title() { return title; }
    public String bodyMarkdown() { return bodyMarkdown; }
    public String bodyHtml() { return bodyHtml; }
    public Instant writtenAt() { return writtenAt; }
    public Instant replacedAt() { return replacedAt; }
}
