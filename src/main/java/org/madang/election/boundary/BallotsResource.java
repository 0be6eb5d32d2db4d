package org.madang.election.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.madang.election.control.BallotBox;
import org.madang.election.control.Elections;
import org.madang.election.control.ReceiptSigner;
import org.madang.election.entity.BoardEntry;
import org.madang.election.entity.Election;
import org.madang.platform.auth.Role;
import org.madang.platform.auth.SignedInCaller;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;

/** Casting ballots, the public bulletin board, and receipts anyone can check. */
@Path("elections")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class BallotsResource {

    @Inject
    BallotBox box;

    @Inject
    Elections elections;

    @Context
    SecurityContext security;

    public record ReceiptView(String receipt, UUID electionId, String ballotId, String kind, String confirmationCode,
                              String confirmationCodeGrouped, long position, String chainHash, Instant receivedAt, boolean counted) {
        static ReceiptView of(BoardEntry b, boolean counted) {
            return new ReceiptView(b.receipt(), b.electionId(), b.ballotId(), b.kind().name(), b.confirmationCode(),
                    grouped(b.confirmationCode()), b.position(), b.entryHash(), b.receivedAt(), counted);
        }
    }

    public record BoardEntryView(long position, String kind, String ballotId, String confirmationCode, String credential,
                                 Instant receivedAt, String previousHash, String hash) {
        static BoardEntryView of(BoardEntry b) {
            return new BoardEntryView(b.position(), b.kind().name(), b.ballotId(), b.confirmationCode(), b.credential(),
                    b.receivedAt(), b.previousHash(), b.entryHash());
        }
    }

    public record BoardPage(List<BoardEntryView> items, int page, int size, long total, String head) {
    }

    public record ReceiptCheck(@NotBlank @Size(max = 4000) String receipt) {
    }

    public record ReceiptCheckResult(boolean signatureValid, boolean onBoard, BoardEntryView entry) {
    }

    /** The code in groups of four, upper case, for reading aloud and comparing by eye. */
    static String grouped(String hex) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 4) {
            if (i > 0) out.append('-');
            out.append(hex, i, Math.min(hex.length(), i + 4));
        }
        return out.toString().toUpperCase();
    }

    @POST
    @Path("{id}/ballots")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public Response cast(@PathParam("id") UUID id, String body) {
        var receipt = box.cast(id, caller().accountId(), BallotBox.envelope(CeremonyResource.required(body)));
        return Response.status(receipt.repeated() ? 200 : 201).entity(ReceiptView.of(receipt.entry(), receipt.entry().kind() == BoardEntry.Kind.CAST)).build();
    }

    @GET
    @Path("{id}/board")
    @PermitAll
    public BoardPage board(@PathParam("id") UUID id, @QueryParam("code") String code,
                           @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                           @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        Election e = elections.visible(id, false);
        String prefix = null;
        if (code != null && !code.isBlank()) {
            prefix = code.replace("-", "").strip().toLowerCase();
            if (!prefix.matches("[0-9a-f]{1,64}")) throw ProblemException.invalid("code", "ballot.codeFormat");
        }
        var found = box.board(id, prefix, page, size);
        return new BoardPage(found.items().stream().map(BoardEntryView::of).toList(), page, size, found.total(), e.boardHead());
    }

    @GET
    @Path("{id}/board/{code}")
    @PermitAll
    public BoardEntryView boardEntry(@PathParam("id") UUID id, @PathParam("code") String code) {
        elections.visible(id, false);
        String hex = code.replace("-", "").toLowerCase();
        if (!hex.matches("[0-9a-f]{64}")) throw ProblemException.invalid("code", "ballot.codeFormat");
        return box.byCode(id, hex).map(BoardEntryView::of).orElseThrow(() -> ProblemException.notFound("ballot"));
    }

    @GET
    @Path("{id}/receipt-key")
    @PermitAll
    public Response receiptKey(@PathParam("id") UUID id) {
        Election e = elections.visible(id, false);
        if (e.receiptPublicJwk() == null) throw new ProblemException(ProblemType.CONFLICT, "ballot.notOpenYet");
        return Response.ok("{\"jwk\":" + e.receiptPublicJwk() + "}").build();
    }

    private SignedInCaller caller() {
        return (SignedInCaller) security.getUserPrincipal();
    }
}
