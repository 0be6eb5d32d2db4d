package org.madang.privacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.madang.platform.account.control.AccountService;
import org.madang.platform.account.control.RoleAdministration;
import org.madang.platform.account.control.TotpCodes;
import org.madang.platform.audit.control.AuditLog;
import org.madang.platform.auth.Role;
import org.madang.platform.auth.SignedInCaller;
import org.madang.platform.demo.DemoContent;
import org.madang.platform.demo.DemoData;
import org.madang.platform.personaldata.ConsentPurpose;

/** Demo: a privacy officer, the citizens' consents, staff reads in their access logs, and a pending erasure request. */
@ApplicationScoped
public class PrivacyDemo implements DemoContent {

    private static final Logger LOG = Logger.getLogger(PrivacyDemo.class.getName());

    @Inject
    AccountService accounts;

    @Inject
    RoleAdministration roles;

    @Inject
    ConsentLedger consents;

    @Inject
    AccessLog accessLog;

    @Inject
    Erasures erasures;

    @Override
    @Transactional
    public void add(DemoData.DemoPeople people) {
        String password = password();
        var officer = accounts.createVerified("privacy@madang.example", password, "윤개인", "ko", AuditLog.SYSTEM);
        var enrolment = accounts.beginTotp(officer.id());
        accounts.confirmTotp(officer.id(), TotpCodes.code(enrolment.secret(), TotpCodes.step(Instant.now())));
        roles.grant(SignedInCaller.system(), officer.id(), Role.PRIVACY_OFFICER, null);
        LOG.info(() -> String.format("Madang demo privacy officer: %-28s password %s  TOTP secret %s  roles [PRIVACY_OFFICER]",
                "privacy@madang.example", password, enrolment.secret()));

        consents.grant(people.citizen().id(), ConsentPurpose.EMAIL_DIGEST, 1);
        consents.grant(people.resident().id(), ConsentPurpose.POLL_DEMOGRAPHICS, 1);
        consents.grant(people.resident().id(), ConsentPurpose.EMAIL_DIGEST, 1);
        consents.withdraw(people.resident().id(), ConsentPurpose.EMAIL_DIGEST);

        var fields = List.of("email", "displayName", "identityLevel", "residentDistrict");
        accessLog.record(people.registrar().id(), people.resident().id(), fields, "거주 확인 신청 처리 / resident verification request");
        accessLog.record(people.admin().id(), people.citizen().id(), List.of("email", "displayName"), "로그인 문제 문의 답변 / answering a sign-in support request");
        accessLog.record(people.registrar().id(), people.resident().id(), List.of("residentDistrict"), "선거인 명부 확인 / checking the voter roll");

        // someone leaving: a pending erasure request on the officer's page, with its deadline (no demo person is lost)
        var leaving = accounts.createVerified("leaving@madang.example", password(), "떠나는 시민", "ko", AuditLog.SYSTEM);
        erasures.request(leaving.id(), false);
    }

    private static String password() {
        var random = new SecureRandom();
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var out = new StringBuilder();
        for (int i = 0; i < 14; i++) out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return out.toString();
    }
}
