package org.madang.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.madang.testing.Api.Session;
import org.madang.testing.MadangServer;
import org.madang.testing.People;
import org.madang.testing.RoleSessions;
import org.madang.testing.Who;

/** Answering polls over HTTP: one response per person under concurrency, and results that stay hidden. */
class PollIT {

    private static final ExecutorService POOL = Executors.newFixedThreadPool(32);

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    private static Session moderator() {
        return RoleSessions.session(Who.MODERATOR);
    }

    /** Sends all requests at once (as far as 32 threads go) and counts the statuses. */
    private static Map<Integer, Integer> concurrently(int n, Function<Integer, Integer> request) throws Exception {
        var statuses = new ConcurrentHashMap<Integer, Integer>();
        var start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            done.add(POOL.submit(() -> {
                start.await();
                statuses.merge(request.apply(index), 1, Integer::sum);
                return null;
            }));
        }
        start.countDown();
        for (var f : done) f.get();
        return statuses;
    }

    /**
     * 200 simultaneous answers by one person leave exactly one response. Without changes allowed, one succeeds and
     * the rest are refused as 409 (already answered) or 429 (the per-account response limit); never a 500.
     */
    @Test
    void twoHundredConcurrentAnswersOfOnePersonLeaveOneResponse() throws Exception {
        var citizen = People.citizen().session();
        String fixed = PollDriver.create(moderator(), PollDriver.form("SINGLE", "LIVE", false, Instant.now().plusSeconds(3600), null));
        var statuses = concurrently(200, i -> citizen.put(fixed + "/response", PollDriver.answer(i % 3)).status());
        assertThat(statuses.keySet()).as(statuses.toString()).isSubsetOf(200, 409, 429);
        assertThat(statuses.get(200)).as(statuses.toString()).isEqualTo(1);
        assertThat(citizen.get(fixed + "/results").json().getInt("respondents")).isEqualTo(1);

        // another person: the first one used up their per-minute response allowance above
        var changer = People.citizen().session();
        String changeable = PollDriver.create(moderator(), PollDriver.form("SINGLE", "LIVE", true, Instant.now().plusSeconds(3600), null));
        var changes = concurrently(200, i -> changer.put(changeable + "/response", PollDriver.answer(i % 3)).status());
        assertThat(changes.keySet()).as(changes.toString()).isSubsetOf(200, 429);
        assertThat(changes.get(200)).as(changes.toString()).isGreaterThanOrEqualTo(1);
        var results = changer.get(changeable + "/results").json();
        assertThat(results.getInt("respondents")).isEqualTo(1);
        int mine = changer.get(changeable + "/response").json().getJsonArray("choices").getInt(0);
        assertThat(results.getJsonArray("counts").getJsonObject(mine).getInt("count")).isEqualTo(1);
    }

    /** 200 different people answering at once all count. The accounts are copied in SQL; sign-in and answers go over HTTP. */
    @Test
    void twoHundredPeopleAnsweringAtOnceAllCount() throws Exception {
        List<String> emails = new ArrayList<>();
        String passwordHash = cheapHash(People.PASSWORD);
        try (var db = MadangServer.get().connect();
             var insert = db.prepareStatement("INSERT INTO account (id, email, password_hash, display_name, locale, identity_level,"
                     + " email_verified_at, created_at) VALUES (?, ?, ?, ?, 'ko', 'REGISTERED', ?, ?)")) {
            for (int i = 0; i < 200; i++) {
                String email = People.uniqueEmail("respondent");
                emails.add(email);
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, email);
                insert.setString(3, passwordHash);
                insert.setString(4, "응답자 " + i);
                insert.setTimestamp(5, Timestamp.from(Instant.now()));
                insert.setTimestamp(6, Timestamp.from(Instant.now()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        // Signed in two at a time, retried: every sign-in appends to the audit chain, whose head is one locked row,
        // and on a busy machine H2 gives up waiting for it after two seconds (a platform limit, not the poll's).
        List<Session> sessions = new ArrayList<>(java.util.Collections.nCopies(200, null));
        var signIns = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int index = i;
                done.add(signIns.submit(() -> sessions.set(index, signInRetrying(emails.get(index)))));
            }
            for (var f : done) f.get();
        } finally {
            signIns.shutdownNow();
        }
        String poll = PollDriver.create(moderator(), PollDriver.form("SINGLE", "LIVE", false, Instant.now().plusSeconds(3600), null));
        var statuses = concurrently(200, i -> sessions.get(i).put(poll + "/response", PollDriver.answer(i % 3)).status());
        assertThat(statuses).isEqualTo(Map.of(200, 200));
        var results = moderator().get(poll + "/results").json();
        assertThat(results.getInt("respondents")).isEqualTo(200);
        assertThat(results.getJsonArray("counts").getJsonObject(0).getInt("count")).isEqualTo(67);
        assertThat(results.getJsonArray("counts").getJsonObject(1).getInt("count")).isEqualTo(67);
        assertThat(results.getJsonArray("counts").getJsonObject(2).getInt("count")).isEqualTo(66);
    }

    @Test
    void breakdownsUseOnlyWhatIsSharedUnderTheLedgersConsentAndForgetItOnWithdrawal() {
        // multiple choice: one "respondents" column, so five of each gender (k = 5) publish every cell
        String poll = PollDriver.create(moderator(), PollDriver.form("MULTIPLE", "LIVE", false, Instant.now().plusSeconds(3600), null));
        List<Session> women = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            var citizen = People.citizen().session();
            String gender = i < 5 ? "FEMALE" : "MALE";
            var shared = citizen.put("/api/polls/attributes", "{\"birthYear\":1990,\"gender\":\"" + gender + "\",\"shareDistrict\":false}");
            assertThat(shared.status()).as(shared.toString()).isEqualTo(200);
            assertThat(citizen.get("/api/privacy/me/consents/POLL_DEMOGRAPHICS").json().getBoolean("granted"))
                    .as("sharing is recorded in the consent ledger").isTrue();
            assertThat(citizen.put(poll + "/response", PollDriver.answer(0)).status()).isEqualTo(200);
            if (i < 5) women.add(citizen);
        }
        assertThat(genderRows(poll)).isEqualTo(Map.of("FEMALE", 5, "MALE", 5));

        var withdrawn = women.get(0).delete("/api/privacy/me/consents/POLL_DEMOGRAPHICS");
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        var attributes = women.get(0).get("/api/polls/attributes").json();
        assertThat(attributes.containsKey("gender") && !attributes.isNull("gender")).as("what was shared is gone").isFalse();
        assertThat(genderRows(poll)).as("four women is below k: their row is suppressed, and so is the one that would reveal it")
                .doesNotContainKey("FEMALE").doesNotContainKey("MALE");

        // sharing nothing on the poll form withdraws too
        assertThat(women.get(1).put("/api/polls/attributes", "{\"shareDistrict\":false}").status()).isEqualTo(200);
        assertThat(women.get(1).get("/api/privacy/me/consents/POLL_DEMOGRAPHICS").json().getBoolean("granted")).isFalse();
    }

    /** The published row totals of the gender breakdown (suppressed rows left out). */
    private static Map<String, Integer> genderRows(String poll) {
        var breakdown = moderator().get(poll + "/results").json().getJsonArray("breakdowns").stream().map(v -> v.asJsonObject())
                .filter(b -> b.getString("dimension").equals("gender")).findFirst().orElseThrow();
        Map<String, Integer> rows = new java.util.TreeMap<>();
        var categories = breakdown.getJsonArray("categories");
        var totals = breakdown.getJsonArray("rowTotals");
        for (int i = 0; i < categories.size(); i++) {
            if (!totals.isNull(i)) rows.put(categories.getString(i), totals.getInt(i));
        }
        return rows;
    }

    private static Session signInRetrying(String email) {
        for (int attempt = 1; ; attempt++) {
            try {
                return People.signIn(email, People.PASSWORD, null);
            } catch (AssertionError refused) {
                if (attempt == 3) throw refused;
            }
        }
    }

    /**
     * An Argon2id hash in the platform's format with the smallest cost: the server verifies with the parameters the
     * hash names, so these test accounts sign in fast (real accounts keep the real cost).
     */
    private static String cheapHash(String password) {
        byte[] salt = new byte[16];
        new java.security.SecureRandom().nextBytes(salt);
        var generator = new org.bouncycastle.crypto.generators.Argon2BytesGenerator();
        generator.init(new org.bouncycastle.crypto.params.Argon2Parameters.Builder(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
                .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(8).withIterations(1).withParallelism(1).withSalt(salt).build());
        byte[] hash = new byte[32];
        generator.generateBytes(password.getBytes(java.nio.charset.StandardCharsets.UTF_8), hash);
        var b64 = java.util.Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=8,t=1,p=1$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** Before closing, an AFTER_CLOSE poll's results are refused by every endpoint and appear in no listing. */
    @Test
    void resultsHiddenUntilCloseLeakNowhere() throws Exception {
        Instant closes = Instant.now().plusSeconds(6);
        String poll = PollDriver.create(moderator(), PollDriver.form("SINGLE", "AFTER_CLOSE", false, closes, null));
        var voter = People.citizen().session();
        assertThat(voter.put(poll + "/response", PollDriver.answer(2)).status()).isEqualTo(200);
        String id = poll.substring(poll.lastIndexOf('/') + 1);
        for (var viewer : List.of(Session.anonymous(), voter, moderator())) {
            for (String suffix : List.of("/results", "/results?download=true", "/results.csv", "/results.svg", "/widget", "/results.svg?lang=en")) {
                var reply = viewer.get(poll + suffix);
                assertThat(reply.status()).as(suffix + " " + reply).isEqualTo(403);
                assertThat(reply.isProblem()).isTrue();
                assertThat(reply.body()).doesNotContain("count").doesNotContain("respondents").doesNotContain("Car park");
            }
            var detail = viewer.get(poll);
            assertThat(detail.status()).isEqualTo(200);
            assertThat(detail.json().getBoolean("resultsVisible")).isFalse();
            assertThat(detail.body()).doesNotContain("count").doesNotContain("respondents");
            var list = viewer.get("/api/polls?size=100");
            assertThat(list.body()).contains(id).doesNotContain("count").doesNotContain("respondents");
        }
        Thread.sleep(Math.max(0, closes.toEpochMilli() - System.currentTimeMillis()) + 500);
        var after = Session.anonymous().get(poll + "/results");
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.json().getJsonArray("counts").getJsonObject(2).getInt("count")).isEqualTo(1);
        assertThat(Session.anonymous().get(poll + "/results.csv").body()).contains("\"Car park\",1");
        assertThat(Session.anonymous().get(poll + "/results.svg").body()).contains("role=\"img\"").contains("<title");
        var widget = Session.anonymous().get(poll + "/widget");
        assertThat(widget.header("Content-Security-Policy").orElseThrow()).contains("frame-ancestors *");
        assertThat(Session.anonymous().get(poll).header("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'none'");
        assertThat(voter.put(poll + "/response", PollDriver.answer(1)).status()).isEqualTo(409);
    }

    /** AFTER_VOTING shows results to those who answered; visibility can be tightened and never loosened. */
    @Test
    void visibilityOnlyTightens() {
        String poll = PollDriver.create(moderator(), PollDriver.form("RATING", "AFTER_VOTING", true, Instant.now().plusSeconds(3600), null));
        var voter = People.citizen().session();
        assertThat(voter.get(poll + "/results").status()).isEqualTo(403);
        assertThat(voter.put(poll + "/response", PollDriver.answer(4)).status()).isEqualTo(200);
        assertThat(voter.get(poll + "/results").json().getJsonNumber("mean").doubleValue()).isEqualTo(4.0);
        assertThat(Session.anonymous().get(poll + "/results").status()).isEqualTo(403);
        var loosen = moderator().put(poll + "/visibility", "{\"visibility\":\"LIVE\"}");
        assertThat(loosen.status()).as(loosen.toString()).isEqualTo(409);
        assertThat(Session.anonymous().get(poll + "/results").status()).isEqualTo(403);
        assertThat(moderator().put(poll + "/visibility", "{\"visibility\":\"AFTER_CLOSE\"}").status()).isEqualTo(200);
        assertThat(voter.get(poll + "/results").status()).isEqualTo(403);
    }

    private static long pollCount() throws Exception {
        try (var db = MadangServer.get().connect(); var count = db.prepareStatement("SELECT COUNT(*) FROM poll")) {
            var rs = count.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Bad input is a 4xx problem and writes nothing. */
    @Test
    void badInputIsRefusedWithoutWriting() throws Exception {
        var citizen = People.citizen().session();
        String poll = PollDriver.create(moderator(), PollDriver.form("MULTIPLE", "LIVE", true, Instant.now().plusSeconds(3600), null));
        for (String body : List.of(PollDriver.answer(0, 1, 2), PollDriver.answer(7), PollDriver.answer(0, 0), PollDriver.answer(-1),
                "{\"choices\":[]}", "{\"choices\":null}", "{\"choices\":[\"x\"]}", "{", "[]", "{\"choices\":[" + "1,".repeat(30) + "1]}")) {
            var reply = citizen.put(poll + "/response", body);
            assertThat(reply.status()).as(body + " " + reply).isBetween(400, 499);
            assertThat(reply.isProblem()).as(reply.toString()).isTrue();
        }
        assertThat(citizen.get(poll + "/response").status()).isEqualTo(404);
        assertThat(citizen.get(poll + "/results").json().getInt("respondents")).isZero();
        long before = pollCount();
        for (String form : List.of(
                PollDriver.form("SINGLE", "LIVE", true, Instant.now().minusSeconds(10), null),
                PollDriver.form("MULTIPLE", "SOMETIMES", true, Instant.now().plusSeconds(60), null),
                PollDriver.form("SINGLE", "LIVE", true, Instant.now().plusSeconds(60), null).replace("\"k\":5", "\"k\":2"),
                PollDriver.form("RATING", "LIVE", true, Instant.now().plusSeconds(60), null).replace("\"maxChoices\":5", "\"maxChoices\":11"),
                PollDriver.form("SINGLE", "LIVE", true, Instant.now().plusSeconds(60), UUID.randomUUID()))) {
            var reply = moderator().post("/api/polls", form);
            assertThat(reply.status()).as(form + " " + reply).isBetween(400, 499);
            assertThat(reply.isProblem()).isTrue();
        }
        var reply = citizen.post("/api/polls", PollDriver.form("SINGLE", "LIVE", true, Instant.now().plusSeconds(60), RoleSessions.homeOrganisation()));
        assertThat(reply.status()).isEqualTo(403);
        assertThat(pollCount()).isEqualTo(before);
    }
}
