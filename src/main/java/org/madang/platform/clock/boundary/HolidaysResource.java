package org.madang.platform.clock.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.madang.platform.auth.Role;
import org.madang.platform.clock.Holiday;
import org.madang.platform.clock.control.HolidayStore;
import org.madang.platform.error.ProblemException;

/** The public-holiday calendar: everyone may read it, administrators edit it (audited). */
@Path("holidays")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class HolidaysResource {

    private static final String ISO_DATE = "\\d{4}-\\d{2}-\\d{2}";

    @Inject
    HolidayStore holidays;

    @Context
    SecurityContext security;

    public record NewHoliday(@NotNull @Pattern(regexp = ISO_DATE) @Schema(example = "2026-10-09") String date,
                             @NotBlank @Size(max = 100) String nameKo, @NotBlank @Size(max = 100) String nameEn) {
    }

    @GET
    @PermitAll
    public List<Holiday> all() {
        return holidays.all();
    }

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    public Response add(@NotNull @Valid NewHoliday request) {
        var added = holidays.add(date(request.date()), request.nameKo(), request.nameEn(), security.getUserPrincipal().getName());
        return Response.status(Response.Status.CREATED).entity(added).build();
    }

    @DELETE
    @Path("{date}")
    @RolesAllowed(Role.ADMIN_NAME)
    public Response remove(@PathParam("date") String date) {
        holidays.remove(date(date), security.getUserPrincipal().getName());
        return Response.noContent().build();
    }

    private static LocalDate date(String text) {
        try {
            if (text == null || !text.matches(ISO_DATE)) throw new DateTimeParseException("not yyyy-mm-dd", String.valueOf(text), 0);
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("date", "holiday.badDate");
        }
    }
}
