package org.madang.platform.moderation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.madang.platform.personaldata.LegalBasis;
import org.madang.platform.personaldata.NotPersonalData;
import org.madang.platform.personaldata.PersonalData;

/** A piece of content that was flagged: pending while it waits in the moderators' queue. */
@Entity
@Table(name = "moderation_case")
public class ModerationCase {

    @Id
    private UUID id;
    @Column(name = "content_kind", nullable = false)
    @NotPersonalData("the kind of content, e.g. forum-post")
    private String contentKind;
    @Column(name = "content_id", nullable = false)
    @NotPersonalData("the id of a post, not of a person")
    private UUID contentId;
    @Column(name = "author_id", nullable = false)
    @PersonalData(what = "Author of flagged content", whatKo = "신고된 게시물 작성자",
            purpose = "Moderation of the author's content",
            legalBasis = LegalBasis.CONTRACT, retention = "2 years after the case closes, or until the account is erased")
    private UUID authorId;
    @Column(nullable = false)
    private boolean pending;
    @Column(name = "auto_hidden", nullable = false)
    private boolean autoHidden;
    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;
    @Version
    private int version;

    protected ModerationCase() {
    }

    public ModerationCase(String contentKind, UUID contentId, UUID authorId, Instant openedAt) {
        this.id = UUID.randomUUID();
        this.contentKind = contentKind;
        this.contentId = contentId;
        this.authorId = authorId;
        this.pending = true;
        this.openedAt = openedAt;
    }

    /** Back in the queue when flagged again after a decision. */
    public void reopen(Instant now) {
        if (!pending) {
            pending = true;
            openedAt = now;
        }
    }

    public void autoHidden() { autoHidden = true; }

    public void decided() { pending = false; }

    public UUID id() { return id; }
    public String contentKind() { return contentKind; }
    public UUID contentId() { return contentId; }
    public UUID authorId() { return authorId; }
    public boolean pending() { return pending; }
    public boolean isAutoHidden() { return autoHidden; }
    public Instant openedAt() { return openedAt; }
}
