package org.madang.forum;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.madang.platform.text.HostileMarkdown;
import org.madang.testing.Api;
import org.madang.testing.Api.Session;
import org.madang.testing.MadangServer;
import org.madang.testing.People;
import org.madang.testing.RoleSessions;
import org.madang.testing.Who;

/** Writing in the forums: safe rendering, reactions under concurrency, edits, tombstones, bad input, attachments, mail. */
class ForumPostingIT {

    @Test
    void hostileMarkdownRendersInert() {
        var author = People.citizen();
        String forumId = ForumDriver.topicForum(false);
        String threadId = ForumDriver.thread(author.session(), forumId, "<script>alert(1)</script>",
                "<img src=x onerror=alert(1)> [x](javascript:alert(1))").getString("id");
        // the whole corpus, in a few replies (rate limits allow a handful a minute)
        var corpus = HostileMarkdown.corpus();
        int chunks = 4;
        for (int c = 0; c < chunks; c++) {
            var text = new StringBuilder();
            for (int i = c; i < corpus.size(); i += chunks) text.append(corpus.get(i)).append("\n\n");
            ForumDriver.reply(author.session(), threadId, text.toString());
        }
        var replies = Session.anonymous().get("/api/forums/threads/" + threadId + "/replies?limit=10");
        var items = replies.json().getJsonArray("items");
        assertThat(items).hasSize(chunks);
        items.forEach(v -> HostileMarkdown.assertInert(v.asJsonObject().getString("bodyHtml")));
        var thread = Session.anonymous().get("/api/forums/threads/" + threadId).json().getJsonObject("thread");
        HostileMarkdown.assertInert(thread.getString("bodyHtml"));
        assertThat(thread.getString("title")).as("titles are plain text, escaped by the page").isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void fiftyConcurrentReactionsByOnePersonLeaveOne() throws Exception {
        var author = People.citizen();
        var reactor = People.citizen();
        String forumId = ForumDriver.topicForum(false);
        String threadId = ForumDriver.thread(author.session(), forumId, "동시 공감", ForumDriver.unique("본문")).getString("id");
        String token = reactor.session().bearerToken();
        var pool = Executors.newFixedThreadPool(16);
        try {
            var calls = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < 50; i++) {
                String kind = i % 2 == 0 ? "AGREE" : "DISAGREE";
                calls.add(() -> Session.bearer(token).put("/api/forums/posts/" + threadId + "/reaction", Api.json("reaction", kind)).status());
            }
            for (Future<Integer> status : pool.invokeAll(calls)) assertThat(status.get()).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
        var post = reactor.session().get("/api/forums/posts/" + threadId).json();
        assertThat(post.getInt("agreeCount") + post.getInt("disagreeCount")).isEqualTo(1);
        assertThat(post.getString("myReaction")).isIn("AGREE", "DISAGREE");
        try (var connection = MadangServer.get().connect();
             var count = connection.prepareStatement("SELECT COUNT(*) FROM forum_reaction WHERE post_id = ?")) {
            count.setObject(1, java.util.UUID.fromString(threadId));
            var rows = count.executeQuery();
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
        // changeable, and withdrawable
        var changed = reactor.session().put("/api/forums/posts/" + threadId + "/reaction", Api.json("reaction", "DISAGREE")).json();
        assertThat(changed.getInt("disagreeCount")).isEqualTo(1);
        assertThat(changed.getInt("agreeCount")).isZero();
        var withdrawn = reactor.session().delete("/api/forums/posts/" + threadId + "/reaction").json();
        assertThat(withdrawn.getInt("disagreeCount")).isZero();
        assertThat(ForumDriver.absent(withdrawn, "myReaction")).isTrue();
    }

    @Test
    void editsWithinTheWindowKeepHistoryConcurrentEditsConflictAndDeletionLeavesATombstone() throws Exception {
        var author = People.citizen();
        var other = People.citizen();
        String forumId = ForumDriver.topicForum(false);
        var thread = ForumDriver.thread(author.session(), forumId, "수정 시험", ForumDriver.unique("첫 글"));
        String threadId = thread.getString("id");
        assertThat(thread.getBoolean("canEdit")).isTrue();
        var first = ForumDriver.reply(author.session(), threadId, "처음 쓴 답글 " + java.util.UUID.randomUUID());
        String postId = first.getString("id");
        int version = first.getInt("version");

        // five concurrent edits of the same version: one wins, the others are refused, nothing is lost silently
        var pool = Executors.newFixedThreadPool(5);
        String token = author.session().bearerToken();
        List<Integer> statuses = new ArrayList<>();
        try {
            var calls = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < 5; i++) {
                int n = i;
                calls.add(() -> Session.bearer(token).put("/api/forums/posts/" + postId, Api.json("body", "고친 답글 " + n, "version", version)).status());
            }
            for (var f : pool.invokeAll(calls)) statuses.add(f.get());
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        var edited = Session.anonymous().get("/api/forums/posts/" + postId).json();
        assertThat(edited.getInt("revisionCount")).isEqualTo(1);
        assertThat(edited.getString("editedAt")).isNotBlank();
        var revisions = Session.anonymous().get("/api/forums/posts/" + postId + "/revisions").json().getJsonArray("items");
        assertThat(revisions).hasSize(1);
        assertThat(revisions.getJsonObject(0).getString("bodyHtml")).contains("처음 쓴 답글");
        assertThat(other.session().put("/api/forums/posts/" + postId, Api.json("body", "남의 글", "version", 1)).status()).isEqualTo(403);

        // the window closes (the post is made 16 minutes old)
        try (var connection = MadangServer.get().connect();
             var age = connection.prepareStatement("UPDATE forum_post SET created_at = ? WHERE id = ?")) {
            age.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(16 * 60)));
            age.setObject(2, java.util.UUID.fromString(postId));
            assertThat(age.executeUpdate()).isEqualTo(1);
        }
        var late = author.session().put("/api/forums/posts/" + postId, Api.json("body", "늦은 수정", "version", edited.getInt("version")));
        assertThat(late.status()).as(late.toString()).isEqualTo(409);
        assertThat(author.session().get("/api/forums/posts/" + postId).json().getBoolean("canEdit")).isFalse();

        // deletion: a tombstone, and the reply under it stays readable
        String child = ForumDriver.reply(other.session(), postId, ForumDriver.unique("밑에 단 답글")).getString("id");
        var deleted = author.session().delete("/api/forums/posts/" + postId);
        assertThat(deleted.status()).isEqualTo(200);
        var replies = Session.anonymous().get("/api/forums/threads/" + threadId + "/replies").json().getJsonArray("items");
        var tombstone = replies.stream().map(v -> v.asJsonObject()).filter(o -> o.getString("id").equals(postId)).findFirst().orElseThrow();
        assertThat(tombstone.getBoolean("deleted")).isTrue();
        assertThat(ForumDriver.absent(tombstone, "bodyHtml")).isTrue();
        var under = replies.stream().map(v -> v.asJsonObject()).filter(o -> o.getString("id").equals(child)).findFirst().orElseThrow();
        assertThat(under.getString("parentId")).isEqualTo(postId);
        assertThat(under.getString("bodyHtml")).contains("밑에 단 답글");
    }

