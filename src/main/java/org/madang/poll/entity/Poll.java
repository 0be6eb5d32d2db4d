package org.madang.poll.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A quick, non-secret opinion poll. For RATING polls the scale runs from {@code minChoices} to {@code maxChoices}
 * and the two options label its low and high ends.
 */
@Entity
@Table(name = "poll")
public class Poll {

    public enum Kind { SINGLE, MULTIPLE, RATING, RANKED }

    public enum State { PROPOSED, PUBLISHED, REJECTED }

    public enum Audience { SIGNED_IN, VERIFIED_RESIDENTS, DISTRICTS }

    /** Ordered from loosest to tightest: a poll's visibility may only move to a later constant. */
    public enum Visibility { LIVE, AFTER_VOTING, AFTER_CLOSE }

    public record Settings(UUID organisationId, Kind kind, String questionKo, String questionEn, String optionsJson,
                           int minChoices, int maxChoices, Audience audience, List<String> districts, Instant opensAt,
                           Instant closesAt, boolean allowChange, Visibility visibility, int kThreshold) {
    }

    @Id
    private UUID id;
    @Column(name = "organisation_id")
    private UUID organisationId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;
    @Column(name = "question_ko", nullable = false)
    private String questionKo;
    @Column(name = "question_en", nullable = false)
    private String questionEn;
    @Column(name = "options_json", nullable = false)
    private String optionsJson;
    @Column(name = "min_choices", nullable = false)
    private int minChoices;
    @Column(name = "max_choices", nullable = false)
    private int maxChoices;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Audience audience;
    @Column(nullable = false)
    private String districts;
    @Column(name = "opens_at", nullable = false)
    private Instant opensAt;
    @Column(name = "closes_at", nullable = false)
    private Instant closesAt;
    @Column(name = "allow_change", nullable = false)
    private boolean allowChange;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Visibility visibility;
    @Column(name = "k_threshold", nullable = false)
    private int kThreshold;
    @Column(name = "proposed_by", nullable = false)
    private UUID proposedBy;
    @Column(name = "approved_by")
    private UUID approvedBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Version
    private int version;

    protected Poll() {
    }

    public Poll(Settings s, State state, UUID proposedBy, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = s.organisationId();
        this.kind = s.kind();
        this.questionKo = s.questionKo();
        this.questionEn = s.questionEn();
        this.optionsJson = s.optionsJson();
        this.minChoices = s.minChoices();
        this.maxChoices = s.maxChoices();
        this.audience = s.audience();
        this.districts = String.join(",", s.districts());
        this.opensAt = s.opensAt();
        this.closesAt = s.closesAt();
        this.allowChange = s.allowChange();
        this.visibility = s.visibility();
        this.kThreshold = s.kThreshold();
        this.state = state;
        this.proposedBy = proposedBy;
        this.approvedBy = state == State.PUBLISHED ? proposedBy : null;
        this.createdAt = now;
    }

    public void decide(boolean approve, UUID moderator) {
        state = approve ? State.PUBLISHED : State.REJECTED;
        approvedBy = approve ? moderator : null;
    }

    public void tighten(Visibility to) { visibility = to; }

    public void closeAt(Instant at) { closesAt = at; }

    public boolean isOpen(Instant now) {
        return state == State.PUBLISHED && !now.isBefore(opensAt) && now.isBefore(closesAt);
    }

    public boolean isClosed(Instant now) { return !now.isBefore(closesAt); }

    public UUID id() { return id; }
    public UUID organisationId() { return organisationId; }
    public Kind kind() { return kind; }
    public State state() { return state; }
    public String questionKo() { return questionKo; }
    public String questionEn() { return questionEn; }
    public String optionsJson() { return optionsJson; }
    public int minChoices() { return minChoices; }
    public int maxChoices() { return maxChoices; }
    public Audience audience() { return audience; }
    public List<String> districts() { return districts.isEmpty() ? List.of() : Arrays.asList(districts.split(",")); }
    public Instant opensAt() { return opensAt; }
    public Instant closesAt() { return closesAt; }
    public boolean allowChange() { return allowChange; }
    public Visibility visibility() { return visibility; }
    public int kThreshold() { return kThreshold; }
    public UUID proposedBy() { return proposedBy; }
    public UUID approvedBy() { return approvedBy; }
    public Instant createdAt() { return createdAt; }
    public int version() { return version; }
}
