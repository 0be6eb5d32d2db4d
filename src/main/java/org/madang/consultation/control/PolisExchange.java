package org.madang.consultation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.madang.consultation.entity.Consultation;
import org.madang.consultation.entity.Consultation.State;
import org.madang.consultation.entity.Statement;
import org.madang.consultation.entity.Vote;
import org.madang.consultation.opinion.AdjustedRandIndex;
import org.madang.consultation.opinion.OpinionMap;
import org.madang.consultation.opinion.PolisConversation;
import org.madang.consultation.opinion.VoteMatrix;
import org.madang.platform.audit.control.AuditLog;
import org.madang.platform.auth.SignedInCaller;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;

/**
 * Pol.is conversations in and out: an export's comments and votes become a consultation's statements and votes
 * (participants kept as "polis-&lt;id&gt;", not accounts), and a consultation leaves in the same three CSV files.
 */
@ApplicationScoped
public class PolisExchange {

    /** Imported participants are named apart from Madang's own pseudonyms. */
    public static final String IMPORTED_PREFIX = "polis-";

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    Consultations consultations;

    @Inject
    Statements statements;

    @Inject
    AuditLog audit;

    Clock clock = Clock.systemUTC();

    public record Report(int statements, int participants, long votes, int groups, Double adjustedRandIndex, int polisGroups) {
    }

    /** Reads everything before writing anything, and writes in one transaction: a bad file leaves no trace. */
    @Transactional
    public Report importConversation(UUID consultationId, String commentsCsv, String votesCsv, String participantsVotesCsv,
                                     SignedInCaller caller) {
        Consultation c = consultations.locked(consultationId);
        Consultations.requireOfficial(caller, c);
        Consultations.requireState(c, State.DRAFT, State.OPEN, State.CLOSED);
        PolisConversation conversation;
        try {
            conversation = PolisConversation.read(new StringReader(commentsCsv), votesCsv == null ? null : new StringReader(votesCsv),
                    participantsVotesCsv == null ? null : new StringReader(participantsVotesCsv));
        } catch (PolisConversation.FormatException e) {
            throw new ProblemException(ProblemType.VALIDATION, "consultation.polisFormat", e.getMessage());
        }
        Instant now = clock.instant();
        int base = statements.nextSeq(consultationId);
        Map<String, Statement> byPolisId = new HashMap<>();
        int n = 0;
        for (PolisConversation.Statement s : conversation.statements()) {
            String author = s.author().isEmpty() ? IMPORTED_PREFIX + "unknown" : IMPORTED_PREFIX + s.author();
            Statement statement = new Statement(consultationId, base + n++, s.text(), author, null, s.moderated(),
                    s.created() == null ? now : s.created());
            em.persist(statement);
            byPolisId.put(s.id(), statement);
        }
        em.flush();
        // the latest vote per participant and statement, as the matrix has it
        VoteMatrix matrix = conversation.matrix();
        long votes = 0;
        for (int p = 0; p < matrix.participantCount(); p++) {
            String participant = IMPORTED_PREFIX + matrix.participants().get(p);
            int[] columns = matrix.columnsOf(p);
            byte[] values = matrix.votesOf(p);
            for (int i = 0; i < columns.length; i++) {
                Statement s = byPolisId.get(matrix.statements().get(columns[i]));
                em.persist(new Vote(consultationId, s.id(), participant, values[i], now));
                if (++votes % 2000 == 0) {
                    em.flush();
                    em.clear();
                }
            }
        }
        em.flush();
        statements.changed(consultationId);

        // Madang's groups against the group-id column Pol.is exported, over the participants both placed
        OpinionMap.Result result = OpinionMap.compute(matrix, conversation.moderatedOut(), OpinionMap.Settings.DEFAULT.withSeed(c.opinionSeed()));
        Double ari = null;
        if (!conversation.polisGroups().isEmpty()) {
            Map<String, Integer> ours = new HashMap<>(result.groupOf());
            Map<String, Integer> theirs = new HashMap<>(conversation.polisGroups());
            ours.keySet().retainAll(theirs.keySet());
            theirs.keySet().retainAll(ours.keySet());
            ari = ours.isEmpty() ? null : AdjustedRandIndex.of(ours, theirs);
        }
        int groups = result.groups().size();
        int polisGroups = (int) conversation.polisGroups().values().stream().distinct().count();
        Report report = new Report(conversation.statements().size(), matrix.participantCount(), votes, groups, ari, polisGroups);
        audit.record(caller.accountId().toString(), "consultation.polisImport", "consultation:" + consultationId,
                report.statements() + " statements, " + report.participants() + " participants, " + votes + " votes"
                        + (ari == null ? "" : String.format(java.util.Locale.ROOT, ", ARI %.3f", ari)));
        return report;
    }

    public enum File { COMMENTS, VOTES, PARTICIPANTS_VOTES }

    /** One of the three Pol.is CSV files for a consultation, participants under their pseudonyms. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String export(Consultation c, File file) {
        List<Statement> all = statements.all(c.id());
        List<PolisConversation.Statement> out = new ArrayList<>();
        for (Statement s : all) out.add(new PolisConversation.Statement(Integer.toString(s.seq()), s.author(), s.text(), s.moderated(), s.createdAt()));
        Map<UUID, String> seqOf = new HashMap<>();
        all.forEach(s -> seqOf.put(s.id(), Integer.toString(s.seq())));
        List<PolisConversation.Vote> votes = new ArrayList<>();
        em.createQuery("SELECT v FROM Vote v WHERE v.consultationId = :c ORDER BY v.votedAt, v.participant", Vote.class)
                .setParameter("c", c.id()).getResultList()
                .forEach(v -> votes.add(new PolisConversation.Vote(v.participant(), seqOf.get(v.statementId()), v.vote(), v.votedAt())));
        PolisConversation conversation = new PolisConversation(out, votes, Map.of());
        var writer = new StringWriter();
        try {
            switch (file) {
                case COMMENTS -> conversation.writeComments(writer);
                case VOTES -> conversation.writeVotes(writer);
                case PARTICIPANTS_VOTES -> conversation.writeParticipantsVotes(writer, statements.opinionMap(c).groupOf());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return writer.toString();
    }
}
