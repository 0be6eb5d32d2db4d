package org.madang.consultation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The office's decision on one comment, or on a group of duplicate comments it merged, with its reason. */
@Entity
@Table(name = "consultation_answer")
public class Answer {

    public enum Decision { ADOPTED, PARTLY_ADOPTED, NOT_ADOPTED, OUT_OF_SCOPE }

    @Id
    private UUID id;
    @Column(name = "consultation_id", nullable = false)
    private UUID consultationId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Decision decision;
    @Column(nullable = false)
    private String reason;
    @Column(name = "answered_by", nullable = false)
    private UUID answeredBy;
    @Column(name = "answered_at", nullable = false)
    private Instant answeredAt;

    protected Answer() {
    }

    public Answer(UUID consultationId, Decision decision, String reason, UUID answeredBy, Instant now) {
        this.id = UUID.randomUUID();
        this.consultationId = consultationId;
        this.decision = decision;
        this.reason = reason;
        this.answeredBy = answeredBy;
        this.answeredAt = now;
    }

    public UUID id() { return id; }
    public UUID consultationId() { return consultationId; }
    public Decision decision() { return decision; }
    public String reason() { return reason; }
    public UUID answeredBy() { return answeredBy; }
    public Instant answeredAt() { return answeredAt; }
}
