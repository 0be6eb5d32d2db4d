package org.madang.disclosure.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.madang.platform.personaldata.EncryptedString;
import org.madang.platform.personaldata.LegalBasis;
import org.madang.platform.personaldata.PersonalData;

/**
 * A third party told of a disclosure request that concerns them (Art. 11(3)), and their request not to disclose
 * (Art. 21(1)). They answer through a link whose secret is kept here only as its SHA-256.
 */
@Entity
@Table(name = "disclosure_third_party")
public class ThirdPartyNotice {

    @Id
    private UUID id;
    @Column(name = "request_id", nullable = false)
    private UUID requestId;
    @Column(nullable = false)
    @PersonalData(what = "Name of a third party consulted on a disclosure request", whatKo = "정보공개청구와 관련된 제3자의 이름",
            purpose = "Hearing the third party before disclosure (Information Disclosure Act Art. 11(3), 21)",
            legalBasis = LegalBasis.LEGAL_OBLIGATION, retention = "as long as the request record is kept by law")
    private String name;
    @Column(nullable = false)
    @Convert(converter = EncryptedString.class)
    @PersonalData(what = "E-mail address of a third party consulted on a disclosure request", whatKo = "정보공개청구와 관련된 제3자의 이메일 주소",
            purpose = "Sending the notice of the request and of a decision to disclose against their objection",
            legalBasis = LegalBasis.LEGAL_OBLIGATION, retention = "as long as the request record is kept by law",
            protectedAtRest = true)
    private String email;
    @Column(name = "token_hash", nullable = false)
    private String tokenHash;
    @Column(name = "notified_at", nullable = false)
    private Instant notifiedAt;
    @Column(name = "objected_at")
    private Instant objectedAt;
    @Column(name = "objection_reason")
    @PersonalData(what = "A third party's reasons for asking that information not be disclosed", whatKo = "제3자의 비공개 요청 사유",
            purpose = "Deciding the disclosure request (Information Disclosure Act Art. 21(1))",
            legalBasis = LegalBasis.LEGAL_OBLIGATION, retention = "as long as the request record is kept by law")
    private String objectionReason;
    @Version
    private int version;

    protected ThirdPartyNotice() {
    }

    public ThirdPartyNotice(UUID requestId, String name, String email, String tokenHash, Instant notifiedAt) {
        this.id = UUID.randomUUID();
        this.requestId = requestId;
        this.name = name;
        this.email = email;
        this.tokenHash = tokenHash;
        this.notifiedAt = notifiedAt;
    }

    public void object(Instant at, String reason) {
        objectedAt = at;
        objectionReason = reason;
    }

    public UUID id() { return id; }
    public UUID requestId() { return requestId; }
    public String name() { return name; }
    public String email() { return email; }
    public Instant notifiedAt() { return notifiedAt; }
    public Instant objectedAt() { return objectedAt; }
    public String objectionReason() { return objectionReason; }
    public boolean objected() { return objectedAt != null; }
}
