package org.madang.poll.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.madang.platform.personaldata.LegalBasis;
import org.madang.platform.personaldata.PersonalData;

/** One person's answer to one poll, with the attributes they consented to share at the time they answered. */
@Entity
@Table(name = "poll_response")
public class PollResponse {

    @Id
    private UUID id;
    @Column(name = "poll_id", nullable = false)
    private UUID pollId;
    @Column(name = "account_id", nullable = false)
    private UUID accountId;
    @Column(nullable = false)
    private String answer;
    @Column
    @PersonalData(what = "District stored with a poll answer", whatKo = "응답의 거주 지역",
            purpose = "District breakdowns of poll results (k-anonymous)",
            legalBasis = LegalBasis.CONSENT, retention = "with the poll answer")
    private String district;
    @Column(name = "age_band")
    @PersonalData(what = "Age band stored with a poll answer", whatKo = "응답의 연령대",
            purpose = "Age-band breakdowns of poll results (k-anonymous)",
            legalBasis = LegalBasis.CONSENT, retention = "with the poll answer")
    private String ageBand;
    @Column
    @PersonalData(what = "Gender stored with a poll answer", whatKo = "응답의 성별",
            purpose = "Gender breakdowns of poll results (k-anonymous)",
            legalBasis = LegalBasis.CONSENT, retention = "with the poll answer")
    private String gender;
    @Column(name = "answered_at", nullable = false)
    private Instant answeredAt;

    protected PollResponse() {
    }

    public PollResponse(UUID pollId, UUID accountId, String answer, Attributes attributes, Instant now) {
        this.id = UUID.randomUUID();
        this.pollId = pollId;
        this.accountId = accountId;
        change(answer, attributes, now);
    }

    public record Attributes(String district, String ageBand, String gender) {
        public static final Attributes NONE = new Attributes(null, null, null);
    }

    public void change(String newAnswer, Attributes attributes, Instant now) {
        answer = newAnswer;
        district = attributes.district();
        ageBand = attributes.ageBand();
        gender = attributes.gender();
        answeredAt = now;
    }

    public UUID id() { return id; }
    public UUID pollId() { return pollId; }
    public UUID accountId() { return accountId; }
    public String answer() { return answer; }
    public String district() { return district; }
    public String ageBand() { return ageBand; }
    public String gender() { return gender; }
    public Instant answeredAt() { return answeredAt; }
}
