package org.madang.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.madang.platform.search.SearchDocument;
import org.madang.platform.search.SearchIndex;
import org.madang.platform.search.SearchQuery;
import org.madang.platform.search.SearchSource;

/**
 * Catalogue search latency on a generated catalogue (default 100,000 publications from 50 agencies over five years),
 * through the index alone, in memory, one thread: the documents have the shape the catalogue indexes (both titles,
 * description and file text, agency as scope, publication date). Prints the indexing time, then median, p90 and p99
 * of a Korean and English query mix: one page of 20 as the API asks for it, with an agency, with a date range, and
 * the 1,000-hit read the API does when a kind, category or language filter needs the database (database time not
 * included). No assertions.
 *
 * <pre>mvn -q -Pbench -P '!webapp' test-compile exec:exec -Dbench.main=org.madang.bench.CatalogueSearchLoad -Dbench.args=100000</pre>
 */
public final class CatalogueSearchLoad {

    private static final String KIND = "publication";
    private static final String[][] TOPICS = {
            {"교통사고", "road accidents"}, {"대기질", "air quality"}, {"미세먼지", "fine dust"}, {"주민참여예산", "participatory budget"},
            {"도서관 이용", "library use"}, {"청년 일자리", "youth employment"}, {"기록물 관리", "records management"},
            {"상수도 요금", "water charges"}, {"재난 대비", "disaster preparedness"}, {"초등학교 급식", "school meals"},
            {"공공주택 공급", "public housing supply"}, {"버스 노선", "bus routes"}, {"의료 취약지", "underserved medical areas"},
            {"관광객 통계", "tourist statistics"}, {"탄소 배출", "carbon emissions"}, {"노인 복지", "elderly welfare"}};
    private static final String[][] KINDS = {{"결정문", "decision"}, {"보고서", "report"}, {"통계", "statistics"},
            {"회의록", "minutes"}, {"데이터", "dataset"}};
    private static final String[] REGIONS = {"서울특별시", "부산광역시", "대구광역시", "인천광역시", "광주광역시", "대전광역시",
            "울산광역시", "세종특별자치시", "경기도", "강원특별자치도", "충청북도", "전라남도", "경상북도", "제주특별자치도"};
    private static final String[] WORDS = {"현황", "계획", "결과", "분석", "개선", "방안", "예산", "집행", "시행", "위원회", "심의",
            "조사", "연도별", "월별", "지역별", "기준", "공개", "평가", "추진", "사업", "the", "annual", "monthly", "survey",
            "results", "measures", "committee", "budget", "spending", "regional", "assessment", "plan"};

    private CatalogueSearchLoad() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0].trim()) : 100_000;
        var random = new Random(20261128L);
        var documents = IntStream.range(0, count).mapToObj(i -> publication(i, random)).toList();
        SearchSource source = new SearchSource() {
            @Override
            public String kind() {
                return KIND;
            }

            @Override
            public Stream<SearchDocument> all() {
                return documents.stream();
            }
        };
        var index = SearchIndex.inMemory(source);
        long started = System.nanoTime();
        int indexed = index.rebuild(KIND);
        System.out.printf("indexed %d publications in %.1f s%n", indexed, (System.nanoTime() - started) / 1e9);

        var queries = List.of("교통사고", "대기질 서울특별시", "주민참여예산 결정문", "도서관", "청년 일자리 통계", "기록물", "air quality",
                "road accidents report", "budget", "탄소 배출 emissions", "회의록", "public housing");
        Instant from = LocalDate.of(2025, 1, 1).atStartOfDay(ZoneId.of("Asia/Seoul")).toInstant();
        Instant to = LocalDate.of(2026, 1, 1).atStartOfDay(ZoneId.of("Asia/Seoul")).toInstant();
        for (int warm = 0; warm < 5; warm++) queries.forEach(q -> index.search(new SearchQuery(Set.of(KIND), q, null, null, null, 0, 20)));
        measure("one page of 20", queries, q -> List.of(new SearchQuery(Set.of(KIND), q, null, null, null, 0, 20)), index);
        measure("one page of 20, one agency", queries, q -> List.of(new SearchQuery(Set.of(KIND), q, "agency-7", null, null, 0, 20)), index);
        measure("one page of 20, year 2025", queries, q -> List.of(new SearchQuery(Set.of(KIND), q, null, from, to, 0, 20)), index);
        measure("page 50 of 20", queries, q -> List.of(new SearchQuery(Set.of(KIND), q, null, null, null, 980, 20)), index);
        measure("1,000 hits read for a database filter", queries, q -> IntStream.range(0, 10)
                .mapToObj(p -> new SearchQuery(Set.of(KIND), q, null, null, null, p * 100, 100)).toList(), index);
        index.close();
    }

    private static void measure(String what, List<String> queries, java.util.function.Function<String, List<SearchQuery>> asked,
                                SearchIndex index) {
        var nanos = new ArrayList<Long>();
        long totals = 0;
        for (int round = 0; round < 20; round++) {
            for (String q : queries) {
                long t = System.nanoTime();
                for (var query : asked.apply(q)) {
                    var page = index.search(query);
                    totals += page.total();
                    if (page.hits().size() < query.limit()) break;
                }
                nanos.add(System.nanoTime() - t);
            }
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%-40s %d searches, %d matches on average: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms%n", what, sorted.length,
                totals / sorted.length, sorted[sorted.length / 2] / 1e6, sorted[sorted.length * 9 / 10] / 1e6,
                sorted[sorted.length * 99 / 100] / 1e6);
    }

    private static SearchDocument publication(int i, Random random) {
        String[] topic = TOPICS[random.nextInt(TOPICS.length)];
        String[] kind = KINDS[random.nextInt(KINDS.length)];
        String region = REGIONS[random.nextInt(REGIONS.length)];
        LocalDate published = LocalDate.of(2022, 1, 1).plusDays(random.nextInt(5 * 365));
        String titleKo = published.getYear() + "년 " + region + " " + topic[0] + " " + kind[0];
        String titleEn = Character.toUpperCase(topic[1].charAt(0)) + topic[1].substring(1) + " " + kind[1] + " " + published.getYear();
        var body = new StringBuilder(region).append(' ').append(topic[0]).append("에 관한 ").append(kind[0]).append("입니다. ");
        int words = 20 + random.nextInt(60);
        for (int w = 0; w < words; w++) body.append(WORDS[random.nextInt(WORDS.length)]).append(w % 9 == 8 ? ". " : " ");
        return new SearchDocument(KIND, "p-" + i, titleKo + " · " + titleEn, body.toString(), "agency-" + random.nextInt(50),
                published.atStartOfDay(ZoneId.of("Asia/Seoul")).toInstant(), true);
    }
}
