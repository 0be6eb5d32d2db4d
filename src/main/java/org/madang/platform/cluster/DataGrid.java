package org.madang.platform.cluster;

import com.hazelcast.core.HazelcastInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Payara Micro's Hazelcast member, when the instance runs with its data grid (see README, "Cluster"). Without one
 * ({@code --nocluster}, or a server other than Payara) everything falls back to this JVM alone.
 */
@ApplicationScoped
public class DataGrid {

    private static final Logger LOG = Logger.getLogger(DataGrid.class.getName());
    private static final String JNDI_NAME = "payara/Hazelcast";

    private volatile Optional<HazelcastInstance> member;

    public Optional<HazelcastInstance> member() {
        Optional<HazelcastInstance> m = member;
        if (m == null) {
            m = lookup();
            member = m;
        }
        return m.filter(h -> h.getLifecycleService().isRunning());
    }

    private static Optional<HazelcastInstance> lookup() {
        try {
            Object found = new InitialContext().lookup(JNDI_NAME);
            if (found instanceof HazelcastInstance h && h.getLifecycleService().isRunning()) {
                LOG.info("Data grid " + h.getConfig().getClusterName() + " with " + h.getCluster().getMembers().size() + " member(s)");
                return Optional.of(h);
            }
        } catch (NamingException | RuntimeException | LinkageError e) {
            LOG.fine("no data grid: " + e);
        }
        LOG.info("No data grid: rate limits and caches are this instance's alone");
        return Optional.empty();
    }
}
