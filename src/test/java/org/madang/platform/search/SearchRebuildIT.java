package org.madang.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.madang.testing.Api.Session;
import org.madang.testing.People;
import org.madang.testing.RoleSessions;
import org.madang.testing.Who;

/** The administrators' rebuild of the search index, against the real bundle (so Lucene and Nori load in Payara). */
class SearchRebuildIT {

    @Test
    void anAdministratorRebuildsEveryKindAndTheRebuildIsAudited() {
        var admin = People.admin().session();
        var reply = admin.post("/api/admin/search/rebuild");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonObject body = reply.json();
        var kinds = body.getJsonObject("kinds");
        int sum = kinds.values().stream().mapToInt(count -> ((JsonNumber) count).intValue()).sum();
        assertThat(body.getInt("indexed")).isEqualTo(sum);
        // the platform has no searchable documents of its own: without features' sources there is nothing to index
        if (kinds.isEmpty()) assertThat(body.getInt("indexed")).isZero();

        var audit = admin.get("/api/audit?limit=20").json().getJsonArray("items");
        assertThat(audit.getValuesAs(JsonObject.class)).anySatisfy(entry -> {
            assertThat(entry.getString("action")).isEqualTo("search.rebuilt");
            assertThat(entry.getString("target")).isEqualTo("search:all");
            assertThat(entry.getString("detail")).isEqualTo("indexed " + sum);
        });
    }

    @Test
    void theIndexIsOpenAndKoreanAnalysisWorksInsideTheServer() {
        var health = Session.anonymous().get("/health/ready");
        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        assertThat(health.json().getJsonArray("checks").getValuesAs(JsonObject.class)).anySatisfy(check -> {
            assertThat(check.getString("name")).isEqualTo("search");
            assertThat(check.getString("status")).isEqualTo("UP");
        });
    }

    @Test
    void anUnknownOrMalformedKindIsRefused() {
        var admin = People.admin().session();
        var unknown = admin.post("/api/admin/search/rebuild?kind=no-such-kind");
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
        for (String kind : new String[] {"Forum", "a%20b", "x".repeat(41), "%3Cscript%3E", "-leading"}) {
            var bad = admin.post("/api/admin/search/rebuild?kind=" + kind);
            assertThat(bad.status()).as(kind + ": " + bad).isEqualTo(400);
            assertThat(bad.isProblem()).isTrue();
        }
    }

    @Test
    void onlyAdministratorsMayRebuild() {
        assertThat(Session.anonymous().post("/api/admin/search/rebuild").status()).isEqualTo(401);
        for (Who who : Who.SIGNED_IN) {
            if (who == Who.ADMIN) continue;
            var reply = RoleSessions.session(who).post("/api/admin/search/rebuild");
            assertThat(reply.status()).as(who + ": " + reply).isEqualTo(403);
        }
    }
}
