package org.madang.election.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.madang.ballot.board.CredentialSignature;
import org.madang.ballot.json.JsonException;
import org.madang.ballot.json.JsonReader;
import org.madang.ballot.json.JsonValue;
import org.madang.ballot.json.JsonWriter;
import org.madang.ballot.record.BallotState;
import org.madang.ballot.record.EncryptedBallot;
import org.madang.ballot.record.RecordFormatException;
import org.madang.ballot.record.RecordJson;
import org.madang.ballot.verify.Problems;
import org.madang.election.entity.BoardEntry;
import org.madang.election.entity.Election;
import org.madang.election.entity.Voter;
import org.madang.platform.account.control.Accounts;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;

/**
 * Ballot intake. A ballot arrives encrypted and signed with the voter's credential; the server checks everything the
 * verifier will check for it (election, style, every proof, confirmation code, signature) before a single row is
 * written, then appends it to the bulletin board under the election's row lock and signs a receipt. The same ballot
 * sent again gets the same receipt back.
 */
@ApplicationScoped
public class BallotBox {

    public static final int MAX_BALLOT_CHARS = 2_000_000;
    private static final Pattern SIGNATURE = Pattern.compile("[0-9a-fA-F]{128}");
    private static final JsonReader.Limits BALLOT_LIMITS = new JsonReader.Limits(MAX_BALLOT_CHARS, 16, 10_000, 40);

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    Elections elections;

    @Inject
    VoterRoll roll;

    @Inject
    ElectionCryptography cryptography;

    @Inject
    BoardWriter boards;

    @Inject
    Accounts accounts;

    Clock clock = Clock.systemUTC();

    /** How long an election seen open is taken to be open before the next cast reads it again. */
    private static final Duration OPEN_STATE_KEPT = Duration.ofSeconds(1);
    private static final int MAX_CASTERS_KEPT = 200_000;
    private final Map<UUID, OpenElection> openElections = new ConcurrentHashMap<>();
    private final Map<CasterKey, Caster> casters = new ConcurrentHashMap<>();

    /** What the voter keeps; {@code repeated} when the ballot was already on the board. */
    public record Receipt(BoardEntry entry, boolean repeated) {
    }

    /**
     * Checks run before any transaction, in parallel on every core; only the append is serialised, in groups
     * (see {@link BoardWriter}). What the checks read of the election and the voter comes from memory when it was read
     * a moment ago (see {@link #openElection} and {@link #caster}); the append confirms the election is open under its
     * row lock.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Receipt cast(UUID electionId, UUID voterAccountId, Envelope cast) {
        String signatureHex = cast.signatureHex();
        var crypto = openElection(electionId);
        Caster voter = caster(electionId, voterAccountId);
        if (!SIGNATURE.matcher(signatureHex).matches()) {
            throw ProblemException.invalid("signature", "ballot.signatureFormat");
        }
        EncryptedBallot ballot = parse(crypto, cast.ballot());
        checkBallot(crypto, voter.ballotStyle(), ballot);
        if (!CredentialSignature.verify(HexFormat.of().parseHex(voter.credential()), crypto.key().extendedBaseHash(),
                ballot.confirmationCode(), HexFormat.of().parseHex(signatureHex))) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "ballot.badSignature");
        }
        BallotState state = ballot.state();
        return boards.append(new BoardWriter.Pending(electionId, ballot.ballotId(), ballot.confirmationCode(), voter.credential(),
                signatureHex.toLowerCase(), state == BallotState.CAST ? BoardEntry.Kind.CAST : BoardEntry.Kind.CHALLENGE,
                JsonWriter.write(RecordJson.write(ballot))));
    }

    /** A ballot as cast: the ballot's JSON and the credential's signature of it (hex). */
    public record Envelope(JsonValue ballot, String signatureHex) {
    }

