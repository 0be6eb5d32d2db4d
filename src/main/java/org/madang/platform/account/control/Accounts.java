package org.madang.platform.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.madang.platform.account.entity.Account;
import org.madang.platform.account.entity.AccountToken;
import org.madang.platform.error.ProblemException;
import org.madang.platform.personaldata.LookupHash;

/** Look-ups of accounts and their tokens. */
@ApplicationScoped
public class Accounts {

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    public static String normaliseEmail(String email) {
        return LookupHash.normaliseEmail(email);
    }

    public Optional<Account> byEmail(String email) {
        if (email == null) return Optional.empty();
        // the address is encrypted (random nonce), so it is found by its keyed hash
        var found = em.createQuery("SELECT a FROM Account a WHERE a.emailLookup = :lookup", Account.class)
                .setParameter("lookup", LookupHash.ofEmail(email))
                .getResultStream().findFirst();
        if (found.isPresent()) return found;
        // a row from before encryption that the start-up conversion (privacy.control.ContactEncryption) has not reached
        @SuppressWarnings("unchecked")
        List<Object> unconverted = em.createNativeQuery("SELECT id FROM account WHERE email_lookup IS NULL AND email = ?1")
                .setParameter(1, normaliseEmail(email)).getResultList();
        return unconverted.stream().findFirst().map(id -> em.find(Account.class, id instanceof UUID u ? u : UUID.fromString(id.toString())));
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
