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
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.madang.consultation.control.Comments;
import org.madang.consultation.control.Consultations;
import org.madang.consultation.control.ReportPdf;
import org.madang.consultation.control.Reports;
import org.madang.consultation.control.WordDiff;
import org.madang.consultation.entity.Answer;
import org.madang.consultation.entity.Comment;
import org.madang.consultation.entity.Consultation;
import org.madang.platform.auth.Role;
import org.madang.platform.auth.SignedInCaller;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;
import org.madang.platform.moderation.boundary.ModerationResource;
import org.madang.platform.moderation.control.Moderation;
import org.madang.platform.search.SearchIndex;
import org.madang.platform.search.SearchQuery;
import org.madang.platform.text.Markdown;

/** Comments on a consultation, agreement with them, the office's answers and the public "you said, we did" report. */
@Path("consultations")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CommentsResource {

    @Inject
    Consultations consultations;

    @Inject
    Comments comments;

    @Inject
    Reports reports;

    @Inject
    ReportPdf pdf;

    @Inject
    Moderation moderation;

    @Inject
    SearchIndex searchIndex;

    @Context
    SecurityContext security;

    public record CommentForm(UUID articleId, @PositiveOrZero Integer start, @PositiveOrZero Integer end,
                              @Size(min = 1, max = 2000) String quote, @NotBlank @Size(max = 8000) String body,
                              @Size(min = 1, max = 20000) String proposedText) {
    }

    public record ReactionForm(@NotNull Boolean agree) {
    }

    public record AnswerForm(@NotNull @Size(min = 1, max = 500) List<@NotNull UUID> commentIds, @NotNull Answer.Decision decision,
                             @NotBlank @Size(max = 4000) String reason) {
    }

    public record CommentView(UUID id, long seq, UUID articleId, Integer start, Integer end, String quote, String body,
                              String bodyHtml, String proposedText, List<WordDiff.Span> diff, boolean mine, long agree,
                              long disagree, String decision, String reason, UUID answerId, Instant createdAt) {
    }

    public record CommentPage(List<CommentView> items, String next) {
    }

    public record AnswerView(UUID id, String decision, String reason, List<UUID> commentIds, long unanswered) {
    }

    @GET
    @Path("{id}/comments")
    @PermitAll
    public CommentPage comments(@PathParam("id") UUID id, @QueryParam("article") UUID articleId,
                                @QueryParam("after") @DefaultValue("0") @Min(0) long after,
                                @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        Consultation c = consultations.visible(id, caller());
        List<Comment> page = comments.page(id, articleId, after, limit + 1);
        boolean more = page.size() > limit;
        if (more) page = page.subList(0, limit);
        var views = views(c, page);
        return new CommentPage(views, more ? Long.toString(page.get(page.size() - 1).seq()) : null);
    }

    @POST
    @Path("{id}/comments")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public Response comment(@PathParam("id") UUID id, @NotNull @Valid CommentForm form) {
        Consultation c = consultations.visible(id, caller());
        Comment created = comments.add(id, new Comments.Draft(form.articleId(), form.start(), form.end(), form.quote(),
                form.body().strip(), form.proposedText()), caller().accountId());
        return Response.status(201).entity(views(c, List.of(created)).get(0)).build();
    }

    @GET
    @Path("{id}/comments/{commentId}")
    @PermitAll
    public CommentView comment(@PathParam("id") UUID id, @PathParam("commentId") UUID commentId) {
        Consultation c = consultations.visible(id, caller());
        return views(c, List.of(comments.byId(id, commentId))).get(0);
    }

    @PUT
    @Path("{id}/comments/{commentId}/reaction")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public Comments.Counts react(@PathParam("id") UUID id, @PathParam("commentId") UUID commentId, @NotNull @Valid ReactionForm form) {
        consultations.visible(id, caller());
        return comments.react(id, commentId, form.agree(), caller().accountId());
    }

    @POST
    @Path("{id}/comments/{commentId}/flags")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public ModerationResource.FlagResult flag(@PathParam("id") UUID id, @PathParam("commentId") UUID commentId,
                                              @NotNull @Valid ModerationResource.FlagRequest request) {
        consultations.visible(id, caller());
        comments.byId(id, commentId);
        var flagged = moderation.flag(Comment.CONTENT_KIND, commentId, caller().accountId(), request.reason(), request.note());
        return new ModerationResource.FlagResult(flagged.distinctFlags(), flagged.hidden());
    }

    public record CommentHit(UUID consultationId, UUID commentId, Instant createdAt, String snippetHtml) {
    }

    public record CommentSearchResults(long total, int offset, int limit, List<CommentHit> hits) {
    }

    /** Comments of every public consultation (or of one), by Korean or English words; hidden comments are never found. */
    @GET
    @Path("comments/search")
    @PermitAll
    public CommentSearchResults search(@QueryParam("q") @Size(max = 200) String q, @QueryParam("consultation") UUID consultation,
                                       @QueryParam("from") @Size(max = 40) String from, @QueryParam("to") @Size(max = 40) String to,
                                       @QueryParam("offset") @DefaultValue("0") @Min(0) @Max(SearchIndex.MAX_OFFSET) int offset,
                                       @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(SearchIndex.MAX_LIMIT) int limit) {
        if (consultation != null) consultations.visible(consultation, caller());
        var page = searchIndex.search(new SearchQuery(java.util.Set.of(Comment.CONTENT_KIND), q,
                consultation == null ? null : consultation.toString(), SearchQuery.bound("from", from), SearchQuery.bound("to", to),
                offset, limit));
        var hits = page.hits().stream().map(h -> new CommentHit(UUID.fromString(h.scope()), UUID.fromString(h.id()), h.date(),
                h.snippetHtml())).toList();
        return new CommentSearchResults(page.total(), offset, limit, hits);
    }

    @POST
    @Path("{id}/answers")
    @RolesAllowed(Role.OFFICIAL_NAME)
    public Response answer(@PathParam("id") UUID id, @NotNull @Valid AnswerForm form) {
        Answer a = comments.answer(id, form.commentIds(), form.decision(), form.reason().strip(), caller());
        return Response.status(201).entity(new AnswerView(a.id(), a.decision().name(), a.reason(), List.copyOf(
                new java.util.LinkedHashSet<>(form.commentIds())), consultations.unanswered(id))).build();
    }

    @GET
    @Path("{id}/report")
    @PermitAll
    public Reports.Report report(@PathParam("id") UUID id) {
        return reports.of(reportable(id));
    }

    @GET
    @Path("{id}/report.pdf")
    @PermitAll
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    public Response reportPdf(@PathParam("id") UUID id) {
        byte[] bytes = pdf.render(reports.of(reportable(id)));
        return Response.ok(bytes, "application/pdf").header("Content-Disposition", "attachment; filename=\"consultation-" + id + ".pdf\"").build();
    }

    @GET
    @Path("{id}/report.csv")
    @PermitAll
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    public Response reportCsv(@PathParam("id") UUID id) {
        return Response.ok(Reports.csv(reports.of(reportable(id))), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"consultation-" + id + ".csv\"").build();
    }

    /** The report is public once RESPONDED; before that only the organisation's staff see how answering goes. */
    private Consultation reportable(UUID id) {
        Consultation c = consultations.visible(id, caller());
        if (c.state() != Consultation.State.RESPONDED && !Consultations.isStaffOf(caller(), c)) {
            throw new ProblemException(ProblemType.CONFLICT, "consultation.noReportYet");
        }
        return c;
    }

    private List<CommentView> views(Consultation c, List<Comment> page) {
        Map<UUID, Comments.Counts> counts = comments.counts(page.stream().map(Comment::id).toList());
        Map<UUID, Answer> answers = page.stream().anyMatch(x -> x.answerId() != null) ? comments.answers(c.id()) : Map.of();
        Map<UUID, String> articleText = new java.util.HashMap<>();
        if (page.stream().anyMatch(x -> x.proposedText() != null)) {
            consultations.articles(c.id()).forEach(a -> articleText.put(a.id(), a.body()));
        }
        SignedInCaller caller = caller();
        return page.stream().map(x -> {
            var n = counts.getOrDefault(x.id(), new Comments.Counts(0, 0));
            Answer a = x.answerId() == null ? null : answers.get(x.answerId());
            var diff = x.proposedText() == null ? null : WordDiff.diff(articleText.getOrDefault(x.articleId(), ""), x.proposedText());
            return new CommentView(x.id(), x.seq(), x.articleId(), x.startOffset(), x.endOffset(), x.quote(), x.body(),
                    Markdown.toSafeHtml(x.body()), x.proposedText(), diff, caller != null && caller.accountId().equals(x.authorId()),
                    n.agree(), n.disagree(), a == null ? null : a.decision().name(), a == null ? null : a.reason(), x.answerId(),
                    x.createdAt());
        }).toList();
    }

    private SignedInCaller caller() {
        return security.getUserPrincipal() instanceof SignedInCaller s ? s : null;
    }
}
