package org.madang.disclosure.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.madang.platform.audit.control.AuditLog;

/**
 * Every few minutes: marks deemed refusals and sends deadline reminders. Periods end at midnight Seoul time, so a
 * short interval keeps the marking within minutes of the law; both steps are idempotent.
 */
@Singleton
@Startup
@jakarta.ejb.DependsOn("DatabaseMigration")
public class DisclosureScheduler {

    private static final Logger LOG = Logger.getLogger(DisclosureScheduler.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    DisclosureRequests requests;

    @Inject
    DisclosureReminders reminders;

    @Inject
    @ConfigProperty(name = "madang.disclosure.interval-minutes", defaultValue = "10")
    long intervalMinutes;

    private final Clock clock = Clock.systemUTC();
    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        task = scheduler.scheduleWithFixedDelay(this::run, 1, Math.max(1, intervalMinutes), TimeUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        if (task != null) task.cancel(false);
    }

    void run() {
        try {
            var now = clock.instant();
            requests.markDeemedRefusals(now, null, AuditLog.SYSTEM);
            reminders.send(now, null);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Disclosure clock run failed; retried at the next interval", e);
        }
    }
}
