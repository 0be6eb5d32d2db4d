package org.madang.platform.cluster;

import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.madang.platform.persistence.AfterCommit;

/**
 * Change counters for things an instance caches (a thread's pages, a consultation's opinion map): a cached value
 * remembers the revision it was computed from and is stale once the counter moved. Counters are bumped after commit,
 * so a value computed meanwhile is recomputed rather than kept; they live in the data grid when there is one, so an
 * instance also learns of changes made on the others.
 */
public final class Revisions {

    private final Map<UUID, Long> counters;
    private final TransactionSynchronizationRegistry transactions = AfterCommit.registry();

    public Revisions(DataGrid grid, String mapName) {
        counters = grid.member().<Map<UUID, Long>>map(h -> h.getMap(mapName)).orElseGet(ConcurrentHashMap::new);
    }

    public long current(UUID key) {
        return counters.getOrDefault(key, 0L);
    }

    /** The thing changed: its cached values are stale once the current transaction (if any) commits. */
    public void changed(UUID key) {
        AfterCommit.run(transactions, () -> counters.merge(key, 1L, Long::sum));
    }
}
