package org.madang.platform.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.madang.platform.personaldata.LegalBasis;
import org.madang.platform.personaldata.PersonalData;

/** A provider's account (its issuer and the subject it gives the person) linked to a Madang account. */
@Entity
@Table(name = "federated_identity")
public class FederatedIdentity {

    @Id
    private UUID id;
    @Column(name = "account_id", nullable = false)
    private UUID accountId;
    @Column(nullable = false)
    @PersonalData(what = "Sign-in provider used", whatKo = "사용한 외부 로그인 제공자",
            purpose = "Sign-in with an external identity provider (OpenID Connect)",
            legalBasis = LegalBasis.CONTRACT, retention = "until the account is erased or the link removed")
    private String issuer;
    @Column(nullable = false)
    @PersonalData(what = "Identifier the sign-in provider gives the person", whatKo = "외부 로그인 제공자의 사용자 식별자",
            purpose = "Sign-in with an external identity provider (OpenID Connect)",
            legalBasis = LegalBasis.CONTRACT, retention = "until the account is erased or the link removed")
    private String subject;
    @Column(name = "linked_at", nullable = false)
    private Instant linkedAt;

    protected FederatedIdentity() {
    }

    public FederatedIdentity(UUID accountId, String issuer, String subject, Instant linkedAt) {
        this.id = UUID.randomUUID();
        this.accountId = accountId;
        this.issuer = issuer;
        this.subject = subject;
        this.linkedAt = linkedAt;
    }

    public UUID id() { return id; }
    public UUID accountId() { return accountId; }
    public String issuer() { return issuer; }
    public String subject() { return subject; }
    public Instant linkedAt() { return linkedAt; }
}
