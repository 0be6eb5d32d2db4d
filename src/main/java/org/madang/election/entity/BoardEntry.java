package org.madang.election.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One entry of the public bulletin board: a cast or challenged ballot, chained to the entry before it. */
@Entity
@Table(name = "board_entry")
@IdClass(BoardEntry.Key.class)
public class BoardEntry {

    public enum Kind { CAST, CHALLENGE }

    /** The composite primary key (JPA id class). */
    public static class Key implements Serializable {
        UUID electionId;
        long position;

        public Key() {
        }

        public Key(UUID electionId, long position) {
            this.electionId = electionId;
            this.position = position;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(electionId, k.electionId) && position == k.position;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(electionId, position);
        }
    }

    @Id
    @Column(name = "election_id")
    private UUID electionId;
    @Id
    private long position;
    @Column(nullable = false)
    private String kind;
    @Column(name = "ballot_id", nullable = false)
    private String ballotId;
    @Column(name = "confirmation_code", nullable = false)
    private String confirmationCode;
    @Column(nullable = false)
    private String credential;
    @Column(nullable = false)
    private String signature;
    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;
    @Column(name = "previous_hash", nullable = false)
    private String previousHash;
    @Column(name = "entry_hash", nullable = false)
    private String entryHash;
    @Column(nullable = false)
    private String receipt;
    @Column(name = "ballot_json", nullable = false)
    private String ballotJson;

    protected BoardEntry() {
    }

    public BoardEntry(UUID electionId, long position, Kind kind, String ballotId, String confirmationCode, String credential,
                      String signature, Instant receivedAt, String previousHash, String entryHash, String receipt,
                      String ballotJson) {
        this.electionId = electionId;
        this.position = position;
        this.kind = kind.name();
        this.ballotId = ballotId;
        this.confirmationCode = confirmationCode;
        this.credential = credential;
        this.signature = signature;
        this.receivedAt = receivedAt;
        this.previousHash = previousHash;
        this.entryHash = entryHash;
        this.receipt = receipt;
        this.ballotJson = ballotJson;
    }

    public UUID electionId() { return electionId; }
    public long position() { return position; }
    public Kind kind() { return Kind.valueOf(kind); }
    public String ballotId() { return ballotId; }
    public String confirmationCode() { return confirmationCode; }
    public String credential() { return credential; }
    public String signature() { return signature; }
    public Instant receivedAt() { return receivedAt; }
    public String previousHash() { return previousHash; }
    public String entryHash() { return entryHash; }
    public String receipt() { return receipt; }
    public String ballotJson() { return ballotJson; }
}
