package org.madang.privacy.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.madang.platform.audit.control.AuditLog;
import org.madang.platform.mail.entity.MailMessage;

/**
 * Deletes what is past its retention period, nightly and on demand: used or expired sign-in tokens (after a day of
 * grace), mail sent or failed more than 30 days ago, access-log entries older than 2 years. Each run is audited.
 */
@Singleton
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class.getName());

    public static final Duration TOKEN_GRACE = Duration.ofDays(1);
    public static final Duration MAIL_RETENTION = Duration.ofDays(30);
    public static final Period ACCESS_LOG_RETENTION = Period.ofYears(2);

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    AccessLog accessLog;

    @Inject
    AuditLog audit;

    Clock clock = Clock.systemUTC();

    @Schedule(hour = "3", minute = "17", persistent = false)
    void nightly() {
        var deleted = run(AuditLog.SYSTEM);
        LOG.info(() -> "Retention: deleted " + deleted);
    }

    /** Runs in its own container-managed transaction (the singleton's default); returns what went, per kind. */
    public Map<String, Integer> run(String actor) {
        Instant now = clock.instant();
        var deleted = new LinkedHashMap<String, Integer>();
        deleted.put("tokens", em.createQuery("DELETE FROM AccountToken t WHERE t.expiresAt < :before")
                .setParameter("before", now.minus(TOKEN_GRACE)).executeUpdate());
        deleted.put("mail", em.createQuery("DELETE FROM MailMessage m WHERE m.status IN :done AND m.createdAt < :before")
                .setParameter("done", java.util.List.of(MailMessage.Status.SENT, MailMessage.Status.FAILED))
                .setParameter("before", now.minus(MAIL_RETENTION)).executeUpdate());
        deleted.put("accessLog", accessLog.pruneBefore(now.atOffset(ZoneOffset.UTC).minus(ACCESS_LOG_RETENTION).toInstant()));
        audit.record(actor, "privacy.retention-run", "retention", deleted.toString());
        return deleted;
    }
}
