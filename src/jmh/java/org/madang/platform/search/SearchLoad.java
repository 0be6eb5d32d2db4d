package org.madang.platform.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Search latency on a large generated corpus of Korean posts, in memory, one thread: indexing time, then the median,
 * 90th and 99th percentile of a query mix (10 hits, highlighted, total counted).
 *
 * <pre>mvn -q -Pbench -P '!webapp' test-compile exec:exec -Dbench.main=org.madang.platform.search.SearchLoad -Dbench.args=100000</pre>
 */
public final class SearchLoad {

    private SearchLoad() {
    }

    public static void main(String[] args) {
        int posts = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0].trim()) : 100_000;
        var corpus = KoreanPosts.generate(posts, 20261128L);
        SearchSource source = new SearchSource() {
            @Override
            public String kind() {
                return "forum-post";
            }

            @Override
            public Stream<SearchDocument> all() {
                return corpus.stream().map(p -> new SearchDocument("forum-post", p.id(), p.title(), p.body(), p.scope(), p.date(), true));
            }
        };
        var index = SearchIndex.inMemory(source);
        long started = System.nanoTime();
        int indexed = index.rebuild("forum-post");
        System.out.printf("indexed %d posts in %.1f s%n", indexed, (System.nanoTime() - started) / 1e9);

        var queries = List.of("교육", "교육정책", "대중교통", "미세먼지 서울", "학교에서", "환경부", "policy", "청년 일자리 예산",
                "교통 policy", "공청회", "기후 변화", "주민들이");
        for (int warm = 0; warm < 5; warm++) queries.forEach(q -> index.search(query(q, null)));
        for (String scope : new String[] {null, "forum-3"}) {
            var nanos = new ArrayList<Long>();
            long totals = 0;
            for (int round = 0; round < 20; round++) {
                for (String q : queries) {
                    long t = System.nanoTime();
                    totals += index.search(query(q, scope)).total();
                    nanos.add(System.nanoTime() - t);
                }
            }
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("%d queries%s, %d hits on average: median %.1f ms, p90 %.1f ms, p99 %.1f ms%n", sorted.length,
                    scope == null ? "" : " in scope " + scope, totals / sorted.length, sorted[sorted.length / 2] / 1e6,
                    sorted[sorted.length * 9 / 10] / 1e6, sorted[sorted.length * 99 / 100] / 1e6);
        }
        index.close();
    }

    private static SearchQuery query(String text, String scope) {
        return new SearchQuery(Set.of(), text, scope, null, null, 0, 10);
    }
}
