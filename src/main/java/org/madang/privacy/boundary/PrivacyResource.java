package org.madang.privacy.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.madang.platform.auth.Role;
import org.madang.platform.auth.SignedInCaller;
import org.madang.platform.error.Messages;
import org.madang.platform.error.ProblemException;
import org.madang.platform.personaldata.ConsentPurpose;
import org.madang.platform.personaldata.Consents;
import org.madang.privacy.control.AccessLog;
import org.madang.privacy.control.ConsentLedger;
import org.madang.privacy.control.Erasures;
import org.madang.privacy.control.ExportPdf;
import org.madang.privacy.control.ExportPage;
import org.madang.privacy.control.FieldKeyRotation;
import org.madang.privacy.control.PersonalDataRegistry;
import org.madang.privacy.control.Retention;
import org.madang.privacy.entity.AccessEntry;
import org.madang.privacy.entity.ErasureRequest;

/**
 * Privacy: the public notice (inventory), the citizen's "My data" (consents, who read their data, export,
 * erasure), and the privacy officer's work (erasure requests, the access log's check and monthly review).
 */
@Path("privacy")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PrivacyResource {

    @Inject
    PersonalDataRegistry registry;

    @Inject
    ConsentLedger consents;

    @Inject
    Consents consentQuestion;

    @Inject
    AccessLog accessLog;

    @Inject
    Erasures erasures;

    @Inject
    ExportPdf exportPdf;

    @Inject
    Retention retention;

    @Inject
    FieldKeyRotation rotation;

    @Context
    SecurityContext security;

    @Context
    HttpHeaders headers;

    public record Grant(@NotNull @Min(1) @Max(1_000_000) Integer version) {
    }

    public record ErasureAsk(boolean removeContributions) {
    }

    public record Access(long seq, Instant at, String staffRoles, List<String> fields, String purpose) {
        static Access of(AccessEntry e) {
            return new Access(e.seq(), e.at(), e.staffRoles(), List.of(e.fields().split(",")), e.purpose());
        }
    }

    /**
     * An erasure request with its statutory deadline: {@code dueOn} is the last day (the period ends at its end, Korea
     * time, i.e. at {@code dueEndsAt}); the explanations show how the days were counted; {@code overdue} when it is
     * pending past the deadline or was carried out after it.
     */
    public record Erasure(UUID id, UUID accountId, String status, boolean removeContributions, Instant requestedAt,
                          LocalDate dueOn, Instant dueEndsAt, boolean overdue, String deadlineExplanationKo,
                          String deadlineExplanationEn, Instant completedAt, String pseudonym) {
        static Erasure of(Erasures.Tracked t) {
            var r = t.request();
            return new Erasure(r.id(), r.accountId(), r.status().name(), r.removeContributions(), r.requestedAt(),
                    t.deadline().lastDay(), t.deadline().endsAt(), t.overdue(), t.deadline().explanationKo(),
                    t.deadline().explanationEn(), r.completedAt(), r.pseudonymNumber() == null ? null : "#" + r.pseudonymNumber());
        }
    }

    private List<Erasure> views(List<ErasureRequest> requests) {
        return erasures.tracked(requests).stream().map(Erasure::of).toList();
    }

    // ---- public ------------------------------------------------------------------------------------------------

    /** The privacy notice: every personal-data field the platform stores, by feature. */
    @GET
    @Path("inventory")
    @PermitAll
    public List<PersonalDataRegistry.Section> inventory() {
        return registry.inventory();
    }

    /** The consent texts in force. */
    @GET
    @Path("consent-texts")
    @PermitAll
    public List<ConsentLedger.Text> consentTexts() {
        return List.copyOf(consents.currentTexts().values());
    }

    // ---- the signed-in person's own data -----------------------------------------------------------------------

    @GET
    @Path("me/consents")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public List<ConsentLedger.State> myConsents() {
        return consents.states(caller().accountId());
    }

    public record Answer(ConsentPurpose purpose, boolean granted) {
    }

    /** Whether I consent now, as every feature asks it ({@link Consents#hasConsent}). */
    @GET
    @Path("me/consents/{purpose}")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public Answer myConsent(@PathParam("purpose") ConsentPurpose purpose) {
        return new Answer(purpose, consentQuestion.hasConsent(caller().accountId(), purpose));
    }

    /** Agrees to the text version the person read. */
    @PUT
    @Path("me/consents/{purpose}")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public List<ConsentLedger.State> grant(@PathParam("purpose") ConsentPurpose purpose, @NotNull @Valid Grant grant) {
        consents.grant(caller().accountId(), purpose, grant.version());
        return myConsents();
    }

    @DELETE
    @Path("me/consents/{purpose}")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    @Consumes(MediaType.WILDCARD)
    public List<ConsentLedger.State> withdraw(@PathParam("purpose") ConsentPurpose purpose) {
        consents.withdraw(caller().accountId(), purpose);
        return myConsents();
    }

    /** Who among staff read my personal data, when, which fields and why. */
    @GET
    @Path("me/accesses")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public List<Access> myAccesses(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return accessLog.about(caller().accountId(), limit).stream().map(Access::of).toList();
    }

    /** Everything held about me, a section per feature. */
    @GET
    @Path("me/export")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public Response export() {
        return Response.ok(registry.export(caller().accountId()))
                .header("Content-Disposition", "attachment; filename=\"madang-my-data.json\"").build();
    }

    /** The same, as a page to read or print. */
    @GET
    @Path("me/export.html")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public Response exportPage() {
        JsonObject export = registry.export(caller().accountId());
        boolean korean = Messages.KOREAN.equals(Messages.fromAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)));
        return Response.ok(ExportPage.render(export, korean))
                .header("Content-Disposition", "attachment; filename=\"madang-my-data.html\"")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'").build();
    }

    /** The same, as a PDF to keep or print (Korean text in an embedded font). */
    @GET
    @Path("me/export.pdf")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    public Response exportPdf() {
        JsonObject export = registry.export(caller().accountId());
        boolean korean = Messages.KOREAN.equals(Messages.fromAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)));
        return Response.ok(exportPdf.render(export, korean), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"madang-my-data.pdf\"").build();
    }

    @POST
    @Path("me/erasure-requests")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public Response requestErasure(@NotNull @Valid ErasureAsk ask) {
        var request = erasures.request(caller().accountId(), ask.removeContributions());
        return Response.status(Response.Status.CREATED).entity(views(List.of(request)).get(0)).build();
    }

    @GET
    @Path("me/erasure-requests")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public List<Erasure> myErasureRequests() {
        return views(erasures.of(caller().accountId()));
    }

    // ---- the privacy officer -----------------------------------------------------------------------------------

    /** Pending erasure requests, the most urgent first. */
    @GET
    @Path("erasure-requests")
    @RolesAllowed(Role.PRIVACY_OFFICER_NAME)
    public List<Erasure> pendingErasures() {
        return views(erasures.pending());
    }

    @POST
    @Path("erasure-requests/{id}/completion")
    @RolesAllowed(Role.PRIVACY_OFFICER_NAME)
    @Consumes(MediaType.WILDCARD)
    public Erasure carryOut(@PathParam("id") UUID id) {
        return views(List.of(erasures.carryOut(id, caller().accountId()))).get(0);
    }

    @GET
    @Path("accesses/verification")
    @RolesAllowed({Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
    public AccessLog.ChainCheck verifyAccessLog() {
        return accessLog.verify();
    }

    /** The monthly review of staff access to personal data (month as YYYY-MM, Korean calendar). */
    @GET
    @Path("reviews/{month}")
    @RolesAllowed(Role.PRIVACY_OFFICER_NAME)
    public AccessLog.Review review(@PathParam("month") String month) {
        if (month.length() != 7) throw ProblemException.invalid("month", "privacy.review.month");
        try {
            return accessLog.review(YearMonth.parse(month));
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("month", "privacy.review.month");
        }
    }

    /** Runs the retention job now (it also runs nightly). */
    @POST
    @Path("retention-runs")
    @RolesAllowed({Role.PRIVACY_OFFICER_NAME, Role.ADMIN_NAME})
    @Consumes(MediaType.WILDCARD)
    public Map<String, Integer> runRetention() {
        return retention.run(caller().accountId().toString());
    }

    /** Which key encrypts personal-data columns, and how many values each key holds. */
    @GET
    @Path("field-keys")
    @RolesAllowed({Role.ADMIN_NAME, Role.PRIVACY_OFFICER_NAME})
    public FieldKeyRotation.Status fieldKeys() {
        return rotation.status();
    }

    /** A new key encrypts from now on; older rows are re-encrypted in the background. */
    @POST
    @Path("field-keys/rotations")
    @RolesAllowed(Role.ADMIN_NAME)
    @Consumes(MediaType.WILDCARD)
    public Response rotateFieldKey() {
        return Response.accepted(rotation.rotate(caller().accountId().toString())).build();
    }

    private SignedInCaller caller() {
        return (SignedInCaller) security.getUserPrincipal();
    }
}
