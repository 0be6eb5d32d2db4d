package org.madang.platform.moderation.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.madang.platform.auth.Role;
import org.madang.platform.auth.SignedInCaller;
import org.madang.platform.moderation.control.Moderation;
import org.madang.platform.moderation.entity.Decision;
import org.madang.platform.moderation.entity.Flag;
import org.madang.platform.moderation.entity.LogEntry;

/** The moderators' queue, decisions and appeals, the authors' view of decisions about them, and the public log. */
@Path("moderation")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ModerationResource {

    @Inject
    Moderation moderation;

    @Context
    SecurityContext security;

    /** A flag on any moderated content, posted to the feature that shows it (a forum post, a consultation comment). */
    public record FlagRequest(@NotNull Flag.Reason reason, @Size(max = 1000) String note) {
    }

    /** How many people have flagged the content, and whether it is now hidden pending review. */
    public record FlagResult(long flags, boolean hidden) {
    }

    public record FlagView(String reason, String note, Instant flaggedAt) {
    }

    public record QueueItemView(UUID caseId, String contentKind, UUID contentId, Instant openedAt, boolean autoHidden,
                                boolean contentVisible, String excerpt, String link, int flagCount, List<FlagView> flags) {
    }

    public record QueuePage(List<QueueItemView> items, String nextCursor) {
    }

    public record DecisionRequest(@NotNull Decision.Outcome outcome,
                                  @Schema(example = "COMMERCIAL_SPAM", description = "the rule applied, shown in the public log")
                                  @NotBlank @Size(max = 30) @Pattern(regexp = "[A-Z][A-Z_]*") String rule,
                                  @NotBlank @Size(max = 2000) String reason,
                                  @Min(1) @Max(3650) Integer suspendDays) {
    }

    public record DecisionView(UUID id, String contentKind, UUID contentId, String outcome, String rule, String reason,
                               Instant suspendedUntil, Instant decidedAt, boolean canAppeal, String appealText, Instant appealedAt,
                               String appealOutcome, String appealReason, Instant appealDecidedAt) {
        static DecisionView of(Decision d) {
            return new DecisionView(d.id(), d.contentKind(), d.contentId(), d.outcome().name(), d.ruleCode(), d.reason(),
                    d.suspendedUntil(), d.decidedAt(), d.appealedAt() == null && d.outcome() != Decision.Outcome.KEEP,
                    d.appealText(), d.appealedAt(), d.appealOutcome() == null ? null : d.appealOutcome().name(),
                    d.appealReason(), d.appealDecidedAt());
        }
    }

    public record DecisionList(List<DecisionView> items) {
    }

    public record AppealRequest(@NotBlank @Size(max = 2000) String text) {
    }

    public record AppealDecisionRequest(@NotNull Decision.AppealOutcome outcome, @NotBlank @Size(max = 2000) String reason) {
    }

    public record LogEntryView(UUID id, Instant at, String contentKind, UUID contentId, String action, String actorRole, String rule) {
        static LogEntryView of(LogEntry e) {
            return new LogEntryView(e.id(), e.loggedAt(), e.contentKind(), e.contentId(), e.action(), e.actorRole(), e.ruleCode());
        }
    }

    public record LogPage(List<LogEntryView> items, String nextCursor) {
    }

    @GET
    @Path("queue")
    @RolesAllowed(Role.MODERATOR_NAME)
    public QueuePage queue(@QueryParam("cursor") @Size(max = 100) String cursor,
                           @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        var page = moderation.queue(cursor, limit);
        return new QueuePage(page.items().stream().map(i -> {
            var subject = i.subject();
            var c = i.moderationCase();
            return new QueueItemView(c.id(), c.contentKind(), c.contentId(), c.openedAt(), c.isAutoHidden(),
                    subject != null && subject.visible(), subject == null ? null : subject.excerpt(),
                    subject == null ? null : subject.link(), i.flags().size(),
                    i.flags().stream().map(f -> new FlagView(f.reason().name(), f.note(), f.flaggedAt())).toList());
        }).toList(), page.nextCursor());
    }

    @POST
    @Path("cases/{caseId}/decisions")
    @RolesAllowed(Role.MODERATOR_NAME)
    public DecisionView decide(@PathParam("caseId") UUID caseId, @NotNull @Valid DecisionRequest request) {
        return DecisionView.of(moderation.decide(caseId, request.outcome(), request.rule(), request.reason(),
                request.suspendDays(), caller().accountId()));
    }

    @GET
    @Path("decisions/mine")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public DecisionList mine() {
        return new DecisionList(moderation.decisionsAbout(caller().accountId(), 100).stream().map(DecisionView::of).toList());
    }

    @POST
    @Path("decisions/{decisionId}/appeal")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public DecisionView appeal(@PathParam("decisionId") UUID decisionId, @NotNull @Valid AppealRequest request) {
        return DecisionView.of(moderation.appeal(decisionId, caller().accountId(), request.text()));
    }

    @GET
    @Path("appeals")
    @RolesAllowed(Role.MODERATOR_NAME)
    public DecisionList appeals(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) int limit) {
        return new DecisionList(moderation.pendingAppeals(limit).stream().map(DecisionView::of).toList());
    }

    @POST
    @Path("decisions/{decisionId}/appeal/decision")
    @RolesAllowed(Role.MODERATOR_NAME)
    public DecisionView decideAppeal(@PathParam("decisionId") UUID decisionId, @NotNull @Valid AppealDecisionRequest request) {
        return DecisionView.of(moderation.decideAppeal(decisionId, request.outcome(), request.reason(), caller().accountId()));
    }

    @GET
    @Path("log")
    @PermitAll
    public LogPage log(@QueryParam("cursor") @Size(max = 100) String cursor,
                       @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) int limit) {
        var page = moderation.log(cursor, limit);
        return new LogPage(page.items().stream().map(LogEntryView::of).toList(), page.nextCursor());
    }

    private SignedInCaller caller() {
        return (SignedInCaller) security.getUserPrincipal();
    }

    /** Flag reasons, for pages that offer them. */
    @GET
    @Path("flag-reasons")
    @PermitAll
    public List<String> flagReasons() {
        return java.util.Arrays.stream(Flag.Reason.values()).map(Enum::name).toList();
    }
}
