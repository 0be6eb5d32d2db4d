package org.madang.election.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.madang.ballot.json.JsonValue;
import org.madang.ballot.json.JsonWriter;
import org.madang.election.control.Decryptions;
import org.madang.election.control.KeyCeremonies;
import org.madang.election.entity.DecryptionMessage.Round;
import org.madang.election.entity.Trustee;
import org.madang.platform.auth.Role;
import org.madang.platform.auth.SignedInCaller;
import org.madang.platform.error.ProblemException;

/** Decryption by the trustees: presence, the administrator's start, and the three rounds of messages. */
@Path("elections/{id}/decryption")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DecryptionResource {

    @Inject
    Decryptions decryptions;

    @Inject
    KeyCeremonies ceremonies;

    @Context
    SecurityContext security;

    @GET
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public Response status(@PathParam("id") UUID id) {
        var seat = ceremonies.seatOf(id, caller().accountId());
        if (seat.isEmpty() && !security.isUserInRole(Role.ELECTION_ADMIN_NAME) && !security.isUserInRole(Role.AUDITOR_NAME)) {
            throw ProblemException.forbidden();
        }
        var status = decryptions.status(id);
        var e = status.election();
        var m = new java.util.LinkedHashMap<String, JsonValue>();
        m.put("batchId", e.decryptionBatch() == null ? JsonValue.of("") : JsonValue.of(e.decryptionBatch()));
        m.put("round", JsonValue.of(status.round()));
        m.put("extendedBaseHash", JsonValue.of(e.extendedBaseHash() == null ? "" : e.extendedBaseHash()));
        List<JsonValue> available = new ArrayList<>();
        List<JsonValue> present = new ArrayList<>();
        for (Trustee t : ceremonies.trusteesOf(id)) {
            var who = new java.util.LinkedHashMap<String, JsonValue>();
            who.put("guardianId", JsonValue.of(t.guardianId()));
            who.put("x", JsonValue.of(t.xCoordinate()));
            if (status.coordinator() != null && status.coordinator().availableXs().contains(t.xCoordinate())) {
                available.add(new JsonValue.JsonObject(who));
            }
            if (t.participating()) present.add(new JsonValue.JsonObject(who));
        }
        m.put("available", new JsonValue.JsonArray(status.coordinator() == null ? present : available));
        List<JsonValue> pads = new ArrayList<>();
        List<JsonValue> partials = new ArrayList<>();
        List<JsonValue> reveals = new ArrayList<>();
        List<JsonValue> challenges = new ArrayList<>();
        var c = status.coordinator();
        if (c != null) {
            c.pads().forEach(p -> pads.add(JsonValue.of(HexFormat.of().formatHex(p.encode()))));
            if (c.allPartials()) c.partials().forEach(p -> partials.add(p.toJson()));
            if (c.allReveals()) {
                c.reveals().forEach(r -> reveals.add(r.toJson()));
                if (seat.isPresent() && c.availableGuardianIds().contains(seat.get().guardianId()) && !c.complete()) {
                    c.challengesFor(seat.get().guardianId()).forEach(s -> challenges.add(JsonValue.of(HexFormat.of().formatHex(s.encode()))));
                }
            }
        }
        m.put("pads", new JsonValue.JsonArray(pads));
        m.put("partials", new JsonValue.JsonArray(partials));
        m.put("reveals", new JsonValue.JsonArray(reveals));
        m.put("challenges", new JsonValue.JsonArray(challenges));
        return Response.ok(JsonWriter.write(new JsonValue.JsonObject(m))).build();
    }

    @POST
    @Path("participations")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public Response participate(@PathParam("id") UUID id) {
        decryptions.participate(id, caller().accountId());
        return Response.noContent().build();
    }

    @POST
    @Path("start")
    @RolesAllowed(Role.ELECTION_ADMIN_NAME)
    public Response start(@PathParam("id") UUID id) {
        decryptions.start(id, caller().accountId());
        return Response.noContent().build();
    }

    @POST
    @Path("partials")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public Response partial(@PathParam("id") UUID id, String body) {
        decryptions.accept(id, caller().accountId(), Round.PARTIAL, CeremonyResource.required(body));
        return Response.noContent().build();
    }

    @POST
    @Path("reveals")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public Response reveal(@PathParam("id") UUID id, String body) {
        decryptions.accept(id, caller().accountId(), Round.REVEAL, CeremonyResource.required(body));
        return Response.noContent().build();
    }

    @POST
    @Path("responses")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public Response respond(@PathParam("id") UUID id, String body) {
        decryptions.accept(id, caller().accountId(), Round.RESPOND, CeremonyResource.required(body));
        return Response.noContent().build();
    }

    private SignedInCaller caller() {
        return (SignedInCaller) security.getUserPrincipal();
    }
}
