package org.madang.platform.cluster;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
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
 * <p>Reads come from this instance's copy of the counters, since they are as frequent as the cached reads themselves
 * and a grid look-up costs a partition operation each. The copy takes this instance's bumps at once and the other
 * instances' as the grid's events arrive (milliseconds later); it only ever moves forward.
 */
public final class Revisions {

    private final Map<UUID, Long> shared;
    private final Map<UUID, Long> known = new ConcurrentHashMap<>();
    private final TransactionSynchronizationRegistry transactions = AfterCommit.registry();

    public Revisions(DataGrid grid, String mapName) {
        shared = grid.member().<Map<UUID, Long>>map(h -> follow(h.getMap(mapName))).orElse(known);
    }

    private IMap<UUID, Long> follow(IMap<UUID, Long> map) {
        map.addEntryListener(new Follower(), true);
        map.forEach(this::raise);
        return map;
    }

    public long current(UUID key) {
        return known.getOrDefault(key, 0L);
    }

    /** The thing changed: its cached values are stale once the current transaction (if any) commits. */
    public void changed(UUID key) {
        AfterCommit.run(transactions, () -> raise(key, shared.merge(key, 1L, Long::sum)));
    }

    private void raise(UUID key, long revision) {
        known.merge(key, revision, Math::max);
    }

    private final class Follower implements EntryAddedListener<UUID, Long>, EntryUpdatedListener<UUID, Long> {
        @Override
        public void entryAdded(EntryEvent<UUID, Long> event) {
            raise(event.getKey(), event.getValue());
        }

        @Override
        public void entryUpdated(EntryEvent<UUID, Long> event) {
            raise(event.getKey(), event.getValue());
        }
    }
}
