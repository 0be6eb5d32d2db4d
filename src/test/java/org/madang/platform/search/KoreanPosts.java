package org.madang.platform.search;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A generated corpus of Korean citizens' posts (with some English), from word lists and sentence templates. */
final class KoreanPosts {

    static final Instant FIRST_DATE = Instant.parse("2026-01-01T00:00:00Z");
    static final int SCOPES = 5;

    private static final String[] SUBJECTS = {"교육부의", "환경부는", "교육청이", "국토교통부의", "시민들이", "학부모들은",
            "지방자치단체가", "주민들이", "보건복지부는", "청년들이"};
    private static final String[] TOPICS = {"교육정책", "대중교통", "미세먼지", "학교 급식", "공공도서관", "청년 일자리",
            "환경보호", "교통정책", "주거 복지", "재난 안전", "학교 폭력", "기후 변화"};
    private static final String[] PREDICATES = {"에 대해 의견을 모읍니다.", "을 개선해야 합니다.", "예산을 늘려야 합니다.",
            "문제를 함께 논의했습니다.", "에 관한 공청회가 열렸습니다.", "이 시급하다고 말했습니다.", "을 다시 검토하겠다고 밝혔습니다."};
    private static final String[] PLACES = {"서울", "부산", "대구", "인천", "광주", "대전", "울산", "세종", "제주"};
    private static final String[] ENGLISH = {"Citizens discussed new policies for public transport.",
            "The ministry published its education budget.", "Residents asked for cleaner air near schools.",
            "Parents want safer school meals."};

    record Post(String kind, String id, String title, String body, String scope, Instant date) {
        String text() {
            return title + "\n" + body;
        }

        SearchDocument document() {
            return new SearchDocument(kind, id, title, body, scope, date, true);
        }
    }

    private KoreanPosts() {
    }

    static List<Post> generate(int count, long seed) {
        var random = new Random(seed);
        var posts = new ArrayList<Post>(count);
        for (int i = 0; i < count; i++) {
            String title = pick(random, SUBJECTS) + " " + pick(random, TOPICS) + " " + pick(random, PLACES);
            var body = new StringBuilder();
            int sentences = 2 + random.nextInt(5);
            for (int s = 0; s < sentences; s++) {
                if (random.nextInt(10) == 0) {
                    body.append(pick(random, ENGLISH));
                } else {
                    body.append(pick(random, PLACES)).append("에서 ").append(pick(random, SUBJECTS)).append(' ')
                            .append(pick(random, TOPICS)).append(pick(random, PREDICATES));
                }
                body.append(' ');
            }
            posts.add(new Post(i % 4 == 0 ? "forum-thread" : "forum-post", "p" + i, title, body.toString().strip(),
                    "forum-" + (i % SCOPES), FIRST_DATE.plus(Duration.ofHours(i))));
        }
        return posts;
    }

    private static String pick(Random random, String[] words) {
        return words[random.nextInt(words.length)];
    }
}
