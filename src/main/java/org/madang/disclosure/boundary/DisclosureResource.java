package org.madang.disclosure.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.madang.disclosure.control.DisclosureClock;
import org.madang.disclosure.control.DisclosureDocuments;
import org.madang.disclosure.control.DisclosureRequests;
import org.madang.disclosure.control.DisclosureStatistics;
import org.madang.disclosure.control.ThirdPartyConsultations;
import org.madang.disclosure.entity.DisclosureDocument;
import org.madang.disclosure.entity.DisclosureRequest;
import org.madang.disclosure.entity.ExemptionGround;
import org.madang.disclosure.entity.ThirdPartyNotice;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.madang.platform.auth.Role;
import org.madang.platform.auth.SignedInCaller;
import org.madang.platform.clock.control.HolidayStore;
import org.madang.platform.error.ProblemException;
import org.madang.platform.organisation.control.Organisations;

/** Information-disclosure requests on the statutory clock (Official Information Disclosure Act). */
@Path("disclosure")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DisclosureResource {

    private static final String REFERENCE = "\\d{4}-\\d{6,9}";

    @Inject
    DisclosureRequests requests;

    @Inject
    DisclosureStatistics statistics;

    @Inject
    DisclosureDocuments documents;

    @Inject
    org.madang.disclosure.control.DisclosureReminders reminders;

    @Inject
    ThirdPartyConsultations thirdParties;

    @Inject
    HolidayStore holidays;

    @Inject
    Organisations organisations;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    public record NewRequest(@NotNull UUID agencyId, @NotBlank @Size(max = 200) String subject,
                             @NotBlank @Size(max = 4000) String description, @NotNull DisclosureRequest.Form preferredForm,
                             Boolean stayPrivate) {
    }

    public record Reason(@NotBlank @Size(max = 2000) String reason) {
    }

    public record DecisionForm(@NotNull DisclosureRequest.Decision decision, ExemptionGround ground,
                               @Size(max = 4000) String reason, @Size(max = 4000) String redactions) {
    }

    public record Transfer(@NotNull UUID agencyId, @NotBlank @Size(max = 2000) String reason) {
    }

    public record Clarification(@NotBlank @Size(max = 2000) String question) {
    }

    public record ClarificationAnswer(@NotBlank @Size(max = 4000) String answer) {
    }

    public record Objection(@NotBlank @Size(max = 4000) String text) {
    }

    public record ObjectionDecision(@NotNull DisclosureRequest.ObjectionOutcome outcome, @NotBlank @Size(max = 4000) String reason) {
    }

    /** Run a clock step (deemed refusals, reminders) as of {@code at} (default now), optionally for one agency only. */
    public record ClockRun(@Size(max = 40) String at, UUID agencyId) {
    }

    public record ClockRunResult(Instant at, int count) {
    }

    /** A text document to release; withheld passages are marked {@code [[redact:ITEM_5]]…[[/redact]]}. */
    public record NewDocument(@NotBlank @Size(max = 200) String title,
                              @NotNull @Pattern(regexp = "text/plain|text/markdown") @Schema(example = "text/markdown") String mediaType,
                              @NotBlank @Size(max = DisclosureDocuments.MAX_BYTES)
                              @Schema(example = "제4조(계약 단가) [[redact:ITEM_7]]1식 9,870,000원[[/redact]]") String text) {
    }

    public record NewThirdParty(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 254) String email) {
    }

    /** The secret from a third party's notice link. */
    public record NoticeToken(@NotBlank @Size(max = 100) String token) {
    }

    public record ThirdPartyObjection(@NotBlank @Size(max = 100) String token, @NotBlank @Size(max = 4000) String reason) {
    }

    /** What a notified third party sees through their link: the request (never the requester) and their 3 days. */
    public record NoticeView(String reference, String subject, String description, RequestView.AgencyView agency, String name,
                             Instant notifiedAt, RequestView.DueView objectionDeadline, Instant objectedAt, boolean objectionOpen) {
    }

    public record GroundOption(String code, int item, String nameKo, String nameEn) {
    }

    @POST
    @Path("requests")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public Response file(@NotNull @Valid NewRequest form) {
        var filed = requests.file(caller(), form.agencyId(), form.subject(), form.description(), form.preferredForm(),
                Boolean.TRUE.equals(form.stayPrivate()));
        return Response.created(uriInfo.getBaseUriBuilder().path("disclosure/requests").path(filed.reference()).build())
                .entity(view(filed)).build();
    }

    @GET
    @Path("requests")
    @PermitAll
    public List<RequestView> publicRequests() {
        return views(requests.publicOnes(100));
    }

    @GET
    @Path("requests/mine")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public List<RequestView> mine() {
        return views(requests.ofRequester(caller().accountId()));
    }

    @GET
    @Path("requests/{reference}")
    @PermitAll
    public RequestView one(@PathParam("reference") String reference) {
        return view(requests.visibleTo(callerOrNull(), checked(reference)));
    }

    @GET
    @Path("agencies/{agencyId}/requests")
    @RolesAllowed({Role.OFFICIAL_NAME, Role.ORG_ADMIN_NAME})
    public List<RequestView> queue(@PathParam("agencyId") UUID agencyId, @QueryParam("overdue") boolean overdueOnly) {
        if (!requests.isAgencyStaff(caller(), agencyId)) throw ProblemException.forbidden();
        return views(requests.ofAgency(agencyId)).stream().filter(v -> !overdueOnly || v.overdue()).toList();
    }

    @POST
    @Path("requests/{reference}/acknowledgement")
    @RolesAllowed({Role.OFFICIAL_NAME, Role.ORG_ADMIN_NAME})
    public RequestView acknowledge(@PathParam("reference") String reference) {
        return view(requests.acknowledge(caller(), checked(reference)));
    }

    @POST
    @Path("requests/{reference}/extension")
    @RolesAllowed({Role.OFFICIAL_NAME, Role.ORG_ADMIN_NAME})
    public RequestView extend(@PathParam("reference") String reference, @NotNull @Valid Reason form) {
        return view(requests.extend(caller(), checked(reference), form.reason()));
    }

    @POST
    @Path("requests/{reference}/decision")
    @RolesAllowed({Role.OFFICIAL_NAME, Role.ORG_ADMIN_NAME})
    public RequestView decide(@PathParam("reference") String reference, @NotNull @Valid DecisionForm form) {
        return view(requests.decide(caller(), checked(reference), form.decision(), form.ground(), form.reason(), form.redactions()));
    }

    @POST
    @Path("requests/{reference}/transfer")
    @RolesAllowed({Role.OFFICIAL_NAME, Role.ORG_ADMIN_NAME})
    public RequestView transfer(@PathParam("reference") String reference, @NotNull @Valid Transfer form) {
        return view(requests.transfer(caller(), checked(reference), form.agencyId(), form.reason()));
    }

    @POST
    @Path("requests/{reference}/clarification")
    @RolesAllowed({Role.OFFICIAL_NAME, Role.ORG_ADMIN_NAME})
    public RequestView askClarification(@PathParam("reference") String reference, @NotNull @Valid Clarification form) {
        return view(requests.askClarification(caller(), checked(reference), form.question()));
    }

    @POST
    @Path("requests/{reference}/clarification/answer")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public RequestView answerClarification(@PathParam("reference") String reference, @NotNull @Valid ClarificationAnswer form) {
        return view(requests.answerClarification(caller(), checked(reference), form.answer()));
    }

    @POST
    @Path("requests/{reference}/objection")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public RequestView object(@PathParam("reference") String reference, @NotNull @Valid Objection form) {
        return view(requests.object(caller(), checked(reference), form.text()));
    }

    @POST
    @Path("requests/{reference}/objection/extension")
    @RolesAllowed({Role.OFFICIAL_NAME, Role.ORG_ADMIN_NAME})
    public RequestView extendObjection(@PathParam("reference") String reference, @NotNull @Valid Reason form) {
        return view(requests.extendObjection(caller(), checked(reference), form.reason()));
    }

    @POST
    @Path("requests/{reference}/objection/decision")
    @RolesAllowed({Role.OFFICIAL_NAME, Role.ORG_ADMIN_NAME})
    public RequestView decideObjection(@PathParam("reference") String reference, @NotNull @Valid ObjectionDecision form) {
        return view(requests.decideObjection(caller(), checked(reference), form.outcome(), form.reason()));
    }

    @POST
    @Path("requests/{reference}/third-parties")
    @RolesAllowed({Role.OFFICIAL_NAME, Role.ORG_ADMIN_NAME})
    public RequestView notifyThirdParty(@PathParam("reference") String reference, @NotNull @Valid NewThirdParty form) {
        return view(thirdParties.notify(caller(), checked(reference), form.name(), form.email()));
    }

    /** The notice behind a link; POST so that the secret stays out of addresses and access logs. */
    @POST
    @Path("third-party-notices")
    @PermitAll
    public NoticeView thirdPartyNotice(@NotNull @Valid NoticeToken form) {
        return noticeView(thirdParties.byToken(form.token()));
    }

    @POST
    @Path("third-party-objections")
    @PermitAll
    public NoticeView thirdPartyObjection(@NotNull @Valid ThirdPartyObjection form) {
        return noticeView(thirdParties.object(form.token(), form.reason()));
    }

    @POST
    @Path("requests/{reference}/documents")
    @RolesAllowed({Role.OFFICIAL_NAME, Role.ORG_ADMIN_NAME})
    public Response attach(@PathParam("reference") String reference, @NotNull @Valid NewDocument form) {
        var document = documents.attach(caller(), checked(reference), form.title(), form.mediaType(), form.text());
        var request = requests.byReference(reference);
        return Response.created(uriInfo.getBaseUriBuilder().path("disclosure/requests").path(reference).path("documents")
                .path(document.id().toString()).build()).entity(RequestView.DocumentView.of(request.reference(), document)).build();
    }

    @GET
    @Path("requests/{reference}/documents")
    @PermitAll
    public List<RequestView.DocumentView> documents(@PathParam("reference") String reference) {
        var request = requests.visibleTo(callerOrNull(), checked(reference));
        return documents.of(request.id()).stream().map(d -> RequestView.DocumentView.of(request.reference(), d)).toList();
    }

    /** The redacted rendering, the only text of a released document there is; shown inline, never run as a page. */
    @GET
    @Path("requests/{reference}/documents/{documentId}")
    @Produces(MediaType.WILDCARD)
    @PermitAll
    public Response document(@PathParam("reference") String reference, @PathParam("documentId") UUID documentId) {
        var request = requests.visibleTo(callerOrNull(), checked(reference));
        var document = documents.one(request, documentId);
        return Response.ok(document.redactedText(), document.mediaType() + "; charset=UTF-8")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .build();
    }

    @POST
    @Path("deemed-refusals")
    @RolesAllowed(Role.ADMIN_NAME)
    public ClockRunResult markDeemedRefusals(@Valid ClockRun run) {
        Instant at = at(run);
        return new ClockRunResult(at, requests.markDeemedRefusals(at, run == null ? null : run.agencyId(), caller().getName()));
    }

    /** Sends the reminders due at {@code at} (default now), optionally for one agency only. */
    @POST
    @Path("reminders")
    @RolesAllowed(Role.ADMIN_NAME)
    public ClockRunResult sendReminders(@Valid ClockRun run) {
        Instant at = at(run);
        return new ClockRunResult(at, reminders.send(at, run == null ? null : run.agencyId()));
    }

    @GET
    @Path("grounds")
    @PermitAll
    public List<GroundOption> grounds() {
        return Arrays.stream(ExemptionGround.values()).map(g -> new GroundOption(g.name(), g.item(), g.nameKo(), g.nameEn())).toList();
    }

    @GET
    @Path("statistics")
    @PermitAll
    public List<DisclosureStatistics.AgencyStatistics> statistics() {
        return statistics.perAgency(requests.now());
    }

    private RequestView view(DisclosureRequest r) {
        return view(r, documents.of(r.id()), thirdParties.of(r.id()));
    }

    private RequestView view(DisclosureRequest r, List<DisclosureDocument> released, List<ThirdPartyNotice> consulted) {
        var dues = DisclosureClock.deadlines(r, consulted, holidays.calendar(), requests.now());
        return RequestView.of(r, organisations.byId(r.agencyId()), dues, requests.isRequester(callerOrNull(), r), released,
                DisclosureClock.pausedDays(r, requests.now()),
                r.transferredFromAgencyId() == null ? null : organisations.byId(r.transferredFromAgencyId()),
                consulted, requests.isAgencyStaff(callerOrNull(), r));
    }

    private List<RequestView> views(List<DisclosureRequest> list) {
        var ids = list.stream().map(DisclosureRequest::id).toList();
        var released = documents.ofAll(ids);
        var consulted = thirdParties.ofAll(ids);
        return list.stream().map(r -> view(r, released.getOrDefault(r.id(), List.of()), consulted.getOrDefault(r.id(), List.of()))).toList();
    }

    private NoticeView noticeView(ThirdPartyConsultations.Consultation c) {
        var r = c.request();
        var notice = c.notice();
        var agency = organisations.byId(r.agencyId());
        var window = DisclosureClock.thirdPartyObjection(notice.notifiedAt(), holidays.calendar());
        boolean open = DisclosureClock.thirdPartyMayObject(r, notice, window, requests.now());
        return new NoticeView(r.reference(), r.subject(), r.description(),
                new RequestView.AgencyView(agency.id(), agency.nameKo(), agency.nameEn()), notice.name(), notice.notifiedAt(),
                RequestView.DueView.of(new DisclosureClock.Due("THIRD_PARTY_OBJECTION", window, open, false)),
                notice.objectedAt(), open);
    }

    private Instant at(ClockRun run) {
        if (run == null || run.at() == null) return requests.now();
        try {
            return Instant.parse(run.at());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("at", "disclosure.badInstant");
        }
    }

    private static String checked(String reference) {
        if (reference == null || !reference.matches(REFERENCE)) throw ProblemException.notFound("disclosure request");
        return reference;
    }

    private SignedInCaller caller() {
        return (SignedInCaller) security.getUserPrincipal();
    }

    private SignedInCaller callerOrNull() {
        return security.getUserPrincipal() instanceof SignedInCaller c ? c : null;
    }
}
