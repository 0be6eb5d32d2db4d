package org.madang.platform.admin.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;
import org.madang.platform.audit.control.AuditLog;
import org.madang.platform.auth.Role;
import org.madang.platform.error.ProblemException;
import org.madang.platform.search.SearchIndex;

/** Administrators rebuild the search index from the database: one kind of document, or all of them. */
@Path("admin/search")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class AdminSearchResource {

    @Inject
    SearchIndex index;

    @Inject
    AuditLog audit;

    @Context
    SecurityContext security;

    /** @param kinds the documents indexed per kind; {@code indexed} their sum */
    public record Rebuilt(int indexed, Map<String, Integer> kinds) {
    }

    @POST
    @Path("rebuild")
    @Consumes(MediaType.WILDCARD)
    @Transactional
    public Rebuilt rebuild(@QueryParam("kind") @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}") String kind) {
        Map<String, Integer> kinds;
        if (kind == null) {
            kinds = index.rebuildAll();
        } else if (index.kinds().contains(kind)) {
            kinds = Map.of(kind, index.rebuild(kind));
        } else {
            throw ProblemException.notFound("search kind " + kind);
        }
        int indexed = kinds.values().stream().mapToInt(Integer::intValue).sum();
        audit.record(security.getUserPrincipal().getName(), "search.rebuilt", "search:" + (kind == null ? "all" : kind),
                "indexed " + indexed);
        return new Rebuilt(indexed, kinds);
    }
}
