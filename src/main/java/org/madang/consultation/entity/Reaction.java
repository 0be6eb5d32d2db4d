package org.madang.consultation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.madang.platform.personaldata.NotPersonalData;

/** One person's agree or disagree on someone's comment; the database keeps it to one per person and comment. */
// named apart from the forum's Reaction: entity names are one namespace in the persistence unit
@Entity(name = "CommentReaction")
@Table(name = "consultation_comment_reaction")
public class Reaction {

    @Id
    private UUID id;
    @Column(name = "comment_id", nullable = false)
    @NotPersonalData("the id of a comment, not of a person")
    private UUID commentId;
    @Column(name = "account_id", nullable = false)
    private UUID accountId;
    @Column(nullable = false)
    private boolean agree;

    protected Reaction() {
    }

    public Reaction(UUID commentId, UUID accountId, boolean agree) {
        this.id = UUID.randomUUID();
        this.commentId = commentId;
        this.accountId = accountId;
        this.agree = agree;
    }

    public void agree(boolean agree) { this.agree = agree; }

    public UUID commentId() { return commentId; }
    public UUID accountId() { return accountId; }
    public boolean agree() { return agree; }
}
