package org.madang.poll.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.madang.platform.personaldata.LegalBasis;
import org.madang.platform.personaldata.PersonalData;

/**
 * The optional attributes a person lets poll breakdowns use, alongside their POLL_DEMOGRAPHICS consent in the ledger:
 * used only while that consent stands, and deleted when it is withdrawn. Only what is here (and the
 * registrar-checked district, when shared) ever reaches a breakdown.
 */
@Entity
@Table(name = "poll_attribute_consent")
public class AttributeConsent {

    @Id
    @Column(name = "account_id")
    private UUID accountId;
    @Column(name = "birth_year")
    @PersonalData(what = "Birth year a respondent chose to share", whatKo = "응답자가 공유한 출생 연도",
            purpose = "Age-band breakdowns of poll results (k-anonymous)",
            legalBasis = LegalBasis.CONSENT, retention = "until consent is withdrawn or the account is erased")
    private Integer birthYear;
    @Column
    @PersonalData(what = "Gender a respondent chose to share", whatKo = "응답자가 공유한 성별",
            purpose = "Gender breakdowns of poll results (k-anonymous)",
            legalBasis = LegalBasis.CONSENT, retention = "until consent is withdrawn or the account is erased")
    private String gender;
    @Column(name = "share_district", nullable = false)
    @PersonalData(what = "Whether a respondent shares their district", whatKo = "거주 지역 공유 여부",
            purpose = "District breakdowns of poll results (k-anonymous)",
            legalBasis = LegalBasis.CONSENT, retention = "until consent is withdrawn or the account is erased")
    private boolean shareDistrict;
    @Column(name = "consented_at", nullable = false)
    private Instant consentedAt;

    protected AttributeConsent() {
    }

    public AttributeConsent(UUID accountId) {
        this.accountId = accountId;
    }

    public void set(Integer birthYear, String gender, boolean shareDistrict, Instant now) {
        this.birthYear = birthYear;
        this.gender = gender;
        this.shareDistrict = shareDistrict;
        this.consentedAt = now;
    }

    public UUID accountId() { return accountId; }
    public Integer birthYear() { return birthYear; }
    public String gender() { return gender; }
    public boolean shareDistrict() { return shareDistrict; }
    public Instant consentedAt() { return consentedAt; }
}
