package org.madang.election.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import org.madang.election.boundary.BallotsResource.BoardEntryView;
import org.madang.election.boundary.BallotsResource.ReceiptCheck;
import org.madang.election.boundary.BallotsResource.ReceiptCheckResult;
import org.madang.election.control.BallotBox;
import org.madang.election.control.Elections;
import org.madang.election.control.ReceiptSigner;
import org.madang.election.entity.Election;
import org.madang.platform.error.ProblemException;

/** Anyone may check a receipt: its signature against the election's receipt key, and its entry on the board. */
@Path("receipts")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ReceiptsResource {

    @Inject
    BallotBox box;

    @Inject
    Elections elections;

    @POST
    @Path("verifications")
    @PermitAll
    public ReceiptCheckResult checkReceipt(@NotNull ReceiptCheck request) {
        String electionId = ReceiptSigner.claimedElection(request.receipt()).orElse(null);
        if (electionId == null || !electionId.matches("[0-9a-f-]{36}")) return new ReceiptCheckResult(false, false, null);
        Election e;
        try {
            e = elections.visible(UUID.fromString(electionId), false);
        } catch (ProblemException | IllegalArgumentException notFound) {
            return new ReceiptCheckResult(false, false, null);
        }
        if (e.receiptPublicJwk() == null) return new ReceiptCheckResult(false, false, null);
        Map<String, Object> claims = ReceiptSigner.verify(e.receiptPublicJwk(), request.receipt()).orElse(null);
        if (claims == null || !(claims.get("confirmationCode") instanceof String code)) return new ReceiptCheckResult(false, false, null);
        var entry = box.byCode(e.id(), code).filter(b -> b.entryHash().equals(claims.get("chainHash"))
                && String.valueOf(b.position()).equals(String.valueOf(claims.get("position"))));
        return new ReceiptCheckResult(true, entry.isPresent(), entry.map(BoardEntryView::of).orElse(null));
    }

}
