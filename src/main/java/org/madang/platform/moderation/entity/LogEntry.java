package org.madang.platform.moderation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.madang.platform.personaldata.NotPersonalData;

/** A line of the public moderation log. It holds no person: only the acting role and the rule applied. */
@Entity
@Table(name = "moderation_log")
public class LogEntry {

    @Id
    private UUID id;
    @Column(name = "logged_at", nullable = false)
    private Instant loggedAt;
    @Column(name = "content_kind", nullable = false)
    @NotPersonalData("the kind of content, e.g. forum-post")
    private String contentKind;
    @Column(name = "content_id", nullable = false)
    @NotPersonalData("the id of a post, not of a person")
    private UUID contentId;
    @Column(nullable = false)
    private String action;
    @Column(name = "actor_role", nullable = false)
    @NotPersonalData("a role name (e.g. MODERATOR), never a person")
    private String actorRole;
    @Column(name = "rule_code", nullable = false)
    private String ruleCode;

    protected LogEntry() {
    }

    public LogEntry(Instant loggedAt, String contentKind, UUID contentId, String action, String actorRole, String ruleCode) {
        this.id = UUID.randomUUID();
        this.loggedAt = loggedAt;
        this.contentKind = contentKind;
        this.contentId = contentId;
        this.action = action;
        this.actorRole = actorRole;
        this.ruleCode = ruleCode;
    }

    public UUID id() { return id; }
    public Instant loggedAt() { return loggedAt; }
    public String contentKind() { return contentKind; }
    public UUID contentId() { return contentId; }
    public String action() { return action; }
    public String actorRole() { return actorRole; }
    public String ruleCode() { return ruleCode; }
}
