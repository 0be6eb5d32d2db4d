package org.madang.platform.admin.boundary;

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
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
import java.util.List;
import java.util.UUID;
import org.madang.platform.account.boundary.AccountView;
import org.madang.platform.account.control.RoleAdministration;
import org.madang.platform.auth.Role;
import org.madang.platform.auth.SignedInCaller;
import org.madang.platform.personaldata.AccessPurposeRequired;
import org.madang.platform.personaldata.PersonalDataAccess;
import org.madang.platform.personaldata.StatedAccessPurpose;

/** Administrators' view of accounts: search, roles, resident verification. */
@Path("admin/users")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AdminUsersResource {

    @Inject
    RoleAdministration administration;

    @Inject
    PersonalDataAccess access;

    @Inject
    StatedAccessPurpose purpose;

    @Context
    SecurityContext security;

    public record Page(List<AccountView> items, String nextCursor) {
    }

    public record RoleRequest(@NotNull Role role, UUID organisationId) {
    }

    public record ResidentVerification(@NotBlank @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}<>]*") String district) {
    }

    /** What a search shows of each person, as the access log names it. */
    static final List<String> SHOWN_FIELDS = List.of("email", "displayName", "identityLevel", "residentDistrict", "roles");

    /** Staff state why they search (X-Access-Purpose); each person shown is entered in their access log. */
    @GET
    @RolesAllowed({Role.ADMIN_NAME, Role.ORG_ADMIN_NAME, Role.REGISTRAR_NAME})
    @AccessPurposeRequired
    public Page search(@QueryParam("q") @Size(max = 254) String query, @QueryParam("cursor") UUID cursor,
                       @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        var accounts = administration.search(query, cursor, limit + 1);
        var items = accounts.stream().limit(limit).map(AccountView::of).toList();
        String next = accounts.size() > limit ? items.get(items.size() - 1).id().toString() : null;
        for (var item : items) access.record(caller().accountId(), item.id(), SHOWN_FIELDS, purpose.purpose());
        return new Page(items, next);
    }

    @POST
    @Path("{id}/roles")
    @RolesAllowed({Role.ADMIN_NAME, Role.ORG_ADMIN_NAME})
    public Response grant(@PathParam("id") UUID id, @NotNull @Valid RoleRequest request) {
        administration.grant(caller(), id, request.role(), request.organisationId());
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}/roles/{role}")
    @RolesAllowed({Role.ADMIN_NAME, Role.ORG_ADMIN_NAME})
    @Consumes(MediaType.WILDCARD)
    public Response revoke(@PathParam("id") UUID id, @PathParam("role") Role role,
                           @QueryParam("organisationId") UUID organisationId) {
        administration.revoke(caller(), id, role, organisationId);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/resident-verification")
    @RolesAllowed(Role.REGISTRAR_NAME)
    public Response verifyResident(@PathParam("id") UUID id, @NotNull @Valid ResidentVerification request) {
        administration.verifyResident(caller(), id, request.district());
        return Response.noContent().build();
    }

    private SignedInCaller caller() {
        return (SignedInCaller) security.getUserPrincipal();
    }
}
