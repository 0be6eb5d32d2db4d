package org.madang.platform.auth;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;
import org.madang.platform.audit.control.AuditLog;

/** The public keys that verify Madang's tokens (JWKS), and their rotation by an administrator. */
@Path("keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SigningKeysResource {

    @Inject
    SigningKeys keys;

    @Inject
    AuditLog audit;

    @Context
    SecurityContext security;

    @GET
    @PermitAll
    public String jwks() {
        return keys.verificationKeys().toString();
    }

    @POST
    @Path("rotations")
    @RolesAllowed(Role.ADMIN_NAME)
    @Consumes(MediaType.WILDCARD)
    public Map<String, String> rotate() {
        String kid = keys.rotate();
        audit.record(security.getUserPrincipal().getName(), "signing-key.rotated", "signing-key:" + kid, "");
        return Map.of("kid", kid);
    }
}
