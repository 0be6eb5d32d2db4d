package org.madang.platform.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The search index on a generated corpus of 2,000 Korean posts, in memory. */
class SearchIndexTest {

    static final int POSTS = 2_000;
    static final long SEED = Long.getLong("madang.test.seed", 20261128L);

    static List<KoreanPosts.Post> corpus;
    static SearchIndex index;

    /** A source that gives whatever the test puts in it. */
    static final class ListSource implements SearchSource {
        final String kind;
        volatile List<SearchDocument> documents = List.of();

        ListSource(String kind) {
            this.kind = kind;
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public Stream<SearchDocument> all() {
            return documents.stream();
        }
    }

    static final ListSource THREADS = new ListSource("forum-thread");
    static final ListSource POSTS_SOURCE = new ListSource("forum-post");
    static final ListSource PUBLICATIONS = new ListSource("publication");

    @BeforeAll
    static void seed() {
        System.out.println("SearchIndexTest seed " + SEED + " (replay with -Dmadang.test.seed=" + SEED + ")");
        corpus = KoreanPosts.generate(POSTS, SEED);
        THREADS.documents = corpus.stream().filter(p -> p.kind().equals("forum-thread")).map(KoreanPosts.Post::document).toList();
        POSTS_SOURCE.documents = corpus.stream().filter(p -> p.kind().equals("forum-post")).map(KoreanPosts.Post::document).toList();
        index = SearchIndex.inMemory(THREADS, POSTS_SOURCE, PUBLICATIONS);
        long started = System.nanoTime();
        int indexed = index.rebuildAll().values().stream().mapToInt(Integer::intValue).sum();
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(indexed).isEqualTo(POSTS);
        System.out.printf("SearchIndexTest: indexed %d posts in %d ms%n", POSTS, millis);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    /** Every hit of the query, page by page. */
    static List<SearchHit> all(SearchQuery query) {
        var hits = new ArrayList<SearchHit>();
        for (int offset = 0; ; offset += SearchIndex.MAX_LIMIT) {
            var page = index.search(new SearchQuery(query.kinds(), query.text(), query.scope(), query.from(), query.to(),
                    offset, SearchIndex.MAX_LIMIT));
            hits.addAll(page.hits());
            if (offset + SearchIndex.MAX_LIMIT >= page.total()) {
                assertThat(hits).hasSize((int) page.total());
                return hits;
            }
        }
    }

    static Set<String> ids(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::id).collect(Collectors.toSet());
    }

    static Set<String> corpusIds(Predicate<KoreanPosts.Post> which) {
        return corpus.stream().filter(which).map(KoreanPosts.Post::id).collect(Collectors.toSet());
    }

    static SearchQuery text(String text) {
        return new SearchQuery(Set.of(), text, null, null, null, 0, 10);
    }

    @Test
    void educationFindsTheMinistrysAndEducationPolicy() {
        var found = ids(all(text("교육")));
        var withMinistry = corpusIds(p -> p.text().contains("교육부의"));
        var withPolicy = corpusIds(p -> p.text().contains("교육정책"));
        assertThat(withMinistry).isNotEmpty();
        assertThat(withPolicy).isNotEmpty();
        assertThat(found).containsAll(withMinistry).containsAll(withPolicy);
        // and nothing without the word in it
        assertThat(corpusIds(p -> p.text().contains("교육"))).containsAll(found);
    }

    @Test
    void aWordWithAParticleFindsItsNoun() {
        var found = ids(all(text("학교에서")));
        var expected = corpusIds(p -> p.text().contains("학교"));
        var missing = new HashSet<>(expected);
        missing.removeAll(found);
        var extra = new HashSet<>(found);
        extra.removeAll(expected);
        assertThat(missing).as("missing").isEmpty();
        assertThat(extra).as("extra").isEmpty();
        // the compound's parts must all be there, not necessarily side by side
        var policy = ids(all(text("교육정책을")));
        assertThat(policy).containsAll(corpusIds(p -> p.text().contains("교육정책")));
        assertThat(corpusIds(p -> p.text().contains("교육") && p.text().contains("정책"))).containsAll(policy);
    }

