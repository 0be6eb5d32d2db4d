package org.madang.consultation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A participant's agree (1), pass (0) or disagree (−1) on a statement; one per participant and statement. */
@Entity
@Table(name = "consultation_vote")
public class Vote {

    @Id
    private UUID id;
    @Column(name = "consultation_id", nullable = false)
    private UUID consultationId;
    @Column(name = "statement_id", nullable = false)
    private UUID statementId;
    @Column(nullable = false)
    private String participant;
    @Column(nullable = false)
    private short vote;
    @Column(name = "voted_at", nullable = false)
    private Instant votedAt;

    protected Vote() {
    }

    public Vote(UUID consultationId, UUID statementId, String participant, int vote, Instant votedAt) {
        this.id = UUID.randomUUID();
        this.consultationId = consultationId;
        this.statementId = statementId;
        this.participant = participant;
        this.vote = (short) vote;
        this.votedAt = votedAt;
    }

    public void change(int vote, Instant at) {
        this.vote = (short) vote;
        this.votedAt = at;
    }

    public UUID statementId() { return statementId; }
    public String participant() { return participant; }
    public int vote() { return vote; }
    public Instant votedAt() { return votedAt; }
}
