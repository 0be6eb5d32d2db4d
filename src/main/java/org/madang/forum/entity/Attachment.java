package org.madang.forum.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.madang.platform.personaldata.LegalBasis;
import org.madang.platform.personaldata.NotPersonalData;
import org.madang.platform.personaldata.PersonalData;

/** An image or PDF on a post, kept in the database with the type read from its bytes and its SHA-256. */
@Entity
@Table(name = "forum_attachment")
public class Attachment {

    @Id
    private UUID id;
    @Column(name = "post_id", nullable = false)
    private UUID postId;
    @Column(name = "file_name", nullable = false)
    @PersonalData(what = "Name of a file attached to a forum post", whatKo = "첨부 파일 이름",
            purpose = "Showing the post as its author published it",
            legalBasis = LegalBasis.CONTRACT, retention = "until the account is erased (then kept under a pseudonym, or removed on request)")
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
    @PersonalData(what = "A file attached to a forum post", whatKo = "게시글 첨부 파일",
            purpose = "Showing the post as its author published it",
            legalBasis = LegalBasis.CONTRACT, retention = "until the account is erased (then kept under a pseudonym, or removed on request)")
    private byte[] content;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Attachment() {
    }

    public Attachment(UUID postId, String fileName, String contentType, byte[] content, String sha256, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.postId = postId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = content.length;
        this.content = content;
        this.sha256 = sha256;
        this.createdAt = createdAt;
    }

    public UUID id() { return id; }
    public UUID postId() { return postId; }
    public String fileName() { return fileName; }
    public String contentType() { return contentType; }
    public long sizeBytes() { return sizeBytes; }
    public String sha256() { return sha256; }
    public byte[] content() { return content; }
    public Instant createdAt() { return createdAt; }
}
