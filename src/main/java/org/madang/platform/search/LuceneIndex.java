package org.madang.platform.search;

import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene side of {@link SearchIndex}: one writer, near-real-time searchers, safe for concurrent use. Every change
 * is visible to searches before the call returns, so a search right after a put sees it. Changes reach the disk by
 * a commit at most a second later (a commit per change cost 30 ms), and rebuilds commit before they return; what a
 * crash loses in between, a rebuild restores.
 *
 * <p>Rebuilds mark documents with a generation number: a rebuild writes its generation on each document it indexes
 * and then deletes the kind's documents of older generations. Searches during a rebuild see each document once, old
 * or new; a put during a rebuild carries the newest generation and survives it.
 */
final class LuceneIndex implements Closeable {

    /** The body is indexed up to this length; snippets come from its start. */
    static final int MAX_BODY_CHARS = 100_000;
    static final int MAX_TITLE_CHARS = 1_000;
    static final int SNIPPET_CHARS = 200;
    private static final long COMMIT_DELAY_MS = 1_000;
    private static final Logger LOG = Logger.getLogger(LuceneIndex.class.getName());

    private static final String KEY = "key";
    private static final String KIND = "kind";
    private static final String ID = "id";
    private static final String SCOPE = "scope";
    private static final String DATE = "date";
    private static final String GENERATION = "generation";

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final AtomicLong generation;
    private final ScheduledExecutorService committer;
    private final boolean created;

