package org.madang.platform.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.madang.platform.account.entity.Account;
import org.madang.platform.account.entity.AccountToken;
import org.madang.platform.error.ProblemException;

/** Look-ups of accounts and their tokens. */
@ApplicationScoped
public class Accounts {

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    public static String normaliseEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public Optional<Account> byEmail(String email) {
        return em.createQuery("SELECT a FROM Account a WHERE a.email = :email", Account.class)
                .setParameter("email", normaliseEmail(email))
                .getResultStream().findFirst();
    }

    public Account byId(UUID id) {
        var account = em.find(Account.class, id);
        if (account == null) throw ProblemException.notFound("account");
        return account;
    }

    public Optional<AccountToken> token(String secret, AccountToken.Purpose purpose) {
        if (secret == null || secret.length() > 100) return Optional.empty();
        return em.createQuery("SELECT t FROM AccountToken t WHERE t.tokenHash = :hash AND t.purpose = :purpose", AccountToken.class)
                .setParameter("hash", AccountToken.hash(secret))
                .setParameter("purpose", purpose)
                .getResultStream().findFirst();
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    /** Marks every unused token of that purpose used (a new reset link voids older ones, theft voids all sessions). */
    public void voidTokens(UUID accountId, AccountToken.Purpose purpose, java.time.Instant now) {
        em.createQuery("UPDATE AccountToken t SET t.usedAt = :now WHERE t.accountId = :account AND t.purpose = :purpose AND t.usedAt IS NULL")
                .setParameter("now", now)
                .setParameter("account", accountId)
                .setParameter("purpose", purpose)
                .executeUpdate();
    }
}
