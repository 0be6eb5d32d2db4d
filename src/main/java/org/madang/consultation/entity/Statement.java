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
 * A short statement participants vote on (a Pol.is "comment"). {@code seq} is its number in the conversation, the
 * comment-id of a Pol.is export; {@code moderated} is Pol.is's: 1 accepted, 0 not yet looked at, −1 moderated out.
 */
@Entity
@Table(name = "consultation_statement")
public class Statement {

    @Id
    private UUID id;
    @Column(name = "consultation_id", nullable = false)
    private UUID consultationId;
    @Column(nullable = false)
    private int seq;
    @Column(nullable = false)
    @PersonalData(what = "Text of an opinion-map statement", whatKo = "의견 지도 진술문",
            purpose = "The opinion map of a consultation",
            legalBasis = LegalBasis.PUBLIC_TASK, retention = "until the account is erased (then kept under a pseudonym, or removed on request)")
    private String text;
    @Column(nullable = false)
    @PersonalData(what = "Pseudonymous or imported author of a statement", whatKo = "진술문 작성자(가명)",
            purpose = "Counting statements per participant in the opinion map",
            legalBasis = LegalBasis.PUBLIC_TASK, retention = "until the account is erased (then kept under a pseudonym, or removed on request)")
    private String author;
    @Column(name = "author_account")
    @PersonalData(what = "Account that wrote a statement", whatKo = "진술문 작성 계정",
            purpose = "Letting the author manage their statement",
            legalBasis = LegalBasis.PUBLIC_TASK, retention = "until the account is erased (then kept under a pseudonym, or removed on request)")
    private UUID authorAccount;
    @Column(nullable = false)
    private short moderated;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Statement() {
    }

    public Statement(UUID consultationId, int seq, String text, String author, UUID authorAccount, int moderated, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.consultationId = consultationId;
        this.seq = seq;
        this.text = text;
        this.author = author;
        this.authorAccount = authorAccount;
        this.moderated = (short) moderated;
        this.createdAt = createdAt;
    }

    public void moderate(int moderated) { this.moderated = (short) moderated; }

    /** Erasure of the author with their contributions: moderated out, its text gone (votes on it stay counted). */
    public void erase() {
        moderated = -1;
        text = "";
    }

    public UUID id() { return id; }
    public UUID consultationId() { return consultationId; }
    public int seq() { return seq; }
    public String text() { return text; }
    public String author() { return author; }
    public UUID authorAccount() { return authorAccount; }
    public int moderated() { return moderated; }
    public Instant createdAt() { return createdAt; }
}
