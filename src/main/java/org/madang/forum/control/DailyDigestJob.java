package org.madang.forum.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.madang.platform.cluster.JobLeases;

/** Sends the daily forum digests once a day, on one instance of a cluster (the lease says which). */
@Singleton
@Startup
@jakarta.ejb.TransactionManagement(jakarta.ejb.TransactionManagementType.BEAN)
public class DailyDigestJob {

    private static final Logger LOG = Logger.getLogger(DailyDigestJob.class.getName());
    static final String JOB = "forum-daily-digest";

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Following following;

    @Inject
    JobLeases leases;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        task = scheduler.scheduleAtFixedRate(this::work, 1, 60, TimeUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        if (task != null) task.cancel(false);
    }

    /** An hourly look, on the instance holding the lease: whoever's last digest is a day old gets the next. */
    void work() {
        try {
            if (!leases.tryAcquire(JOB, Duration.ofMinutes(90))) return;
            int sent = following.sendDigests(Duration.ofHours(24).minusMinutes(30));
            LOG.info(() -> "forum digests sent: " + sent);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "forum digest failed", e);
        }
    }
}
