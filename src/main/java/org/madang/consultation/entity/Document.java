package org.madang.consultation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.madang.platform.personaldata.NotPersonalData;

/** A background document: either a link, or a stored file with its sniffed type and SHA-256. */
@Entity
@Table(name = "consultation_document")
public class Document {

    @Id
    private UUID id;
    @Column(name = "consultation_id", nullable = false)
    private UUID consultationId;
    @Column(nullable = false)
    @NotPersonalData("the file name of a document the ministry published")
    private String name;
    private String url;
    @Column(name = "media_type")
    private String mediaType;
    private String sha256;
    @Column(name = "size_bytes")
    private Long sizeBytes;
    @NotPersonalData("a background document the ministry published")
    private byte[] content;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Document() {
    }

    public static Document link(UUID consultationId, String name, String url, Instant now) {
        Document d = new Document();
        d.id = UUID.randomUUID();
        d.consultationId = consultationId;
        d.name = name;
        d.url = url;
        d.createdAt = now;
        return d;
    }

    public static Document file(UUID consultationId, String name, String mediaType, String sha256, byte[] content, Instant now) {
        Document d = new Document();
        d.id = UUID.randomUUID();
        d.consultationId = consultationId;
        d.name = name;
        d.mediaType = mediaType;
        d.sha256 = sha256;
        d.sizeBytes = (long) content.length;
        d.content = content;
        d.createdAt = now;
        return d;
    }

    public UUID id() { return id; }
    public UUID consultationId() { return consultationId; }
    public String name() { return name; }
    public String url() { return url; }
    public String mediaType() { return mediaType; }
    public String sha256() { return sha256; }
    public Long sizeBytes() { return sizeBytes; }
    public byte[] content() { return content; }
    public Instant createdAt() { return createdAt; }
}
