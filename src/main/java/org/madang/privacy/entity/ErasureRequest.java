package org.madang.privacy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A person's request to erase their account, due by the statutory deadline. */
@Entity
@Table(name = "privacy_erasure_request")
public class ErasureRequest {

    public enum Status { PENDING, DONE }

    @Id
    private UUID id;
    @Column(name = "account_id", nullable = false)
    private UUID accountId;
    @Column(name = "remove_contributions", nullable = false)
    private boolean removeContributions;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;
    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;
    @Column(name = "completed_at")
    private Instant completedAt;
    @Column(name = "completed_by")
    private UUID completedBy;
    @Column(name = "pseudonym_number")
    private Long pseudonymNumber;

    protected ErasureRequest() {
    }

    public ErasureRequest(UUID accountId, boolean removeContributions, Instant now, LocalDate dueOn) {
        this.id = UUID.randomUUID();
        this.accountId = accountId;
        this.removeContributions = removeContributions;
        this.status = Status.PENDING;
        this.requestedAt = now.truncatedTo(ChronoUnit.MICROS);
        this.dueOn = dueOn;
    }

    public void completed(UUID by, long pseudonym, Instant now) {
        status = Status.DONE;
        completedBy = by;
        pseudonymNumber = pseudonym;
        completedAt = now;
    }

    public UUID id() { return id; }
    public UUID accountId() { return accountId; }
    public boolean removeContributions() { return removeContributions; }
    public Status status() { return status; }
    public Instant requestedAt() { return requestedAt; }
    public LocalDate dueOn() { return dueOn; }
    public Instant completedAt() { return completedAt; }
    public UUID completedBy() { return completedBy; }
    public Long pseudonymNumber() { return pseudonymNumber; }
}
