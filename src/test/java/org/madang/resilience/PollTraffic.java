package org.madang.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.madang.testing.Api;
import org.madang.testing.Api.Session;
import org.madang.testing.RoleSessions;
import org.madang.testing.Who;

/**
 * Poll traffic for the resilience run: each respondent answers one poll once, option {@code i % 3}. An answer may be
 * sent again after a fault (the poll allows changing an answer, so the same answer again is harmless); afterwards the
 * poll must count exactly one answer per acknowledged respondent, in the right option.
 */
final class PollTraffic {

    private static final int OPTIONS = 3;

    private final String pollPath;
    private final List<Session> respondents;
    private final Map<Integer, Integer> acknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger failedAttempts = new AtomicInteger();
    private final Latencies latencies;

    PollTraffic(List<Session> respondents, Latencies latencies) {
        this.respondents = respondents;
        this.latencies = latencies;
        String form = "{\"kind\":\"SINGLE\",\"questionKo\":\"복원력 시험 설문\",\"questionEn\":\"Resilience poll\",\"options\":["
                + "{\"ko\":\"가\",\"en\":\"A\"},{\"ko\":\"나\",\"en\":\"B\"},{\"ko\":\"다\",\"en\":\"C\"}],"
                + "\"audience\":\"SIGNED_IN\",\"opensAt\":\"" + Instant.now().minusSeconds(60) + "\",\"closesAt\":\""
                + Instant.now().plusSeconds(86_400) + "\",\"allowChange\":true,\"visibility\":\"LIVE\"}";
        var created = RoleSessions.session(Who.MODERATOR).post("/api/polls", form);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        pollPath = "/api/polls/" + created.json().getString("id");
    }

    int acknowledgedCount() { return acknowledged.size(); }
    int failedAttempts() { return failedAttempts.get(); }

    /** Answers for respondents {@code first, first + step, ...}, one every {@code paceMillis}. */
    Void answer(int first, int step, long paceMillis, AtomicBoolean running) throws InterruptedException {
        for (int i = first; i < respondents.size() && running.get(); i += step) {
            // an answer in flight is settled even after the run ends, so that every stored answer is known
            long giveUp = System.currentTimeMillis() + 180_000;
            while (true) {
                assertThat(System.currentTimeMillis()).as("an answer gets through within 3 minutes").isLessThan(giveUp);
                Api.Reply reply;
                try {
                    final int respondent = i;
                    reply = latencies.time("poll answer",
                            () -> respondents.get(respondent).put(pollPath + "/response", "{\"choices\":[" + (respondent % OPTIONS) + "]}"));
                } catch (RuntimeException connectionLost) {
                    reply = null;
                }
                if (reply != null && reply.status() == 200) {
                    acknowledged.put(i, i % OPTIONS);
                    break;
                }
                if (reply != null && reply.status() < 500 && reply.status() != 429) {
                    throw new AssertionError("a fault may fail an answer, never refuse a good one: " + reply);
                }
                failedAttempts.incrementAndGet();
                Thread.sleep(200);
            }
            Thread.sleep(paceMillis);
        }
        return null;
    }

    /** Exactly the acknowledged answers are counted: none lost, none twice. */
    void verify() {
        var results = RoleSessions.session(Who.MODERATOR).get(pollPath + "/results");
        assertThat(results.status()).as(results.toString()).isEqualTo(200);
        assertThat(results.json().getInt("respondents")).as("respondents counted").isEqualTo(acknowledged.size());
        var counts = results.json().getJsonArray("counts").getValuesAs(JsonObject.class);
        for (int option = 0; option < OPTIONS; option++) {
            final int o = option;
            long expected = acknowledged.values().stream().filter(v -> v == o).count();
            assertThat(counts.get(option).getInt("count")).as("answers for option " + option).isEqualTo((int) expected);
        }
    }
}
