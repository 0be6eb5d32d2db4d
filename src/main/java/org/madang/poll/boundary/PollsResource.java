package org.madang.poll.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
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
import jakarta.ws.rs.HeaderParam;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.madang.platform.account.control.Accounts;
import org.madang.platform.auth.Role;
import org.madang.platform.auth.SignedInCaller;
import org.madang.platform.error.Messages;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;
import org.madang.platform.ratelimit.RateLimiter;
import org.madang.poll.control.PollResults;
import org.madang.poll.control.Polls;
import org.madang.poll.control.ResultCharts;
import org.madang.poll.entity.AttributeConsent;
import org.madang.poll.entity.Poll;
import org.madang.poll.entity.PollResponse;

/**
 * Polls: listing, creating (officials for their organisation, moderators; anyone else proposes), answering, and
 * results as JSON, CSV, SVG and an embeddable page. Results that the viewer may not see yet are refused with one
 * fixed problem whatever the poll's answers are, so nothing about them leaks.
 */
@Path("polls")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PollsResource {

    @Inject
    Polls polls;

    @Inject
    Accounts accounts;

    @Inject
    RateLimiter limiter;

    @Inject
    @ConfigProperty(name = "madang.polls.responses-per-minute", defaultValue = "30")
    int responsesPerMinute;

    @Context
    SecurityContext security;

    public record OptionText(@NotBlank @Size(max = 200) String ko, @NotBlank @Size(max = 200) String en) {
    }

    public record PollForm(UUID organisationId, @NotNull Poll.Kind kind, @NotBlank @Size(max = 500) String questionKo,
                           @NotBlank @Size(max = 500) String questionEn,
                           @NotNull @Size(min = 2, max = 20) List<@NotNull @Valid OptionText> options,
                           @Min(0) @Max(20) Integer minChoices, @Min(0) @Max(20) Integer maxChoices,
                           @NotNull Poll.Audience audience,
                           @Size(max = 50) List<@NotNull @Pattern(regexp = "[^,]{1,100}") String> districts,
                           @NotNull Instant opensAt, @NotNull Instant closesAt, boolean allowChange,
                           @NotNull Poll.Visibility visibility, @Min(5) @Max(1000) Integer k) {
    }

    public record PollView(UUID id, UUID organisationId, String kind, String state, String questionKo, String questionEn,
                           List<Polls.Option> options, int minChoices, int maxChoices, String audience, List<String> districts,
                           Instant opensAt, Instant closesAt, boolean open, boolean closed, boolean allowChange,
                           String visibility, int k, boolean resultsVisible, List<Integer> myAnswer, Boolean eligible, int version) {
    }

    public record Decision(@NotNull Boolean approve) {
    }

    public record VisibilityChange(@NotNull Poll.Visibility visibility) {
    }

    public record Answer(@NotNull @Size(min = 1, max = 20) List<@NotNull Integer> choices) {
    }

    public record AnswerView(UUID pollId, List<Integer> choices, Instant answeredAt) {
        static AnswerView of(PollResponse r) {
            return new AnswerView(r.pollId(), java.util.Arrays.stream(Polls.parse(r.answer())).boxed().toList(), r.answeredAt());
        }
    }

    public record Attributes(@Min(1900) @Max(2100) Integer birthYear, @Pattern(regexp = "FEMALE|MALE|OTHER") String gender,
                             boolean shareDistrict) {
        static Attributes of(AttributeConsent c) {
            return new Attributes(c.birthYear(), c.gender(), c.shareDistrict());
        }
    }

    public record PollList(List<PollView> items, int page, int size) {
    }

    @GET
    @PermitAll
    public PollList list(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(10000) int page,
                         @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return new PollList(polls.list(viewer(), isModerator(), page, size).stream().map(this::view).toList(), page, size);
    }

    @POST
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public Response create(@NotNull @Valid PollForm form) {
        SignedInCaller caller = caller();
        boolean moderator = caller.has(Role.MODERATOR);
        boolean official = form.organisationId() != null && caller.has(Role.OFFICIAL, form.organisationId());
        if (form.organisationId() != null && !official && !moderator) throw ProblemException.forbidden();
        if (!limiter.tryAcquire("poll-create:" + caller.accountId(), 30, Duration.ofHours(1))) {
            throw new ProblemException(ProblemType.RATE_LIMITED, "rateLimited");
        }
        int min = form.minChoices() == null ? (form.kind() == Poll.Kind.RATING ? 1 : 1) : form.minChoices();
        int max = form.maxChoices() == null ? (form.kind() == Poll.Kind.RATING ? 5 : form.options().size()) : form.maxChoices();
        var settings = new Poll.Settings(form.organisationId(), form.kind(), form.questionKo().strip(), form.questionEn().strip(),
                Polls.optionsJson(form.options().stream().map(o -> new Polls.Option(o.ko().strip(), o.en().strip())).toList()),
                min, max, form.audience(), form.districts() == null ? List.of() : form.districts().stream().map(String::strip).toList(),
                form.opensAt(), form.closesAt(), form.allowChange(), form.visibility(), form.k() == null ? 10 : form.k());
        Poll poll = polls.create(settings, !official && !moderator, caller.accountId());
        return Response.status(201).header("Location", "/api/polls/" + poll.id()).entity(view(poll)).build();
    }

    @GET
    @Path("{id}")
    @PermitAll
    public PollView one(@PathParam("id") UUID id) {
        return view(polls.visible(id, viewer(), isModerator()));
    }

    @POST
    @Path("{id}/decision")
    @RolesAllowed(Role.MODERATOR_NAME)
    public PollView decide(@PathParam("id") UUID id, @NotNull @Valid Decision decision) {
        return view(polls.decide(id, decision.approve(), caller().accountId()));
    }

    @PUT
    @Path("{id}/visibility")
    @RolesAllowed({Role.OFFICIAL_NAME, Role.MODERATOR_NAME})
    public PollView changeVisibility(@PathParam("id") UUID id, @NotNull @Valid VisibilityChange change) {
        Poll poll = polls.byId(id);
        boolean mayEdit = poll.organisationId() == null ? isModerator() : caller().has(Role.OFFICIAL, poll.organisationId()) || isModerator();
        if (!mayEdit) throw ProblemException.forbidden();
        return view(polls.changeVisibility(id, change.visibility(), caller().accountId()));
    }

    /**
     * Answers, or changes the answer. Of two racing requests by one person, the database lets one insert; the loser
     * is retried once and then finds that row: it becomes an update (200) when the poll allows changes, else 409.
     */
    @PUT
    @Path("{id}/response")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public AnswerView respond(@PathParam("id") UUID id, @NotNull @Valid Answer answer) {
        UUID accountId = caller().accountId();
        if (!limiter.tryAcquire("poll-responses:" + accountId, responsesPerMinute, Duration.ofMinutes(1))) {
            throw new ProblemException(ProblemType.RATE_LIMITED, "rateLimited");
        }
        var account = accounts.byId(accountId);
        try {
            return AnswerView.of(polls.respond(id, account, answer.choices()));
        } catch (PersistenceException | jakarta.transaction.TransactionalException raced) {
            if (polls.responseOf(id, accountId).isEmpty()) throw raced;
            return AnswerView.of(polls.respond(id, account, answer.choices()));
        }
    }

    @GET
    @Path("{id}/response")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public AnswerView myResponse(@PathParam("id") UUID id) {
        polls.visible(id, viewer(), isModerator());
        return polls.responseOf(id, caller().accountId()).map(AnswerView::of).orElseThrow(() -> ProblemException.notFound("response"));
    }

    @GET
    @Path("{id}/results")
    @PermitAll
    public Response results(@PathParam("id") UUID id, @QueryParam("download") @DefaultValue("false") boolean download) {
        var results = visibleResults(id);
        var reply = Response.ok(results.results(), MediaType.APPLICATION_JSON);
        if (download) reply.header("Content-Disposition", "attachment; filename=\"poll-" + id + ".json\"");
        return reply.build();
    }

    @GET
    @Path("{id}/results.csv")
    @PermitAll
    @Produces("text/csv")
    public Response csv(@PathParam("id") UUID id) {
        var shown = visibleResults(id);
        return Response.ok(ResultCharts.csv(shown.poll(), shown.results()), "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"poll-" + id + ".csv\"").build();
    }

    @GET
    @Path("{id}/results.svg")
    @PermitAll
    @Produces("image/svg+xml")
    public Response svg(@PathParam("id") UUID id, @HeaderParam("Accept-Language") String language,
                        @QueryParam("lang") @Pattern(regexp = "ko|en") String lang) {
        var shown = visibleResults(id);
        return Response.ok(ResultCharts.svg(shown.poll(), shown.results(), korean(language, lang)), "image/svg+xml; charset=utf-8").build();
    }

    /** A small page for an iframe on other sites (SecurityHeaders lets any site frame this path only). */
    @GET
    @Path("{id}/widget")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public Response widget(@PathParam("id") UUID id, @HeaderParam("Accept-Language") String language,
                           @QueryParam("lang") @Pattern(regexp = "ko|en") String lang) {
        var shown = visibleResults(id);
        return Response.ok(ResultCharts.widget(shown.poll(), shown.results(), korean(language, lang)), "text/html; charset=utf-8").build();
    }

    @GET
    @Path("attributes")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public Attributes attributes() {
        return polls.consent(caller().accountId()).map(Attributes::of).orElse(new Attributes(null, null, false));
    }

    /** What the person lets poll breakdowns use; sharing anything grants POLL_DEMOGRAPHICS in the consent ledger, sharing nothing withdraws it. */
    @PUT
    @Path("attributes")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public Attributes setAttributes(@NotNull @Valid Attributes attributes) {
        return Attributes.of(polls.setConsent(caller().accountId(), attributes.birthYear(), attributes.gender(), attributes.shareDistrict()));
    }

    private record Shown(Poll poll, PollResults.Results results) {
    }

    private Shown visibleResults(UUID id) {
        Poll poll = polls.visible(id, viewer(), isModerator());
        if (!polls.resultsVisible(poll, viewer())) throw new ProblemException(ProblemType.FORBIDDEN, "poll.resultsHidden");
        return new Shown(poll, PollResults.of(poll, polls.responses(id)));
    }

    private PollView view(Poll p) {
        UUID viewer = viewer();
        var mine = polls.responseOf(p.id(), viewer);
        Instant now = polls.now();
        Boolean eligible = viewer == null ? null : polls.ineligibility(p, accounts.byId(viewer)).isEmpty();
        return new PollView(p.id(), p.organisationId(), p.kind().name(), p.state().name(), p.questionKo(), p.questionEn(),
                Polls.options(p), p.minChoices(), p.maxChoices(), p.audience().name(), p.districts(), p.opensAt(), p.closesAt(),
                p.isOpen(now), p.isClosed(now), p.allowChange(), p.visibility().name(), p.kThreshold(),
                polls.resultsVisible(p, viewer), mine.map(r -> java.util.Arrays.stream(Polls.parse(r.answer())).boxed().toList()).orElse(null),
                eligible, p.version());
    }

    private static boolean korean(String acceptLanguage, String lang) {
        if (lang != null) return lang.equals("ko");
        return Messages.fromAcceptLanguage(acceptLanguage).equals(Messages.KOREAN);
    }

    private UUID viewer() {
        return security.getUserPrincipal() instanceof SignedInCaller c ? c.accountId() : null;
    }

    private boolean isModerator() {
        return security.isUserInRole(Role.MODERATOR_NAME);
    }

    private SignedInCaller caller() {
        return (SignedInCaller) security.getUserPrincipal();
    }
}
