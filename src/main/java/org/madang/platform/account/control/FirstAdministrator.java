package org.madang.platform.account.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.madang.platform.audit.control.AuditLog;
import org.madang.platform.auth.Role;
import org.madang.platform.auth.SignedInCaller;

/**
 * A fresh installation needs one administrator to grant every other role: with {@code MADANG_ADMIN_EMAIL} and
 * {@code MADANG_ADMIN_PASSWORD} set and no administrator in the database, that account is created at start. Its
 * administrator role becomes active once it has set up two-factor sign-in, like every staff role.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FirstAdministrator {

    private static final Logger LOG = Logger.getLogger(FirstAdministrator.class.getName());

    @Inject
    @ConfigProperty(name = "madang.admin.email")
    Optional<String> email;

    @Inject
    @ConfigProperty(name = "madang.admin.password")
    Optional<String> password;

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    AccountService accounts;

    @Inject
    Accounts lookup;

    @Inject
    RoleAdministration roles;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void create() {
        if (email.isEmpty() || password.isEmpty()) return;
        long admins = em.createQuery("SELECT COUNT(g) FROM RoleGrant g WHERE g.role = :admin", Long.class)
                .setParameter("admin", Role.ADMIN).getSingleResult();
        if (admins > 0) return;
        var account = lookup.byEmail(email.get())
                .orElseGet(() -> accounts.createVerified(email.get(), password.get(), "Administrator", "ko", AuditLog.SYSTEM));
        roles.grant(SignedInCaller.system(), account.id(), Role.ADMIN, null);
        LOG.info(() -> "First administrator: " + account.email() + " (set up two-factor sign-in to activate the role)");
    }
}
