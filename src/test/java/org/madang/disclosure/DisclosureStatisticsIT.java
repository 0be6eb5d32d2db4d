package org.madang.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.madang.disclosure.DisclosureDriver.ok;
import static org.madang.disclosure.DisclosureDriver.path;

import jakarta.json.JsonObject;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.madang.testing.Api;
import org.madang.testing.Api.Session;
import org.madang.testing.MadangServer;
import org.madang.testing.People;

/** The public dashboard's figures for one agency, with requests aged in the database to make some of them late. */
class DisclosureStatisticsIT {

    @Test
    void figuresCountDecisionsGroundsDeemedRefusalsAndLateRequests() throws SQLException {
        UUID agency = People.ministry();
        Session official = People.staff("OFFICIAL", agency).session();
        Session citizen = People.citizen().session();

        // the deemed refusal comes first: the sweep refuses every request of the agency still open at that time
        String deemed = DisclosureDriver.file(citizen, agency, false);
        Instant deemedAt = Instant.parse(DisclosureDriver.deadline(ok(citizen.get(path(deemed, ""))).json(), "DECISION").getString("endsAt"));
        var swept = ok(People.admin().session().post("/api/disclosure/deemed-refusals",
                Api.json("at", deemedAt.toString(), "agencyId", agency.toString()))).json();
        assertThat(swept.getInt("count")).isEqualTo(1);

        String refused = DisclosureDriver.file(citizen, agency, false);
        ok(official.post(path(refused, "/decision"), Api.json("decision", "NOT_DISCLOSED", "ground", "ITEM_5", "reason", "검토 중")));
        String disclosed = DisclosureDriver.file(citizen, agency, true);
        ok(official.post(path(disclosed, "/decision"), Api.json("decision", "DISCLOSED")));
        String decidedLate = DisclosureDriver.file(citizen, agency, false);
        ok(official.post(path(decidedLate, "/decision"), Api.json("decision", "DISCLOSED")));
        String stillOpen = DisclosureDriver.file(citizen, agency, false);
        DisclosureDriver.file(citizen, agency, false); // open, in time
        // 30 days between receipt and decision is late whatever the holidays; 40 days open without a decision too
        receivedDaysAgo(decidedLate, 30);
        receivedDaysAgo(stillOpen, 40);
        // received 40 days ago elsewhere, transferred today: the receiving agency's 10 days start now
        UUID firstAgency = People.ministry();
        String transferred = DisclosureDriver.file(citizen, firstAgency, false);
        receivedDaysAgo(transferred, 40);
        ok(People.staff("OFFICIAL", firstAgency).session().post(path(transferred, "/transfer"),
                Api.json("agencyId", agency.toString(), "reason", "소관 기관이 아님")));

        JsonObject figures = figures(agency);
        assertThat(figures.getJsonNumber("requests").longValue()).isEqualTo(7);
        assertThat(figures.getJsonNumber("decided").longValue()).as("decisions, deemed refusals apart").isEqualTo(3);
        assertThat(figures.getJsonNumber("deemedRefusals").longValue()).isEqualTo(1);
        assertThat(figures.getJsonObject("refusalsByGround").getJsonNumber("ITEM_5").longValue()).isEqualTo(1);
        assertThat(figures.getJsonObject("refusalsByGround")).hasSize(1);
        assertThat(figures.getJsonNumber("overdue").longValue()).as("the deemed refusal, the late decision and the request open too long").isEqualTo(3);
        assertThat(figures.getJsonNumber("overdueShare").doubleValue()).isEqualTo(3.0 / 7);
        assertThat(figures.getJsonNumber("medianDaysToDecision").doubleValue()).as("median of 0, 0 and 30 days").isEqualTo(0.0);

        // the figures are kept for reuse, but not past a change
        DisclosureDriver.file(citizen, agency, false);
        assertThat(figures(agency).getJsonNumber("requests").longValue()).isEqualTo(8);
    }

    private static JsonObject figures(UUID agency) {
        return ok(Session.anonymous().get("/api/disclosure/statistics")).array().stream()
                .map(JsonObject.class::cast).filter(s -> s.getString("agencyId").equals(agency.toString()))
                .findFirst().orElseThrow();
    }

    private static void receivedDaysAgo(String reference, int days) throws SQLException {
        try (var connection = MadangServer.get().connect();
             var update = connection.prepareStatement("UPDATE disclosure_request SET received_at = ? WHERE reference = ?")) {
            update.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofDays(days))));
            update.setString(2, reference);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
