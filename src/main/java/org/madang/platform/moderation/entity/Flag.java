package org.madang.platform.moderation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.madang.platform.personaldata.NotPersonalData;

/** One person's report that a piece of content breaks a rule. Who flagged is never shown to anyone but the database. */
@Entity
@Table(name = "moderation_flag")
public class Flag {

    public enum Reason { SPAM, ABUSE, PERSONAL_INFORMATION, OFF_TOPIC, ILLEGAL }

    @Id
    private UUID id;
    @Column(name = "content_kind", nullable = false)
    @NotPersonalData("the kind of content, e.g. forum-post")
    private String contentKind;
    @Column(name = "content_id", nullable = false)
    @NotPersonalData("the id of a post, not of a person")
    private UUID contentId;
    @Column(name = "flagger_id", nullable = false)
    private UUID flaggerId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Reason reason;
    @Column(nullable = false)
    private String note;
    @Column(name = "flagged_at", nullable = false)
    private Instant flaggedAt;

    protected Flag() {
    }

    public Flag(String contentKind, UUID contentId, UUID flaggerId, Reason reason, String note, Instant flaggedAt) {
        this.id = UUID.randomUUID();
        this.contentKind = contentKind;
        this.contentId = contentId;
        this.flaggerId = flaggerId;
        this.reason = reason;
        this.note = note;
        this.flaggedAt = flaggedAt;
    }

    public UUID id() { return id; }
    public String contentKind() { return contentKind; }
    public UUID contentId() { return contentId; }
    public UUID flaggerId() { return flaggerId; }
    public Reason reason() { return reason; }
    public String note() { return note; }
    public Instant flaggedAt() { return flaggedAt; }
}
