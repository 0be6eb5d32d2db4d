package org.madang.consultation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A ministry's draft (a law, decree, rule or policy) put out for public comment. */
@Entity
@Table(name = "consultation")
public class Consultation {

    public enum State { DRAFT, OPEN, CLOSED, RESPONDED, WITHDRAWN }

    /** Each kind has its own legal minimum notice period (configurable). */
    public enum Kind { LAW, PRESIDENTIAL_DECREE, ADMINISTRATIVE_RULE, POLICY }

    private static final Map<State, Set<State>> MOVES = Map.of(
            State.DRAFT, EnumSet.of(State.OPEN, State.WITHDRAWN),
            State.OPEN, EnumSet.of(State.CLOSED, State.WITHDRAWN),
            State.CLOSED, EnumSet.of(State.RESPONDED, State.WITHDRAWN),
            State.RESPONDED, EnumSet.noneOf(State.class),
            State.WITHDRAWN, EnumSet.noneOf(State.class));

    @Id
    private UUID id;
    @Column(name = "organisation_id", nullable = false)
    private UUID organisationId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;
    @Column(nullable = false)
    private String title;
    @Column(nullable = false)
    private String summary;
    /** The questions asked, one per line. */
    @Column(nullable = false)
    private String questions;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;
    @Column(name = "opens_at", nullable = false)
    private Instant opensAt;
    @Column(name = "closes_at", nullable = false)
    private Instant closesAt;
    @Column(name = "short_notice_reason")
    private String shortNoticeReason;
    @Column(name = "opinion_seed", nullable = false)
    private long opinionSeed;
    @Column(name = "created_by", nullable = false)
    private UUID createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Version
    private int version;

    protected Consultation() {
    }

    public Consultation(UUID organisationId, Settings settings, long opinionSeed, UUID createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = organisationId;
        this.state = State.DRAFT;
        this.opinionSeed = opinionSeed;
        this.createdBy = createdBy;
        this.createdAt = now;
        change(settings);
    }

    public record Settings(Kind kind, String title, String summary, String questions, Instant opensAt, Instant closesAt) {
    }

    public void change(Settings s) {
        kind = s.kind();
        title = s.title();
        summary = s.summary();
        questions = s.questions();
        opensAt = s.opensAt();
        closesAt = s.closesAt();
    }

    public boolean canMoveTo(State next) { return MOVES.get(state).contains(next); }

    public Set<State> allowedMoves() { return MOVES.get(state); }

    public void moveTo(State next) {
        if (!canMoveTo(next)) throw new IllegalStateException(state + " → " + next);
        state = next;
    }

    /** Comments and statements are taken while published and between the opening and closing times. */
    public boolean acceptsInputAt(Instant now) {
        return state == State.OPEN && !now.isBefore(opensAt) && now.isBefore(closesAt);
    }

    public void shortNoticeReason(String reason) { this.shortNoticeReason = reason; }

    public UUID id() { return id; }
    public UUID organisationId() { return organisationId; }
    public Kind kind() { return kind; }
    public String title() { return title; }
    public String summary() { return summary; }
    public String questions() { return questions; }
    public State state() { return state; }
    public Instant opensAt() { return opensAt; }
    public Instant closesAt() { return closesAt; }
    public String shortNoticeReason() { return shortNoticeReason; }
    public long opinionSeed() { return opinionSeed; }
    public UUID createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public int version() { return version; }
}
