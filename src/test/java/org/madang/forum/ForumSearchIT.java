package org.madang.forum;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.madang.testing.Api;
import org.madang.testing.Api.Session;
import org.madang.testing.People;

/** Korean search over threads and replies, kept current on every change, with filters and highlighting. */
class ForumSearchIT {

    private static List<JsonObject> hits(String query) {
        var reply = Session.anonymous().get("/api/forums/search?" + query);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().getJsonArray("hits").stream().map(v -> v.asJsonObject()).toList();
    }

    private static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void koreanMorphologyFindsTheReplyAndHiddenPostsLeaveSearch() {
        var author = People.citizen();
        String forumId = ForumDriver.topicForum(false);
        String otherForum = ForumDriver.topicForum(false);
        String marker = "검색표지" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        String threadId = ForumDriver.thread(author.session(), forumId, "디지털 교과서 " + marker, "토론을 시작합니다.").getString("id");
        String replyId = ForumDriver.reply(author.session(), threadId, "교육부의 새 계획에 대해 " + marker + " 의견을 드립니다.").getString("id");

        var found = hits(q("교육") + "&forum=" + forumId);
        var reply = found.stream().filter(h -> h.getString("postId").equals(replyId)).findFirst().orElseThrow();
        assertThat(reply.getString("kind")).isEqualTo("forum-post");
        assertThat(reply.getString("threadId")).isEqualTo(threadId);
        assertThat(reply.getString("snippetHtml")).contains("<mark>교육</mark>");
        assertThat(hits(q("디지털") + "&forum=" + forumId)).extracting(h -> h.getString("postId")).contains(threadId);
        assertThat(hits(q("교육") + "&forum=" + otherForum)).isEmpty();
        assertThat(hits(q("교육") + "&forum=" + forumId + "&to=2000-01-01")).isEmpty();
        assertThat(hits(q("교육") + "&forum=" + forumId + "&from=2000-01-01")).isNotEmpty();
        assertThat(Session.anonymous().get("/api/forums/search?from=yesterday").status()).isEqualTo(400);

        // hidden by flags: out of search; edited: the new text is found
        for (int i = 0; i < 3; i++) {
            assertThat(People.citizen().session().post("/api/forums/posts/" + replyId + "/flags", Api.json("reason", "ABUSE")).status())
                    .isEqualTo(200);
        }
        assertThat(hits(q("교육") + "&forum=" + forumId)).extracting(h -> h.getString("postId")).doesNotContain(replyId);
        int version = author.session().get("/api/forums/posts/" + threadId).json().getInt("version");
        var edited = author.session().put("/api/forums/posts/" + threadId, Api.json("body", "교육정책 토론으로 바꿉니다.", "version", version));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(hits(q("교육정책") + "&forum=" + forumId)).extracting(h -> h.getString("postId")).contains(threadId);
    }
}
