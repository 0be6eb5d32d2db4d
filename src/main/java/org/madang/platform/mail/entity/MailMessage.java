package org.madang.platform.mail.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.madang.platform.personaldata.LegalBasis;
import org.madang.platform.personaldata.PersonalData;

/** A mail waiting in, or sent from, the outbox. Written in the transaction of the change that causes it. */
@Entity
@Table(name = "mail_outbox")
public class MailMessage {

    public enum Status { QUEUED, SENDING, SENT, FAILED }

    /** After this many failed attempts a message is left as FAILED for an administrator to look at. */
    public static final int MAX_ATTEMPTS = 5;

    @Id
    private UUID id;
    @Column(nullable = false)
    @jakarta.persistence.Convert(converter = org.madang.platform.personaldata.EncryptedString.class)
    @PersonalData(what = "E-mail address a message was sent to", whatKo = "메일 받는 사람 주소",
            purpose = "Sending account and service mail",
            legalBasis = LegalBasis.CONTRACT, retention = "30 days after sending, then deleted by the retention job",
            protectedAtRest = true)
    private String recipient;
    /** Keyed hash of the recipient's address, so that erasure and export find a person's mail although it is encrypted. */
    @Column(name = "recipient_lookup")
    @PersonalData(what = "Keyed hash of the recipient's address", whatKo = "받는 사람 주소의 키 해시",
            purpose = "Finding a person's mail for export and erasure",
            legalBasis = LegalBasis.CONTRACT, retention = "30 days after sending, then deleted by the retention job")
    private String recipientLookup;
    @Column(nullable = false)
    private String subject;
    @Column(nullable = false)
    @PersonalData(what = "Text of a message sent to the person", whatKo = "보낸 메일 본문",
            purpose = "Sending account and service mail",
            legalBasis = LegalBasis.CONTRACT, retention = "30 days after sending, then deleted by the retention job")
    private String body;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    private int attempts;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "sent_at")
    private Instant sentAt;

    protected MailMessage() {
    }

    public MailMessage(String recipient, String subject, String body, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.recipient = recipient;
        this.recipientLookup = org.madang.platform.personaldata.LookupHash.ofEmail(recipient);
        this.subject = subject;
        this.body = body;
        this.status = Status.QUEUED;
        this.createdAt = createdAt;
    }

    public void sent(Instant at) {
        status = Status.SENT;
        sentAt = at;
        attempts++;
    }

    public void failed(String error) {
        attempts++;
        lastError = error == null ? "unknown" : error.substring(0, Math.min(error.length(), 1000));
        status = attempts >= MAX_ATTEMPTS ? Status.FAILED : Status.QUEUED;
    }

    public UUID id() { return id; }
    public String recipient() { return recipient; }
    public String subject() { return subject; }
    public String body() { return body; }
    public Status status() { return status; }
    public int attempts() { return attempts; }
    public String lastError() { return lastError; }
    public Instant createdAt() { return createdAt; }
    public Instant sentAt() { return sentAt; }
}
