package org.madang.platform.search;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FSDirectory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;
import org.madang.platform.persistence.AfterCommit;

/**
 * The platform's full-text index of every feature's documents (Korean and English, see {@link Analysis}).
 *
 * <p>Features call {@link #put} and {@link #remove} on every change. Inside a transaction the change is applied when
 * that transaction commits, and not at all if it rolls back; outside one, at once. Either way a search made after
 * that sees it. {@link #rebuild} replaces a kind's documents with what its {@link SearchSource} gives.
 *
 * <p>The index lives in the directory named by {@code madang.search.dir} (default {@code ./data/search}), or in
 * memory when that is {@code memory}. If it cannot be opened, changes are logged and dropped (a rebuild repairs the
 * index) and searches answer 503.
 */
@ApplicationScoped
public class SearchIndex {

    public static final int MAX_LIMIT = 100;
    public static final int MAX_OFFSET = 10_000;
    public static final String IN_MEMORY = "memory";

    private static final Logger LOG = Logger.getLogger(SearchIndex.class.getName());

    @Inject
    @ConfigProperty(name = "madang.search.dir", defaultValue = "./data/search")
    String location;

    @Inject
    @Any
    Instance<SearchSource> sourceBeans;

    @Inject
    ClusterSearchChanges cluster;

    private Iterable<SearchSource> sources;
    /** Null outside a container; then every change applies at once. */
    TransactionSynchronizationRegistry transactions;
    private volatile LuceneIndex index;

    /** An index in memory with the given sources, outside any container (for tests). */
    public static SearchIndex inMemory(SearchSource... sources) {
        return at(IN_MEMORY, sources);
    }

    /** An index at the given location (a directory, or {@value #IN_MEMORY}), outside any container. */
    static SearchIndex at(String location, SearchSource... sources) {
        var searchIndex = new SearchIndex();
        searchIndex.location = location;
        searchIndex.sources = List.of(sources);
        searchIndex.open();
        return searchIndex;
    }

    @PostConstruct
    void open() {
        if (sources == null) sources = sourceBeans;
        transactions = AfterCommit.registry();
        try {
            index = new LuceneIndex(IN_MEMORY.equals(location) ? new ByteBuffersDirectory() : FSDirectory.open(Path.of(location)));
            if (cluster != null) {
                cluster.deliverTo(d -> apply("put " + d.kind() + " " + d.id() + " from another instance", open -> open.put(d)),
                        (kind, id) -> apply("remove " + kind + " " + id + " from another instance", open -> open.remove(kind, id)));
            }
            LOG.info(() -> "Search index opened at " + location + (transactions == null
                    ? "; no transaction registry, changes apply at once" : "; changes apply when their transaction commits"));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "The search index at " + location + " cannot be opened; search is unavailable", e);
        }
    }

    @PreDestroy
    public void close() {
        var open = index;
        index = null;
        if (open == null) return;
        try {
            open.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Closing the search index failed", e);
        }
    }

    /** Adds or replaces the document; an invisible document is taken out of the index. */
    public void put(SearchDocument document) {
        afterCommit("put " + document.kind() + " " + document.id(), open -> open.put(document),
                () -> { if (cluster != null) cluster.published(document); });
    }

    public void remove(String kind, String id) {
        afterCommit("remove " + kind + " " + id, open -> open.remove(kind, id),
                () -> { if (cluster != null) cluster.removed(kind, id); });
    }

    /** Whether this instance's index may have missed changes made by others while it was down. */
    public boolean sharedWithOtherInstances() {
        return cluster != null && cluster.clustered();
    }

    /** Visible documents matching the query, best first (newest first when there is no text). Never throws on text. */
    public SearchPage search(SearchQuery query) {
        var open = index;
        if (open == null) throw new ProblemException(ProblemType.UNAVAILABLE, "unavailable");
        try {
            return open.search(query);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces the kind's documents with those of its source, read in one transaction; returns how many were
     * indexed. A kind without a source ends up empty.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public int rebuild(String kind) {
        var open = index;
        if (open == null) throw new ProblemException(ProblemType.UNAVAILABLE, "unavailable");
        var source = source(kind);
        try (var documents = source == null ? Stream.<SearchDocument>empty() : source.all()) {
            long started = System.nanoTime();
            int indexed = open.replace(kind, documents);
            LOG.info(() -> "Search index: rebuilt " + kind + " with " + indexed + " documents in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
            return indexed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rebuilds every kind that has a source; the documents indexed per kind. */
    @Transactional(Transactional.TxType.REQUIRED)
    public Map<String, Integer> rebuildAll() {
        var counts = new TreeMap<String, Integer>();
        for (String kind : kinds()) counts.put(kind, rebuild(kind));
        return counts;
    }

    /** Whether the index was new when opened (a first start, or a lost index directory): then it needs a rebuild. */
    public boolean startedEmpty() {
        var open = index;
        return open != null && open.created();
    }

    /** Whether the index is open and splits Korean words into morphemes. */
    public boolean ready() {
        if (index == null) return false;
        try {
            return Analysis.terms(Analysis.KOREAN, "교육부의 교육정책").equals(Set.of("교육", "부", "정책"));
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.SEVERE, "Korean analysis does not work", e);
            return false;
        }
    }

    /** The kinds that have a source. */
    public Set<String> kinds() {
        var kinds = new TreeSet<String>();
        for (var source : sources) kinds.add(source.kind());
        return kinds;
    }

    private SearchSource source(String kind) {
        for (var source : sources) {
            if (source.kind().equals(kind)) return source;
        }
        return null;
    }

    private interface Change {
        void applyTo(LuceneIndex index) throws IOException;
    }

    private void afterCommit(String what, Change change, Runnable tellOtherInstances) {
        boolean scheduled = AfterCommit.run(transactions, () -> {
            apply(what, change);
            tellOtherInstances.run();
        });
        if (!scheduled) LOG.fine(() -> "Search index: " + what + " dropped, its transaction does not commit");
    }

    private void apply(String what, Change change) {
        var open = index;
        if (open == null) {
            LOG.warning(() -> "Search index unavailable; dropped: " + what);
            return;
        }
        try {
            change.applyTo(open);
        } catch (IOException | RuntimeException e) {
            // the database change stands; a rebuild brings the index back in line
            LOG.log(Level.WARNING, "Search index: " + what + " failed", e);
        }
    }
}
