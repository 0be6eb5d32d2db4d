package org.madang.forum.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** How a person hears of replies in the threads they follow; without a row, {@link Mode#IMMEDIATE}. */
@Entity
@Table(name = "forum_digest_preference")
public class DigestPreference {

    public enum Mode { IMMEDIATE, DAILY, OFF }

    @Id
    @Column(name = "account_id")
    private UUID accountId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Mode mode;
    @Column(name = "last_digest_at", nullable = false)
    private Instant lastDigestAt;

    protected DigestPreference() {
    }

    public DigestPreference(UUID accountId, Mode mode, Instant now) {
        this.accountId = accountId;
        this.mode = mode;
        this.lastDigestAt = now;
    }

    public void choose(Mode newMode) { mode = newMode; }

    public void digestSent(Instant now) { lastDigestAt = now; }

    public UUID accountId() { return accountId; }
    public Mode mode() { return mode; }
    public Instant lastDigestAt() { return lastDigestAt; }
}
