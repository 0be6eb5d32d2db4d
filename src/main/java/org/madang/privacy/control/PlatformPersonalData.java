package org.madang.privacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.madang.platform.account.control.PasswordHasher;
import org.madang.platform.account.entity.Account;
import org.madang.platform.account.entity.AccountToken;
import org.madang.platform.account.entity.FederatedIdentity;
import org.madang.platform.audit.entity.AuditEntry;
import org.madang.platform.mail.entity.MailMessage;
import org.madang.platform.personaldata.PersonalDataField;
import org.madang.platform.personaldata.PersonalDataHolder;
import org.madang.platform.personaldata.LookupHash;
import org.madang.platform.personaldata.Pseudonym;

/**
 * The platform's own personal data: the account, its sign-in tokens, mail sent to it and the audit entries about
 * it. The account row outlives erasure (votes, posts and logs refer to it) with nothing in it that names the person.
 */
@ApplicationScoped
public class PlatformPersonalData implements PersonalDataHolder {

    /** The name an erased person's account gets when their contributions were removed, not pseudonymised. */
    static final String ERASED_NAME = "탈퇴한 사용자 (Former user)";

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    Clock clock = Clock.systemUTC();

    @Override
    public String section() { return "account"; }

    @Override
    public List<PersonalDataField> fields() {
        return PersonalDataField.declaredIn(Account.class, AccountToken.class, FederatedIdentity.class, MailMessage.class, AuditEntry.class);
    }

    @Override
    public JsonObject export(UUID accountId) {
        var account = em.find(Account.class, accountId);
        if (account == null) return Json.createObjectBuilder().build();
        var roles = Json.createArrayBuilder();
        account.roles().forEach(g -> roles.add(Json.createObjectBuilder().add("role", g.role().name())
                .add("organisationId", Objects.toString(g.organisationId(), "")).add("grantedAt", g.grantedAt().toString())));
        var tokens = Json.createArrayBuilder();
        em.createQuery("SELECT t FROM AccountToken t WHERE t.accountId = :id ORDER BY t.expiresAt", AccountToken.class)
                .setParameter("id", accountId).getResultList()
                .forEach(t -> tokens.add(Json.createObjectBuilder().add("purpose", t.purpose().name())
                        .add("expiresAt", t.expiresAt().toString())));
        var providers = Json.createArrayBuilder();
        em.createQuery("SELECT f FROM FederatedIdentity f WHERE f.accountId = :id ORDER BY f.linkedAt", FederatedIdentity.class)
                .setParameter("id", accountId).getResultList()
                .forEach(f -> providers.add(Json.createObjectBuilder().add("issuer", f.issuer()).add("subject", f.subject())
                        .add("linkedAt", f.linkedAt().toString())));
        var mail = Json.createArrayBuilder();
        em.createQuery("SELECT m FROM MailMessage m WHERE m.recipientLookup = :lookup ORDER BY m.createdAt", MailMessage.class)
                .setParameter("lookup", LookupHash.ofEmail(account.email())).setMaxResults(200).getResultList()
                .forEach(m -> mail.add(Json.createObjectBuilder().add("subject", m.subject()).add("status", m.status().name())
                        .add("createdAt", m.createdAt().toString())));
        var audit = Json.createArrayBuilder();
        em.createQuery("SELECT e FROM AuditEntry e WHERE e.target = :target OR e.actor = :actor ORDER BY e.seq", AuditEntry.class)
                .setParameter("target", "account:" + accountId).setParameter("actor", accountId.toString()).setMaxResults(500)
                .getResultList().forEach(e -> audit.add(Json.createObjectBuilder().add("at", e.at().toString())
                        .add("action", e.action()).add("detail", e.detail())));
        return Json.createObjectBuilder()
                .add("id", account.id().toString())
                .add("email", account.email())
                .add("displayName", account.displayName())
                .add("locale", account.locale())
                .add("identityLevel", account.identityLevel().name())
                .add("emailVerifiedAt", Objects.toString(account.emailVerifiedAt(), ""))
                .add("residentDistrict", Objects.toString(account.residentDistrict(), ""))
                .add("residentVerifiedAt", Objects.toString(account.residentVerifiedAt(), ""))
                .add("twoFactorEnabled", account.totpEnabled())
                .add("createdAt", account.createdAt().toString())
                .add("roles", roles)
                .add("tokens", tokens)
                .add("signInProviders", providers)
                .add("mail", mail)
                .add("auditEntries", audit)
                .build();
    }

    @Override
    public void pseudonymise(UUID accountId, Pseudonym pseudonym) {
        var account = em.find(Account.class, accountId);
        if (account != null) account.rename(pseudonym.displayName());
    }

    @Override
    public void erase(UUID accountId, boolean withContributions) {
        var account = em.find(Account.class, accountId);
        if (account == null) return;
        em.createQuery("DELETE FROM MailMessage m WHERE m.recipientLookup = :lookup")
                .setParameter("lookup", LookupHash.ofEmail(account.email())).executeUpdate();
        // a notice of an address change, sent to the old address, names the current one in its text
        String address = account.email().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        em.createQuery("DELETE FROM MailMessage m WHERE m.body LIKE :address ESCAPE '\\'").setParameter("address", "%" + address + "%").executeUpdate();
        em.createQuery("DELETE FROM AccountToken t WHERE t.accountId = :id").setParameter("id", accountId).executeUpdate();
        // the provider's subject would let the person sign in again and names them at the provider
        em.createQuery("DELETE FROM FederatedIdentity f WHERE f.accountId = :id").setParameter("id", accountId).executeUpdate();
        account.erase(withContributions ? ERASED_NAME : account.displayName(), PasswordHasher.UNUSABLE, clock.instant());
    }

    @Override
    public int erasureOrder() { return Integer.MAX_VALUE; }
}
