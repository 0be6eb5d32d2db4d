package org.madang.consultation.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Closes consultations at their closing time. It works from the database alone, so a consultation whose closing
 * time passed while the server was down is closed right after start-up. Opening needs no job: a published
 * consultation takes comments only between its opening and closing times.
 */
@Singleton
@Startup
@jakarta.ejb.TransactionManagement(jakarta.ejb.TransactionManagementType.BEAN)
public class ConsultationCloser {

    private static final Logger LOG = Logger.getLogger(ConsultationCloser.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Consultations consultations;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        task = scheduler.scheduleWithFixedDelay(this::work, 3, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) task.cancel(false);
    }

    void work() {
        try {
            consultations.closeDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "closing consultations failed; retrying", e);
        }
    }
}
