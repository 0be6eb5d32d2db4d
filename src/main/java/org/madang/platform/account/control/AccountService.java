package org.madang.platform.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.madang.platform.account.entity.Account;
import org.madang.platform.account.entity.AccountToken;
import org.madang.platform.account.entity.AccountToken.Purpose;
import org.madang.platform.audit.control.AuditLog;
import org.madang.platform.error.Messages;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;
import org.madang.platform.mail.control.MailOutbox;

/** Sign-up, e-mail verification, profile, password and e-mail changes, password reset and two-factor set-up. */
@ApplicationScoped
public class AccountService {

    static final Duration VERIFICATION_LIFETIME = Duration.ofDays(2);
    static final Duration RESET_LIFETIME = Duration.ofHours(1);
    static final Duration EMAIL_CHANGE_LIFETIME = Duration.ofHours(24);

    @Inject
    Accounts accounts;

    @Inject
    AuditLog audit;

    @Inject
    MailOutbox outbox;

    @Inject
    @ConfigProperty(name = "madang.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    final PasswordHasher hasher = new PasswordHasher();
    Clock clock = Clock.systemUTC();

    @Transactional
    public Account signUp(String email, String password, String displayName, String locale) {
        String normalised = Accounts.normaliseEmail(email);
        PasswordPolicy.check(password, normalised);
        if (accounts.byEmail(normalised).isPresent()) {
            throw new ProblemException(ProblemType.CONFLICT, "account.emailTaken");
        }
        var account = new Account(normalised, hasher.hash(password), displayName.strip(), language(locale), clock.instant());
        accounts.persist(account);
        sendVerification(account);
        audit.record(account.id().toString(), "account.signed-up", "account:" + account.id(), "");
        return account;
    }

    /** Creates an account whose e-mail is already confirmed (demo data and administrators' tools). */
    @Transactional
    public Account createVerified(String email, String password, String displayName, String locale, String actor) {
        String normalised = Accounts.normaliseEmail(email);
        var account = new Account(normalised, hasher.hash(password), displayName, language(locale), clock.instant());
        account.emailVerified(clock.instant());
        accounts.persist(account);
        audit.record(actor, "account.created", "account:" + account.id(), "verified e-mail");
        return account;
    }

    @Transactional
    public void resendVerification(UUID accountId) {
        var account = accounts.byId(accountId);
        if (account.emailVerifiedAt() == null) sendVerification(account);
    }

    private void sendVerification(Account account) {
        var issued = AccountToken.issue(account.id(), Purpose.EMAIL_VERIFICATION, null, clock.instant(), VERIFICATION_LIFETIME);
        accounts.persist(issued.token());
        mail(account.email(), account.locale(), "mail.verify", publicUrl + "/verify-email.html?token=" + issued.secret(), account.displayName());
    }

    @Transactional
    public void verifyEmail(String secret) {
        var token = usableToken(secret, Purpose.EMAIL_VERIFICATION);
        var account = accounts.byId(token.accountId());
        token.use(clock.instant());
        account.emailVerified(clock.instant());
        audit.record(account.id().toString(), "account.email-verified", "account:" + account.id(), "");
    }

    @Transactional
    public Account updateProfile(UUID accountId, String displayName, String locale) {
        var account = accounts.byId(accountId);
        if (displayName != null) account.rename(displayName.strip());
        if (locale != null) account.chooseLocale(language(locale));
        return account;
    }

    @Transactional(dontRollbackOn = ProblemException.class)
    public void changePassword(UUID accountId, String currentPassword, String newPassword) {
        var account = accounts.byId(accountId);
        if (!hasher.matches(currentPassword, account.passwordHash())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "account.wrongPassword");
        }
        PasswordPolicy.check(newPassword, account.email());
        account.changePassword(hasher.hash(newPassword));
        accounts.voidTokens(accountId, Purpose.REFRESH, clock.instant());
        audit.record(accountId.toString(), "account.password-changed", "account:" + accountId, "other sessions ended");
    }

    /** Always answers the same, whether or not the address has an account, so it reveals nobody's membership. */
    @Transactional
    public void requestPasswordReset(String email) {
        accounts.byEmail(email).ifPresent(account -> {
            accounts.voidTokens(account.id(), Purpose.PASSWORD_RESET, clock.instant());
            var issued = AccountToken.issue(account.id(), Purpose.PASSWORD_RESET, null, clock.instant(), RESET_LIFETIME);
            accounts.persist(issued.token());
            mail(account.email(), account.locale(), "mail.reset",
                    publicUrl + "/password-reset-confirm.html?token=" + issued.secret(), account.displayName());
            audit.record(account.id().toString(), "account.password-reset-requested", "account:" + account.id(), "");
        });
    }