    @Test
    void aPartOfACompoundFindsTheCompound() {
        assertThat(ids(all(text("교통")))).containsAll(corpusIds(p -> p.text().contains("대중교통")))
                .containsAll(corpusIds(p -> p.text().contains("교통정책")));
    }

    @Test
    void englishWordsAreFoundByTheirStem() {
        var policies = corpusIds(p -> p.text().contains("policies"));
        assertThat(policies).isNotEmpty();
        assertThat(ids(all(text("policy")))).containsAll(policies);
        assertThat(ids(all(text("TRANSPORT")))).containsAll(policies);
    }

    @Test
    void koreanAndEnglishWordsInOneQuery() {
        var both = corpusIds(p -> p.text().contains("대중교통") && p.text().contains("policies"));
        assertThat(both).isNotEmpty();
        var found = ids(all(text("교통 policy")));
        assertThat(found).containsAll(both);
        assertThat(corpusIds(p -> p.text().contains("교통") && p.text().contains("polic"))).containsAll(found);
    }

    @Test
    void allWordsOfAShortQueryMustBeFound() {
        var found = ids(all(text("미세먼지 부산")));
        assertThat(found).isEqualTo(corpusIds(p -> p.text().contains("미세먼지") && p.text().contains("부산")));
    }

    @Test
    void scopeFilter() {
        var hits = all(new SearchQuery(Set.of(), "교육", "forum-2", null, null, 0, 10));
        assertThat(hits).isNotEmpty().allSatisfy(hit -> assertThat(hit.scope()).isEqualTo("forum-2"));
        var expected = all(text("교육")).stream().filter(hit -> hit.scope().equals("forum-2")).map(SearchHit::id).collect(Collectors.toSet());
        assertThat(ids(hits)).isEqualTo(expected);
    }

    @Test
    void dateFilterFromInclusiveToExclusive() {
        Instant from = KoreanPosts.FIRST_DATE.plus(Duration.ofHours(100));
        Instant to = KoreanPosts.FIRST_DATE.plus(Duration.ofHours(400));
        var hits = all(new SearchQuery(Set.of(), "교육", null, from, to, 0, 10));
        assertThat(hits).isNotEmpty().allSatisfy(hit -> assertThat(hit.date()).isBetween(from, to.minusMillis(1)));
        var expected = all(text("교육")).stream().filter(hit -> !hit.date().isBefore(from) && hit.date().isBefore(to))
                .map(SearchHit::id).collect(Collectors.toSet());
        assertThat(ids(hits)).isEqualTo(expected);
        // p100 is dated exactly "from"; p400 exactly "to"
        var everything = ids(all(new SearchQuery(Set.of(), "", null, from, to, 0, 10)));
        assertThat(everything).contains("p100").doesNotContain("p400").hasSize(300);
    }

    @Test
    void kindFilter() {
        var hits = all(new SearchQuery(Set.of("forum-thread"), "교육", null, null, null, 0, 10));
        assertThat(hits).isNotEmpty().allSatisfy(hit -> assertThat(hit.kind()).isEqualTo("forum-thread"));
        assertThat(index.search(new SearchQuery(Set.of("no-such-kind"), "교육", null, null, null, 0, 10)).total()).isZero();
    }

    @Test
    void blankTextListsNewestFirst() {
        var page = index.search(new SearchQuery(Set.of(), " ", "forum-1", null, null, 0, 3));
        assertThat(page.total()).isEqualTo(POSTS / KoreanPosts.SCOPES);
        assertThat(page.hits()).extracting(SearchHit::id).containsExactly("p1996", "p1991", "p1986");
    }