    LuceneIndex(Directory directory) throws IOException {
        this.directory = directory;
        this.created = !DirectoryReader.indexExists(directory);
        this.writer = new IndexWriter(directory, new IndexWriterConfig(Analysis.PER_FIELD)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        long stored = 0;
        var commitData = writer.getLiveCommitData();
        if (commitData != null) {
            for (var entry : commitData) {
                if (entry.getKey().equals(GENERATION)) stored = Long.parseLong(entry.getValue());
            }
        }
        this.generation = new AtomicLong(stored);
        this.searchers = new SearcherManager(writer, null);
        this.committer = Executors.newSingleThreadScheduledExecutor(task -> {
            var thread = new Thread(task, "madang-search-commit");
            thread.setDaemon(true);
            return thread;
        });
        committer.scheduleWithFixedDelay(this::commitPending, COMMIT_DELAY_MS, COMMIT_DELAY_MS, TimeUnit.MILLISECONDS);
    }

    /** Whether there was no index in the directory before this one was opened. */
    boolean created() {
        return created;
    }

    void put(SearchDocument document) throws IOException {
        if (!document.visible()) {
            remove(document.kind(), document.id());
            return;
        }
        writer.updateDocument(key(document.kind(), document.id()), toLucene(document, generation.get()));
        searchers.maybeRefreshBlocking();
    }

    void remove(String kind, String id) throws IOException {
        writer.deleteDocuments(key(kind, id));
        searchers.maybeRefreshBlocking();
    }

    /** Replaces every document of the kind with the visible ones of {@code documents}; returns how many that is. */
    synchronized int replace(String kind, Stream<SearchDocument> documents) throws IOException {
        long rebuild = generation.incrementAndGet();
        int indexed = 0;
        var all = documents.iterator();
        while (all.hasNext()) {
            var document = all.next();
            if (!document.kind().equals(kind)) {
                throw new IllegalArgumentException("The source of " + kind + " gave a document of kind " + document.kind());
            }
            if (!document.visible()) continue;
            writer.updateDocument(key(kind, document.id()), toLucene(document, rebuild));
            indexed++;
        }
        writer.deleteDocuments(new BooleanQuery.Builder()
                .add(new TermQuery(new Term(KIND, kind)), Occur.FILTER)
                .add(LongPoint.newRangeQuery(GENERATION, Long.MIN_VALUE, rebuild - 1), Occur.FILTER)
                .build());
        commit();
        return indexed;
    }

    SearchPage search(SearchQuery request) throws IOException {
        // beyond MAX_OFFSET a page is empty (deep pages cost memory); the total is still counted
        int offset = Math.max(0, request.offset());
        int limit = Math.max(1, Math.min(request.limit(), SearchIndex.MAX_LIMIT));
        var text = UserQuery.of(request.text());
        boolean browsing = request.text() == null || request.text().isBlank();
        if (!browsing && text.query() == null) return new SearchPage(0, List.of());

        var query = new BooleanQuery.Builder().add(browsing ? new MatchAllDocsQuery() : text.query(), Occur.MUST);
        if (!request.kinds().isEmpty()) {
            query.add(new TermInSetQuery(KIND, request.kinds().stream().map(BytesRef::new).toList()), Occur.FILTER);
        }
        if (request.scope() != null && !request.scope().isBlank()) {
            query.add(new TermQuery(new Term(SCOPE, request.scope())), Occur.FILTER);
        }
        if (request.from() != null || request.to() != null) {
            long from = request.from() == null ? Long.MIN_VALUE : millis(request.from());
            long to = request.to() == null ? Long.MAX_VALUE : millis(request.to());
            if (request.to() != null && to != Long.MIN_VALUE) to--; // "to" is exclusive
            query.add(LongPoint.newRangeQuery(DATE, from, to), Occur.FILTER);
        }
        Query built = query.build();

        IndexSearcher searcher = searchers.acquire();
        try {
            long total = searcher.count(built);
            if (offset >= total || offset > SearchIndex.MAX_OFFSET) return new SearchPage(total, List.of());
            int wanted = offset + limit;
            TopDocs top = browsing
                    ? searcher.search(built, wanted, new Sort(new SortField(DATE, SortField.Type.LONG, true)))
                    : searcher.search(built, wanted);
            var hits = new ArrayList<SearchHit>();
            var stored = searcher.storedFields();
            for (int i = offset; i < top.scoreDocs.length; i++) {
                ScoreDoc scoreDoc = top.scoreDocs[i];
                Document document = stored.document(scoreDoc.doc);
                var date = document.getField(DATE);
                hits.add(new SearchHit(document.get(KIND), document.get(ID), document.get(SCOPE),
                        date == null ? null : Instant.ofEpochMilli(date.numericValue().longValue()),
                        Marks.all(document.get(Analysis.TITLE), text),
                        Marks.snippet(document.get(Analysis.BODY), text, SNIPPET_CHARS),
                        browsing || Float.isNaN(scoreDoc.score) ? 0f : scoreDoc.score));
            }
            return new SearchPage(total, hits);
        } finally {
            searchers.release(searcher);
        }
    }

    private void commitPending() {
        try {
            if (writer.isOpen() && writer.hasUncommittedChanges()) commit();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Search index commit failed; retrying in a second", e);
        }
    }

    private void commit() throws IOException {
        writer.setLiveCommitData(Map.of(GENERATION, Long.toString(generation.get())).entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    private static Term key(String kind, String id) {
        return new Term(KEY, kind + '\u001F' + id);
    }

    private static Document toLucene(SearchDocument source, long generation) {
        String title = cut(source.title(), MAX_TITLE_CHARS);
        String body = cut(source.body(), MAX_BODY_CHARS);
        var document = new Document();
        document.add(new StringField(KEY, key(source.kind(), source.id()).text(), Field.Store.NO));
        document.add(new StringField(KIND, source.kind(), Field.Store.YES));
        document.add(new StoredField(ID, source.id()));
        if (source.scope() != null) document.add(new StringField(SCOPE, source.scope(), Field.Store.YES));
        if (source.date() != null) {
            long millis = millis(source.date());
            document.add(new LongPoint(DATE, millis));
            document.add(new NumericDocValuesField(DATE, millis));
            document.add(new StoredField(DATE, millis));
        }
        document.add(new LongPoint(GENERATION, generation));
        document.add(new TextField(Analysis.TITLE, title, Field.Store.YES));
        document.add(new TextField(Analysis.TITLE_EN, title, Field.Store.NO));
        document.add(new TextField(Analysis.BODY, body, Field.Store.YES));
        document.add(new TextField(Analysis.BODY_EN, body, Field.Store.NO));
        return document;
    }

    private static long millis(Instant instant) {
        try {
            return instant.toEpochMilli();
        } catch (ArithmeticException beyondRange) {
            return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static String cut(String text, int maxChars) {
        if (text.length() <= maxChars) return text;
        int end = Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return text.substring(0, end);
    }

    @Override
    public void close() throws IOException {
        // not shutdownNow(): an interrupt during a write closes Lucene's file channels
        committer.shutdown();
        try {
            committer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (directory; writer; searchers) {
            // closes the searchers, then the writer (committing what is pending), then the directory
        }
    }
}
