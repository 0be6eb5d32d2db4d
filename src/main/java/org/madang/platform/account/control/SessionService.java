package org.madang.platform.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.madang.platform.account.entity.Account;
import org.madang.platform.account.entity.AccountToken;
import org.madang.platform.account.entity.AccountToken.Purpose;
import org.madang.platform.audit.control.AuditLog;
import org.madang.platform.auth.AccessTokens;
import org.madang.platform.auth.Role;
import org.madang.platform.auth.SignedInCaller;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;
import org.madang.platform.ratelimit.RateLimiter;

/**
 * Sign-in with throttling and a temporary lock, second factor, refresh-token rotation and sign-out. Staff roles
 * are active in a session only when it was opened with a second factor.
 */
@ApplicationScoped
public class SessionService {

    public static final Duration REFRESH_LIFETIME = Duration.ofDays(14);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Accounts accounts;

    @Inject
    AccessTokens accessTokens;

    @Inject
    AuditLog audit;

    @Inject
    RateLimiter rateLimiter;

    /** Raises the per-address limits, for load tests that all come from one address. */
    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "madang.ratelimit.per-address-scale", defaultValue = "1")
    int addressScale;

    final PasswordHasher hasher = new PasswordHasher();
    Clock clock = Clock.systemUTC();

    /** What a successful sign-in or refresh hands to the client. */
    public record Session(Account account, SignedInCaller caller, String accessToken, String refreshToken) {
    }

    /** Failures are committed (the failure count must stick), so refusals do not roll back. */
    @Transactional(dontRollbackOn = ProblemException.class)
    public Session signIn(String email, String password, String totpCode, String clientAddress) {
        if (!rateLimiter.tryAcquire("sign-in:address:" + clientAddress, 20 * addressScale, Duration.ofMinutes(1))
                || !rateLimiter.tryAcquire("sign-in:email:" + Accounts.normaliseEmail(email), 10, Duration.ofMinutes(5))) {
            throw new ProblemException(ProblemType.RATE_LIMITED, "signIn.tooMany");
        }
        var found = accounts.byEmail(email);
        if (found.isEmpty()) {
            hasher.matches(password, PasswordHasher.UNUSABLE); // same cost as a real check: no timing oracle
            throw new ProblemException(ProblemType.BAD_CREDENTIALS, "signIn.bad");
        }
        var account = found.get();
        var now = clock.instant();
        if (account.isLocked(now)) {
            throw new ProblemException(ProblemType.LOCKED, "signIn.locked", account.lockedUntil().toString());
        }
        if (!hasher.matches(password, account.passwordHash())) {
            failed(account, "password");
            throw new ProblemException(ProblemType.BAD_CREDENTIALS, "signIn.bad");
        }
        var methods = new ArrayList<>(List.of("pwd"));
        if (account.totpEnabled()) {
            if (totpCode == null || totpCode.isBlank()) {
                throw new ProblemException(ProblemType.MFA_REQUIRED, "signIn.mfaRequired");
            }
            var step = TotpCodes.matchingStep(account.totpSecret(), totpCode, now);
            if (step.isEmpty() || !account.useTotpStep(step.getAsLong())) {
                failed(account, "second factor");
                throw new ProblemException(ProblemType.BAD_CREDENTIALS, "signIn.badCode");
            }
            methods.add("otp");
        }
        account.signInSucceeded();
        audit.record(account.id().toString(), "session.signed-in", "account:" + account.id(), String.join("+", methods));
        return open(account, methods);
    }

    /**
     * A session for a person the configured OpenID Connect provider vouched for (see {@link FederatedSignIn}). The
     * method is "oidc" only: staff roles need this platform's own second factor and stay inactive.
     */
    @Transactional
    public Session signInFederated(Account account, String issuer) {
        if (account.isLocked(clock.instant())) {
            throw new ProblemException(ProblemType.LOCKED, "signIn.locked", account.lockedUntil().toString());
        }
        account.signInSucceeded();
        audit.record(account.id().toString(), "session.signed-in", "account:" + account.id(), "oidc " + issuer);
        return open(account, List.of("oidc"));
    }

    private void failed(Account account, String what) {
        boolean wasLocked = account.isLocked(clock.instant());
        account.signInFailed(clock.instant());
        audit.record(account.id().toString(), "session.sign-in-failed", "account:" + account.id(), "wrong " + what);
        if (!wasLocked && account.isLocked(clock.instant())) {
            audit.record(AuditLog.SYSTEM, "account.locked", "account:" + account.id(), "until " + account.lockedUntil());
        }
    }

    /**
     * Exchanges a refresh token for a new pair. A token that was already used means it was copied: every session of
     * that account is ended.
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public Session refresh(String refreshSecret) {
        var token = accounts.token(refreshSecret, Purpose.REFRESH)
                .orElseThrow(() -> new ProblemException(ProblemType.UNAUTHENTICATED, "session.expired"));
        var now = clock.instant();
        if (token.usedAt() != null) {
            accounts.voidTokens(token.accountId(), Purpose.REFRESH, now);
            audit.record(AuditLog.SYSTEM, "session.refresh-reuse", "account:" + token.accountId(), "all sessions ended");
            throw new ProblemException(ProblemType.UNAUTHENTICATED, "session.expired");
        }
        if (!token.isUsable(now)) {
            throw new ProblemException(ProblemType.UNAUTHENTICATED, "session.expired");
        }
        token.use(now);
        var account = accounts.byId(token.accountId());
        // the second factor proven at sign-in carries over to refreshed sessions of the same chain
        List<String> methods = token.payload() == null ? List.of("pwd") : List.of(token.payload().split("\\+"));
        return open(account, methods);
    }

    @Transactional
    public void signOut(String refreshSecret, java.util.UUID accountId) {
        if (refreshSecret != null) {
            accounts.token(refreshSecret, Purpose.REFRESH).ifPresent(t -> t.use(clock.instant()));
        }
        if (accountId != null) {
            audit.record(accountId.toString(), "session.signed-out", "account:" + accountId, "");
        }
    }

    /** The caller as the account stands now (roles re-read), for the same session methods. */
    public SignedInCaller callerFor(Account account, List<String> methods, String csrfToken) {
        boolean secondFactor = methods.contains("otp");
        var groups = new TreeSet<String>();
        groups.add(Role.CITIZEN.name());
        Map<String, List<String>> organisations = new TreeMap<>();
        for (var grant : account.roles()) {
            if (grant.role().isStaff() && !secondFactor) continue;
            groups.add(grant.role().name());
            if (grant.organisationId() != null) {
                organisations.computeIfAbsent(grant.role().name(), r -> new ArrayList<>()).add(grant.organisationId().toString());
            }
        }
        return new SignedInCaller(account.id(), account.email(), account.displayName(), List.copyOf(groups),
                organisations, List.copyOf(methods), csrfToken, null, null);
    }

    private Session open(Account account, List<String> methods) {
        var issued = AccountToken.issue(account.id(), Purpose.REFRESH, String.join("+", methods), clock.instant(), REFRESH_LIFETIME);
        accounts.persist(issued.token());
        var caller = callerFor(account, methods, randomToken());
        return new Session(account, caller, accessTokens.issue(caller), issued.secret());
    }

    private static String randomToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
