package org.madang.privacy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The access log's head (locked while appending) and its tail anchor: entries before {@code firstSeq} were deleted
 * by the retention job, which kept the hash of the last one deleted so the oldest kept entry is still checked.
 */
@Entity
@Table(name = "privacy_access_head")
public class AccessHead {

    @Id
    private int id;
    @Column(name = "last_seq", nullable = false)
    private long lastSeq;
    @Column(name = "last_hash", nullable = false)
    private String lastHash;
    @Column(name = "first_seq", nullable = false)
    private long firstSeq;
    @Column(name = "anchor_hash", nullable = false)
    private String anchorHash;

    protected AccessHead() {
    }

    public void advanceTo(AccessEntry entry) {
        lastSeq = entry.seq();
        lastHash = entry.hash();
    }

    /** The entries up to and including {@code entry} were deleted. */
    public void prunedThrough(AccessEntry entry) {
        firstSeq = entry.seq() + 1;
        anchorHash = entry.hash();
    }

    public long lastSeq() { return lastSeq; }
    public String lastHash() { return lastHash; }
    public long firstSeq() { return firstSeq; }
    public String anchorHash() { return anchorHash; }
}
