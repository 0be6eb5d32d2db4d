package org.madang.forum.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A place of debate: on a topic (made by an administrator) or hosted by an organisation on its own subjects. */
@Entity
@Table(name = "forum")
public class Forum {

    @Id
    private UUID id;
    @Column(name = "title_ko", nullable = false)
    private String titleKo;
    @Column(name = "title_en", nullable = false)
    private String titleEn;
    @Column(nullable = false)
    private String description;
    @Column(name = "organisation_id")
    private UUID organisationId;
    @Column(name = "stance_required", nullable = false)
    private boolean stanceRequired;
    @Column(name = "residents_only", nullable = false)
    private boolean residentsOnly;
    @Column(name = "created_by", nullable = false)
    private UUID createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Version
    private int version;

    protected Forum() {
    }

    public Forum(String titleKo, String titleEn, String description, UUID organisationId, boolean stanceRequired,
                 boolean residentsOnly, UUID createdBy, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.titleKo = titleKo;
        this.titleEn = titleEn;
        this.description = description;
        this.organisationId = organisationId;
        this.stanceRequired = stanceRequired;
        this.residentsOnly = residentsOnly;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public UUID id() { return id; }
    public String titleKo() { return titleKo; }
    public String titleEn() { return titleEn; }
    public String description() { return description; }
    public UUID organisationId() { return organisationId; }
    public boolean stanceRequired() { return stanceRequired; }
    public boolean residentsOnly() { return residentsOnly; }
    public UUID createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
}
