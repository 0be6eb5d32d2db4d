package org.madang.election.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.madang.election.control.Elections;
import org.madang.election.control.ManifestForm;
import org.madang.election.control.VoterRoll;
import org.madang.election.entity.Election;
import org.madang.election.entity.Trustee;
import org.madang.platform.auth.Role;
import org.madang.platform.auth.SignedInCaller;
import org.madang.platform.error.ProblemException;

/** Elections, their settings, ballot definition, trustees and lifecycle. */
@Path("elections")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ElectionsResource {

    @Inject
    Elections elections;

    @Inject
    VoterRoll roll;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    public record ElectionView(UUID id, String titleKo, String titleEn, String descriptionKo, String descriptionEn, String group,
                               int guardians, int quorum, String state, Instant opensAt, Instant closesAt, boolean demoTrustees,
                               String manifestHash, String extendedBaseHash, long boardSize, String boardHead, long voters,
                               long credentials, int version, List<String> allowedTransitions) {
    }

    public record ElectionSettings(@NotBlank @Size(max = 200) String titleKo, @NotBlank @Size(max = 200) String titleEn,
                                   @Size(max = 4000) String descriptionKo, @Size(max = 4000) String descriptionEn,
                                   @NotNull @Pattern(regexp = "P-256|Integer4096") String group,
                                   @NotNull @Min(1) @Max(9) Integer guardians, @NotNull @Min(1) @Max(9) Integer quorum,
                                   @NotNull Instant opensAt, @NotNull Instant closesAt, boolean demoTrustees,
                                   @PositiveOrZero Integer version) {
        Election.Settings settings() {
            return new Election.Settings(titleKo.strip(), titleEn.strip(), descriptionKo == null ? "" : descriptionKo.strip(),
                    descriptionEn == null ? "" : descriptionEn.strip(), group, guardians, quorum, opensAt, closesAt, demoTrustees);
        }
    }

    public record Transition(@NotNull Election.State to, @NotNull @PositiveOrZero Integer version) {
    }

    public record TrusteeSeat(@NotBlank @Email @Size(max = 254) String email) {
    }

    public record TrusteeAssignment(@NotNull @Size(min = 1, max = 9) List<@NotNull @Valid TrusteeSeat> trustees) {
    }

    public record TrusteeView(String guardianId, int x, boolean announced, boolean sharesSent, boolean confirmed,
                              boolean participating) {
        static TrusteeView of(Trustee t) {
            return new TrusteeView(t.guardianId(), t.xCoordinate(), t.announcement() != null, t.sharesSent(),
                    t.confirmedKey() != null, t.participating());
        }
    }

    public record TrusteeList(List<TrusteeView> items) {
    }

    public record ManifestView(List<ManifestForm.District> districts, List<ManifestForm.Style> ballotStyles,
                               List<ManifestForm.Contest> contests, String hash) {
    }

    @GET
    @PermitAll
    public Elections.Page<ElectionView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                             @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        var found = elections.list(isStaff(), page, size);
        return new Elections.Page<>(found.items().stream().map(this::view).toList(), page, size, found.total());
    }

    @POST
    @RolesAllowed(Role.ELECTION_ADMIN_NAME)
    public Response create(@NotNull @Valid ElectionSettings request) {
        Election created = elections.create(request.settings(), caller().accountId());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(view(created)).build();
    }

    @GET
    @Path("{id}")
    @PermitAll
    public ElectionView one(@PathParam("id") UUID id) {
        return view(elections.visible(id, isStaff()));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Role.ELECTION_ADMIN_NAME)
    public ElectionView update(@PathParam("id") UUID id, @NotNull @Valid ElectionSettings request) {
        if (request.version() == null) throw ProblemException.invalid("version", "election.versionRequired");
        return view(elections.update(id, request.settings(), request.version(), caller().accountId()));
    }

    @POST
    @Path("{id}/transitions")
    @RolesAllowed(Role.ELECTION_ADMIN_NAME)
    public ElectionView transition(@PathParam("id") UUID id, @NotNull @Valid Transition request) {
        return view(elections.transition(id, request.to(), request.version(), caller().accountId()));
    }

    @GET
    @Path("{id}/manifest")
    @PermitAll
    public ManifestView manifest(@PathParam("id") UUID id) {
        Election e = elections.visible(id, isStaff());
        ManifestForm form = Elections.form(e);
        if (form == null) throw ProblemException.notFound("manifest");
        return new ManifestView(form.districts(), form.ballotStyles(), form.contests(), e.manifestHash());
    }

    @PUT
    @Path("{id}/manifest")
    @RolesAllowed(Role.ELECTION_ADMIN_NAME)
    public ManifestView defineManifest(@PathParam("id") UUID id, @NotNull ManifestForm form) {
        elections.defineManifest(id, form, caller().accountId());
        return manifest(id);
    }

    @GET
    @Path("{id}/trustees")
    @PermitAll
    public TrusteeList trustees(@PathParam("id") UUID id) {
        elections.visible(id, isStaff());
        return new TrusteeList(elections.trustees(id).stream().map(TrusteeView::of).toList());
    }

    @PUT
    @Path("{id}/trustees")
    @RolesAllowed(Role.ELECTION_ADMIN_NAME)
    public TrusteeList assignTrustees(@PathParam("id") UUID id, @NotNull @Valid TrusteeAssignment request) {
        elections.assignTrustees(id, request.trustees().stream().map(TrusteeSeat::email).toList(), caller().accountId());
        return trustees(id);
    }

    ElectionView view(Election e) {
        return new ElectionView(e.id(), e.titleKo(), e.titleEn(), e.descriptionKo(), e.descriptionEn(), e.groupName(),
                e.guardians(), e.quorum(), e.state().name(), e.opensAt(), e.closesAt(), e.demoTrustees(), e.manifestHash(),
                e.extendedBaseHash(), e.boardSize(), e.boardHead(), roll.count(e.id(), false), roll.count(e.id(), true),
                e.version(), e.offeredMoves().stream().map(Enum::name).sorted().toList());
    }

    private boolean isStaff() {
        return security.isUserInRole(Role.ELECTION_ADMIN_NAME) || security.isUserInRole(Role.AUDITOR_NAME);
    }

    private SignedInCaller caller() {
        return (SignedInCaller) security.getUserPrincipal();
    }

}