    @Test
    void pagingNeverOverlaps() {
        var first = index.search(new SearchQuery(Set.of(), "환경", null, null, null, 0, 20));
        var second = index.search(new SearchQuery(Set.of(), "환경", null, null, null, 20, 20));
        assertThat(first.total()).isEqualTo(second.total()).isGreaterThan(40);
        assertThat(ids(first.hits())).doesNotContainAnyElementsOf(ids(second.hits()));
        assertThat(first.hits().get(0).score()).isGreaterThanOrEqualTo(first.hits().get(19).score());
    }

    @Test
    void highlightingMarksMatchesAndEscapesTheSource() {
        index.put(new SearchDocument("publication", "xss", "<b>교육</b> & \"정책\"",
                "<script>alert('교육')</script> 교육부의 발표를 봅니다", "agency-xss", Instant.now(), true));
        var hits = index.search(new SearchQuery(Set.of("publication"), "교육", "agency-xss", null, null, 0, 10)).hits();
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).titleHtml()).isEqualTo("&lt;b&gt;<mark>교육</mark>&lt;/b&gt; &amp; &#34;정책&#34;");
        assertThat(hits.get(0).snippetHtml()).isEqualTo(
                "&lt;script&gt;alert(&#39;<mark>교육</mark>&#39;)&lt;/script&gt; <mark>교육</mark>부의 발표를 봅니다");
        var snippet = Jsoup.parseBodyFragment(hits.get(0).snippetHtml()).body();
        assertThat(snippet.children()).allSatisfy(element -> assertThat(element.normalName()).isEqualTo("mark"));
        index.remove("publication", "xss");
    }

    @Test
    void snippetsOfLongBodiesShowTheMatch() {
        String body = "앞부분 문장입니다. ".repeat(100) + "여기에 대중교통 이야기가 있습니다. " + "뒷부분 문장입니다. ".repeat(100);
        index.put(new SearchDocument("publication", "long", "긴 글", body, "agency-long", Instant.now(), true));
        var hit = index.search(new SearchQuery(Set.of(), "대중교통", "agency-long", null, null, 0, 1)).hits().get(0);
        assertThat(hit.snippetHtml()).startsWith("…").endsWith("…").contains("<mark>대중교통</mark>")
                .hasSizeLessThan(LuceneIndex.SNIPPET_CHARS + 60);
        index.remove("publication", "long");
    }

    @Test
    void removedAndInvisibleDocumentsAreNotFound() {
        var query = new SearchQuery(Set.of(), "교육", "agency-gone", null, null, 0, 10);
        index.put(new SearchDocument("publication", "gone-1", "교육 자료", "본문", "agency-gone", Instant.now(), true));
        index.put(new SearchDocument("publication", "gone-2", "교육 자료", "본문", "agency-gone", Instant.now(), true));
        index.put(new SearchDocument("publication", "gone-3", "교육 자료", "숨김", "agency-gone", Instant.now(), false));
        assertThat(ids(index.search(query).hits())).containsExactlyInAnyOrder("gone-1", "gone-2");
        index.remove("publication", "gone-1");
        index.put(new SearchDocument("publication", "gone-2", "교육 자료", "이제 숨김", "agency-gone", Instant.now(), false));
        assertThat(index.search(query).total()).isZero();
    }

    @Test
    void aPutReplacesTheEarlierVersion() {
        index.put(new SearchDocument("publication", "edit", "처음 제목", "미세먼지 대책", "agency-edit", Instant.now(), true));
        index.put(new SearchDocument("publication", "edit", "고친 제목", "기후 변화 대책", "agency-edit", Instant.now(), true));
        assertThat(index.search(new SearchQuery(Set.of(), "미세먼지", "agency-edit", null, null, 0, 10)).total()).isZero();
        assertThat(index.search(new SearchQuery(Set.of(), "기후", "agency-edit", null, null, 0, 10)).total()).isEqualTo(1);
        index.remove("publication", "edit");
    }

    @Test
    void rebuildReplacesTheKindsContentAndLeavesOtherKinds() {
        long forumBefore = index.search(new SearchQuery(Set.of("forum-post", "forum-thread"), "", null, null, null, 0, 1)).total();
        index.put(new SearchDocument("publication", "old", "오래된 간행물", "폐기될 내용", "agency-r", Instant.now(), true));
        index.put(new SearchDocument("publication", "kept", "유지되는 간행물", "옛 본문", "agency-r", Instant.now(), true));
        PUBLICATIONS.documents = List.of(
                new SearchDocument("publication", "kept", "유지되는 간행물", "새 본문", "agency-r", Instant.now(), true),
                new SearchDocument("publication", "new", "새 간행물", "추가된 내용", "agency-r", Instant.now(), true),
                new SearchDocument("publication", "hidden", "숨은 간행물", "비공개", "agency-r", Instant.now(), false));
        assertThat(index.rebuild("publication")).isEqualTo(2);
        var all = index.search(new SearchQuery(Set.of("publication"), "", null, null, null, 0, 100));
        assertThat(ids(all.hits())).containsExactlyInAnyOrder("kept", "new");
        assertThat(index.search(new SearchQuery(Set.of(), "옛", "agency-r", null, null, 0, 10)).total()).isZero();
        assertThat(index.search(new SearchQuery(Set.of(), "새", "agency-r", null, null, 0, 10)).total()).isEqualTo(2);
        assertThat(index.search(new SearchQuery(Set.of("forum-post", "forum-thread"), "", null, null, null, 0, 1)).total())
                .isEqualTo(forumBefore);
        PUBLICATIONS.documents = List.of();
        assertThat(index.rebuild("publication")).isZero();
        assertThat(index.search(new SearchQuery(Set.of("publication"), "", null, null, null, 0, 1)).total()).isZero();
    }

    @Test
    void rebuildOfAKindWithoutASourceEmptiesIt() {
        index.put(new SearchDocument("orphan", "1", "고아 문서", "내용", null, null, true));
        assertThat(index.rebuild("orphan")).isZero();
        assertThat(index.search(new SearchQuery(Set.of("orphan"), "", null, null, null, 0, 1)).total()).isZero();
        assertThat(index.kinds()).containsExactly("forum-post", "forum-thread", "publication");
    }

    static Stream<String> hostileQueries() {
        return Stream.of("\"(", "*:*", "AND OR", "AND", "OR NOT", "title:교육", "body:*", "\\", "[", "{!}", "~", "교육^100",
                "a~0.5", "-", "+", "!", "&&", "||", "()", "\"\"", "?", "*", "/regex/", "교육 AND", "NOT 교육", "(교육",
                "교육\"", "\u0000", "\uD800", "\uDC00교육", "<script>alert(1)</script>", "' OR 1=1 --", "%", "_",
                "가".repeat(10_000), "교육 ".repeat(500), "\t\n\r", "ㄱㄴㄷ", "👍", "\u202E교육", "null", "title:*:*");
    }

    @ParameterizedTest
    @MethodSource("hostileQueries")
    void hostileQueriesNeverThrow(String text) {
        assertThatCode(() -> {
            var page = index.search(new SearchQuery(null, text, null, null, null, 0, 10));
            for (var hit : page.hits()) {
                assertThat(Jsoup.parseBodyFragment(hit.titleHtml() + hit.snippetHtml()).body().select("*:not(body):not(mark)")).isEmpty();
            }
        }).doesNotThrowAnyException();
    }

    @Test
    void querySyntaxIsNotSyntax() {
        assertThat(index.search(text("*:*")).total()).isZero();
        assertThat(index.search(text("\"(")).total()).isZero();
        assertThat(index.search(text("(교육")).total()).isEqualTo(index.search(text("교육")).total());
        assertThat(index.search(text(null)).total()).isGreaterThanOrEqualTo(POSTS);
    }

    @Test
    void outOfRangePagingIsClamped() {
        var page = index.search(new SearchQuery(Set.of(), "교육", null, null, null, -5, 100_000));
        assertThat(page.hits()).hasSize(SearchIndex.MAX_LIMIT);
        var beyond = index.search(new SearchQuery(Set.of(), "", null, null, null, SearchIndex.MAX_OFFSET + 1, 10));
        assertThat(beyond.hits()).isEmpty();
        assertThat(beyond.total()).isGreaterThanOrEqualTo(POSTS);
        assertThat(index.search(new SearchQuery(Set.of(), "교육", null, null, null, 1_000_000, 0)).hits()).isEmpty();
    }

    @Test
    void concurrentPutsAndSearchesLoseNothing() throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        var failures = new CopyOnWriteArrayList<Throwable>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            pool.submit(() -> {
                try {
                    for (int i = 0; i < 25; i++) {
                        index.put(new SearchDocument("publication", "c" + thread + "-" + i, "동시 교육 문서", "본문 " + i,
                                "agency-concurrent", Instant.now(), true));
                        index.search(new SearchQuery(Set.of(), "교육", "agency-concurrent", null, null, 0, 5));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        assertThat(failures).isEmpty();
        assertThat(index.search(new SearchQuery(Set.of(), "교육", "agency-concurrent", null, null, 0, 1)).total()).isEqualTo(200);
        for (int t = 0; t < 8; t++) for (int i = 0; i < 25; i++) index.remove("publication", "c" + t + "-" + i);
    }

    @Test
    void anIndexOnDiskKeepsItsDocumentsAndGenerations(@TempDir Path directory) {
        var source = new ListSource("publication");
        var onDisk = SearchIndex.at(directory.toString(), source);
        assertThat(onDisk.startedEmpty()).isTrue();
        onDisk.put(new SearchDocument("publication", "a", "디스크 문서", "환경보호", null, null, true));
        onDisk.close();
        var reopened = SearchIndex.at(directory.toString(), source);
        assertThat(reopened.startedEmpty()).isFalse();
        assertThat(reopened.search(text("환경")).total()).isEqualTo(1);
        // a rebuild after reopening still replaces what the earlier run wrote
        source.documents = List.of(new SearchDocument("publication", "b", "새 문서", "환경보호", null, null, true));
        assertThat(reopened.rebuild("publication")).isEqualTo(1);
        assertThat(ids(reopened.search(text("환경")).hits())).containsExactly("b");
        reopened.close();
    }

    @Test
    void readyOnceOpenNotOnceClosed() {
        var other = SearchIndex.inMemory();
        assertThat(other.ready()).isTrue();
        other.close();
        assertThat(other.ready()).isFalse();
    }

    @Test
    void printQueryLatency() {
        var queries = List.of("교육", "교육정책", "대중교통", "미세먼지 서울", "학교에서", "환경부", "policy", "청년 일자리 예산",
                "교통 policy", "공청회", "기후 변화", "주민들이");
        for (int warm = 0; warm < 3; warm++) queries.forEach(q -> index.search(text(q)));
        var nanos = new ArrayList<Long>();
        for (int round = 0; round < 20; round++) {
            for (String q : queries) {
                long started = System.nanoTime();
                index.search(text(q));
                nanos.add(System.nanoTime() - started);
            }
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("SearchIndexTest: %d queries over %d posts (10 hits, highlighted): median %.2f ms, p90 %.2f ms%n",
                sorted.length, POSTS, sorted[sorted.length / 2] / 1e6, sorted[sorted.length * 9 / 10] / 1e6);
        // every query of the mix finds something, so the figures are of real work
        assertThat(queries).allSatisfy(q -> assertThat(index.search(text(q)).total()).as(q).isPositive());
    }
}