    /** Reads the envelope a ballot is cast in, {@code {"ballot": {...}, "signature": "hex"}}, under the ballot's size limits. */
    public static Envelope envelope(String body) {
        try {
            if (JsonReader.parse(body, BALLOT_LIMITS) instanceof JsonValue.JsonObject envelope && envelope.members().size() == 2
                    && envelope.members().get("ballot") instanceof JsonValue.JsonObject ballot
                    && envelope.members().get("signature") instanceof JsonValue.JsonString signature) {
                return new Envelope(ballot, signature.value());
            }
        } catch (JsonException e) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "election.badMessage", KeyCeremonies.truncate(e.getMessage()));
        }
        throw new ProblemException(ProblemType.MALFORMED_REQUEST, "election.badMessage", "expected {\"ballot\": {...}, \"signature\": \"hex\"}");
    }

    /** An election that accepted ballots when last read, and when that was. */
    private record OpenElection(ElectionCryptography.Initialized crypto, Instant opensAt, Instant closesAt, Instant readAt) {
        boolean stillAccepts(Instant now) {
            return now.isBefore(readAt.plus(OPEN_STATE_KEPT)) && Election.withinVotingTimes(opensAt, closesAt, now);
        }
    }

    /**
     * The cryptography of an election that accepts ballots now, or the refusal. A positive answer is kept for
     * {@link #OPEN_STATE_KEPT}, sparing every cast a read of the election's large row: a ballot that slips past a
     * close in that moment is still refused by the append, which reads the state under the row lock. A refusal is
     * never taken from memory.
     */
    private ElectionCryptography.Initialized openElection(UUID electionId) {
        Instant now = clock.instant();
        OpenElection known = openElections.get(electionId);
        if (known != null && known.stillAccepts(now)) return known.crypto();
        Election current = elections.visible(electionId, false);
        if (!current.acceptsBallotsAt(now)) {
            openElections.remove(electionId);
            throw new ProblemException(ProblemType.CONFLICT, "ballot.notOpen");
        }
        var crypto = cryptography.of(current);
        openElections.put(electionId, new OpenElection(crypto, current.opensAt(), current.closesAt(), now));
        return crypto;
    }

    /** What intake needs of a voter with a registered credential. */
    private record Caster(String credential, String ballotStyle) {
    }

    private record CasterKey(UUID electionId, UUID accountId) {
    }

    /**
     * The caller as a voter of the election with a credential. Kept in memory once found: the roll is frozen when the
     * election opens and a registered credential never changes, so the answer cannot go stale while ballots are
     * accepted. Refusals are always read afresh (a credential may be registered a moment later).
     */
    private Caster caster(UUID electionId, UUID accountId) {
        CasterKey key = new CasterKey(electionId, accountId);
        Caster known = casters.get(key);
        if (known != null) return known;
        Voter voter = roll.voter(electionId, accounts.byId(accountId))
                .orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN, "roll.notEligible"));
        if (voter.credential() == null) throw new ProblemException(ProblemType.CONFLICT, "ballot.noCredential");
        if (casters.size() >= MAX_CASTERS_KEPT) casters.clear();
        Caster caster = new Caster(voter.credential(), voter.ballotStyle());
        casters.put(key, caster);
        return caster;
    }

    private static EncryptedBallot parse(ElectionCryptography.Initialized crypto, JsonValue ballotJson) {
        try {
            return RecordJson.readEncryptedBallot(crypto.group(), ballotJson, "ballot");
        } catch (RecordFormatException ex) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "ballot.malformed", KeyCeremonies.truncate(ex.getMessage()));
        }
    }

    /** Everything the verifier checks of one ballot, plus what only the server knows: the voter's style. */
    private static void checkBallot(ElectionCryptography.Initialized crypto, String voterStyle, EncryptedBallot ballot) {
        if (ballot.state() != BallotState.CAST && ballot.state() != BallotState.CHALLENGED) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "ballot.state");
        }
        if (!ballot.ballotId().matches("[A-Za-z0-9._-]{1,100}") || ballot.ballotId().startsWith(".")
                || !ballot.encryptingDevice().matches("[A-Za-z0-9._-]{1,64}") || ballot.encryptingDevice().startsWith(".")) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "ballot.ids");
        }
        if (!ballot.electionId().equals(crypto.key().extendedBaseHash())) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "ballot.otherElection");
        }
        if (!ballot.ballotStyleId().equals(voterStyle)) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "ballot.wrongStyle", voterStyle);
        }
        Set<String> expected = new HashSet<>();
        var style = crypto.manifest().ballotStyles().stream().filter(s -> s.ballotStyleId().equals(voterStyle)).findFirst();
        crypto.manifest().contests().stream()
                .filter(c -> style.map(s -> s.geopoliticalUnitIds().contains(c.electoralDistrictId())).orElse(false))
                .forEach(c -> expected.add(c.contestId()));
        Set<String> present = new HashSet<>();
        ballot.contests().forEach(c -> present.add(c.contestId()));
        if (!present.equals(expected) || ballot.contests().size() != expected.size()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "ballot.wrongContests", expected);
        }
        if (ballot.isPreencrypt() || ballot.encryptedSn() != null) throw new ProblemException(ProblemType.UNPROCESSABLE, "ballot.preencrypted");
        Problems problems = new Problems();
        crypto.verifier().verify(ballot, problems);
        if (!problems.list().isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "ballot.proofs", KeyCeremonies.truncate(problems.list().get(0).toString()));
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<BoardEntry> byCode(UUID electionId, String code) {
        return em.createQuery("SELECT b FROM BoardEntry b WHERE b.electionId = :e AND b.confirmationCode = :c", BoardEntry.class)
                .setParameter("e", electionId).setParameter("c", code).getResultList().stream().findFirst();
    }

    /** A page of the board in chain order, optionally only entries whose code starts with {@code codePrefix} (hex). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Elections.Page<BoardEntry> board(UUID electionId, String codePrefix, int page, int size) {
        String filter = codePrefix == null ? "" : " AND b.confirmationCode LIKE :prefix";
        var query = em.createQuery("SELECT b FROM BoardEntry b WHERE b.electionId = :e" + filter + " ORDER BY b.position", BoardEntry.class)
                .setParameter("e", electionId);
        var count = em.createQuery("SELECT COUNT(b) FROM BoardEntry b WHERE b.electionId = :e" + filter, Long.class)
                .setParameter("e", electionId);
        if (codePrefix != null) {
            query.setParameter("prefix", codePrefix + "%");
            count.setParameter("prefix", codePrefix + "%");
        }
        return new Elections.Page<>(query.setFirstResult(page * size).setMaxResults(size).getResultList(), page, size,
                count.getSingleResult());
    }

    /** The board positions of the ballots that count: the last CAST ballot of each credential. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Set<Long> countedPositions(UUID electionId) {
        return new java.util.HashSet<>(em.createQuery("SELECT MAX(b.position) FROM BoardEntry b WHERE b.electionId = :e AND b.kind = 'CAST'"
                        + " GROUP BY b.credential", Long.class)
                .setParameter("e", electionId).getResultList());
    }

    /** A counted ballot's text with its board position, unmanaged, so that a pass over the whole board holds no entities. */
    public record CountedBallot(long position, String ballotJson) {
    }

    /** The ballots that count (the last CAST ballot of each credential) in board order, as text only: the tally reads 100,000 of them in one transaction. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CountedBallot> countedBallotsAfter(UUID electionId, long afterPosition, int limit) {
        return em.createQuery("SELECT b.position, b.ballotJson FROM BoardEntry b WHERE b.electionId = :e AND b.kind = 'CAST' AND b.position > :after"
                                + " AND b.position = (SELECT MAX(c.position) FROM BoardEntry c WHERE c.electionId = :e"
                                + " AND c.credential = b.credential AND c.kind = 'CAST') ORDER BY b.position", Object[].class)
                .setParameter("e", electionId).setParameter("after", afterPosition).setMaxResults(limit).getResultList().stream()
                .map(row -> new CountedBallot(((Number) row[0]).longValue(), (String) row[1])).toList();
    }

    /** The challenged entries after {@code afterPosition} in chain order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BoardEntry> challengesAfter(UUID electionId, long afterPosition, int limit) {
        return em.createQuery("SELECT b FROM BoardEntry b WHERE b.electionId = :e AND b.kind = 'CHALLENGE' AND b.position > :after"
                        + " ORDER BY b.position", BoardEntry.class)
                .setParameter("e", electionId).setParameter("after", afterPosition).setMaxResults(limit).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long countedTotal(UUID electionId) {
        return em.createQuery("SELECT COUNT(DISTINCT b.credential) FROM BoardEntry b WHERE b.electionId = :e AND b.kind = 'CAST'", Long.class)
                .setParameter("e", electionId).getSingleResult();
    }

    /** Every entry after {@code afterPosition} in chain order (for the record and the tally's challenged ballots). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BoardEntry> entriesAfter(UUID electionId, long afterPosition, int limit) {
        return em.createQuery("SELECT b FROM BoardEntry b WHERE b.electionId = :e AND b.position > :after ORDER BY b.position", BoardEntry.class)
                .setParameter("e", electionId).setParameter("after", afterPosition).setMaxResults(limit).getResultList();
    }

    /** The latest board entry of a credential (the voter's last receipt). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<BoardEntry> lastOf(UUID electionId, String credential) {
        if (credential == null) return Optional.empty();
        return em.createQuery("SELECT b FROM BoardEntry b WHERE b.electionId = :e AND b.credential = :c ORDER BY b.position DESC", BoardEntry.class)
                .setParameter("e", electionId).setParameter("c", credential).setMaxResults(1).getResultList().stream().findFirst();
    }

    /** Whether this entry is the one that counts for its credential. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean counts(BoardEntry entry) {
        if (entry.kind() != BoardEntry.Kind.CAST) return false;
        Long last = em.createQuery("SELECT MAX(c.position) FROM BoardEntry c WHERE c.electionId = :e AND c.credential = :c AND c.kind = 'CAST'", Long.class)
                .setParameter("e", entry.electionId()).setParameter("c", entry.credential()).getSingleResult();
        return last != null && last == entry.position();
    }
}
