package org.madang.disclosure.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.madang.platform.personaldata.NotPersonalData;

/**
 * A text document released with a disclosure decision. It only ever holds the redacted rendering (see
 * {@code RedactedText}): what is stored is exactly what may be served.
 */
@Entity
@Table(name = "disclosure_document")
public class DisclosureDocument {

    @Id
    private UUID id;
    @Column(name = "request_id", nullable = false)
    private UUID requestId;
    @Column(nullable = false)
    private String title;
    @Column(name = "media_type", nullable = false)
    private String mediaType;
    @Column(name = "redacted_content", nullable = false)
    @NotPersonalData("An agency's released public record, about no account holder; passages about persons are withheld under Art. 9(1) item 6")
    private byte[] redactedContent;
    @Column(name = "size_bytes", nullable = false)
    private int sizeBytes;
    @Column(name = "redacted_count", nullable = false)
    private int redactedCount;
    /** The Art. 9(1) items cited by the passages, e.g. "ITEM_5,ITEM_7" (empty when nothing is withheld). */
    @Column(nullable = false)
    private String grounds;
    @Column(name = "attached_at", nullable = false)
    private Instant attachedAt;

    protected DisclosureDocument() {
    }

    public DisclosureDocument(UUID requestId, String title, String mediaType, String redactedText, int redactedCount,
                              String grounds, Instant attachedAt) {
        this.id = UUID.randomUUID();
        this.requestId = requestId;
        this.title = title;
        this.mediaType = mediaType;
        this.redactedContent = redactedText.getBytes(StandardCharsets.UTF_8);
        this.sizeBytes = redactedContent.length;
        this.redactedCount = redactedCount;
        this.grounds = grounds;
        this.attachedAt = attachedAt;
    }

    public UUID id() { return id; }
    public UUID requestId() { return requestId; }
    public String title() { return title; }
    public String mediaType() { return mediaType; }
    public String redactedText() { return new String(redactedContent, StandardCharsets.UTF_8); }
    public int sizeBytes() { return sizeBytes; }
    public int redactedCount() { return redactedCount; }
    public String grounds() { return grounds; }
    public Instant attachedAt() { return attachedAt; }
}
