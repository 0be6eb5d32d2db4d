package org.madang.election.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;
import org.madang.platform.personaldata.NotPersonalData;

/** A trustee's message in one round of a decryption batch, kept so the relay can be rebuilt and audited. */
@Entity
@Table(name = "decryption_message")
@IdClass(DecryptionMessage.Key.class)
public class DecryptionMessage {

    public enum Round { PARTIAL, REVEAL, RESPOND }

    /** The composite primary key (JPA id class). */
    public static class Key implements Serializable {
        UUID electionId;
        String batchId;
        String round;
        String guardianId;

        public Key() {
        }

        public Key(UUID electionId, String batchId, String round, String guardianId) {
            this.electionId = electionId;
            this.batchId = batchId;
            this.round = round;
            this.guardianId = guardianId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(electionId, k.electionId) && java.util.Objects.equals(batchId, k.batchId) && java.util.Objects.equals(round, k.round) && java.util.Objects.equals(guardianId, k.guardianId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(electionId, batchId, round, guardianId);
        }
    }

    @Id
    @Column(name = "election_id")
    private UUID electionId;
    @Id
    @Column(name = "batch_id")
    private String batchId;
    @Id
    private String round;
    @Id
    @Column(name = "guardian_id")
    private String guardianId;
    @Column(name = "message_json", nullable = false)
    @NotPersonalData("a trustee's decryption share, cryptographic data only")
    private String messageJson;

    protected DecryptionMessage() {
    }

    public DecryptionMessage(UUID electionId, String batchId, Round round, String guardianId, String messageJson) {
        this.electionId = electionId;
        this.batchId = batchId;
        this.round = round.name();
        this.guardianId = guardianId;
        this.messageJson = messageJson;
    }

    public Round round() { return Round.valueOf(round); }
    public String guardianId() { return guardianId; }
    public String messageJson() { return messageJson; }
}
