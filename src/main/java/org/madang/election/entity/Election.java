package org.madang.election.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.madang.platform.personaldata.NotPersonalData;

/**
 * One verifiable election. Its cryptographic documents (manifest, config, initialized, tally, result) are kept as the
 * exact JSON text that goes into the published record, so that what the server shows is what auditors verify.
 */
@Entity
@Table(name = "election")
public class Election {

    public enum State { DRAFT, KEY_CEREMONY, READY, OPEN, CLOSED, TALLYING, DECRYPTED, PUBLISHED, CANCELLED }

    /** Which moves the lifecycle allows; CANCELLED is reachable from every state before PUBLISHED. */
    private static final Map<State, Set<State>> MOVES = Map.of(
            State.DRAFT, EnumSet.of(State.KEY_CEREMONY, State.CANCELLED),
            State.KEY_CEREMONY, EnumSet.of(State.READY, State.CANCELLED),
            State.READY, EnumSet.of(State.OPEN, State.CANCELLED),
            State.OPEN, EnumSet.of(State.CLOSED, State.CANCELLED),
            State.CLOSED, EnumSet.of(State.TALLYING, State.CANCELLED),
            State.TALLYING, EnumSet.of(State.DECRYPTED, State.CANCELLED),
            State.DECRYPTED, EnumSet.of(State.PUBLISHED, State.CANCELLED),
            State.PUBLISHED, EnumSet.noneOf(State.class),
            State.CANCELLED, EnumSet.noneOf(State.class));

    @Id
    private UUID id;
    @Column(name = "title_ko", nullable = false)
    private String titleKo;
    @Column(name = "title_en", nullable = false)
    private String titleEn;
    @Column(name = "description_ko", nullable = false)
    private String descriptionKo;
    @Column(name = "description_en", nullable = false)
    private String descriptionEn;
    @Column(name = "group_name", nullable = false)
    @NotPersonalData("the name of the cryptographic group (P-256, 4096-bit)")
    private String groupName;
    @Column(nullable = false)
    private int guardians;
    @Column(nullable = false)
    private int quorum;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;
    @Column(name = "opens_at", nullable = false)
    private Instant opensAt;
    @Column(name = "closes_at", nullable = false)
    private Instant closesAt;
    @Column(name = "demo_trustees", nullable = false)
    private boolean demoTrustees;
    @Column(name = "manifest_form")
    private String manifestForm;
    @Column(name = "manifest_json")
    private String manifestJson;
    @Column(name = "manifest_hash")
    private String manifestHash;
    @Column(name = "config_json")
    private String configJson;
    @Column(name = "initialized_json")
    private String initializedJson;
    @Column(name = "extended_base_hash")
    private String extendedBaseHash;
    @Column(name = "receipt_private_jwk")
    private String receiptPrivateJwk;
    @Column(name = "receipt_public_jwk")
    private String receiptPublicJwk;
    @Column(name = "ceremony_failure")
    private String ceremonyFailure;
    @Column(name = "board_size", nullable = false)
    private long boardSize;
    @Column(name = "board_head")
    private String boardHead;
    @Column(name = "tally_json")
    private String tallyJson;
    @Column(name = "tally_progress", nullable = false)
    private long tallyProgress;
    @Column(name = "tally_total", nullable = false)
    private long tallyTotal;
    @Column(name = "decryption_batch")
    private String decryptionBatch;
    @Column(name = "decryption_available")
    private String decryptionAvailable;
    @Column(name = "result_json")
    private String resultJson;
    @Column(name = "created_by", nullable = false)
    private UUID createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Version
    private int version;

    protected Election() {
    }

    public Election(Settings settings, UUID createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.state = State.DRAFT;
        this.createdBy = createdBy;
        this.createdAt = now;
        change(settings);
    }

    /** What an administrator sets before the key ceremony. */
    public record Settings(String titleKo, String titleEn, String descriptionKo, String descriptionEn, String groupName,
                           int guardians, int quorum, Instant opensAt, Instant closesAt, boolean demoTrustees) {
    }

