package org.madang.election.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;
import org.madang.platform.personaldata.NotPersonalData;

/** One guardian's encrypted key share for another, relayed by the server (which cannot read it). */
@Entity
@Table(name = "ceremony_share")
@IdClass(CeremonyShare.Key.class)
public class CeremonyShare {

    /** The composite primary key (JPA id class). */
    public static class Key implements Serializable {
        UUID electionId;
        String sender;
        String recipient;

        public Key() {
        }

        public Key(UUID electionId, String sender, String recipient) {
            this.electionId = electionId;
            this.sender = sender;
            this.recipient = recipient;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(electionId, k.electionId) && java.util.Objects.equals(sender, k.sender) && java.util.Objects.equals(recipient, k.recipient);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(electionId, sender, recipient);
        }
    }

    @Id
    @Column(name = "election_id")
    private UUID electionId;
    @Id
    private String sender;
    @Id
    @NotPersonalData("a guardian id in the key ceremony, not a person's address")
    private String recipient;
    @Column(name = "share_json", nullable = false)
    private String shareJson;

    protected CeremonyShare() {
    }

    public CeremonyShare(UUID electionId, String sender, String recipient, String shareJson) {
        this.electionId = electionId;
        this.sender = sender;
        this.recipient = recipient;
        this.shareJson = shareJson;
    }

    public String sender() { return sender; }
    public String recipient() { return recipient; }
    public String shareJson() { return shareJson; }
}
