package org.madang.privacy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;
import org.madang.platform.personaldata.LegalBasis;
import org.madang.platform.personaldata.PersonalData;

/**
 * One read or export of a citizen's personal data by staff. Never updated: the hash covers the fields and the
 * previous entry's hash, so changing or removing an entry breaks every later one.
 */
@Entity
@Table(name = "privacy_access_entry")
public class AccessEntry {

    public static final String GENESIS_HASH = "0".repeat(64);

    @Id
    private long seq;
    @Column(nullable = false)
    private Instant at;
    @Column(name = "staff_id", nullable = false)
    private UUID staffId;
    @Column(name = "staff_roles", nullable = false)
    private String staffRoles;
    @Column(name = "subject_id", nullable = false)
    @PersonalData(what = "Which staff member read which of your fields, when and why", whatKo = "어느 담당자가 언제, 왜 내 어떤 정보를 열람했는지",
            purpose = "Accountability for staff access to personal data; shown to the person on My data",
            legalBasis = LegalBasis.LEGAL_OBLIGATION, retention = "2 years, then deleted by the retention job")
    private UUID subjectId;
    @Column(nullable = false)
    private String fields;
    @Column(nullable = false)
    private String purpose;
    @Column(name = "previous_hash", nullable = false)
    private String previousHash;
    @Column(nullable = false)
    private String hash;

    protected AccessEntry() {
    }

    public AccessEntry(long seq, Instant at, UUID staffId, String staffRoles, UUID subjectId, String fields, String purpose,
                       String previousHash) {
        this.seq = seq;
        // the hash must survive the database's microsecond timestamps
        this.at = at.truncatedTo(ChronoUnit.MICROS);
        this.staffId = staffId;
        this.staffRoles = staffRoles;
        this.subjectId = subjectId;
        this.fields = fields;
        this.purpose = purpose;
        this.previousHash = previousHash;
        this.hash = computeHash();
    }

    /** SHA-256 over the length-prefixed fields, so no two different entries share an input. */
    public String computeHash() {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            for (String field : new String[] {Long.toString(seq), at.toString(), staffId.toString(), staffRoles,
                    subjectId.toString(), fields, purpose, previousHash}) {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public long seq() { return seq; }
    public Instant at() { return at; }
    public UUID staffId() { return staffId; }
    public String staffRoles() { return staffRoles; }
    public UUID subjectId() { return subjectId; }
    public String fields() { return fields; }
    public String purpose() { return purpose; }
    public String previousHash() { return previousHash; }
    public String hash() { return hash; }
}
