package org.madang.election.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.madang.ballot.json.JsonWriter;
import org.madang.ballot.record.RecordJson;
import org.madang.election.control.ElectionCryptography;
import org.madang.election.control.Elections;
import org.madang.election.control.KeyCeremonies;
import org.madang.election.entity.Election;
import org.madang.platform.auth.Role;
import org.madang.platform.auth.SignedInCaller;
import org.madang.platform.error.ProblemException;

/**
 * The key ceremony relay. Trustees post their messages in egk-ec-style JSON (the trustee command writes them); the
 * bodies are read as text and parsed by the ballot core's strict reader, which validates every group element.
 */
@Path("elections/{id}/ceremony")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CeremonyResource {

    @Inject
    KeyCeremonies ceremonies;

    @Inject
    Elections elections;

    @Context
    SecurityContext security;

    public record Confirmation(@NotBlank @Size(max = 1100) String jointPublicKey) {
    }

    public record Complaint(@NotBlank @Size(max = 64) String against, @NotBlank @Size(max = 400) String reason) {
    }

    /** Raw JSON documents are returned as text inside a JSON object built by hand, so nothing re-encodes them. */
    @GET
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public Response state(@PathParam("id") UUID id) {
        Election e = elections.byId(id);
        var seat = ceremonies.seatOf(id, caller().accountId());
        if (seat.isEmpty() && !security.isUserInRole(Role.ELECTION_ADMIN_NAME) && !security.isUserInRole(Role.AUDITOR_NAME)) {
            throw ProblemException.forbidden();
        }
        if (e.configJson() == null) throw new ProblemException(org.madang.platform.error.ProblemType.CONFLICT, "ceremony.notStarted");
        var group = ElectionCryptography.group(e.groupName());
        List<String> announcements = new ArrayList<>();
        ceremonies.announcements(e).forEach(a -> announcements.add(JsonWriter.write(a.toJson())));
        StringBuilder json = new StringBuilder("{\"state\":\"").append(e.ceremonyFailure() != null ? "FAILED" : e.state().name()).append("\",\"me\":");
        json.append(seat.map(t -> "{\"guardianId\":\"" + t.guardianId() + "\",\"x\":" + t.xCoordinate() + "}").orElse("null"));
        json.append(",\"constants\":").append(JsonWriter.write(RecordJson.write(group.constants())));
        json.append(",\"config\":").append(e.configJson());
        json.append(",\"announcements\":[").append(String.join(",", announcements)).append(']');
        json.append(",\"failure\":").append(e.ceremonyFailure() == null ? "null" : JsonWriter.write(org.madang.ballot.json.JsonValue.of(e.ceremonyFailure())));
        json.append(",\"complete\":").append(e.initializedJson() != null).append('}');
        return Response.ok(json.toString()).build();
    }

    @POST
    @Path("announcements")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public Response announce(@PathParam("id") UUID id, String body) {
        ceremonies.announce(id, caller().accountId(), required(body));
        return Response.noContent().build();
    }

    @POST
    @Path("shares")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public Response sendShares(@PathParam("id") UUID id, String body) {
        ceremonies.sendShares(id, caller().accountId(), Messages.arrayMember(required(body), "shares"));
        return Response.noContent().build();
    }

    @GET
    @Path("shares")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public Response shares(@PathParam("id") UUID id) {
        return Response.ok("{\"shares\":[" + String.join(",", ceremonies.sharesFor(id, caller().accountId())) + "]}").build();
    }

    @POST
    @Path("confirmations")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public Response confirm(@PathParam("id") UUID id, @NotNull Confirmation request) {
        ceremonies.confirm(id, caller().accountId(), request.jointPublicKey());
        return Response.noContent().build();
    }

    @POST
    @Path("complaints")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public Response complain(@PathParam("id") UUID id, @NotNull Complaint request) {
        ceremonies.complain(id, caller().accountId(), request.against(), request.reason());
        return Response.noContent().build();
    }

    static String required(String body) {
        if (body == null || body.isBlank()) throw ProblemException.invalid("body", "election.emptyBody");
        return body;
    }

    private SignedInCaller caller() {
        return (SignedInCaller) security.getUserPrincipal();
    }
}
