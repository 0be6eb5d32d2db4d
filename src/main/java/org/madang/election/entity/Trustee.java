package org.madang.election.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** A guardian seat of an election and the account that holds it (none in demo elections, where the server plays it). */
@Entity
@Table(name = "election_trustee")
@IdClass(Trustee.Key.class)
public class Trustee {

    /** The composite primary key (JPA id class). */
    public static class Key implements Serializable {
        UUID electionId;
        String guardianId;

        public Key() {
        }

        public Key(UUID electionId, String guardianId) {
            this.electionId = electionId;
            this.guardianId = guardianId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(electionId, k.electionId) && java.util.Objects.equals(guardianId, k.guardianId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(electionId, guardianId);
        }
    }

    @Id
    @Column(name = "election_id")
    private UUID electionId;
    @Id
    @Column(name = "guardian_id")
    private String guardianId;
    @Column(name = "x_coordinate", nullable = false)
    private int xCoordinate;
    @Column(name = "account_id")
    private UUID accountId;
    @Column
    private String announcement;
    @Column(name = "shares_sent", nullable = false)
    private boolean sharesSent;
    @Column(name = "confirmed_key")
    private String confirmedKey;
    @Column(nullable = false)
    private boolean participating;
    @Column(name = "demo_secret")
    private String demoSecret;

    protected Trustee() {
    }

    public Trustee(UUID electionId, int x, UUID accountId) {
        this.electionId = electionId;
        this.guardianId = "guardian" + x;
        this.xCoordinate = x;
        this.accountId = accountId;
    }

    public void announced(String announcementJson) { announcement = announcementJson; }
    public void sentShares() { sharesSent = true; }
    public void confirmed(String jointKeyHex) { confirmedKey = jointKeyHex; }
    public void participates() { participating = true; }
    public void holdDemoSecret(String secretJson) { demoSecret = secretJson; }

    public UUID electionId() { return electionId; }
    public String guardianId() { return guardianId; }
    public int xCoordinate() { return xCoordinate; }
    public UUID accountId() { return accountId; }
    public String announcement() { return announcement; }
    public boolean sharesSent() { return sharesSent; }
    public String confirmedKey() { return confirmedKey; }
    public boolean participating() { return participating; }
    public String demoSecret() { return demoSecret; }
}
