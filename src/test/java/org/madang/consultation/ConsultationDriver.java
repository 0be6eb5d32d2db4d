package org.madang.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.madang.testing.Api;
import org.madang.testing.Api.Session;
import org.madang.testing.RoleSessions;
import org.madang.testing.Who;

/** Drives a consultation through the API as the ministry's official and organisation administrator do. */
public final class ConsultationDriver {

    public static final String ARTICLE_1 = "공공기관은 정보공개 청구를 받은 날부터 10일 이내에 공개 여부를 결정하여야 한다.";
    public static final String ARTICLE_2 = "The agency may extend the period once by up to 10 days, giving its reasons in writing.";

    public final Session official;
    public final UUID id;
    public final UUID article1;
    public final UUID article2;

    private ConsultationDriver(Session official, UUID organisation, Instant opensAt, Instant closesAt) {
        this.official = official;
        var created = official.post("/api/consultations", form(organisation, opensAt, closesAt, null));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonObject json = created.json();
        id = UUID.fromString(json.getString("id"));
        article1 = UUID.fromString(json.getJsonArray("articles").getJsonObject(0).getString("id"));
        article2 = UUID.fromString(json.getJsonArray("articles").getJsonObject(1).getString("id"));
    }

    public static String form(UUID organisation, Instant opensAt, Instant closesAt, Integer version) {
        var articles = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("label", "제9조").add("heading", "공개 여부의 결정").add("body", ARTICLE_1))
                .add(Json.createObjectBuilder().add("label", "제10조").add("heading", "Extension").add("body", ARTICLE_2));
        var json = Json.createObjectBuilder().add("organisationId", organisation.toString()).add("kind", "LAW")
                .add("title", "정보공개법 일부개정법률안 입법예고").add("summary", "청구 처리 기간을 **단축**합니다.")
                .add("questions", Json.createArrayBuilder().add("10일이 적절합니까?"))
                .add("opensAt", opensAt.toString()).add("closesAt", closesAt.toString()).add("articles", articles);
        if (version != null) json.add("version", version);
        return json.build().toString();
    }

    /** A draft by the matrix's OFFICIAL for the home ministry. */
    public static ConsultationDriver draft() {
        return new ConsultationDriver(RoleSessions.session(Who.OFFICIAL), RoleSessions.homeOrganisation(),
                Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(41)));
    }

    /** Published with the full legal notice: open for comments for 41 days. */
    public static ConsultationDriver open() {
        var d = draft();
        d.moveOk(RoleSessions.session(Who.ORG_ADMIN), "OPEN", null);
        return d;
    }

    /** Published with a recorded reason for its short notice, closing a few seconds from now. */
    public static ConsultationDriver closingSoon(int seconds) {
        var d = new ConsultationDriver(RoleSessions.session(Who.OFFICIAL), RoleSessions.homeOrganisation(),
                Instant.now().minusSeconds(60), Instant.now().plusSeconds(seconds));
        d.moveOk(RoleSessions.session(Who.ORG_ADMIN), "OPEN", "긴급한 안전 조치 / urgent safety measure");
        return d;
    }

    public String path(String suffix) {
        return "/api/consultations/" + id + suffix;
    }

    public int version() {
        return official.get(path("")).json().getInt("version");
    }

    public String state() {
        return official.get(path("")).json().getString("state");
    }

    public Api.Reply move(Session who, String to, String reason) {
        return who.post(path("/transitions"), Api.json("to", to, "version", version(), "reason", reason));
    }

    public void moveOk(Session who, String to, String reason) {
        var reply = move(who, to, reason);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    /** Waits for the server's closing job to close it (it runs every second). */
    public void awaitClosed() {
        Instant give = Instant.now().plusSeconds(60);
        while (!"CLOSED".equals(state())) {
            if (Instant.now().isAfter(give)) throw new AssertionError("not closed by the server: " + state());
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public UUID comment(Session citizen, String body) {
        var reply = citizen.post(path("/comments"), Api.json("body", body));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return UUID.fromString(reply.json().getString("id"));
    }

    public UUID statement(Session who, String text) {
        var reply = who.post(path("/statements"), Api.json("text", text));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return UUID.fromString(reply.json().getString("id"));
    }
}
