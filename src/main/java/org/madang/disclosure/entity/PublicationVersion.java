package org.madang.disclosure.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One version of a publication; the newest is current, the ones before it are superseded but still listed. */
@Entity
@Table(name = "publication_version")
public class PublicationVersion {

    @Id
    private UUID id;
    @Column(name = "publication_id", nullable = false)
    private UUID publicationId;
    @Column(nullable = false)
    private int number;
    private String note;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "superseded_at")
    private Instant supersededAt;

    protected PublicationVersion() {
    }

    public PublicationVersion(UUID publicationId, int number, String note, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.publicationId = publicationId;
        this.number = number;
        this.note = note;
        this.createdAt = createdAt;
    }

    public void supersede(Instant at) {
        supersededAt = at;
    }

    public boolean current() { return supersededAt == null; }

    public UUID id() { return id; }
    public UUID publicationId() { return publicationId; }
    public int number() { return number; }
    public String note() { return note; }
    public Instant createdAt() { return createdAt; }
    public Instant supersededAt() { return supersededAt; }
}
