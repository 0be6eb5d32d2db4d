package org.madang.election.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;
import org.madang.platform.personaldata.NotPersonalData;

/** One file of a published election record, exactly as auditors download it. */
@Entity
@Table(name = "election_record_file")
@IdClass(RecordFile.Key.class)
public class RecordFile {

    /** The composite primary key (JPA id class). */
    public static class Key implements Serializable {
        UUID electionId;
        String path;

        public Key() {
        }

        public Key(UUID electionId, String path) {
            this.electionId = electionId;
            this.path = path;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(electionId, k.electionId) && java.util.Objects.equals(path, k.path);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(electionId, path);
        }
    }

    @Id
    @Column(name = "election_id")
    private UUID electionId;
    @Id
    private String path;
    @Column(nullable = false)
    @NotPersonalData("a public election record file; ballots never hold identity")
    private String content;

    protected RecordFile() {
    }

    public RecordFile(UUID electionId, String path, String content) {
        this.electionId = electionId;
        this.path = path;
        this.content = content;
    }

    public String path() { return path; }
    public String content() { return content; }
}
