package org.madang.platform.organisation.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
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
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.madang.platform.auth.Role;
import org.madang.platform.organisation.control.Organisations;
import org.madang.platform.organisation.entity.Organisation;

/** Ministries and agencies: everyone may read the tree; administrators shape it. */
@Path("organisations")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OrganisationsResource {

    @Inject
    Organisations organisations;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    public record OrganisationView(UUID id, String nameKo, String nameEn, String kind, UUID parentId, int version) {
        static OrganisationView of(Organisation o) {
            return new OrganisationView(o.id(), o.nameKo(), o.nameEn(), o.kind().name(), o.parentId(), o.version());
        }
    }

    public record NewOrganisation(@NotBlank @Size(max = 200) String nameKo, @NotBlank @Size(max = 200) String nameEn,
                                  @NotNull Organisation.Kind kind, UUID parentId) {
    }

    public record OrganisationChange(@NotBlank @Size(max = 200) String nameKo, @NotBlank @Size(max = 200) String nameEn,
                                     UUID parentId, @NotNull @PositiveOrZero Integer version) {
    }

    @GET
    @PermitAll
    public List<OrganisationView> all() {
        return organisations.all().stream().map(OrganisationView::of).toList();
    }

    @GET
    @Path("{id}")
    @PermitAll
    public OrganisationView one(@PathParam("id") UUID id) {
        return OrganisationView.of(organisations.byId(id));
    }

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    public Response create(@NotNull @Valid NewOrganisation request) {
        var created = organisations.create(request.nameKo(), request.nameEn(), request.kind(), request.parentId(),
                security.getUserPrincipal().getName());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(OrganisationView.of(created)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    public OrganisationView update(@PathParam("id") UUID id, @NotNull @Valid OrganisationChange change) {
        return OrganisationView.of(organisations.update(id, change.nameKo(), change.nameEn(), change.parentId(),
                change.version(), security.getUserPrincipal().getName()));
    }
}
