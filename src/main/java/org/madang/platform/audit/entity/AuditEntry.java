package org.madang.platform.audit.entity;

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
import org.madang.platform.personaldata.LegalBasis;
import org.madang.platform.personaldata.PersonalData;

/**
 * One security-relevant action. Entries are never updated: each one's hash covers its own fields and the previous
 * entry's hash, so changing or removing any entry breaks every later hash.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    public static final String GENESIS_HASH = "0".repeat(64);

    @Id
    private long seq;
    @Column(nullable = false)
    private Instant at;
    @Column(nullable = false)
    @PersonalData(what = "Account id of whoever acted", whatKo = "행위자의 계정 식별자",
            purpose = "Security audit of every state change",
            legalBasis = LegalBasis.LEGAL_OBLIGATION, retention = "kept with the audit log (not erased: it holds an account id, not a name)")
    private String actor;
    @Column(nullable = false)
    private String action;
    @Column(nullable = false)
    private String target;
    @Column(nullable = false)
    @PersonalData(what = "Details of the action (e.g. a verified district)", whatKo = "행위의 세부 내용(예: 확인된 거주 지역)",
            purpose = "Security audit of every state change",
            legalBasis = LegalBasis.LEGAL_OBLIGATION, retention = "kept with the audit log")
    private String detail;
    @Column(name = "previous_hash", nullable = false)
    private String previousHash;
    @Column(nullable = false)
    private String hash;

    protected AuditEntry() {
    }

    public AuditEntry(long seq, Instant at, String actor, String action, String target, String detail, String previousHash) {
        this.seq = seq;
        // the hash must survive the round trip through the database, whose timestamps keep microseconds
        this.at = at.truncatedTo(ChronoUnit.MICROS);
        this.actor = limit(actor, 100);
        this.action = limit(action, 100);
        this.target = limit(target, 200);
        this.detail = limit(detail, 2000);
        this.previousHash = previousHash;
        this.hash = computeHash();
    }

    /** SHA-256 over the length-prefixed fields, so no two different entries can share an input. */
    public String computeHash() {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            for (String field : new String[] {Long.toString(seq), at.toString(), actor, action, target, detail, previousHash}) {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String limit(String text, int max) {
        String value = text == null ? "" : text;
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    public long seq() { return seq; }
    public Instant at() { return at; }
    public String actor() { return actor; }
    public String action() { return action; }
    public String target() { return target; }
    public String detail() { return detail; }
    public String previousHash() { return previousHash; }
    public String hash() { return hash; }
}
