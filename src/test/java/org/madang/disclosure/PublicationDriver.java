package org.madang.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;
import org.madang.testing.Api;
import org.madang.testing.Api.Reply;
import org.madang.testing.Api.Session;

/** Publishes documents in the catalogue through the API for the tests. */
final class PublicationDriver {

    private PublicationDriver() {
    }

    static String body(UUID agencyId, String kind, String titleKo, String titleEn, String category, String language,
                       String description, String publishedOn) {
        return Api.json("agencyId", agencyId == null ? null : agencyId.toString(), "kind", kind, "titleKo", titleKo,
                "titleEn", titleEn, "category", category, "publishedOn", publishedOn, "legalBasis", "공공기관의 정보공개에 관한 법률 제7조",
                "language", language, "licence", "KOGL_1", "description", description, "note", "최초 공표");
    }

    static String body(UUID agencyId) {
        return body(agencyId, "REPORT", "행렬 시험 보고서", "Matrix test report", "ADMINISTRATION", "ko", "역할 행렬 시험용 공표 자료입니다.", null);
    }

    /** Publishes and returns the publication. */
    static JsonObject publish(Session official, String body) {
        var published = official.post("/api/publications", body);
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        return published.json();
    }

    static Reply upload(Session official, String publicationId, byte[] bytes, String claimedType, String name) {
        return official.sendRaw("POST", "/api/publications/" + publicationId + "/files?name=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"),
                HttpRequest.BodyPublishers.ofByteArray(bytes), claimedType, Map.of());
    }
}
