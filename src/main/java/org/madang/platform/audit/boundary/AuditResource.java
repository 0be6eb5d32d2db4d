package org.madang.platform.audit.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.madang.platform.audit.control.AuditLog;
import org.madang.platform.audit.entity.AuditEntry;
import org.madang.platform.auth.Role;

/** The audit log, newest first, and a check of its hash chain, for administrators and auditors. */
@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN_NAME, Role.AUDITOR_NAME})
public class AuditResource {

    @Inject
    AuditLog audit;

    public record Entry(long seq, Instant at, String actor, String action, String target, String detail, String hash,
                        String previousHash) {
        static Entry of(AuditEntry e) {
            return new Entry(e.seq(), e.at(), e.actor(), e.action(), e.target(), e.detail(), e.hash(), e.previousHash());
        }
    }

    public record Page(List<Entry> items, String nextCursor) {
    }

    @GET
    public Page entries(@QueryParam("cursor") @Min(1) Long before, @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        var entries = audit.page(before == null ? Long.MAX_VALUE : before, limit);
        String next = entries.size() == limit ? Long.toString(entries.get(entries.size() - 1).seq()) : null;
        return new Page(entries.stream().map(Entry::of).toList(), next);
    }

    @GET
    @Path("verification")
    public AuditLog.ChainCheck verify() {
        return audit.verify();
    }
}
