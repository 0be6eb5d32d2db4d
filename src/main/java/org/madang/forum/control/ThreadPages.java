package org.madang.forum.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.madang.platform.cluster.DataGrid;
import org.madang.platform.persistence.AfterCommit;

/**
 * What signed-out readers see of a thread (its header and reply pages), kept in memory until the thread changes. A
 * busy thread is read far more often than written, and a signed-out view depends on nothing but the database.
 * Every change to a post bumps its thread's revision after commit; the revisions live in the data grid when there
 * is one, so an instance also learns of changes made on the others.
 */
@ApplicationScoped
public class ThreadPages {

    static final String REVISIONS_MAP = "madang.forum-thread-revisions";
    /** Pages kept, least recently read dropped first: bounded, since a page holds up to 200 rendered posts. */
    static final int MAX_PAGES = 500;

    @Inject
    DataGrid grid;

    private Map<UUID, Long> revisions = new ConcurrentHashMap<>();
    private TransactionSynchronizationRegistry transactions;

    private record Key(UUID threadId, String variant) {
    }

    private record Cached(long revision, Object view) {
    }

    private final Map<Key, Cached> pages = java.util.Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Cached> eldest) {
            return size() > MAX_PAGES;
        }
    });

    @PostConstruct
    void shareRevisions() {
        transactions = AfterCommit.registry();
        grid.member().ifPresent(h -> revisions = h.getMap(REVISIONS_MAP));
    }

    /**
     * The cached view of this variant (e.g. one page of replies) of the thread, or a freshly computed one. A view
     * computed while a change commits is stored under the revision read before it, so the bump that follows the
     * commit makes the next reader compute it again: a reader never keeps getting a view older than the database.
     */
    @SuppressWarnings("unchecked")
    public <T> T view(UUID threadId, String variant, Supplier<T> compute) {
        long revision = revisions.getOrDefault(threadId, 0L);
        Key key = new Key(threadId, variant);
        Cached cached = pages.get(key);
        if (cached != null && cached.revision() == revision) return (T) cached.view();
        T view = compute.get();
        pages.put(key, new Cached(revision, view));
        return view;
    }

    /** Something in the thread changed (a post, its counts, state or attachments): its views are stale once committed. */
    public void changed(UUID threadId) {
        AfterCommit.run(transactions, () -> revisions.merge(threadId, 1L, Long::sum));
    }
}
