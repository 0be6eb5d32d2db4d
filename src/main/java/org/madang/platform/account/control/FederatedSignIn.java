package org.madang.platform.account.control;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.Objects;
import java.util.UUID;
import org.madang.platform.account.entity.Account;
import org.madang.platform.account.entity.FederatedIdentity;
import org.madang.platform.account.entity.IdentityLevel;
import org.madang.platform.audit.control.AuditLog;
import org.madang.platform.error.ProblemException;

/**
 * Turns a verified ID token into a Madang session: the account linked to the provider's subject; else the account
 * with the same e-mail address, but only when the provider says it verified that address (otherwise anyone could
 * claim someone's address at a lax provider); else a new citizen account. The provider's verified-identity claim
 * makes the person a verified resident.
 */
@ApplicationScoped
public class FederatedSignIn {

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    SessionService sessions;

    @Inject
    AuditLog audit;

    Clock clock = Clock.systemUTC();

    @Transactional(dontRollbackOn = ProblemException.class)
    public SessionService.Session signIn(String issuer, JWTClaimsSet claims, String residentClaim, String residentValue) {
        String subject = claims.getSubject();
        var linked = em.createQuery("SELECT f FROM FederatedIdentity f WHERE f.issuer = :issuer AND f.subject = :subject",
                        FederatedIdentity.class)
                .setParameter("issuer", issuer).setParameter("subject", subject).getResultStream().findFirst();
        Account account;
        if (linked.isPresent()) {
            account = accounts.byId(linked.get().accountId());
        } else {
            account = existingByVerifiedEmail(claims);
            if (account == null) account = newCitizen(claims);
            em.persist(new FederatedIdentity(account.id(), issuer, subject, clock.instant()));
            audit.record(account.id().toString(), "account.federated-link", "account:" + account.id(), "oidc " + issuer);
        }
        if (vouchesForResidence(claims, residentClaim, residentValue) && account.identityLevel() != IdentityLevel.VERIFIED_RESIDENT) {
            account.verifiedAsResidentByProvider(clock.instant());
            audit.record(AuditLog.SYSTEM, "account.resident-verified", "account:" + account.id(),
                    "by OIDC provider " + issuer + " (" + residentClaim + ")");
        }
        return sessions.signInFederated(account, issuer);
    }

    private Account existingByVerifiedEmail(JWTClaimsSet claims) {
        String email = email(claims);
        if (email == null || !Boolean.TRUE.equals(claims.getClaim("email_verified"))) return null;
        return accounts.byEmail(email).filter(a -> a.erasedAt() == null).orElse(null);
    }

    private Account newCitizen(JWTClaimsSet claims) {
        boolean verified = Boolean.TRUE.equals(claims.getClaim("email_verified"));
        String email = verified ? email(claims) : null;
        if (email == null || accounts.byEmail(email).isPresent()) {
            // No address the provider vouches for (an unchecked one would block its owner's own sign-up): one that
            // cannot receive mail, until the person confirms their own on the account page.
            email = "oidc-" + UUID.randomUUID() + "@federated.invalid";
        }
        var account = new Account(email, PasswordHasher.UNUSABLE, displayName(claims), locale(claims), clock.instant());
        if (verified && !email.endsWith(".invalid")) account.emailVerified(clock.instant());
        accounts.persist(account);
        audit.record(account.id().toString(), "account.created", "account:" + account.id(), "oidc sign-in");
        return account;
    }

    static boolean vouchesForResidence(JWTClaimsSet claims, String claimName, String expected) {
        Object value = claims.getClaim(claimName);
        if (value instanceof Collection<?> values) return values.stream().anyMatch(v -> Objects.toString(v).equals(expected));
        return value != null && Objects.toString(value).equals(expected);
    }

    private static String email(JWTClaimsSet claims) {
        Object email = claims.getClaim("email");
        if (!(email instanceof String text)) return null;
        String normalised = Accounts.normaliseEmail(text);
        return normalised.length() <= 254 && normalised.matches("[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+") ? normalised : null;
    }

    private static String displayName(JWTClaimsSet claims) {
        for (String claim : new String[] {"name", "preferred_username"}) {
            if (claims.getClaim(claim) instanceof String name) {
                String cleaned = name.replaceAll("[\\p{Cntrl}<>]", "").strip();
                if (!cleaned.isEmpty()) return cleaned.length() > 80 ? cleaned.substring(0, 80) : cleaned;
            }
        }
        return "시민 " + UUID.randomUUID().toString().substring(0, 6);
    }

    private static String locale(JWTClaimsSet claims) {
        return claims.getClaim("locale") instanceof String l && l.toLowerCase().startsWith("en") ? "en" : "ko";
    }
}
