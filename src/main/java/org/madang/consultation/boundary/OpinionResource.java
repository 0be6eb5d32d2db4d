package org.madang.consultation.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.madang.consultation.control.Consultations;
import org.madang.consultation.control.PolisExchange;
import org.madang.consultation.control.Statements;
import org.madang.consultation.entity.Consultation;
import org.madang.consultation.entity.Statement;
import org.madang.consultation.opinion.OpinionMap;
import org.madang.platform.auth.Role;
import org.madang.platform.auth.SignedInCaller;
import org.madang.platform.error.ProblemException;

/** Statements, votes on them, the opinion map, and Pol.is import and export. */
@Path("consultations")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OpinionResource {

    /** A statement is one short claim others can agree or disagree with. */
    public static final int STATEMENT_MAX = 280;
    /** The three Pol.is files together; the vTaiwan UberX export is 3.2 MB. */
    public static final int POLIS_MAX_CHARS = 7_000_000;

    @Inject
    Consultations consultations;

    @Inject
    Statements statements;

    @Inject
    PolisExchange polis;

    @Context
    SecurityContext security;

    public record StatementForm(@NotBlank @Size(max = STATEMENT_MAX) String text) {
    }

    public record VoteForm(@NotNull @Min(-1) @Max(1) Integer vote) {
    }

    public record ModerationForm(@NotNull @Min(-1) @Max(1) Integer moderated) {
    }

    public record PolisImportForm(@NotNull @Size(min = 1, max = POLIS_MAX_CHARS) String commentsCsv,
                                  @Size(max = POLIS_MAX_CHARS) String votesCsv,
                                  @Size(max = POLIS_MAX_CHARS) String participantsVotesCsv) {
    }

    public record StatementView(UUID id, int number, String text, int moderated, boolean mine, Integer myVote,
                                int agree, int disagree, int pass) {
    }

    public record StatementList(List<StatementView> items) {
    }

    public record MapPoint(String participant, double x, double y, int group) {
    }

    public record Characteristic(UUID statementId, int number, String text, String direction, double share, double score) {
    }

    public record MapGroup(int id, int size, double centreX, double centreY, List<Characteristic> characteristic) {
    }

    public record MapConsensus(UUID statementId, int number, String text, String direction, List<Double> groupShares) {
    }

    public record OpinionMapView(long seed, int participants, int placed, double silhouette, List<MapPoint> points,
                                 List<MapGroup> groups, List<MapConsensus> consensus) {
    }

    @GET
    @Path("{id}/statements")
    @PermitAll
    public StatementList statements(@PathParam("id") UUID id) {
        Consultation c = consultations.visible(id, caller());
        SignedInCaller caller = caller();
        Map<UUID, Integer> mine = caller == null ? Map.of() : statements.votesOf(c, caller.accountId());
        String me = caller == null ? null : Statements.pseudonym(c, caller.accountId());
        boolean staff = Consultations.isStaffOf(caller, c);
        List<Statement> all = statements.all(id);
        var matrix = statements.matrix(id, all);
        Map<String, int[]> tallies = new HashMap<>();
        for (int p = 0; p < matrix.participantCount(); p++) {
            int[] cols = matrix.columnsOf(p);
            byte[] votes = matrix.votesOf(p);
            for (int i = 0; i < cols.length; i++) tallies.computeIfAbsent(matrix.statements().get(cols[i]), k -> new int[3])[votes[i] + 1]++;
        }
        return new StatementList(all.stream().filter(s -> s.moderated() >= 0 || staff).map(s -> {
            int[] t = tallies.getOrDefault(Integer.toString(s.seq()), new int[3]);
            return new StatementView(s.id(), s.seq(), s.text(), s.moderated(), s.author().equals(me), mine.get(s.id()), t[2], t[0], t[1]);
        }).toList());
    }

    @POST
    @Path("{id}/statements")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public Response submit(@PathParam("id") UUID id, @NotNull @Valid StatementForm form) {
        consultations.visible(id, caller());
        Statement s = statements.submit(id, form.text().strip().replaceAll("\\s+", " "), caller().accountId());
        return Response.status(201).entity(new StatementView(s.id(), s.seq(), s.text(), s.moderated(), true, null, 0, 0, 0)).build();
    }

    @PUT
    @Path("{id}/statements/{statementId}/vote")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public Response vote(@PathParam("id") UUID id, @PathParam("statementId") UUID statementId, @NotNull @Valid VoteForm form) {
        consultations.visible(id, caller());
        statements.vote(id, statementId, form.vote(), caller().accountId());
        return Response.noContent().build();
    }

    @PUT
    @Path("{id}/statements/{statementId}/moderation")
    @RolesAllowed(Role.OFFICIAL_NAME)
    public Response moderate(@PathParam("id") UUID id, @PathParam("statementId") UUID statementId, @NotNull @Valid ModerationForm form) {
        statements.moderate(id, statementId, form.moderated(), caller());
        return Response.noContent().build();
    }

    /** Participants appear by pseudonym only; statements by their id, number and text. */
    @GET
    @Path("{id}/opinion-map")
    @PermitAll
    public OpinionMapView opinionMap(@PathParam("id") UUID id) {
        Consultation c = consultations.visible(id, caller());
        OpinionMap.Result result = statements.opinionMap(c);
        Map<String, Statement> bySeq = new HashMap<>();
        statements.all(id).forEach(s -> bySeq.put(Integer.toString(s.seq()), s));
        var points = result.points().stream().map(p -> new MapPoint(p.participant(), round(p.x()), round(p.y()), p.group())).toList();
        var groups = result.groups().stream().map(g -> new MapGroup(g.id(), g.size(), round(g.centreX()), round(g.centreY()),
                g.characteristic().stream().map(ch -> {
                    Statement s = bySeq.get(ch.statement());
                    return new Characteristic(s.id(), s.seq(), s.text(), ch.direction().name(), round(ch.share()), round(ch.score()));
                }).toList())).toList();
        var consensus = result.consensus().stream().map(k -> {
            Statement s = bySeq.get(k.statement());
            return new MapConsensus(s.id(), s.seq(), s.text(), k.direction().name(), k.groupShares().stream().map(OpinionResource::round).toList());
        }).toList();
        long placed = result.points().stream().filter(p -> p.group() >= 0).count();
        return new OpinionMapView(result.seed(), result.points().size(), (int) placed, round(result.silhouette()), points, groups, consensus);
    }

    private static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 10000) / 10000.0 : 0;
    }

    @POST
    @Path("{id}/polis-imports")
    @RolesAllowed(Role.OFFICIAL_NAME)
    public PolisExchange.Report importPolis(@PathParam("id") UUID id, @NotNull @Valid PolisImportForm form) {
        if (form.votesCsv() == null && form.participantsVotesCsv() == null) {
            throw ProblemException.invalid("votesCsv", "consultation.polisVotesMissing");
        }
        return polis.importConversation(id, form.commentsCsv(), form.votesCsv(), form.participantsVotesCsv(), caller());
    }

    @GET
    @Path("{id}/polis/{file}")
    @PermitAll
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    public Response exportPolis(@PathParam("id") UUID id, @PathParam("file") String file) {
        Consultation c = consultations.visible(id, caller());
        PolisExchange.File which = switch (file) {
            case "comments.csv" -> PolisExchange.File.COMMENTS;
            case "votes.csv" -> PolisExchange.File.VOTES;
            case "participants-votes.csv" -> PolisExchange.File.PARTICIPANTS_VOTES;
            default -> throw ProblemException.notFound("file");
        };
        return Response.ok(polis.export(c, which), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    private SignedInCaller caller() {
        return security.getUserPrincipal() instanceof SignedInCaller s ? s : null;
    }
}
