package org.madang.platform.organisation.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.madang.platform.personaldata.NotPersonalData;

/** A ministry, or an agency under a ministry (or under another agency). Read on most requests, rarely changed: cached. */
@Entity
@Cacheable
@Table(name = "organisation")
public class Organisation {

    public enum Kind { MINISTRY, AGENCY }

    @Id
    private UUID id;
    @Column(name = "name_ko", nullable = false)
    @NotPersonalData("the name of a ministry or agency, not of a person")
    private String nameKo;
    @Column(name = "name_en", nullable = false)
    @NotPersonalData("the name of a ministry or agency, not of a person")
    private String nameEn;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;
    @Column(name = "parent_id")
    private UUID parentId;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Version
    private int version;

    protected Organisation() {
    }

    public Organisation(String nameKo, String nameEn, Kind kind, UUID parentId, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.nameKo = nameKo;
        this.nameEn = nameEn;
        this.kind = kind;
        this.parentId = parentId;
        this.createdAt = createdAt;
    }

    public void rename(String newNameKo, String newNameEn) {
        nameKo = newNameKo;
        nameEn = newNameEn;
    }

    public void moveUnder(UUID newParentId) {
        parentId = newParentId;
    }

    public UUID id() { return id; }
    public String nameKo() { return nameKo; }
    public String nameEn() { return nameEn; }
    public Kind kind() { return kind; }
    public UUID parentId() { return parentId; }
    public Instant createdAt() { return createdAt; }
    public int version() { return version; }
}
