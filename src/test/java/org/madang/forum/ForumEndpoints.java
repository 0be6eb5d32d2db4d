package org.madang.forum;

import static org.madang.testing.Who.ADMIN;
import static org.madang.testing.Who.MODERATOR;
import static org.madang.testing.Who.OFFICIAL;
import static org.madang.testing.Who.ORG_ADMIN;

import java.util.List;
import java.util.UUID;
import org.madang.testing.Api;
import org.madang.testing.People;
import org.madang.testing.RoleMatrix;
import org.madang.testing.RoleMatrix.Call;
import org.madang.testing.RoleMatrix.Endpoint;
import org.madang.testing.RoleSessions;
import org.madang.testing.Who;

/**
 * Who may call which forum and moderation endpoint. Fixtures: a topic forum with a thread and two replies written by
 * a citizen who plays no role in the matrix (so editing, deleting and attaching are refused to every caller), one
 * reply for reactions and one for flags, and a PNG attachment.
 */
public class ForumEndpoints implements RoleMatrix.Table {

    record Fixture(String forumId, String threadId, String reactionPostId, String flagPostId, String attachmentId) {
    }

    private static Fixture fixture;

    static synchronized Fixture fixture() {
        if (fixture == null) {
            var author = People.citizen().session();
            String forumId = ForumDriver.topicForum(false);
            String threadId = ForumDriver.thread(author, forumId, "행렬 토론", ForumDriver.unique("행렬 시험 글")).getString("id");
            String reactionPostId = ForumDriver.reply(author, threadId, ForumDriver.unique("공감 시험")).getString("id");
            String flagPostId = ForumDriver.reply(author, threadId, ForumDriver.unique("신고 시험")).getString("id");
            var attached = ForumDriver.attach(author, reactionPostId, ForumDriver.PNG, "image/png", "pixel.png");
            if (attached.status() != 201) throw new IllegalStateException(attached.toString());
            fixture = new Fixture(forumId, threadId, reactionPostId, flagPostId, attached.json().getString("id"));
        }
        return fixture;
    }

    private static String forumBody(Who who) {
        boolean organisation = who == OFFICIAL || who == ORG_ADMIN;
        return Api.json("titleKo", "행렬 토론방", "titleEn", "Matrix forum", "description", "",
                "organisationId", organisation ? RoleSessions.homeOrganisation().toString() : null,
                "stanceRequired", false, "residentsOnly", false);
    }

