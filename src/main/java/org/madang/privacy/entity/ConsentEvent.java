package org.madang.privacy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.madang.platform.personaldata.ConsentPurpose;
import org.madang.platform.personaldata.LegalBasis;
import org.madang.platform.personaldata.NotPersonalData;
import org.madang.platform.personaldata.PersonalData;

/** A grant or a withdrawal of consent: appended, never changed. The latest event per purpose is the current state. */
@Entity
@Table(name = "privacy_consent_event")
public class ConsentEvent {

    @Id
    private UUID id;
    @Column(name = "account_id", nullable = false)
    private UUID accountId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ConsentPurpose purpose;
    @Column(name = "text_version", nullable = false)
    @NotPersonalData("which version of the platform's consent text was answered")
    private int textVersion;
    @Column(nullable = false)
    @PersonalData(what = "Whether the person agreed to or withdrew from a purpose, and when",
            whatKo = "목적별 동의·철회 여부와 그 일시", purpose = "Proof of consent (PIPA art. 22)",
            legalBasis = LegalBasis.LEGAL_OBLIGATION, retention = "until the account is erased")
    private boolean granted;
    @Column(nullable = false)
    private Instant at;

    protected ConsentEvent() {
    }

    public ConsentEvent(UUID accountId, ConsentPurpose purpose, int textVersion, boolean granted, Instant at) {
        this.id = UUID.randomUUID();
        this.accountId = accountId;
        this.purpose = purpose;
        this.textVersion = textVersion;
        this.granted = granted;
        this.at = at.truncatedTo(ChronoUnit.MICROS);
    }

    public UUID id() { return id; }
    public UUID accountId() { return accountId; }
    public ConsentPurpose purpose() { return purpose; }
    public int textVersion() { return textVersion; }
    public boolean granted() { return granted; }
    public Instant at() { return at; }
}
