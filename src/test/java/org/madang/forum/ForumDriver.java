package org.madang.forum;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;
import org.madang.testing.Api;
import org.madang.testing.Api.Session;
import org.madang.testing.People;
import org.madang.testing.RoleSessions;
import org.madang.testing.Who;

/** Makes forums, threads and replies for the forum tests, through the API. */
final class ForumDriver {

    /** The smallest PNG: signature and a one-pixel image. */
    static final byte[] PNG = java.util.HexFormat.of().parseHex(
            "89504e470d0a1a0a0000000d4948445200000001000000010806000000" + "1f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4ea0000000049454e44ae426082");

    private ForumDriver() {
    }

    /** A topic forum made by the administrator. */
    static String topicForum(boolean stanceRequired) {
        var created = RoleSessions.session(Who.ADMIN).post("/api/forums", Api.json("titleKo", "시험 토론방 " + UUID.randomUUID(),
                "titleEn", "Test forum", "description", "for tests", "stanceRequired", stanceRequired, "residentsOnly", false));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().getString("id");
    }

    static JsonObject thread(Session author, String forumId, String title, String body) {
        var created = author.post("/api/forums/" + forumId + "/threads", Api.json("title", title, "body", body, "stance", "NEUTRAL"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    static JsonObject reply(Session author, String postId, String body) {
        var created = author.post("/api/forums/posts/" + postId + "/replies", Api.json("body", body, "stance", "FOR"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    static Api.Reply attach(Session author, String postId, byte[] bytes, String claimedType, String name) {
        return author.sendRaw("POST", "/api/forums/posts/" + postId + "/attachments?name=" + name,
                HttpRequest.BodyPublishers.ofByteArray(bytes), claimedType, Map.of());
    }

    static String unique(String text) {
        return text + " " + UUID.randomUUID();
    }

    static People.Person citizen() {
        return People.citizen();
    }

    /** JSON-B leaves null fields out of the response: absent or null. */
    static boolean absent(JsonObject o, String name) {
        return !o.containsKey(name) || o.isNull(name);
    }
}
