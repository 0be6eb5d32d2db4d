package org.madang.disclosure.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.madang.platform.personaldata.LegalBasis;
import org.madang.platform.personaldata.PersonalData;

/**
 * A citizen's request for information held by an agency, with the events that drive its statutory clock. Deadlines
 * are not stored: they are computed from these events and the holiday calendar whenever they are read.
 */
@Entity
@Table(name = "disclosure_request")
@EntityListeners(DisclosureRequestChanges.class)
public class DisclosureRequest {

    public enum Form { VIEW, COPY, ELECTRONIC_FILE }

    public enum Status { RECEIVED, ACKNOWLEDGED, AWAITING_CLARIFICATION, DECIDED, DEEMED_REFUSED, OBJECTED, OBJECTION_DECIDED }

    public enum Decision { DISCLOSED, PARTLY_DISCLOSED, NOT_DISCLOSED, NOT_HELD }

    public enum ObjectionOutcome { UPHELD, PARTLY_UPHELD, DISMISSED }

    @Id
    private UUID id;
    @Column(nullable = false)
    private String reference;
    @Column(name = "requester_id", nullable = false)
    private UUID requesterId;
    @Column(name = "agency_id", nullable = false)
    private UUID agencyId;
    @Column(nullable = false)
    private String subject;
    @Column(nullable = false)
    private String description;
    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_form", nullable = false)
    private Form preferredForm;
    @Column(name = "private_request", nullable = false)
    private boolean privateRequest;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;
    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;
    @Column(name = "extended_at")
    private Instant extendedAt;
    @Column(name = "extension_reason")
    private String extensionReason;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Enumerated(EnumType.STRING)
    private Decision decision;
    @Enumerated(EnumType.STRING)
    @Column(name = "exemption_ground")
    private ExemptionGround exemptionGround;
    @Column(name = "decision_reason")
    private String decisionReason;
    private String redactions;
    @Column(name = "deemed_refusal", nullable = false)
    private boolean deemedRefusal;
    @Column(name = "objected_at")
    private Instant objectedAt;
    @Column(name = "objection_text")
    @PersonalData(what = "Text of a requester's objection to a disclosure decision", whatKo = "정보공개 이의신청 내용",
            purpose = "Deciding the objection under the Official Information Disclosure Act",
            legalBasis = LegalBasis.LEGAL_OBLIGATION, retention = "as long as the request record is kept by law")
    private String objectionText;
    @Column(name = "objection_extended_at")
    private Instant objectionExtendedAt;
    @Column(name = "objection_decided_at")
    private Instant objectionDecidedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "objection_outcome")
    private ObjectionOutcome objectionOutcome;
    @Column(name = "objection_reason")
    private String objectionReason;
    @Column(name = "clarification_requested_at")
    private Instant clarificationRequestedAt;
    @Column(name = "clarification_question")
    private String clarificationQuestion;
    @Column(name = "clarified_at")
    private Instant clarifiedAt;
    @Column(name = "clarification_answer")
    @PersonalData(what = "A requester's answer to the agency's request to clarify a disclosure request",
            whatKo = "정보공개청구 보완 요청에 대한 청구인의 답변",
            purpose = "Deciding the disclosure request under the Official Information Disclosure Act",
            legalBasis = LegalBasis.LEGAL_OBLIGATION, retention = "as long as the request record is kept by law")
    private String clarificationAnswer;
    /** Days of earlier, answered clarification rounds that the decision period does not count. */
    @Column(name = "clarification_paused_days", nullable = false)
    private int clarificationPausedDays;
    @Column(name = "transferred_from_agency_id")
    private UUID transferredFromAgencyId;
    @Column(name = "transferred_at")
    private Instant transferredAt;
    @Column(name = "transfer_reason")
    private String transferReason;
    @Version
    private int version;

    protected DisclosureRequest() {
    }

    public DisclosureRequest(String reference, UUID requesterId, UUID agencyId, String subject, String description,
                             Form preferredForm, boolean privateRequest, Instant receivedAt) {
        this.id = UUID.randomUUID();
        this.reference = reference;
        this.requesterId = requesterId;
        this.agencyId = agencyId;
        this.subject = subject;
        this.description = description;
        this.preferredForm = preferredForm;
        this.privateRequest = privateRequest;
        this.status = Status.RECEIVED;
        this.receivedAt = receivedAt;
    }

    public void acknowledge(Instant at) {
        acknowledgedAt = at;
        status = Status.ACKNOWLEDGED;
    }

    public void extend(Instant at, String reason) {
        extendedAt = at;
        extensionReason = reason;
    }

    /** The official asks the requester to clarify; the decision clock stops until the answer. */
    public void askClarification(Instant at, String question) {
        clarificationRequestedAt = at;
        clarificationQuestion = question;
        clarifiedAt = null;
        clarificationAnswer = null;
        status = Status.AWAITING_CLARIFICATION;
    }

    /** The requester answers; the days the clock stood still are kept, and the request is back in the queue. */
    public void answerClarification(Instant at, String answer, int pausedDays) {
        clarifiedAt = at;
        clarificationAnswer = answer;
        clarificationPausedDays += pausedDays;
        status = acknowledgedAt != null ? Status.ACKNOWLEDGED : Status.RECEIVED;
    }

    /** A decision while an answer is still awaited ends the pause there; the question stays unanswered. */
    public void endClarificationUnanswered(int pausedDays) {
        clarificationPausedDays += pausedDays;
    }

    /**
     * Art. 11(4): the request goes to the competent agency, which receives it anew; its decision period counts from
     * the transfer, so the first agency's acknowledgement, extension and pauses no longer apply.
     */
    public void transfer(Instant at, UUID toAgencyId, String reason) {
        transferredFromAgencyId = agencyId;
        agencyId = toAgencyId;
        transferredAt = at;
        transferReason = reason;
        acknowledgedAt = null;
        extendedAt = null;
        extensionReason = null;
        clarificationPausedDays = 0;
        status = Status.RECEIVED;
    }

    /** When the agency now holding the request received it: the transfer if there was one, else the filing. */
    public Instant receivedByAgencyAt() {
        return transferredAt != null ? transferredAt : receivedAt;
    }

    public void decide(Instant at, Decision what, ExemptionGround ground, String reason, String redacted) {
        decidedAt = at;
        decision = what;
        exemptionGround = ground;
        decisionReason = reason;
        redactions = redacted;
        status = Status.DECIDED;
    }

    /** The decision period ended without a decision: the Act treats it as a refusal from the end of the period. */
    public void deemRefused(Instant endOfPeriod) {
        decidedAt = endOfPeriod;
        deemedRefusal = true;
        status = Status.DEEMED_REFUSED;
    }

    public void object(Instant at, String text) {
        objectedAt = at;
        objectionText = text;
        status = Status.OBJECTED;
    }

    public void extendObjection(Instant at) {
        objectionExtendedAt = at;
    }

    public void decideObjection(Instant at, ObjectionOutcome outcome, String reason) {
        objectionDecidedAt = at;
        objectionOutcome = outcome;
        objectionReason = reason;
        status = Status.OBJECTION_DECIDED;
    }

    public UUID id() { return id; }
    public String reference() { return reference; }
    public UUID requesterId() { return requesterId; }
    public UUID agencyId() { return agencyId; }
    public String subject() { return subject; }
    public String description() { return description; }
    public Form preferredForm() { return preferredForm; }
    public boolean privateRequest() { return privateRequest; }
    public Status status() { return status; }
    public Instant receivedAt() { return receivedAt; }
    public Instant acknowledgedAt() { return acknowledgedAt; }
    public Instant extendedAt() { return extendedAt; }
    public String extensionReason() { return extensionReason; }
    public Instant decidedAt() { return decidedAt; }
    public Decision decision() { return decision; }
    public ExemptionGround exemptionGround() { return exemptionGround; }
    public String decisionReason() { return decisionReason; }
    public String redactions() { return redactions; }
    public boolean deemedRefusal() { return deemedRefusal; }
    public Instant objectedAt() { return objectedAt; }
    public String objectionText() { return objectionText; }
    public Instant objectionExtendedAt() { return objectionExtendedAt; }
    public Instant objectionDecidedAt() { return objectionDecidedAt; }
    public ObjectionOutcome objectionOutcome() { return objectionOutcome; }
    public String objectionReason() { return objectionReason; }
    public Instant clarificationRequestedAt() { return clarificationRequestedAt; }
    public String clarificationQuestion() { return clarificationQuestion; }
    public Instant clarifiedAt() { return clarifiedAt; }
    public String clarificationAnswer() { return clarificationAnswer; }
    public int clarificationPausedDays() { return clarificationPausedDays; }
    public boolean awaitingClarification() { return status == Status.AWAITING_CLARIFICATION; }
    public UUID transferredFromAgencyId() { return transferredFromAgencyId; }
    public Instant transferredAt() { return transferredAt; }
    public String transferReason() { return transferReason; }
    public int version() { return version; }
}
