package org.madang.election.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.madang.ballot.board.CredentialSignature;
import org.madang.ballot.json.JsonException;
import org.madang.ballot.json.JsonReader;
import org.madang.ballot.json.JsonWriter;
import org.madang.ballot.record.BallotState;
import org.madang.ballot.record.EncryptedBallot;
import org.madang.ballot.record.RecordFormatException;
import org.madang.ballot.record.RecordJson;
import org.madang.ballot.verify.Problems;
import org.madang.election.entity.BoardEntry;
import org.madang.election.entity.Election;
import org.madang.election.entity.Voter;
import org.madang.platform.account.entity.Account;
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

    Clock clock = Clock.systemUTC();

    /** What the voter keeps; {@code repeated} when the ballot was already on the board. */
    public record Receipt(BoardEntry entry, boolean repeated) {
    }

    /**
     * Checks run before any transaction, in parallel on every core; only the append is serialised, in groups
     * (see {@link BoardWriter}).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Receipt cast(UUID electionId, Account voterAccount, String ballotJson, String signatureHex) {
        Election current = elections.byId(electionId);
        if (!current.acceptsBallotsAt(clock.instant())) throw new ProblemException(ProblemType.CONFLICT, "ballot.notOpen");
        Voter voter = roll.voter(electionId, voterAccount)
                .orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN, "roll.notEligible"));
        if (voter.credential() == null) throw new ProblemException(ProblemType.CONFLICT, "ballot.noCredential");
        if (signatureHex == null || !SIGNATURE.matcher(signatureHex).matches()) {
            throw ProblemException.invalid("signature", "ballot.signatureFormat");
        }
        var crypto = cryptography.of(current);
        EncryptedBallot ballot = parse(crypto, ballotJson);
        checkBallot(crypto, voter, ballot);
        byte[] signature = HexFormat.of().parseHex(signatureHex);
        if (!CredentialSignature.verify(HexFormat.of().parseHex(voter.credential()), crypto.key().extendedBaseHash(),
                ballot.confirmationCode(), signature)) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "ballot.badSignature");
        }
        BallotState state = ballot.state();
        return boards.append(new BoardWriter.Pending(electionId, ballot.ballotId(), ballot.confirmationCode(), voter.credential(),
                signatureHex.toLowerCase(), state == BallotState.CAST ? BoardEntry.Kind.CAST : BoardEntry.Kind.CHALLENGE,
                JsonWriter.write(RecordJson.write(ballot))));
    }

    private static EncryptedBallot parse(ElectionCryptography.Initialized crypto, String ballotJson) {
        if (ballotJson == null) throw ProblemException.invalid("ballot", "ballot.missing");
        try {
            return RecordJson.readEncryptedBallot(crypto.group(), JsonReader.parse(ballotJson, BALLOT_LIMITS), "ballot");
        } catch (JsonException | RecordFormatException ex) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "ballot.malformed", KeyCeremonies.truncate(ex.getMessage()));
        }
    }

    /** Everything the verifier checks of one ballot, plus what only the server knows: the voter's style. */
    private static void checkBallot(ElectionCryptography.Initialized crypto, Voter voter, EncryptedBallot ballot) {
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
        if (!ballot.ballotStyleId().equals(voter.ballotStyle())) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "ballot.wrongStyle", voter.ballotStyle());
        }
        Set<String> expected = new HashSet<>();
        var style = crypto.manifest().ballotStyles().stream().filter(s -> s.ballotStyleId().equals(voter.ballotStyle())).findFirst();
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
