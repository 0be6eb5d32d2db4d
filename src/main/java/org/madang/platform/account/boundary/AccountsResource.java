package org.madang.platform.account.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.madang.platform.account.control.AccountService;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;
import org.madang.platform.ratelimit.RateLimiter;
import org.madang.platform.web.ClientAddress;

/** Sign-up, e-mail verification and password reset: the account actions of people who are not signed in. */
@Path("/")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {

    @Inject
    AccountService service;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    ClientAddress clientAddress;

    @Context
    UriInfo uriInfo;

    /** Raises the per-address limits, for load tests that all come from one address. */
    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "madang.ratelimit.per-address-scale", defaultValue = "1")
    int addressScale;

    public record SignUp(
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull @Size(min = 10, max = 128, message = "{madang.password.size}") String password,
            @NotBlank @Size(max = 80) @Pattern(regexp = "[^\\p{Cntrl}<>]*", message = "{madang.displayName.characters}") String displayName,
            @Pattern(regexp = "ko|en") String locale) {
    }

    public record TokenOnly(@NotBlank @Size(max = 100) String token) {
    }

    public record EmailOnly(@NotBlank @Email @Size(max = 254) String email) {
    }

    public record NewPassword(@NotBlank @Size(max = 100) String token,
                              @NotNull @Size(min = 10, max = 128, message = "{madang.password.size}") String newPassword) {
    }

    @POST
    @Path("accounts")
    @PermitAll
    @APIResponse(responseCode = "201", description = "Created; a verification link is mailed. / 가입 완료, 확인 메일 발송",
            content = @Content(schema = @Schema(implementation = AccountView.class)))
    public Response signUp(@NotNull @Valid SignUp request) {
        limit("sign-up", 10);
        var account = service.signUp(request.email(), request.password(), request.displayName(), request.locale());
        return Response.created(uriInfo.getBaseUriBuilder().path("me").build()).entity(AccountView.of(account)).build();
    }

    @POST
    @Path("accounts/email-verifications")
    @PermitAll
    @APIResponse(responseCode = "204", description = "The e-mail address is verified. / 이메일 확인 완료")
    public Response verifyEmail(@NotNull @Valid TokenOnly request) {
        service.verifyEmail(request.token());
        return Response.noContent().build();
    }

    @POST
    @Path("password-resets")
    @PermitAll
    @APIResponse(responseCode = "202", description = "A reset link is mailed if the address has an account. / 재설정 메일 발송")
    public Response requestReset(@NotNull @Valid EmailOnly request) {
        limit("password-reset", 5);
        service.requestPasswordReset(request.email());
        return Response.accepted().build();
    }

    @POST
    @Path("password-resets/confirmations")
    @PermitAll
    @APIResponse(responseCode = "204", description = "The password is changed. / 비밀번호 변경 완료")
    public Response confirmReset(@NotNull @Valid NewPassword request) {
        service.resetPassword(request.token(), request.newPassword());
        return Response.noContent().build();
    }

    private void limit(String action, int perTenMinutes) {
        if (!rateLimiter.tryAcquire(action + ":" + clientAddress.get(), perTenMinutes * addressScale, java.time.Duration.ofMinutes(10))) {
            throw new ProblemException(ProblemType.RATE_LIMITED, "rateLimited");
        }
    }
}
