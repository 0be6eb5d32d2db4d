package org.madang.bench;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.madang.testing.Api;
import org.madang.testing.Api.Session;
import org.madang.testing.MadangServer;
import org.madang.testing.People;
import org.madang.testing.RoleSessions;
import org.madang.testing.Who;

/**
 * Load driver for forum reads: starts Madang (PostgreSQL by default) as the integration tests do, makes a thread with
 * REPLIES replies (written straight into the database: the posting limits would take hours), then for SECONDS lets
 * CONCURRENCY anonymous clients read the thread's reply pages (50 replies each, oldest first, following the cursors
 * round and round) over kept-alive connections ({@link PageReads}) and prints requests/s and latency percentiles.
 *
 * <pre>mvn -Pbench test-compile exec:exec -Dbench.main=org.madang.bench.ThreadReadLoad -Dbench.args="postgres 60 1000 16"</pre>
 * (database, timed seconds, replies, concurrency; a fifth argument {@code signed-in} reads as a signed-in citizen)
 */
public final class ThreadReadLoad {

    public static void main(String[] args) throws Exception {
        if (args.length == 1) args = args[0].trim().split("\\s+"); // exec:exec passes bench.args as one argument
        String db = args.length > 0 ? args[0] : "postgres";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int replyCount = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        // "signed-in" reads as a signed-in citizen, whose views are computed for them rather than shared
        boolean signedIn = args.length > 4 && args[4].equals("signed-in");
        System.setProperty("madang.it.db", db);

        var forum = RoleSessions.session(Who.ADMIN).post("/api/forums", Api.json("titleKo", "부하 시험 토론방", "titleEn", "Load test",
                "description", "load", "stanceRequired", false, "residentsOnly", false));
        if (forum.status() != 201) throw new IllegalStateException(forum.toString());
        var thread = People.citizen().session().post("/api/forums/" + forum.json().getString("id") + "/threads",
                Api.json("title", "천 개의 답글이 달린 글", "body", "교육 정책에 대한 의견을 나눠 주세요.", "stance", "NEUTRAL"));
        if (thread.status() != 201) throw new IllegalStateException(thread.toString());
        UUID threadId = UUID.fromString(thread.json().getString("id"));
        writeReplies(threadId, replyCount);

        List<String> pages = new ArrayList<>();
        String cursor = null;
        do {
            String path = "/api/forums/threads/" + threadId + "/replies?limit=50" + (cursor == null ? "" : "&cursor=" + cursor);
            var page = Session.anonymous().get(path);
            if (page.status() != 200) throw new IllegalStateException(page.toString());
            pages.add(path);
            var next = page.json().get("nextCursor");
            cursor = next == null || next.getValueType() == jakarta.json.JsonValue.ValueType.NULL ? null
                    : java.net.URLEncoder.encode(page.json().getString("nextCursor"), java.nio.charset.StandardCharsets.UTF_8);
        } while (cursor != null);
        System.out.printf("thread of %d replies on %s: %d pages of 50%n", replyCount, db, pages.size());

        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        URI base = MadangServer.get().uri("");
        String bearer = signedIn ? People.citizen().session().bearerToken() : null;
        PageReads.run(pool, base, bearer, pages, concurrency, 10);
        System.out.printf("warmed up for 10 s; timing %d s ...%n", seconds);
        long driverCpuBefore = driverCpuNanos();
        var run = PageReads.run(pool, base, bearer, pages, concurrency, seconds);
        double driverCores = (driverCpuNanos() - driverCpuBefore) / 1e9 / run.seconds();
        System.out.printf("THREAD READS %s%s: %d pages in %.1f s = %.1f req/s with %d clients; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; %d failed%n",
                db, signedIn ? " (signed in)" : "", run.pages(), run.seconds(), run.perSecond(), concurrency, run.percentileMillis(0.5), run.percentileMillis(0.99),
                run.percentileMillis(1), run.failures());
        // the driver shares the machine: what it burns is not the server's
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("the load driver itself used %.2f of %d cores; the server and PostgreSQL at most %.2f, i.e. %.2f ms of CPU per page%n",
                driverCores, cores, cores - driverCores, (cores - driverCores) * run.seconds() * 1000 / run.pages());
        pool.shutdownNow();
        System.exit(run.failures() == 0 ? 0 : 1);
    }

    private static long driverCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    /** Replies as the forum writes them (sanitised HTML beside the Markdown), one second apart so the order is fixed. */
    static void writeReplies(UUID threadId, int count) throws Exception {
        try (var connection = MadangServer.get().connect();
             var insert = connection.prepareStatement("""
                     INSERT INTO forum_post (id, forum_id, thread_id, parent_id, depth, body_markdown, body_html, body_hash,
                         author_id, author_name, stance, state, created_at, last_activity_at)
                     SELECT ?, forum_id, id, id, 1, ?, ?, ?, author_id, author_name, 'FOR', 'VISIBLE', ?, ?
                     FROM forum_post WHERE id = ?""");
             var count_ = connection.prepareStatement("UPDATE forum_post SET reply_count = ? WHERE id = ?")) {
            connection.setAutoCommit(false);
            Instant first = Instant.now().minusSeconds(count + 60L);
            for (int i = 0; i < count; i++) {
                String text = "답글 " + i + ": 교육정책은 학교 현장의 목소리를 더 들어야 합니다. " + "지역 교육청과 학부모의 의견도 중요합니다. ".repeat(3);
                var at = Timestamp.from(first.plusSeconds(i));
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, text);
                insert.setString(3, "<p>" + text + "</p>");
                insert.setString(4, "%064x".formatted(i));
                insert.setTimestamp(5, at);
                insert.setTimestamp(6, at);
                insert.setObject(7, threadId);
                insert.addBatch();
            }
            insert.executeBatch();
            count_.setInt(1, count);
            count_.setObject(2, threadId);
            count_.executeUpdate();
            connection.commit();
        }
    }
}
