package org.madang.platform.search;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Opens the search index at start-up and, when it starts empty while features have sources (a first start on an
 * existing database, or a lost index directory) or joins other instances of a cluster, rebuilds every kind in the
 * background.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SearchIndexStartup {

    private static final Logger LOG = Logger.getLogger(SearchIndexStartup.class.getName());

    @Inject
    SearchIndex index;

    @Resource
    ManagedExecutorService executor;

    @PostConstruct
    void rebuildAnEmptyIndex() {
        try {
            // an instance that rejoins a cluster may have missed changes the others made meanwhile
            boolean stale = index.startedEmpty() || index.sharedWithOtherInstances();
            if (!stale || index.kinds().isEmpty()) return;
            executor.submit(() -> {
                try {
                    LOG.info(() -> "Search index started empty or rejoined a cluster; rebuilt: " + index.rebuildAll());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Rebuilding the empty search index failed; an administrator can retry", e);
                }
            });
        } catch (RuntimeException e) {
            // search must never keep Madang from starting
            LOG.log(Level.WARNING, "Search index start-up check failed", e);
        }
    }
}