    @Test
    void aNewAccountPostsOnlyItsFirstDayAllowanceUntilItIsADayOld() throws Exception {
        int allowance = 20; // madang.forum.new-account-posts-per-day, as the test server runs it
        var newcomer = People.citizen();
        String forumId = ForumDriver.topicForum(false);
        String threadId = ForumDriver.thread(newcomer.session(), forumId, ForumDriver.unique("새 계정의 글"), "첫 글").getString("id");
        // the per-minute limit would take minutes to reach the allowance: the rest of today's posts are written directly
        try (var connection = MadangServer.get().connect();
             var copy = connection.prepareStatement("""
                     INSERT INTO forum_post (id, forum_id, thread_id, parent_id, depth, body_markdown, body_html, body_hash,
                         author_id, author_name, state, created_at, last_activity_at)
                     SELECT ?, forum_id, thread_id, id, 1, body_markdown, body_html, ?, author_id, author_name, state, created_at, created_at
                     FROM forum_post WHERE id = ?""")) {
            for (int i = 1; i < allowance; i++) {
                copy.setObject(1, java.util.UUID.randomUUID());
                copy.setString(2, "%064d".formatted(i));
                copy.setObject(3, java.util.UUID.fromString(threadId));
                copy.addBatch();
            }
            assertThat(copy.executeBatch()).hasSize(allowance - 1);
        }
        var refused = newcomer.session().post("/api/forums/posts/" + threadId + "/replies", Api.json("body", "하나 더", "stance", "FOR"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.header("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(refused.json().getString("detail")).contains(Integer.toString(allowance));
        int repliesBefore = Session.anonymous().get("/api/forums/threads/" + threadId).json().getJsonObject("thread").getInt("replyCount");

        // an older account with as many posts today is not held back
        try (var connection = MadangServer.get().connect();
             var age = connection.prepareStatement("UPDATE account SET created_at = ? WHERE id = ?")) {
            age.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(25 * 3600)));
            age.setObject(2, newcomer.id());
            assertThat(age.executeUpdate()).isEqualTo(1);
        }
        ForumDriver.reply(newcomer.session(), threadId, "하루가 지난 계정의 답글");
        assertThat(Session.anonymous().get("/api/forums/threads/" + threadId).json().getJsonObject("thread").getInt("replyCount"))
                .as("the refused reply was not counted").isEqualTo(repliesBefore + 1);
    }

    @Test
    void signedOutReadersSeeEveryChangeAtOnceThoughTheirPagesAreKept() {
        var author = People.citizen();
        var reader = People.citizen();
        String forumId = ForumDriver.topicForum(false);
        String threadId = ForumDriver.thread(author.session(), forumId, ForumDriver.unique("캐시 시험"), "본문").getString("id");
        String replyId = ForumDriver.reply(author.session(), threadId, "처음 답글").getString("id");
        String page = "/api/forums/threads/" + threadId + "/replies";
        java.util.function.Supplier<JsonObject> firstReply = () -> Session.anonymous().get(page).json().getJsonArray("items").getJsonObject(0);
        assertThat(firstReply.get().getInt("agreeCount")).isZero();
        assertThat(firstReply.get().getInt("agreeCount")).as("read twice, the same").isZero();

        assertThat(reader.session().put("/api/forums/posts/" + replyId + "/reaction", Api.json("reaction", "AGREE")).status()).isEqualTo(200);
        assertThat(firstReply.get().getInt("agreeCount")).isEqualTo(1);
        int version = author.session().get("/api/forums/posts/" + replyId).json().getInt("version");
        assertThat(author.session().put("/api/forums/posts/" + replyId, Api.json("body", "고친 답글", "version", version)).status()).isEqualTo(200);
        assertThat(firstReply.get().getString("bodyHtml")).contains("고친 답글");
        ForumDriver.reply(reader.session(), threadId, "두 번째 답글");
        assertThat(Session.anonymous().get(page).json().getJsonArray("items")).hasSize(2);
        assertThat(Session.anonymous().get("/api/forums/threads/" + threadId).json().getJsonObject("thread").getInt("replyCount")).isEqualTo(2);
        assertThat(author.session().delete("/api/forums/posts/" + replyId).status()).isEqualTo(200);
        assertThat(firstReply.get().getBoolean("deleted")).isTrue();
    }

    @Test
    void aRepeatedSignedOutReadIsAnsweredFromMemoryWithTheSameBodyAndHeaders() {
        var author = People.citizen();
        String threadId = ForumDriver.thread(author.session(), ForumDriver.topicForum(false), ForumDriver.unique("빠른 읽기"), "본문")
                .getString("id");
        ForumDriver.reply(author.session(), threadId, "첫 답글");
        String page = "/api/forums/threads/" + threadId + "/replies?limit=10";
        var computed = Session.anonymous().get(page);
        var remembered = Session.anonymous().get(page);
        String cachedHeader = org.madang.forum.boundary.CachedThreadPagesFilter.HEADER;
        assertThat(computed.header(cachedHeader)).isEmpty();
        assertThat(remembered.header(cachedHeader)).contains("cached");
        assertThat(remembered.status()).isEqualTo(200);
        assertThat(remembered.contentType()).startsWith("application/json");
        assertThat(remembered.body()).isEqualTo(computed.body());
        for (String header : List.of("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Cache-Control")) {
            assertThat(remembered.header(header)).as(header).isPresent().isEqualTo(computed.header(header));
        }
        assertThat(remembered.header("X-Request-Id")).isPresent().isNotEqualTo(computed.header("X-Request-Id"));

        assertThat(author.session().get(page).header(cachedHeader)).as("a signed-in reader goes to the resource").isEmpty();
        var unvalidated = Session.anonymous().get("/api/forums/threads/" + threadId + "/replies?limit=100000");
        assertThat(unvalidated.status()).as("an address never served is validated as ever").isEqualTo(400);
        assertThat(unvalidated.isProblem()).isTrue();

        ForumDriver.reply(author.session(), threadId, "둘째 답글");
        var afterChange = Session.anonymous().get(page);
        assertThat(afterChange.header(cachedHeader)).isEmpty();
        assertThat(afterChange.json().getJsonArray("items")).hasSize(2);
        assertThat(Session.anonymous().get(page).header(cachedHeader)).contains("cached");
    }

    @Test
    void badInputIsRefusedWithProblemsAndWritesNothing() {
        var author = People.citizen();
        String forumId = ForumDriver.topicForum(true);
        var session = author.session();
        String threadId = ForumDriver.thread(session, forumId, "입력 시험", ForumDriver.unique("본문")).getString("id");
        String r1 = ForumDriver.reply(session, threadId, ForumDriver.unique("1단계")).getString("id");
        String r2 = ForumDriver.reply(session, r1, ForumDriver.unique("2단계")).getString("id");
        String r3 = ForumDriver.reply(session, r2, ForumDriver.unique("3단계")).getString("id");
        int before = Session.anonymous().get("/api/forums/threads/" + threadId).json().getJsonObject("thread").getInt("replyCount");

        var refused = List.of(
                session.post("/api/forums/posts/" + r3 + "/replies", Api.json("body", "4단계", "stance", "FOR")),
                session.post("/api/forums/posts/" + r1 + "/replies", "{\"body\": [5], \"stance\": \"FOR\"}"),
                session.post("/api/forums/posts/" + r1 + "/replies", Api.json("body", "입장", "stance", "MAYBE")),
                session.post("/api/forums/posts/" + r1 + "/replies", Api.json("body", "입장 없음")),
                session.post("/api/forums/posts/" + r1 + "/replies", Api.json("body", "x".repeat(20_001), "stance", "FOR")),
                session.post("/api/forums/posts/" + r1 + "/replies", Api.json("body", "   ", "stance", "FOR")),
                session.post("/api/forums/posts/" + r1 + "/replies", Api.json("body", "알 수 없는 필드", "stance", "FOR", "admin", true)),
                session.post("/api/forums/posts/" + r1 + "/replies", "[1,2"),
                session.post("/api/forums/" + java.util.UUID.randomUUID() + "/threads", Api.json("title", "t", "body", "b", "stance", "FOR")),
                session.post("/api/forums/not-a-uuid/threads", Api.json("title", "t", "body", "b", "stance", "FOR")),
                session.get("/api/forums/" + forumId + "/threads?sort=RANDOM"),
                session.get("/api/forums/" + forumId + "/threads?limit=100000"),
                session.get("/api/forums/" + forumId + "/threads?cursor=bm90LWEtY3Vyc29y"),
                session.post("/api/forums/" + forumId + "/threads", Api.json("title", "t".repeat(201), "body", "b", "stance", "FOR")),
                session.put("/api/forums/posts/" + r1, Api.json("body", "버전 없음")),
                session.put("/api/forums/posts/" + r1 + "/reaction", Api.json("reaction", "LOVE")));
        for (var reply : refused) {
            assertThat(reply.status()).as(reply.toString()).isBetween(400, 499);
            assertThat(reply.isProblem()).as(reply.toString()).isTrue();
        }
        assertThat(refused.get(0).status()).isEqualTo(422);
        assertThat(refused.get(8).status()).isEqualTo(404);
        int after = Session.anonymous().get("/api/forums/threads/" + threadId).json().getJsonObject("thread").getInt("replyCount");
        assertThat(after).isEqualTo(before).isEqualTo(3);

        // the same text again within the window: 409
        String text = ForumDriver.unique("같은 글");
        ForumDriver.reply(session, threadId, text);
        var duplicate = session.post("/api/forums/posts/" + threadId + "/replies", Api.json("body", "  " + text.toUpperCase() + "!! ", "stance", "FOR"));
        assertThat(duplicate.status()).as(duplicate.toString()).isEqualTo(409);
    }

    @Test
    void attachmentsAreSniffedLimitedAndServedSafely() {
        var author = People.citizen();
        String forumId = ForumDriver.topicForum(false);
        String postId = ForumDriver.thread(author.session(), forumId, "첨부 시험", ForumDriver.unique("본문")).getString("id");

        var png = ForumDriver.attach(author.session(), postId, ForumDriver.PNG, "text/plain", "evil.html");
        assertThat(png.status()).as(png.toString()).isEqualTo(201);
        assertThat(png.json().getString("contentType")).isEqualTo("image/png");
        assertThat(png.json().getString("fileName")).isEqualTo("evil.png");
        var served = Session.anonymous().get(png.json().getString("url"));
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.contentType()).startsWith("image/png");
        assertThat(served.header("X-Content-Type-Options")).contains("nosniff");

        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        var pdfReply = ForumDriver.attach(author.session(), postId, pdf, "image/png", "report.pdf");
        assertThat(pdfReply.status()).isEqualTo(201);
        var pdfServed = Session.anonymous().get(pdfReply.json().getString("url"));
        assertThat(pdfServed.contentType()).startsWith("application/pdf");
        assertThat(pdfServed.header("Content-Disposition").orElseThrow()).startsWith("attachment");

        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes();
        assertThat(ForumDriver.attach(author.session(), postId, svg, "image/svg+xml", "a.svg").status()).isEqualTo(415);
        byte[] html = "<html><script>alert(1)</script></html>".getBytes();
        assertThat(ForumDriver.attach(author.session(), postId, html, "image/png", "a.png").status()).isEqualTo(415);
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(ForumDriver.PNG, 0, big, 0, ForumDriver.PNG.length);
        var tooBig = ForumDriver.attach(author.session(), postId, big, "image/png", "big.png");
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.isProblem()).isTrue();
        var post = Session.anonymous().get("/api/forums/posts/" + postId).json();
        assertThat(post.getJsonArray("attachments")).hasSize(2);
    }

    @Test
    void followersHearOfRepliesAtOnceOrInTheDailyDigest() {
        var starter = People.citizen();
        var daily = People.citizen();
        var replier = People.citizen();
        String forumId = ForumDriver.topicForum(false);
        String threadId = ForumDriver.thread(starter.session(), forumId, "알림 시험", ForumDriver.unique("본문")).getString("id");
        assertThat(daily.session().put("/api/forums/threads/" + threadId + "/follow", null).status()).isEqualTo(204);
        assertThat(daily.session().put("/api/forums/digest", Api.json("mode", "DAILY")).json().getString("mode")).isEqualTo("DAILY");
        assertThat(daily.session().get("/api/forums/threads/" + threadId).json().getBoolean("following")).isTrue();
        String marker = "digest-marker-" + java.util.UUID.randomUUID();
        ForumDriver.reply(replier.session(), threadId, "새 답글 " + marker);
        // the thread's starter follows it and wants mail at once
        assertThat(People.awaitMail(starter.email(), marker)).contains(marker);
        var run = RoleSessions.session(Who.ADMIN).post("/api/forums/digests/daily");
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        assertThat(run.json().getInt("sent")).isPositive();
        assertThat(People.awaitMail(daily.email(), marker)).contains(threadId);
    }
}
