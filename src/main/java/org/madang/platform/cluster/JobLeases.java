package org.madang.platform.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Leases in the database that let a scheduled job run on one instance at a time, however many instances a cluster
 * has: the instance that holds a job's unexpired lease renews it on each run; the others skip the job until the
 * lease expires (when its holder died, another takes over). The database, not the data grid, decides, so a split
 * grid cannot run a job twice.
 */
@ApplicationScoped
public class JobLeases {

    /** This JVM, as a lease holder. */
    static final String INSTANCE = UUID.randomUUID().toString();

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    JobLeases self;

    Clock clock = Clock.systemUTC();

    /** Whether this instance holds (now or newly) the lease of {@code job} for the next {@code duration}. */
    public boolean tryAcquire(String job, Duration duration) {
        try {
            return self.renewOrTake(job, duration) || self.create(job, duration);
        } catch (RuntimeException raced) {
            // another instance created the lease at the same moment, or the database is away: skip this run
            return false;
        }
    }

    /** Gives the lease up at once (e.g. a long job that finished), so that no one waits for it to expire. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String job) {
        em.createNativeQuery("UPDATE job_lease SET expires_at = ? WHERE name = ? AND holder = ?")
                .setParameter(1, timestamp(clock.instant())).setParameter(2, job).setParameter(3, INSTANCE).executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean renewOrTake(String job, Duration duration) {
        Instant now = clock.instant();
        return em.createNativeQuery("UPDATE job_lease SET holder = ?, expires_at = ? WHERE name = ? AND (holder = ? OR expires_at < ?)")
                .setParameter(1, INSTANCE).setParameter(2, timestamp(now.plus(duration))).setParameter(3, job)
                .setParameter(4, INSTANCE).setParameter(5, timestamp(now)).executeUpdate() == 1;
    }

    /** Creates the lease when no instance has one yet; one statement, so a lease that exists is not an error. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean create(String job, Duration duration) {
        return em.createNativeQuery("INSERT INTO job_lease (name, holder, expires_at) SELECT ?, ?, ? WHERE NOT EXISTS "
                        + "(SELECT 1 FROM job_lease WHERE name = ?)")
                .setParameter(1, job).setParameter(2, INSTANCE).setParameter(3, timestamp(clock.instant().plus(duration)))
                .setParameter(4, job).executeUpdate() == 1;
    }

    private static OffsetDateTime timestamp(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