    @Override
    public List<Endpoint> endpoints() {
        String nobody = UUID.randomUUID().toString();
        return List.of(
                Endpoint.of("GET", "/api/forums").permitAll(),
                Endpoint.of("POST", "/api/forums").call(who -> Call.of("/api/forums", forumBody(who)))
                        .allow(ADMIN, OFFICIAL, ORG_ADMIN).expect(201, ADMIN, OFFICIAL, ORG_ADMIN),
                Endpoint.of("GET", "/api/forums/{forumId}").call(who -> Call.of("/api/forums/" + fixture().forumId())).permitAll(),
                Endpoint.of("GET", "/api/forums/{forumId}/threads")
                        .call(who -> Call.of("/api/forums/" + fixture().forumId() + "/threads?sort=MOST_AGREED&limit=5")).permitAll(),
                Endpoint.of("POST", "/api/forums/{forumId}/threads")
                        .call(who -> Call.of("/api/forums/" + fixture().forumId() + "/threads",
                                Api.json("title", "행렬 " + who, "body", ForumDriver.unique("행렬 글"), "stance", "FOR")))
                        .signedIn().expect(201, Who.SIGNED_IN),
                Endpoint.of("GET", "/api/forums/threads/{threadId}").call(who -> Call.of("/api/forums/threads/" + fixture().threadId())).permitAll(),
                Endpoint.of("GET", "/api/forums/threads/{threadId}/replies")
                        .call(who -> Call.of("/api/forums/threads/" + fixture().threadId() + "/replies")).permitAll(),
                Endpoint.of("PUT", "/api/forums/threads/{threadId}/follow")
                        .call(who -> Call.of("/api/forums/threads/" + fixture().threadId() + "/follow")).signedIn().expect(204, Who.SIGNED_IN),
                Endpoint.of("DELETE", "/api/forums/threads/{threadId}/follow")
                        .call(who -> Call.of("/api/forums/threads/" + fixture().threadId() + "/follow")).signedIn().expect(204, Who.SIGNED_IN),
                Endpoint.of("GET", "/api/forums/posts/{postId}").call(who -> Call.of("/api/forums/posts/" + fixture().reactionPostId())).permitAll(),
                Endpoint.of("POST", "/api/forums/posts/{postId}/replies")
                        .call(who -> Call.of("/api/forums/posts/" + fixture().threadId() + "/replies",
                                Api.json("body", ForumDriver.unique("행렬 답글"), "stance", "AGAINST")))
                        .signedIn().expect(201, Who.SIGNED_IN),
                // only the author edits, deletes and attaches: the author plays no role here, so everyone is refused
                Endpoint.of("PUT", "/api/forums/posts/{postId}")
                        .call(who -> Call.of("/api/forums/posts/" + fixture().reactionPostId(), Api.json("body", "바꿈", "version", 0)))
                        .signedIn().expect(403, Who.SIGNED_IN),
                Endpoint.of("DELETE", "/api/forums/posts/{postId}").call(who -> Call.of("/api/forums/posts/" + fixture().reactionPostId()))
                        .signedIn().expect(403, Who.SIGNED_IN),
                Endpoint.of("POST", "/api/forums/posts/{postId}/attachments")
                        .call(who -> Call.of("/api/forums/posts/" + fixture().reactionPostId() + "/attachments?name=a.png", "GIF89a")
                                .withHeader("Content-Type", "image/gif"))
                        .signedIn().expect(403, Who.SIGNED_IN),
                Endpoint.of("GET", "/api/forums/posts/{postId}/revisions")
                        .call(who -> Call.of("/api/forums/posts/" + fixture().reactionPostId() + "/revisions")).permitAll(),
                Endpoint.of("PUT", "/api/forums/posts/{postId}/reaction")
                        .call(who -> Call.of("/api/forums/posts/" + fixture().reactionPostId() + "/reaction", Api.json("reaction", "AGREE")))
                        .signedIn().expect(200, Who.SIGNED_IN),
                Endpoint.of("DELETE", "/api/forums/posts/{postId}/reaction")
                        .call(who -> Call.of("/api/forums/posts/" + fixture().reactionPostId() + "/reaction"))
                        .signedIn().expect(200, Who.SIGNED_IN),
                // the third flag hides the post; later flaggers (not moderators) no longer see it: 404
                Endpoint.of("POST", "/api/forums/posts/{postId}/flags")
                        .call(who -> Call.of("/api/forums/posts/" + fixture().flagPostId() + "/flags", Api.json("reason", "SPAM", "note", "matrix")))
                        .signedIn(),
                Endpoint.of("GET", "/api/forums/attachments/{attachmentId}")
                        .call(who -> Call.of("/api/forums/attachments/" + fixture().attachmentId())).permitAll().expect(200, Who.values()),
                Endpoint.of("GET", "/api/forums/search").call(who -> Call.of("/api/forums/search?q=%EA%B5%90%EC%9C%A1&forum="
                        + fixture().forumId())).permitAll().expect(200, Who.values()),
                Endpoint.of("GET", "/api/forums/digest").signedIn().expect(200, Who.SIGNED_IN),
                Endpoint.of("PUT", "/api/forums/digest").body(() -> Api.json("mode", "IMMEDIATE")).signedIn().expect(200, Who.SIGNED_IN),
                Endpoint.of("POST", "/api/forums/digests/daily").allow(ADMIN).expect(200, ADMIN),
                Endpoint.of("GET", "/api/moderation/queue").allow(MODERATOR).expect(200, MODERATOR),
                Endpoint.of("POST", "/api/moderation/cases/{caseId}/decisions")
                        .call(who -> Call.of("/api/moderation/cases/" + nobody + "/decisions",
                                Api.json("outcome", "KEEP", "rule", "MATRIX", "reason", "matrix")))
                        .allow(MODERATOR).expect(404, MODERATOR),
                Endpoint.of("GET", "/api/moderation/decisions/mine").signedIn().expect(200, Who.SIGNED_IN),
                Endpoint.of("POST", "/api/moderation/decisions/{decisionId}/appeal")
                        .call(who -> Call.of("/api/moderation/decisions/" + nobody + "/appeal", Api.json("text", "please")))
                        .signedIn().expect(404, Who.SIGNED_IN),
                Endpoint.of("GET", "/api/moderation/appeals").allow(MODERATOR).expect(200, MODERATOR),
                Endpoint.of("POST", "/api/moderation/decisions/{decisionId}/appeal/decision")
                        .call(who -> Call.of("/api/moderation/decisions/" + nobody + "/appeal/decision",
                                Api.json("outcome", "UPHELD", "reason", "matrix")))
                        .allow(MODERATOR).expect(404, MODERATOR),
                Endpoint.of("GET", "/api/moderation/log").permitAll().expect(200, Who.values()),
                Endpoint.of("GET", "/api/moderation/flag-reasons").permitAll().expect(200, Who.values()));
    }
}
