package org.madang.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;
import org.madang.testing.Api;
import org.madang.testing.Api.Reply;
import org.madang.testing.Api.Session;

/** Files and moves disclosure requests through the API for the tests. */
final class DisclosureDriver {

    private DisclosureDriver() {
    }

    static String requestBody(UUID agencyId, boolean stayPrivate) {
        return Api.json("agencyId", agencyId.toString(), "subject", "2025년 업무추진비 집행내역",
                "description", "기관장 업무추진비 집행내역 전부(일자, 금액, 장소)", "preferredForm", "ELECTRONIC_FILE",
                "stayPrivate", stayPrivate);
    }

    /** Files a request and returns its reference. */
    static String file(Session citizen, UUID agencyId, boolean stayPrivate) {
        var filed = citizen.post("/api/disclosure/requests", requestBody(agencyId, stayPrivate));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        return filed.json().getString("reference");
    }

    static String path(String reference, String suffix) {
        return "/api/disclosure/requests/" + reference + suffix;
    }

    static Reply ok(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply;
    }

    static String decided(Session citizen, Session official, UUID agencyId) {
        String reference = file(citizen, agencyId, false);
        ok(official.post(path(reference, "/decision"), Api.json("decision", "NOT_DISCLOSED", "ground", "ITEM_5",
                "reason", "내부검토 중인 사항", "redactions", null)));
        return reference;
    }

    /** A public request decided PARTLY_DISCLOSED (ground item 7), to which documents may be attached. */
    static String partlyDisclosed(Session citizen, Session official, UUID agencyId) {
        String reference = file(citizen, agencyId, false);
        ok(official.post(path(reference, "/decision"), Api.json("decision", "PARTLY_DISCLOSED", "ground", "ITEM_7",
                "reason", "계약 단가는 영업상 비밀", "redactions", "제4조(계약 단가)")));
        return reference;
    }

    /** A public request on which the official has asked the requester to clarify. */
    static String awaitingClarification(Session citizen, Session official, UUID agencyId) {
        String reference = file(citizen, agencyId, false);
        ok(official.post(path(reference, "/clarification"), Api.json("question", "청구 대상 기간을 특정해 주십시오.")));
        return reference;
    }

    private static final Pattern THIRD_PARTY_TOKEN = Pattern.compile("third-party\\.html#token=([A-Za-z0-9_-]+)");

    /** The secret in the link of a third party's notice mail. */
    static String thirdPartyToken(String mail) {
        var found = THIRD_PARTY_TOKEN.matcher(mail);
        assertThat(found.find()).as(mail).isTrue();
        return found.group(1);
    }

    static String documentBody(String title, String text) {
        return Api.json("title", title, "mediaType", "text/markdown", "text", text);
    }

    static String objected(Session citizen, Session official, UUID agencyId) {
        String reference = decided(citizen, official, agencyId);
        ok(citizen.post(path(reference, "/objection"), Api.json("text", "검토가 끝났으므로 공개해야 합니다.")));
        return reference;
    }

    /** The deadline of one kind in a request view. */
    static JsonObject deadline(JsonObject request, String kind) {
        return request.getJsonArray("deadlines").stream().map(JsonObject.class::cast)
                .filter(d -> d.getString("kind").equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " deadline in " + request));
    }

    static LocalDate lastDay(JsonObject request, String kind) {
        return LocalDate.parse(deadline(request, kind).getString("lastDay"));
    }
}
