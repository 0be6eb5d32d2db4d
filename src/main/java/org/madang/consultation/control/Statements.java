package org.madang.consultation.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.madang.consultation.entity.Consultation;
import org.madang.consultation.entity.Statement;
import org.madang.consultation.entity.Vote;
import org.madang.consultation.opinion.OpinionMap;
import org.madang.consultation.opinion.VoteMatrix;
import org.madang.platform.audit.control.AuditLog;
import org.madang.platform.auth.SignedInCaller;
import org.madang.platform.cluster.DataGrid;
import org.madang.platform.cluster.Revisions;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;

/**
 * Pol.is-style statements and votes, and the opinion map computed from them. Participants appear only under a
 * pseudonym derived from the consultation's seed and their account, never by account id or name.
 */
@ApplicationScoped
public class Statements {

    /** The opinion map is recomputed at most this often, however fast votes arrive. */
    static final Duration RECOMPUTE_AFTER = Duration.ofSeconds(3);

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    Consultations consultations;

    @Inject
    AuditLog audit;

    Clock clock = Clock.systemUTC();

    /** The last map per consultation, with the vote revision it was computed from. */
    private final Map<UUID, Cached> maps = new ConcurrentHashMap<>();
    /** Bumped after every committed vote, import or moderation, so a cached map knows it is stale. */
    private Revisions revisions;

    @Inject
    DataGrid grid;

    @PostConstruct
    void shareRevisions() {
        revisions = new Revisions(grid, "madang.opinion-revisions");
    }

    private record Cached(OpinionMap.Result result, long revision, Instant computedAt) {
    }

    public static String pseudonym(Consultation c, UUID account) {
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest((c.opinionSeed() + ":" + c.id() + ":" + account).getBytes(StandardCharsets.UTF_8));
            return "m" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public Statement submit(UUID consultationId, String text, UUID account) {
        Consultation c = consultations.locked(consultationId);
        if (!c.acceptsInputAt(clock.instant())) throw new ProblemException(ProblemType.CONFLICT, "consultation.notTakingComments", c.state());
        long same = em.createQuery("SELECT COUNT(s) FROM Statement s WHERE s.consultationId = :c AND s.text = :t", Long.class)
                .setParameter("c", consultationId).setParameter("t", text).getSingleResult();
        if (same > 0) throw new ProblemException(ProblemType.CONFLICT, "consultation.statementExists");
        Statement s = new Statement(consultationId, nextSeq(consultationId), text, pseudonym(c, account), account, 0, clock.instant());
        em.persist(s);
        changed(consultationId);
        return s;
    }

    int nextSeq(UUID consultationId) {
        return em.createQuery("SELECT COALESCE(MAX(s.seq), -1) FROM Statement s WHERE s.consultationId = :c", Integer.class)
                .setParameter("c", consultationId).getSingleResult() + 1;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Statement> all(UUID consultationId) {
        return em.createQuery("SELECT s FROM Statement s WHERE s.consultationId = :c ORDER BY s.seq", Statement.class)
                .setParameter("c", consultationId).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Statement byId(UUID consultationId, UUID id) {
        Statement s = id == null ? null : em.find(Statement.class, id);
        if (s == null || !s.consultationId().equals(consultationId)) throw ProblemException.notFound("statement");
        return s;
    }

    /** Agree (1), pass (0) or disagree (−1); voting again changes the vote. */
    @Transactional
    public void vote(UUID consultationId, UUID statementId, int vote, UUID account) {
        Consultation c = consultations.byId(consultationId);
        if (!c.acceptsInputAt(clock.instant())) throw new ProblemException(ProblemType.CONFLICT, "consultation.notTakingComments", c.state());
        Statement s = byId(consultationId, statementId);
        if (s.moderated() < 0) throw new ProblemException(ProblemType.CONFLICT, "consultation.statementModeratedOut");
        String participant = pseudonym(c, account);
        var existing = em.createQuery("SELECT v FROM Vote v WHERE v.statementId = :s AND v.participant = :p", Vote.class)
                .setParameter("s", statementId).setParameter("p", participant).getResultList();
        if (existing.isEmpty()) em.persist(new Vote(consultationId, statementId, participant, vote, clock.instant()));
        else existing.get(0).change(vote, clock.instant());
        em.flush();
        changed(consultationId);
    }

    /** The caller's votes by statement id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, Integer> votesOf(Consultation c, UUID account) {
        Map<UUID, Integer> out = new HashMap<>();
        em.createQuery("SELECT v FROM Vote v WHERE v.consultationId = :c AND v.participant = :p", Vote.class)
                .setParameter("c", c.id()).setParameter("p", pseudonym(c, account)).getResultList()
                .forEach(v -> out.put(v.statementId(), v.vote()));
        return out;
    }

    @Transactional
    public Statement moderate(UUID consultationId, UUID statementId, int moderated, SignedInCaller caller) {
        Consultation c = consultations.byId(consultationId);
        Consultations.requireOfficial(caller, c);
        Statement s = byId(consultationId, statementId);
        s.moderate(moderated);
        audit.record(caller.accountId().toString(), "consultation.statement.moderated", "consultation:" + consultationId,
                "statement " + s.seq() + " → " + moderated);
        changed(consultationId);
        return s;
    }

    public void changed(UUID consultationId) {
        revisions.changed(consultationId);
    }

    /** All votes of a consultation as Pol.is's matrix: statements by seq, votes by participant pseudonym. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public VoteMatrix matrix(UUID consultationId, List<Statement> statements) {
        VoteMatrix.Builder b = VoteMatrix.builder();
        Map<UUID, String> seqOf = new HashMap<>();
        statements.forEach(s -> {
            b.statement(Integer.toString(s.seq()));
            seqOf.put(s.id(), Integer.toString(s.seq()));
        });
        List<Object[]> rows = em.createQuery("SELECT v.participant, v.statementId, v.vote FROM Vote v WHERE v.consultationId = :c ORDER BY v.participant",
                Object[].class).setParameter("c", consultationId).getResultList();
        for (Object[] row : rows) b.vote((String) row[0], seqOf.get((UUID) row[1]), ((Number) row[2]).intValue());
        return b.build();
    }

    public static Set<String> moderatedOut(List<Statement> statements) {
        Set<String> out = new TreeSet<>();
        statements.forEach(s -> {
            if (s.moderated() < 0) out.add(Integer.toString(s.seq()));
        });
        return out;
    }

    /**
     * The opinion map, computed with the consultation's seed; recomputed (from the last result, so the power
     * iteration starts close) only when votes changed, and not more than once per {@link #RECOMPUTE_AFTER}.
     */
    public OpinionMap.Result opinionMap(Consultation c) {
        long revision = revisions.current(c.id());
        Cached cached = maps.get(c.id());
        Instant now = clock.instant();
        if (cached != null && (cached.revision() == revision || now.isBefore(cached.computedAt().plus(RECOMPUTE_AFTER)))) {
            return cached.result();
        }
        synchronized (this) {
            cached = maps.get(c.id());
            if (cached != null && cached.revision() == revision) return cached.result();
            List<Statement> statements = all(c.id());
            VoteMatrix matrix = matrix(c.id(), statements);
            OpinionMap.Result result = OpinionMap.compute(matrix, moderatedOut(statements),
                    OpinionMap.Settings.DEFAULT.withSeed(c.opinionSeed()), cached == null ? null : cached.result());
            maps.put(c.id(), new Cached(result, revision, now));
            return result;
        }
    }
}
