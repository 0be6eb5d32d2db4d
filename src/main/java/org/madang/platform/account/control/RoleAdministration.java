package org.madang.platform.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.madang.platform.account.entity.Account;
import org.madang.platform.audit.control.AuditLog;
import org.madang.platform.auth.Role;
import org.madang.platform.auth.SignedInCaller;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;
import org.madang.platform.organisation.control.Organisations;

/**
 * Granting and revoking roles, and registrars' resident verification. An ADMIN may grant any role; an ORG_ADMIN
 * may grant and revoke OFFICIAL for their own organisation only. Every change is audited.
 */
@ApplicationScoped
public class RoleAdministration {

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    Organisations organisations;

    @Inject
    AuditLog audit;

    Clock clock = Clock.systemUTC();

    /**
     * Accounts found by a whole e-mail address (exact; addresses are encrypted, so only their keyed hash can be
     * compared) or whose display name contains the text, in account-id order after the cursor (an account id).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Account> search(String text, UUID after, int limit) {
        String query = text == null ? "" : text.trim();
        if (query.contains("@")) {
            // one address is one account: there is no second page
            return after != null ? List.of() : accounts.byEmail(query).stream().toList();
        }
        String pattern = "%" + query.toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        var found = em.createQuery("SELECT a FROM Account a WHERE LOWER(a.displayName) LIKE :p ESCAPE '\\'"
                        + (after == null ? "" : " AND a.id > :after") + " ORDER BY a.id", Account.class)
                .setParameter("p", pattern);
        if (after != null) found.setParameter("after", after);
        return found.setMaxResults(limit).getResultList();
    }

    @Transactional
    public void grant(SignedInCaller actor, UUID accountId, Role role, UUID organisationId) {
        checkScope(role, organisationId);
        checkAuthority(actor, role, organisationId);
        var account = accounts.byId(accountId);
        if (account.identityLevel() == org.madang.platform.account.entity.IdentityLevel.UNVERIFIED && role.isStaff()) {
            throw new ProblemException(ProblemType.CONFLICT, "role.needsVerifiedEmail");
        }
        account.grant(role, organisationId, actor.accountId(), clock.instant());
        audit.record(actor.getName(), "role.granted", "account:" + accountId,
                role + (organisationId == null ? "" : " @ organisation:" + organisationId));
    }

    @Transactional
    public void revoke(SignedInCaller actor, UUID accountId, Role role, UUID organisationId) {
        checkAuthority(actor, role, organisationId);
        var account = accounts.byId(accountId);
        if (role == Role.ADMIN && actor.accountId().equals(accountId)) {
            throw new ProblemException(ProblemType.CONFLICT, "role.keepOwnAdmin");
        }
        if (!account.revoke(role, organisationId)) {
            throw ProblemException.notFound("role");
        }
        audit.record(actor.getName(), "role.revoked", "account:" + accountId,
                role + (organisationId == null ? "" : " @ organisation:" + organisationId));
    }

    @Transactional
    public void verifyResident(SignedInCaller registrar, UUID accountId, String district) {
        var account = accounts.byId(accountId);
        if (account.emailVerifiedAt() == null) {
            throw new ProblemException(ProblemType.CONFLICT, "role.needsVerifiedEmail");
        }
        account.verifiedAsResident(registrar.accountId(), district.strip(), clock.instant());
        audit.record(registrar.getName(), "account.resident-verified", "account:" + accountId,
                // the district itself is personal data kept encrypted; the audit log only says it was recorded
                "district recorded");
    }

    private void checkScope(Role role, UUID organisationId) {
        if (role.isOrganisationScoped() && organisationId == null) {
            throw ProblemException.invalid("organisationId", "role.needsOrganisation");
        }
        if (!role.isOrganisationScoped() && organisationId != null) {
            throw ProblemException.invalid("organisationId", "role.notScoped");
        }
        if (role == Role.CITIZEN) {
            throw ProblemException.invalid("role", "role.citizenImplicit");
        }
        if (organisationId != null) organisations.byId(organisationId);
    }

    private static void checkAuthority(SignedInCaller actor, Role role, UUID organisationId) {
        if (actor.has(Role.ADMIN)) return;
        if (role == Role.OFFICIAL && organisationId != null && actor.has(Role.ORG_ADMIN, organisationId)) return;
        throw ProblemException.forbidden();
    }
}
