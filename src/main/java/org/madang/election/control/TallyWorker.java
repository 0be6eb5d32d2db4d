package org.madang.election.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.madang.platform.cluster.JobLeases;

/**
 * Tallies elections that entered TALLYING, in the background and from the database's state alone, so that a
 * restart in the middle of a tally simply starts it again.
 */
@Singleton
@Startup
@jakarta.ejb.TransactionManagement(jakarta.ejb.TransactionManagementType.BEAN)
public class TallyWorker {

    private static final Logger LOG = Logger.getLogger(TallyWorker.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Tallies tallies;

    @Inject
    JobLeases leases;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        task = scheduler.scheduleWithFixedDelay(this::work, 2, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) task.cancel(false);
    }

    void work() {
        try {
            if (!leases.tryAcquire(Tallies.TALLY_JOB, Tallies.TALLY_LEASE)) return; // another instance tallies
            for (UUID id : tallies.waitingForTally()) {
                tallies.tally(id);
                tallies.decryptWithDemoTrustees(id);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "tally failed; retrying", e);
        }
    }
}
