package org.madang.bench;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.madang.testing.Api;
import org.madang.testing.Api.Session;
import org.madang.testing.MadangServer;
import org.madang.testing.People;

/**
 * Load driver for the public disclosure dashboard: starts Madang (PostgreSQL by default) as the integration tests do,
 * writes REQUESTS disclosure requests for AGENCIES agencies straight into the database (three years of receipts;
 * most decided in time, some extended, some late, deemed refusals, open requests), then times
 * {@code GET /api/disclosure/statistics} ROUNDS times, each after a new request (so the figures are computed afresh),
 * and prints each time, the median, and the time to serve unchanged figures.
 *
 * <pre>mvn -Pbench -P '!webapp' test-compile exec:exec -Dbench.main=org.madang.bench.DisclosureDashboardLoad -Dbench.args="postgres 1000000 40 5"</pre>
 * (database, requests, agencies, rounds)
 */
public final class DisclosureDashboardLoad {

    private static final int BATCH = 10_000;

    private static long timeStatistics() {
        long before = System.nanoTime();
        var reply = Session.anonymous().get("/api/disclosure/statistics");
        long took = System.nanoTime() - before;
        if (reply.status() != 200) throw new IllegalStateException(reply.toString());
        return took;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1) args = args[0].trim().split("\\s+"); // exec:exec passes bench.args as one argument
        String db = args.length > 0 ? args[0] : "postgres";
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int agencyCount = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        System.setProperty("madang.it.db", db);

        List<UUID> agencies = new ArrayList<>();
        for (int i = 0; i < agencyCount; i++) agencies.add(People.ministry());
        UUID requester = People.citizen().id();
        long writeStart = System.nanoTime();
        write(requests, agencies, requester);
        System.out.printf("%d disclosure requests for %d agencies written on %s in %.1f s%n", requests, agencyCount, db,
                (System.nanoTime() - writeStart) / 1e9);
        try (var connection = MadangServer.get().connect(); var analyse = connection.createStatement()) {
            if (db.equals("postgres")) analyse.execute("ANALYZE disclosure_request");
        }

        // each round follows a new request through the API, so the server computes the figures afresh
        var citizen = People.citizen().session();
        long[] times = new long[rounds];
        for (int round = 0; round < rounds; round++) {
            var filed = citizen.post("/api/disclosure/requests", Api.json("agencyId", agencies.get(round % agencyCount).toString(),
                    "subject", "회의록 " + round, "description", "2026년 회의록 전부", "preferredForm", "VIEW", "stayPrivate", false));
            if (filed.status() != 201) throw new IllegalStateException(filed.toString());
            times[round] = timeStatistics();
            System.out.printf("round %d: %.0f ms%n", round + 1, times[round] / 1e6);
        }
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        long reused = timeStatistics();
        System.out.printf("DISCLOSURE DASHBOARD %s: %d requests, %d agencies; computed in %.0f ms the first time, median of %d rounds %.0f ms, max %.0f ms; unchanged figures served again in %.1f ms%n",
                db, requests, agencyCount, times[0] / 1e6, rounds, sorted[rounds / 2] / 1e6, sorted[rounds - 1] / 1e6, reused / 1e6);
        System.exit(0);
    }

    /**
     * 88% decided within 10 days, 6% extended and decided within 20, 3% decided late, 1% deemed refusals, 2% open
     * (receipts spread over three years, so most open ones are long overdue).
     */
    private static void write(int count, List<UUID> agencies, UUID requester) throws Exception {
        var random = new SplittableRandom(20261129);
        String[] decisions = {"DISCLOSED", "DISCLOSED", "DISCLOSED", "PARTLY_DISCLOSED", "NOT_DISCLOSED", "NOT_HELD"};
        Instant now = Instant.now();
        long span = Duration.ofDays(3 * 365).toSeconds();
        try (var connection = MadangServer.get().connect();
             var insert = connection.prepareStatement("""
                     INSERT INTO disclosure_request (id, reference, requester_id, agency_id, subject, description,
                         preferred_form, private_request, status, received_at, extended_at, extension_reason, decided_at,
                         decision, exemption_ground, deemed_refusal, version)
                     VALUES (?, ?, ?, ?, ?, ?, 'ELECTRONIC_FILE', FALSE, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                Instant received = now.minusSeconds(random.nextLong(span));
                int kind = random.nextInt(100);
                String status = "DECIDED", decision = null, ground = null;
                Instant extended = null, decided = null;
                boolean deemed = false;
                if (kind < 88) {
                    decided = received.plusSeconds(random.nextLong(Duration.ofDays(10).toSeconds()));
                } else if (kind < 94) {
                    extended = received.plus(Duration.ofDays(8));
                    decided = received.plusSeconds(Duration.ofDays(10).toSeconds() + random.nextLong(Duration.ofDays(10).toSeconds()));
                } else if (kind < 97) {
                    decided = received.plusSeconds(Duration.ofDays(25).toSeconds() + random.nextLong(Duration.ofDays(20).toSeconds()));
                } else if (kind < 98) {
                    status = "DEEMED_REFUSED";
                    deemed = true;
                    decided = received.plus(Duration.ofDays(11));
                } else {
                    status = "RECEIVED";
                }
                if (decided != null && !deemed) {
                    decision = decisions[random.nextInt(decisions.length)];
                    if (decision.equals("NOT_DISCLOSED")) ground = "ITEM_" + (1 + random.nextInt(8));
                }
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, "L-%08d".formatted(i));
                insert.setObject(3, requester);
                insert.setObject(4, agencies.get(random.nextInt(agencies.size())));
                insert.setString(5, "업무추진비 집행내역 " + i);
                insert.setString(6, "기관장 업무추진비 집행내역 전부(일자, 금액, 장소)");
                insert.setString(7, status);
                insert.setTimestamp(8, Timestamp.from(received));
                insert.setTimestamp(9, extended == null ? null : Timestamp.from(extended));
                insert.setString(10, extended == null ? null : "자료가 방대함");
                insert.setTimestamp(11, decided == null ? null : Timestamp.from(decided));
                insert.setString(12, decision);
                insert.setString(13, ground);
                insert.setBoolean(14, deemed);
                insert.addBatch();
                if ((i + 1) % BATCH == 0 || i == count - 1) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
        }
    }
}
