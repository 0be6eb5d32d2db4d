package org.madang.forum.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.madang.platform.cluster.DataGrid;
import org.madang.platform.cluster.Revisions;
import org.madang.platform.web.StrictJson;

/**
 * What signed-out readers see of a thread (its header and reply pages), kept in memory until the thread changes. A
 * busy thread is read far more often than written, and a signed-out view depends on nothing but the database.
 * Every change to a post bumps its thread's revision after commit; the revisions live in the data grid when there
 * is one, so an instance also learns of changes made on the others.
 * <p>Each address (path and query) a signed-out view was served at is remembered, so {@link CachedThreadPagesFilter}
 * can answer the next signed-out request for it before JAX-RS: the resource validated that address when it first
 * served it, and the revision check keeps the answer as fresh as the resource's own.
 */
@ApplicationScoped
public class ThreadPages {

    /** Pages kept, least recently read dropped first: bounded, since a page holds up to 200 posts. */
    static final int MAX_PAGES = 500;

    @Inject
    DataGrid grid;

    private Revisions revisions;

    private record Key(UUID threadId, String variant) {
    }

    private record Cached(long revision, byte[] json) {
    }

    private final Map<Key, Cached> pages = java.util.Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Cached> eldest) {
            return size() > MAX_PAGES;
        }
    });

    /** Addresses already served, with the view each stands for. */
    private final Map<String, Key> addresses = java.util.Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Key> eldest) {
            return size() > 2 * MAX_PAGES;
        }
    });

    @PostConstruct
    void shareRevisions() {
        revisions = new Revisions(grid, "madang.forum-thread-revisions");
    }

    /**
     * This variant (e.g. one page of replies) of the thread as the API's JSON, cached or freshly computed and
     * serialised. A view computed while a change commits is stored under the revision read before it, so the bump
     * that follows the commit makes the next reader compute it again: no reader keeps getting an outdated view.
     */
    public byte[] json(UUID threadId, String variant, String address, Supplier<?> compute) {
        long revision = revisions.current(threadId);
        Key key = new Key(threadId, variant);
        addresses.put(address, key);
        Cached cached = pages.get(key);
        if (cached != null && cached.revision() == revision) return cached.json();
        byte[] json = StrictJson.jsonb().toJson(compute.get()).getBytes(StandardCharsets.UTF_8);
        pages.put(key, new Cached(revision, json));
        return json;
    }

    /** The view last served at this address if it is still current, else null (the resource must compute it). */
    public byte[] current(String address) {
        Key key = addresses.get(address);
        if (key == null) return null;
        Cached cached = pages.get(key);
        return cached != null && cached.revision() == revisions.current(key.threadId()) ? cached.json() : null;
    }

    /** A request's address as both the filter and the resource see it: the raw path, and the raw query if any. */
    public static String address(String rawPath, String rawQuery) {
        return rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
    }

    /** Something in the thread changed (a post, its counts, state or attachments): its views are stale once committed. */
    public void changed(UUID threadId) {
        revisions.changed(threadId);
    }
}
