package org.madang.platform.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last entry of the chain; its row is locked while an entry is appended, so appends are serialised. */
@Entity
@Table(name = "audit_head")
public class AuditHead {

    @Id
    private int id;
    @Column(name = "last_seq", nullable = false)
    private long lastSeq;
    @Column(name = "last_hash", nullable = false)
    private String lastHash;

    protected AuditHead() {
    }

    public long lastSeq() { return lastSeq; }
    public String lastHash() { return lastHash; }

    public void advanceTo(AuditEntry entry) {
        lastSeq = entry.seq();
        lastHash = entry.hash();
    }
}
