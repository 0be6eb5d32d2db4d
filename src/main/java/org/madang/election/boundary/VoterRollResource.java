package org.madang.election.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.UUID;
import org.madang.election.control.BallotBox;
import org.madang.election.control.Elections;
import org.madang.election.control.VoterRoll;
import org.madang.election.entity.Election;
import org.madang.election.entity.Voter;
import org.madang.platform.account.control.Accounts;
import org.madang.platform.auth.Role;
import org.madang.platform.auth.SignedInCaller;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;

/** The voter roll of an election, and a voter's own place on it (eligibility, ballot style, credential). */
@Path("elections")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class VoterRollResource {

    @Inject
    VoterRoll roll;

    @Inject
    Elections elections;

    @Inject
    Accounts accounts;

    @Inject
    BallotBox box;

    @Context
    SecurityContext security;

    static final int MAX_ROLL_CHARS = 1 << 20;

    public record RollEntry(String email, String district, String ballotStyle, String source, boolean credentialRegistered) {
    }

    public record MyPlace(boolean eligible, String district, String ballotStyle, String credential, BallotsResource.ReceiptView lastReceipt) {
    }

    public record CredentialRegistration(@NotNull @Size(min = 66, max = 66) String credential) {
    }

    public record Credentials(List<String> items) {
    }

    @POST
    @Path("{id}/roll/residents")
    @RolesAllowed(Role.ELECTION_ADMIN_NAME)
    public VoterRoll.Added addResidents(@PathParam("id") UUID id) {
        return roll.addVerifiedResidents(id, caller().accountId());
    }

    @POST
    @Path("{id}/roll/imports")
    @Consumes("text/csv")
    @RolesAllowed(Role.ELECTION_ADMIN_NAME)
    public VoterRoll.Added importRoll(@PathParam("id") UUID id, String csv) {
        if (csv == null || csv.isBlank()) throw ProblemException.invalid("csv", "roll.emptyFile");
        if (csv.length() > MAX_ROLL_CHARS) throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "payloadTooLarge", MAX_ROLL_CHARS);
        return roll.importCsv(id, csv, caller().accountId());
    }

    @GET
    @Path("{id}/roll")
    @RolesAllowed({Role.ELECTION_ADMIN_NAME, Role.AUDITOR_NAME})
    public Elections.Page<RollEntry> page(@PathParam("id") UUID id, @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                          @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        var found = roll.page(id, page, size);
        return new Elections.Page<>(found.items().stream().map(v -> new RollEntry(v.email(), v.district(), v.ballotStyle(),
                v.source().name(), v.credential() != null)).toList(), page, size, found.total());
    }

    @GET
    @Path("{id}/me")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public MyPlace me(@PathParam("id") UUID id) {
        Election e = elections.visible(id, false);
        var voter = roll.voter(e.id(), accounts.byId(caller().accountId()));
        if (voter.isEmpty()) return new MyPlace(false, null, null, null, null);
        Voter v = voter.get();
        var last = box.lastOf(id, v.credential()).map(entry -> BallotsResource.ReceiptView.of(entry, box.counts(entry))).orElse(null);
        return new MyPlace(true, v.district(), v.ballotStyle(), v.credential(), last);
    }

    @PUT
    @Path("{id}/me/credential")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public jakarta.ws.rs.core.Response registerCredential(@PathParam("id") UUID id, @NotNull CredentialRegistration request) {
        elections.visible(id, false);
        roll.registerCredential(id, accounts.byId(caller().accountId()), request.credential());
        return jakarta.ws.rs.core.Response.noContent().build();
    }

    @GET
    @Path("{id}/credentials")
    @PermitAll
    public Credentials credentials(@PathParam("id") UUID id) {
        Election e = elections.visible(id, false);
        if (e.state().ordinal() < Election.State.OPEN.ordinal()) throw new ProblemException(ProblemType.CONFLICT, "roll.credentialsNotYetPublic");
        return new Credentials(roll.credentials(id));
    }

    private SignedInCaller caller() {
        return (SignedInCaller) security.getUserPrincipal();
    }
}