    public void change(Settings s) {
        titleKo = s.titleKo();
        titleEn = s.titleEn();
        descriptionKo = s.descriptionKo();
        descriptionEn = s.descriptionEn();
        groupName = s.groupName();
        guardians = s.guardians();
        quorum = s.quorum();
        opensAt = s.opensAt();
        closesAt = s.closesAt();
        demoTrustees = s.demoTrustees();
    }

    public boolean canMoveTo(State next) {
        return MOVES.get(state).contains(next);
    }

    /**
     * The moves the lifecycle allows now, less those whose own preconditions are not yet met: the tally's decryption
     * runs in the background, so offering DECRYPTED before its result exists only invites a refusal (or a version
     * conflict when the result lands between showing the choice and taking it).
     */
    public Set<State> offeredMoves() {
        Set<State> moves = EnumSet.noneOf(State.class);
        for (State next : MOVES.get(state)) {
            boolean ready = switch (next) {
                case KEY_CEREMONY -> manifestJson != null;
                case READY -> initializedJson != null;
                case DECRYPTED -> resultJson != null;
                default -> true;
            };
            if (ready) moves.add(next);
        }
        return moves;
    }

    public void moveTo(State next) {
        if (!canMoveTo(next)) throw new IllegalStateException(state + " → " + next);
        state = next;
    }

    public boolean acceptsBallotsAt(Instant now) {
        return state == State.OPEN && withinVotingTimes(opensAt, closesAt, now);
    }

    /** Whether {@code now} lies between an election's opening (included) and its closing (excluded). */
    public static boolean withinVotingTimes(Instant opensAt, Instant closesAt, Instant now) {
        return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }

    public void defineManifest(String form, String json, String hash) {
        manifestForm = form;
        manifestJson = json;
        manifestHash = hash;
    }

    public void configure(String config) {
        configJson = config;
    }

    public void initialize(String initialized, String extendedBaseHashHex) {
        initializedJson = initialized;
        extendedBaseHash = extendedBaseHashHex;
    }

    public void ceremonyFailed(String reason) {
        ceremonyFailure = reason.length() > 600 ? reason.substring(0, 600) : reason;
    }

    public void receiptKey(String privateJwk, String publicJwk) {
        receiptPrivateJwk = privateJwk;
        receiptPublicJwk = publicJwk;
    }

    /** The board grew by one entry; the caller holds this row's write lock. */
    public void appended(String newHead) {
        boardSize++;
        boardHead = newHead;
    }

    public void tallyProgress(long added, long total) {
        tallyProgress = added;
        tallyTotal = total;
    }

    public void tallied(String encryptedTally) {
        tallyJson = encryptedTally;
    }

    public void decryptionStarted(String batchId, String availableGuardians) {
        decryptionBatch = batchId;
        decryptionAvailable = availableGuardians;
    }

    public void decrypted(String result) {
        resultJson = result;
    }

    public UUID id() { return id; }
    public String titleKo() { return titleKo; }
    public String titleEn() { return titleEn; }
    public String descriptionKo() { return descriptionKo; }
    public String descriptionEn() { return descriptionEn; }
    public String groupName() { return groupName; }
    public int guardians() { return guardians; }
    public int quorum() { return quorum; }
    public State state() { return state; }
    public Instant opensAt() { return opensAt; }
    public Instant closesAt() { return closesAt; }
    public boolean demoTrustees() { return demoTrustees; }
    public String manifestForm() { return manifestForm; }
    public String manifestJson() { return manifestJson; }
    public String manifestHash() { return manifestHash; }
    public String configJson() { return configJson; }
    public String initializedJson() { return initializedJson; }
    public String extendedBaseHash() { return extendedBaseHash; }
    public String receiptPrivateJwk() { return receiptPrivateJwk; }
    public String receiptPublicJwk() { return receiptPublicJwk; }
    public String ceremonyFailure() { return ceremonyFailure; }
    public long boardSize() { return boardSize; }
    public String boardHead() { return boardHead; }
    public String tallyJson() { return tallyJson; }
    public long tallyProgress() { return tallyProgress; }
    public long tallyTotal() { return tallyTotal; }
    public String decryptionBatch() { return decryptionBatch; }
    public String decryptionAvailable() { return decryptionAvailable; }
    public String resultJson() { return resultJson; }
    public UUID createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public int version() { return version; }
}
