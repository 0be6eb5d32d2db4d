package org.madang.platform.mail.boundary;

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
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.madang.platform.auth.Role;
import org.madang.platform.error.ProblemException;
import org.madang.platform.mail.control.MailOutbox;

/** The mail outbox for administrators: without an SMTP server, this is where mail can be read. */
@Path("admin/outbox")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class OutboxResource {

    @Inject
    MailOutbox outbox;

    public record Mail(UUID id, String to, String subject, String status, int attempts, Instant createdAt, Instant sentAt, String body) {
    }

    public record Page(List<Mail> items, String nextCursor) {
    }

    @GET
    public Page list(@QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        Instant before;
        try {
            before = cursor == null ? Instant.now().plusSeconds(60) : Instant.parse(cursor);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("cursor", "constraint.Pattern");
        }
        var messages = outbox.page(before, limit);
        var items = messages.stream().map(m -> new Mail(m.id(), m.recipient(), m.subject(), m.status().name(), m.attempts(),
                m.createdAt(), m.sentAt(), m.body())).toList();
        String next = items.size() == limit ? items.get(items.size() - 1).createdAt().toString() : null;
        return new Page(items, next);
    }
}
