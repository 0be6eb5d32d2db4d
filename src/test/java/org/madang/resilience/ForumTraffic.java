package org.madang.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.madang.testing.Api;
import org.madang.testing.Api.Session;
import org.madang.testing.People;
import org.madang.testing.RoleSessions;
import org.madang.testing.Who;

/**
 * Forum traffic for the resilience run: writers reply to one thread at the pace the posting limits allow, readers page
 * through it. A reply whose answer was lost to a fault is sent again with the same text: the duplicate check answers
 * 409 if the first attempt was in fact stored, so a retry can never post twice.
 */
final class ForumTraffic {

    /** Each writer's pause between replies: under the default limit of 6 posts a minute per account. */
    private static final long WRITER_PACE_MILLIS = 12_000;

    private final String threadPath;
    private final List<Session> writers = new ArrayList<>();
    /** Reply id → text, for every reply the service acknowledged with 201. */
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    /** Texts refused as duplicates after a failed attempt: their first attempt was stored although its answer was lost. */
    private final Set<String> storedBeforeTheFault = ConcurrentHashMap.newKeySet();
    private final AtomicInteger failedAttempts = new AtomicInteger();
    private final AtomicInteger reads = new AtomicInteger();
    private final Latencies latencies;

    ForumTraffic(int writerCount, Latencies latencies) {
        this.latencies = latencies;
        var forum = RoleSessions.session(Who.ADMIN).post("/api/forums", Api.json("titleKo", "복원력 시험 토론방 " + UUID.randomUUID(),
                "titleEn", "Resilience forum", "description", "resilience run", "stanceRequired", false, "residentsOnly", false));
        assertThat(forum.status()).as(forum.toString()).isEqualTo(201);
        var thread = People.citizen().session().post("/api/forums/" + forum.json().getString("id") + "/threads",
                Api.json("title", "장애 중에도 글이 사라지지 않나요?", "body", "복원력 시험의 글타래", "stance", "NEUTRAL"));
        assertThat(thread.status()).as(thread.toString()).isEqualTo(201);
        threadPath = "/api/forums/threads/" + thread.json().getString("id");
        for (int i = 0; i < writerCount; i++) writers.add(People.citizen().session());
    }

    int writerCount() { return writers.size(); }
    int acknowledgedCount() { return acknowledged.size() + storedBeforeTheFault.size(); }
    int failedAttempts() { return failedAttempts.get(); }
    int reads() { return reads.get(); }

    Void write(int writer, AtomicBoolean running) throws InterruptedException {
        Session author = writers.get(writer);
        for (int n = 0; running.get(); n++) {
            String text = "writer " + writer + " reply " + n + " " + UUID.randomUUID();
            boolean failedBefore = false;
            while (running.get()) {
                Api.Reply reply;
                try {
                    reply = latencies.time("forum reply", () -> author.post("/api/forums/posts/" + threadId() + "/replies",
                            Api.json("body", text, "stance", "FOR")));
                } catch (RuntimeException connectionLost) {
                    reply = null;
                }
                if (reply != null && reply.status() == 201) {
                    acknowledged.put(reply.json().getString("id"), text);
                    break;
                }
                if (reply != null && reply.status() == 409 && failedBefore) {
                    storedBeforeTheFault.add(text);
                    break;
                }
                if (reply != null && reply.status() < 500 && reply.status() != 429) {
                    throw new AssertionError("a fault may fail a reply, never refuse a good one: " + reply);
                }
                failedBefore = reply == null || reply.status() >= 500;
                failedAttempts.incrementAndGet();
                Thread.sleep(reply != null && reply.status() == 429 ? 5_000 : 200);
            }
            Thread.sleep(WRITER_PACE_MILLIS);
        }
        return null;
    }

    Void read(AtomicBoolean running) throws InterruptedException {
        Session anyone = Session.anonymous();
        while (running.get()) {
            try {
                boolean thread = latencies.time("forum read", () -> anyone.get(threadPath)).status() == 200;
                boolean replies = latencies.time("forum read", () -> anyone.get(threadPath + "/replies?limit=50")).status() == 200;
                if (thread && replies) reads.incrementAndGet();
            } catch (RuntimeException faultInProgress) {
                // the writers measure recovery; a reader just tries again
            }
            Thread.sleep(100);
        }
        return null;
    }

    /** Every acknowledged reply is in the thread with its text, and no text is there twice. */
    void verify() {
        Map<String, String> stored = new HashMap<>();
        Map<String, Integer> copies = new HashMap<>();
        String cursor = null;
        do {
            var page = Session.anonymous().get(threadPath + "/replies?limit=50" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            for (JsonObject post : page.json().getJsonArray("items").getValuesAs(JsonObject.class)) {
                // the Markdown source is for its author; readers get the HTML, which for these plain texts is one paragraph
                String text = post.getString("bodyHtml").replaceAll("<[^>]+>", "").strip();
                stored.put(post.getString("id"), text);
                copies.merge(text, 1, Integer::sum);
            }
            JsonValue next = page.json().get("nextCursor");
            cursor = next == null || next.getValueType() == JsonValue.ValueType.NULL ? null
                    : URLEncoder.encode(page.json().getString("nextCursor"), StandardCharsets.UTF_8);
        } while (cursor != null);
        acknowledged.forEach((id, text) -> assertThat(stored.get(id)).as("acknowledged reply " + id + " is in the thread").isEqualTo(text));
        storedBeforeTheFault.forEach(text -> assertThat(copies).as("a reply stored before its answer was lost").containsEntry(text, 1));
        copies.forEach((text, count) -> assertThat(count).as("stored once: " + text).isEqualTo(1));
    }

    private String threadId() {
        return threadPath.substring(threadPath.lastIndexOf('/') + 1);
    }
}
