package org.madang.consultation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.madang.platform.personaldata.LegalBasis;
import org.madang.platform.personaldata.PersonalData;

/**
 * A citizen's comment on the whole draft, on one article, or on a passage of an article (character offsets into the
 * article body, with the quoted text), possibly proposing replacement text for the article. {@code hidden} is for
 * moderation, which flags comments by ("consultation-comment", id).
 */
@Entity
@Table(name = "consultation_comment")
public class Comment {

    public static final String CONTENT_KIND = "consultation-comment";

    @Id
    private UUID id;
    @Column(name = "consultation_id", nullable = false)
    private UUID consultationId;
    @Column(nullable = false)
    private long seq;
    @Column(name = "article_id")
    private UUID articleId;
    @Column(name = "start_offset")
    private Integer startOffset;
    @Column(name = "end_offset")
    private Integer endOffset;
    private String quote;
    @Column(nullable = false)
    @PersonalData(what = "Text of a consultation comment", whatKo = "의견 내용",
            purpose = "The public consultation record the office must answer",
            legalBasis = LegalBasis.PUBLIC_TASK, retention = "until the account is erased (then kept under a pseudonym, or removed on request)")
    private String body;
    @Column(name = "proposed_text")
    @PersonalData(what = "Replacement text a citizen proposed for an article", whatKo = "조문 수정 제안",
            purpose = "The public consultation record the office must answer",
            legalBasis = LegalBasis.PUBLIC_TASK, retention = "until the account is erased (then kept under a pseudonym, or removed on request)")
    private String proposedText;
    @Column(name = "author_id", nullable = false)
    @PersonalData(what = "Author of a consultation comment", whatKo = "의견 작성자",
            purpose = "Showing who commented and answering them",
            legalBasis = LegalBasis.PUBLIC_TASK, retention = "until the account is erased (then kept under a pseudonym, or removed on request)")
    private UUID authorId;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(nullable = false)
    private boolean hidden;
    @Column(name = "answer_id")
    private UUID answerId;

    protected Comment() {
    }

    public record Target(UUID articleId, Integer startOffset, Integer endOffset, String quote) {
        public static final Target WHOLE = new Target(null, null, null, null);
    }

    public Comment(UUID consultationId, long seq, Target target, String body, String proposedText, UUID authorId, Instant now) {
        this.id = UUID.randomUUID();
        this.consultationId = consultationId;
        this.seq = seq;
        this.articleId = target.articleId();
        this.startOffset = target.startOffset();
        this.endOffset = target.endOffset();
        this.quote = target.quote();
        this.body = body;
        this.proposedText = proposedText;
        this.authorId = authorId;
        this.createdAt = now;
    }

    public void answeredBy(UUID answerId) { this.answerId = answerId; }

    public void hide(boolean hidden) { this.hidden = hidden; }

    /** Erasure of the author with their contributions: the comment leaves the record, its text with it. */
    public void erase() {
        hidden = true;
        body = "";
        proposedText = null;
        quote = null;
    }

    public UUID id() { return id; }
    public UUID consultationId() { return consultationId; }
    public long seq() { return seq; }
    public UUID articleId() { return articleId; }
    public Integer startOffset() { return startOffset; }
    public Integer endOffset() { return endOffset; }
    public String quote() { return quote; }
    public String body() { return body; }
    public String proposedText() { return proposedText; }
    public UUID authorId() { return authorId; }
    public Instant createdAt() { return createdAt; }
    public boolean hidden() { return hidden; }
    public UUID answerId() { return answerId; }
}