    @Transactional
    public void resetPassword(String secret, String newPassword) {
        var token = usableToken(secret, Purpose.PASSWORD_RESET);
        var account = accounts.byId(token.accountId());
        PasswordPolicy.check(newPassword, account.email());
        token.use(clock.instant());
        account.changePassword(hasher.hash(newPassword));
        account.signInSucceeded();
        accounts.voidTokens(account.id(), Purpose.REFRESH, clock.instant());
        audit.record(account.id().toString(), "account.password-reset", "account:" + account.id(), "all sessions ended");
    }

    @Transactional(dontRollbackOn = ProblemException.class)
    public void requestEmailChange(UUID accountId, String newEmail, String password) {
        var account = accounts.byId(accountId);
        if (!hasher.matches(password, account.passwordHash())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "account.wrongPassword");
        }
        String normalised = Accounts.normaliseEmail(newEmail);
        if (accounts.byEmail(normalised).isPresent()) {
            throw new ProblemException(ProblemType.CONFLICT, "account.emailTaken");
        }
        var issued = AccountToken.issue(accountId, Purpose.EMAIL_CHANGE, normalised, clock.instant(), EMAIL_CHANGE_LIFETIME);
        accounts.persist(issued.token());
        mail(normalised, account.locale(), "mail.emailChange",
                publicUrl + "/email-change-confirm.html?token=" + issued.secret(), account.displayName());
        mail(account.email(), account.locale(), "mail.emailChangeNotice", normalised, account.displayName());
        audit.record(accountId.toString(), "account.email-change-requested", "account:" + accountId, "");
    }

    @Transactional
    public void confirmEmailChange(String secret) {
        var token = usableToken(secret, Purpose.EMAIL_CHANGE);
        var account = accounts.byId(token.accountId());
        if (accounts.byEmail(token.payload()).isPresent()) {
            throw new ProblemException(ProblemType.CONFLICT, "account.emailTaken");
        }
        token.use(clock.instant());
        account.changeEmail(token.payload(), clock.instant());
        account.emailVerified(clock.instant());
        audit.record(account.id().toString(), "account.email-changed", "account:" + account.id(), "");
    }

    public record TotpEnrolment(String secret, String otpauthUri) {
    }

    @Transactional
    public TotpEnrolment beginTotp(UUID accountId) {
        var account = accounts.byId(accountId);
        if (account.totpEnabled()) {
            throw new ProblemException(ProblemType.CONFLICT, "totp.alreadyEnabled");
        }
        String secret = TotpCodes.newSecret();
        account.startTotpEnrolment(secret);
        return new TotpEnrolment(secret, TotpCodes.otpauthUri("Madang", account.email(), secret));
    }

    @Transactional
    public void confirmTotp(UUID accountId, String code) {
        var account = accounts.byId(accountId);
        if (account.totpSecret() == null || account.totpEnabled()) {
            throw new ProblemException(ProblemType.CONFLICT, "totp.notEnrolling");
        }
        var step = TotpCodes.matchingStep(account.totpSecret(), code, clock.instant());
        if (step.isEmpty()) {
            throw ProblemException.invalid("code", "totp.wrongCode");
        }
        account.enableTotp(step.getAsLong());
        audit.record(accountId.toString(), "account.totp-enabled", "account:" + accountId, "");
    }

    @Transactional
    public void disableTotp(UUID accountId, String code) {
        var account = accounts.byId(accountId);
        if (account.holdsStaffRole()) {
            throw new ProblemException(ProblemType.CONFLICT, "totp.requiredForStaff");
        }
        var step = TotpCodes.matchingStep(account.totpSecret(), code, clock.instant());
        if (!account.totpEnabled() || step.isEmpty() || !account.useTotpStep(step.getAsLong())) {
            throw ProblemException.invalid("code", "totp.wrongCode");
        }
        account.disableTotp();
        audit.record(accountId.toString(), "account.totp-disabled", "account:" + accountId, "");
    }

    private AccountToken usableToken(String secret, Purpose purpose) {
        var token = accounts.token(secret, purpose)
                .orElseThrow(() -> new ProblemException(ProblemType.GONE, "token.invalid"));
        if (!token.isUsable(clock.instant())) {
            throw new ProblemException(ProblemType.GONE, "token.invalid");
        }
        return token;
    }

    private void mail(String to, String locale, String key, String link, String name) {
        Locale language = Locale.forLanguageTag(locale);
        outbox.enqueue(to, Messages.text(language, key + ".subject"), Messages.text(language, key + ".body", name, link));
    }

    static String language(String locale) {
        return "en".equalsIgnoreCase(locale) ? "en" : "ko";
    }
}
