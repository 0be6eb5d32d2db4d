package org.madang.disclosure.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.madang.platform.personaldata.NotPersonalData;

/** A file of a publication version: the type read from its bytes, its SHA-256, and for text files their text. */
@Entity
@Table(name = "publication_file")
public class PublicationFile {

    @Id
    private UUID id;
    @Column(name = "version_id", nullable = false)
    private UUID versionId;
    @Column(name = "file_name", nullable = false)
    @NotPersonalData("the name of a file an agency published")
    private String fileName;
    @Column(name = "content_type", nullable = false)
    @NotPersonalData("the file type sniffed from the bytes")
    private String contentType;
    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;
    @Column(nullable = false)
    private String sha256;
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    @NotPersonalData("a document an agency published for everyone; personal data is redacted before publication")
    private byte[] content;
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "extracted_text")
    @NotPersonalData("the text of a published text file, kept for search")
    private String extractedText;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PublicationFile() {
    }

    public PublicationFile(UUID versionId, String fileName, String contentType, byte[] content, String sha256,
                           String extractedText, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.versionId = versionId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = content.length;
        this.content = content;
        this.sha256 = sha256;
        this.extractedText = extractedText;
        this.createdAt = createdAt;
    }

    public UUID id() { return id; }
    public UUID versionId() { return versionId; }
    public String fileName() { return fileName; }
    public String contentType() { return contentType; }
    public long sizeBytes() { return sizeBytes; }
    public String sha256() { return sha256; }
    public byte[] content() { return content; }
    public String extractedText() { return extractedText; }
    public Instant createdAt() { return createdAt; }
}
