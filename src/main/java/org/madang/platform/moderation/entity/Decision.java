package org.madang.platform.moderation.entity;

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
import org.madang.platform.personaldata.NotPersonalData;
import org.madang.platform.personaldata.PersonalData;

/** A moderator's decision on a case, with the reason its author sees, and the author's one appeal against it. */
@Entity
@Table(name = "moderation_decision")
public class Decision {

    public enum Outcome { KEEP, HIDE, REMOVE, WARN_AUTHOR, SUSPEND_AUTHOR }

    public enum AppealOutcome { UPHELD, OVERTURNED }

    @Id
    private UUID id;
    @Column(name = "case_id", nullable = false)
    private UUID caseId;
    @Column(name = "content_kind", nullable = false)
    @NotPersonalData("the kind of content, e.g. forum-post")
    private String contentKind;
    @Column(name = "content_id", nullable = false)
    @NotPersonalData("the id of a post, not of a person")
    private UUID contentId;
    @Column(name = "author_id", nullable = false)
    @PersonalData(what = "Author whose post a moderation decision concerns", whatKo = "검토 대상 게시자",
            purpose = "Telling the author and enforcing suspensions",
            legalBasis = LegalBasis.CONTRACT, retention = "2 years after the decision, or until the account is erased")
    private UUID authorId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Outcome outcome;
    @Column(name = "rule_code", nullable = false)
    private String ruleCode;
    @Column(nullable = false)
    private String reason;
    @Column(name = "suspended_until")
    private Instant suspendedUntil;
    @Column(name = "decided_by", nullable = false)
    private UUID decidedBy;
    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;
    @Column(name = "appeal_text")
    @PersonalData(what = "Text of an author's appeal against a moderation decision", whatKo = "검토 결정 이의 내용",
            purpose = "Deciding the appeal",
            legalBasis = LegalBasis.CONTRACT, retention = "2 years after the decision, or until the account is erased")
    private String appealText;
    @Column(name = "appealed_at")
    private Instant appealedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "appeal_outcome")
    private AppealOutcome appealOutcome;
    @Column(name = "appeal_reason")
    private String appealReason;
    @Column(name = "appeal_decided_by")
    private UUID appealDecidedBy;
    @Column(name = "appeal_decided_at")
    private Instant appealDecidedAt;
    @Version
    private int version;

    protected Decision() {
    }

    public Decision(ModerationCase moderationCase, Outcome outcome, String ruleCode, String reason, Instant suspendedUntil,
                    UUID decidedBy, Instant decidedAt) {
        this.id = UUID.randomUUID();
        this.caseId = moderationCase.id();
        this.contentKind = moderationCase.contentKind();
        this.contentId = moderationCase.contentId();
        this.authorId = moderationCase.authorId();
        this.outcome = outcome;
        this.ruleCode = ruleCode;
        this.reason = reason;
        this.suspendedUntil = suspendedUntil;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    public void appeal(String text, Instant now) {
        appealText = text;
        appealedAt = now;
    }

    public void decideAppeal(AppealOutcome result, String why, UUID moderator, Instant now) {
        appealOutcome = result;
        appealReason = why;
        appealDecidedBy = moderator;
        appealDecidedAt = now;
        if (result == AppealOutcome.OVERTURNED && suspendedUntil != null) suspendedUntil = now;
    }

    public UUID id() { return id; }
    public UUID caseId() { return caseId; }
    public String contentKind() { return contentKind; }
    public UUID contentId() { return contentId; }
    public UUID authorId() { return authorId; }
    public Outcome outcome() { return outcome; }
    public String ruleCode() { return ruleCode; }
    public String reason() { return reason; }
    public Instant suspendedUntil() { return suspendedUntil; }
    public UUID decidedBy() { return decidedBy; }
    public Instant decidedAt() { return decidedAt; }
    public String appealText() { return appealText; }
    public Instant appealedAt() { return appealedAt; }
    public AppealOutcome appealOutcome() { return appealOutcome; }
    public String appealReason() { return appealReason; }
    public Instant appealDecidedAt() { return appealDecidedAt; }
    public int version() { return version; }
}
