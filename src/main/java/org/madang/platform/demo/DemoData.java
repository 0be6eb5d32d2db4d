package org.madang.platform.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.madang.platform.account.control.AccountService;
import org.madang.platform.account.control.TotpCodes;
import org.madang.platform.account.entity.Account;
import org.madang.platform.audit.control.AuditLog;
import org.madang.platform.auth.Role;
import org.madang.platform.organisation.control.Organisations;
import org.madang.platform.organisation.entity.Organisation;

/**
 * With {@code madang.demo=true}, fills an empty database with a ministry, an agency and one person per role, and
 * prints their sign-in details once. Every feature adds its own demo content through {@link DemoContent}.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "madang.demo", defaultValue = "false")
    boolean enabled;

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    AccountService accounts;

    @Inject
    Organisations organisations;

    @Inject
    org.madang.platform.account.control.RoleAdministration roles;

    @Inject
    org.madang.platform.account.control.Accounts accountLookup;

    @Inject
    Instance<DemoContent> features;

    /** The people of the demo, for features that add content in their name. */
    public record DemoPeople(Organisation ministry, Organisation agency, Account admin, Account official,
                             Account agencyOfficial, Account moderator, Account registrar, Account electionAdmin,
                             Account auditor, Account citizen, Account resident) {
    }

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void seed() {
        if (!enabled) return;
        long existing = em.createQuery("SELECT COUNT(a) FROM Account a", Long.class).getSingleResult();
        if (existing > 0) {
            LOG.info("Demo data: database already has accounts; nothing added");
            return;
        }
        var lines = new ArrayList<String>();
        var ministry = organisations.create("행정안전부", "Ministry of the Interior and Safety", Organisation.Kind.MINISTRY, null, AuditLog.SYSTEM);
        var agency = organisations.create("국가기록원", "National Archives of Korea", Organisation.Kind.AGENCY, ministry.id(), AuditLog.SYSTEM);
        var admin = person("admin@madang.example", "관리자", "ko", lines, List.of(Role.ADMIN, Role.REGISTRAR), null);
        var official = person("official@madang.example", "김공무", "ko", lines, List.of(Role.OFFICIAL, Role.ORG_ADMIN), ministry);
        var agencyOfficial = person("archivist@madang.example", "이기록", "ko", lines, List.of(Role.OFFICIAL), agency);
        var moderator = person("moderator@madang.example", "박중재", "ko", lines, List.of(Role.MODERATOR), null);
        var registrar = person("registrar@madang.example", "최등록", "ko", lines, List.of(Role.REGISTRAR), null);
        var electionAdmin = person("elections@madang.example", "Election Admin", "en", lines, List.of(Role.ELECTION_ADMIN), null);
        var auditor = person("auditor@madang.example", "정감사", "ko", lines, List.of(Role.AUDITOR), null);
        var citizen = person("citizen@madang.example", "한시민", "ko", lines, List.of(), null);
        var resident = person("resident@madang.example", "Jane Resident", "en", lines, List.of(), null);
        roles.verifyResident(callerOf(registrar), resident.id(), "서울특별시 종로구");
        var people = new DemoPeople(ministry, agency, admin, official, agencyOfficial, moderator, registrar,
                electionAdmin, auditor, citizen, resident);
        for (var feature : features) {
            feature.add(people);
        }
        var banner = new StringBuilder("\n================ Madang demo accounts (shown once) ================\n");
        lines.forEach(line -> banner.append(line).append('\n'));
        banner.append("Staff accounts sign in with a TOTP code: add the secret to an authenticator app.\n")
              .append("===================================================================");
        LOG.info(banner::toString);
    }

    private Account person(String email, String name, String locale, List<String> lines, List<Role> granted, Organisation organisation) {
        String password = randomPassword();
        var account = accounts.createVerified(email, password, name, locale, AuditLog.SYSTEM);
        String line = String.format("%-28s password %s", email, password);
        if (!granted.isEmpty()) {
            var enrolment = accounts.beginTotp(account.id());
            accounts.confirmTotp(account.id(), TotpCodes.code(enrolment.secret(), TotpCodes.step(Instant.now())));
            var systemAdmin = org.madang.platform.auth.SignedInCaller.system();
            for (var role : granted) {
                roles.grant(systemAdmin, account.id(), role, role.isOrganisationScoped() ? organisation.id() : null);
            }
            line += "  TOTP secret " + enrolment.secret() + "  roles " + granted;
        }
        lines.add(line);
        return accountLookup.byId(account.id());
    }

    private static org.madang.platform.auth.SignedInCaller callerOf(Account account) {
        return new org.madang.platform.auth.SignedInCaller(account.id(), account.email(), account.displayName(),
                List.of(Role.REGISTRAR.name()), java.util.Map.of(), List.of("pwd", "otp"), null, null, null);
    }

    private static String randomPassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var out = new StringBuilder();
        for (int i = 0; i < 14; i++) out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        return out.toString();
    }
}
