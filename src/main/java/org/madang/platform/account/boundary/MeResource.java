package org.madang.platform.account.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.UUID;
import org.madang.platform.account.control.AccountService;
import org.madang.platform.account.control.Accounts;
import org.madang.platform.account.entity.Account;
import org.madang.platform.auth.Role;
import org.madang.platform.auth.SignedInCaller;

/** The signed-in person's own account. */
@Path("me")
@RequestScoped
@RolesAllowed(Role.ANY_SIGNED_IN)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    AccountService service;

    @Inject
    Accounts accounts;

    @Context
    SecurityContext security;

    /**
     * The account, with the roles this session holds ({@code activeRoles}: staff roles need a second factor) beside
     * the roles the account was granted.
     */
    public record Me(UUID id, String email, String displayName, String locale, String identityLevel, String residentDistrict,
                     List<AccountView.RoleView> roles, List<String> activeRoles, boolean totpEnabled,
                     boolean secondFactorNeeded) {
        static Me of(Account account, SignedInCaller caller) {
            var view = AccountView.of(account);
            boolean needsSecondFactor = account.holdsStaffRole() && !caller.methods().contains("otp");
            return new Me(view.id(), view.email(), view.displayName(), view.locale(), view.identityLevel(),
                    view.residentDistrict(), view.roles(), caller.groups(), view.totpEnabled(), needsSecondFactor);
        }
    }

    public record ProfileChange(@Size(min = 1, max = 80) @Pattern(regexp = "[^\\p{Cntrl}<>]*", message = "{madang.displayName.characters}") String displayName,
                                @Pattern(regexp = "ko|en") String locale) {
    }

    public record PasswordChange(@NotNull @Size(max = 128) String currentPassword,
                                 @NotNull @Size(min = 10, max = 128, message = "{madang.password.size}") String newPassword) {
    }

    public record EmailChange(@NotBlank @Email @Size(max = 254) String newEmail, @NotNull @Size(max = 128) String password) {
    }

    public record TokenOnly(@NotBlank @Size(max = 100) String token) {
    }

    public record Code(@NotBlank @Pattern(regexp = "\\d{6}", message = "{madang.totp.format}") String code) {
    }

    @GET
    public Me me() {
        return Me.of(accounts.byId(caller().accountId()), caller());
    }

    @PATCH
    public Me update(@NotNull @Valid ProfileChange change) {
        return Me.of(service.updateProfile(caller().accountId(), change.displayName(), change.locale()), caller());
    }

    @POST
    @Path("password")
    public Response changePassword(@NotNull @Valid PasswordChange change) {
        service.changePassword(caller().accountId(), change.currentPassword(), change.newPassword());
        return Response.noContent().build();
    }

    @POST
    @Path("email-verifications")
    @Consumes(MediaType.WILDCARD)
    public Response resendVerification() {
        service.resendVerification(caller().accountId());
        return Response.accepted().build();
    }

    @POST
    @Path("email-changes")
    public Response requestEmailChange(@NotNull @Valid EmailChange change) {
        service.requestEmailChange(caller().accountId(), change.newEmail(), change.password());
        return Response.accepted().build();
    }

    @POST
    @Path("email-changes/confirmations")
    public Response confirmEmailChange(@NotNull @Valid TokenOnly confirmation) {
        service.confirmEmailChange(confirmation.token());
        return Response.noContent().build();
    }

    @POST
    @Path("totp")
    @Consumes(MediaType.WILDCARD)
    public AccountService.TotpEnrolment beginTotp() {
        return service.beginTotp(caller().accountId());
    }

    @POST
    @Path("totp/confirmations")
    public Response confirmTotp(@NotNull @Valid Code code) {
        service.confirmTotp(caller().accountId(), code.code());
        return Response.noContent().build();
    }

    /**
     * Switching the second factor off takes a current code, so it is a POST with a body: Payara's HTTP layer
     * (Grizzly) answers a DELETE that carries a body with a bare 400 before the application sees it.
     */
    @POST
    @Path("totp/deactivations")
    public Response disableTotp(@NotNull @Valid Code code) {
        service.disableTotp(caller().accountId(), code.code());
        return Response.noContent().build();
    }

    private SignedInCaller caller() {
        return (SignedInCaller) security.getUserPrincipal();
    }
}
