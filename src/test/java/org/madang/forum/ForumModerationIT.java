package org.madang.forum;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.madang.testing.Api;
import org.madang.testing.Api.Session;
import org.madang.testing.People;
import org.madang.testing.RoleSessions;
import org.madang.testing.Who;

/**
 * Flags hide a post after three people flag it; hidden posts are withheld from citizens in every listing and by id,
 * but shown to their author and to moderators; the queue, a decision, the one appeal decided by another moderator,
 * and the public log that never names the flaggers or the moderators.
 */
class ForumModerationIT {

    private static JsonObject find(Api.Reply page, String id) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().getJsonArray("items").stream().map(v -> v.asJsonObject())
                .filter(o -> o.getString("id").equals(id)).findFirst().orElse(null);
    }

    @Test
    void flaggedPostIsHiddenFromCitizensDecidedAppealedAndLoggedWithoutNames() {
        var author = People.citizen();
        var starter = People.citizen();
        var reader = People.citizen();
        var flaggers = List.of(People.citizen(), People.citizen(), People.citizen());
        Session moderator = RoleSessions.session(Who.MODERATOR);
        String forumId = ForumDriver.topicForum(false);
        String secret = ForumDriver.unique("숨겨질 광고 글 cheap watches");
        String threadId = ForumDriver.thread(starter.session(), forumId, "모더레이션 시험", ForumDriver.unique("본문")).getString("id");
        String postId = ForumDriver.reply(author.session(), threadId, secret).getString("id");
        String hiddenThreadSecret = ForumDriver.unique("숨겨질 토론 본문");
        String hiddenThreadId = ForumDriver.thread(author.session(), forumId, "숨겨질 토론", hiddenThreadSecret).getString("id");

        var reasons = List.of("SPAM", "ABUSE", "SPAM");
        for (int i = 0; i < 3; i++) {
            var flagged = flaggers.get(i).session().post("/api/forums/posts/" + postId + "/flags",
                    Api.json("reason", reasons.get(i), "note", "flag " + i));
            assertThat(flagged.status()).as(flagged.toString()).isEqualTo(200);
            assertThat(flagged.json().getBoolean("hidden")).isEqualTo(i == 2);
            var threadFlag = flaggers.get(i).session().post("/api/forums/posts/" + hiddenThreadId + "/flags", Api.json("reason", "OFF_TOPIC"));
            assertThat(threadFlag.status()).as(threadFlag.toString()).isEqualTo(200);
        }
        var again = flaggers.get(0).session().post("/api/forums/posts/" + postId + "/flags", Api.json("reason", "SPAM"));
        assertThat(again.status()).as("a hidden post is not the flagger's to see any more").isEqualTo(404);
        var own = author.session().post("/api/forums/posts/" + postId + "/flags", Api.json("reason", "SPAM"));
        assertThat(own.status()).isEqualTo(422);

        // citizens and anonymous readers: placeholder in the thread, nothing by id, no hidden thread in the list
        for (Session citizen : List.of(reader.session(), Session.anonymous())) {
            var replies = citizen.get("/api/forums/threads/" + threadId + "/replies");
            var placeholder = find(replies, postId);
            assertThat(placeholder.getBoolean("withheld")).isTrue();
            assertThat(placeholder.getBoolean("hidden")).isTrue();
            assertThat(ForumDriver.absent(placeholder, "bodyHtml")).isTrue();
            assertThat(ForumDriver.absent(placeholder, "authorName")).isTrue();
            assertThat(replies.body()).doesNotContain("cheap watches");
            var single = citizen.get("/api/forums/posts/" + postId);
            assertThat(single.status()).isEqualTo(200);
            assertThat(single.body()).doesNotContain("cheap watches");
            assertThat(single.json().getBoolean("withheld")).isTrue();
            var threads = citizen.get("/api/forums/" + forumId + "/threads?limit=100");
            assertThat(find(threads, hiddenThreadId)).isNull();
            assertThat(find(threads, threadId)).isNotNull();
            assertThat(citizen.get("/api/forums/threads/" + hiddenThreadId).body()).doesNotContain(hiddenThreadSecret);
            assertThat(citizen.get("/api/forums/posts/" + postId + "/revisions").status()).isEqualTo(404);
        }
        assertThat(reader.session().post("/api/forums/posts/" + postId + "/replies", Api.json("body", "숨은 글에 답글", "stance", "FOR"))
                .status()).as("no replies to what the replier cannot read").isEqualTo(404);
        // its author and moderators still read it
        for (Session allowed : List.of(author.session(), moderator)) {
            var replies = allowed.get("/api/forums/threads/" + threadId + "/replies");
            var shown = find(replies, postId);
            assertThat(shown.getBoolean("withheld")).isFalse();
            assertThat(shown.getBoolean("hidden")).isTrue();
            assertThat(shown.getString("bodyHtml")).contains("cheap watches");
            assertThat(allowed.get("/api/forums/posts/" + postId).json().getString("bodyHtml")).contains("cheap watches");
            assertThat(find(allowed.get("/api/forums/" + forumId + "/threads?limit=100"), hiddenThreadId)).isNotNull();
        }

        // the queue, oldest first, with the flags' reasons
        var queue = moderator.get("/api/moderation/queue?limit=100");
        assertThat(queue.status()).as(queue.toString()).isEqualTo(200);
        var items = queue.json().getJsonArray("items").stream().map(v -> v.asJsonObject()).toList();
        var opened = items.stream().map(o -> java.time.Instant.parse(o.getString("openedAt"))).toList();
        assertThat(opened).as("oldest first").isSorted();
        var item = items.stream().filter(o -> o.getString("contentId").equals(postId)).findFirst().orElseThrow();
        assertThat(item.getInt("flagCount")).isEqualTo(3);
        assertThat(item.getBoolean("autoHidden")).isTrue();
        assertThat(item.getJsonArray("flags").stream().map(f -> f.asJsonObject().getString("reason")).toList())
                .containsExactly("SPAM", "ABUSE", "SPAM");
        assertThat(queue.body()).doesNotContain(flaggers.get(0).id().toString()).doesNotContain(flaggers.get(0).email());

        // decision with a reason the author sees; one appeal; decided by another moderator
        var decided = moderator.post("/api/moderation/cases/" + item.getString("caseId") + "/decisions",
                Api.json("outcome", "HIDE", "rule", "COMMERCIAL_SPAM", "reason", "광고는 토론 규칙 3조 위반입니다."));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        String decisionId = decided.json().getString("id");
        assertThat(moderator.post("/api/moderation/cases/" + item.getString("caseId") + "/decisions",
                Api.json("outcome", "KEEP", "rule", "X", "reason", "again")).status()).isEqualTo(409);
        var mine = author.session().get("/api/moderation/decisions/mine");
        assertThat(mine.body()).contains("광고는 토론 규칙 3조 위반입니다.");
        assertThat(reader.session().post("/api/moderation/decisions/" + decisionId + "/appeal", Api.json("text", "not mine")).status())
                .isEqualTo(404);
        var appealed = author.session().post("/api/moderation/decisions/" + decisionId + "/appeal", Api.json("text", "광고가 아닙니다."));
        assertThat(appealed.status()).as(appealed.toString()).isEqualTo(200);
        assertThat(author.session().post("/api/moderation/decisions/" + decisionId + "/appeal", Api.json("text", "again")).status())
                .isEqualTo(409);
        assertThat(moderator.get("/api/moderation/appeals?limit=100").body()).contains(decisionId);
        var sameModerator = moderator.post("/api/moderation/decisions/" + decisionId + "/appeal/decision",
                Api.json("outcome", "OVERTURNED", "reason", "x"));
        assertThat(sameModerator.status()).isEqualTo(409);
        var otherModerator = People.staff("MODERATOR", null);
        var overturned = otherModerator.session().post("/api/moderation/decisions/" + decisionId + "/appeal/decision",
                Api.json("outcome", "OVERTURNED", "reason", "다시 보니 토론 내용입니다."));
        assertThat(overturned.status()).as(overturned.toString()).isEqualTo(200);
        assertThat(reader.session().get("/api/forums/posts/" + postId).json().getBoolean("withheld")).isFalse();
        // flagged again after the decision: counted from the decision on, back in the queue, not yet hidden
        var afterDecision = reader.session().post("/api/forums/posts/" + postId + "/flags", Api.json("reason", "SPAM"));
        assertThat(afterDecision.status()).as(afterDecision.toString()).isEqualTo(200);
        assertThat(afterDecision.json().getInt("flags")).isEqualTo(1);
        assertThat(afterDecision.json().getBoolean("hidden")).isFalse();

        // the public log: what, when, which role, which rule; never who
        var log = Session.anonymous().get("/api/moderation/log?limit=100");
        assertThat(log.status()).isEqualTo(200);
        var actions = log.json().getJsonArray("items").stream().map(v -> v.asJsonObject())
                .filter(o -> o.getString("contentId").equals(postId)).map(o -> o.getString("action") + "/" + o.getString("actorRole")).toList();
        assertThat(actions).contains("AUTO_HIDDEN/SYSTEM", "HIDDEN/MODERATOR", "APPEAL_OVERTURNED_RESTORED/MODERATOR");
        for (var flagger : flaggers) {
            assertThat(log.body()).doesNotContain(flagger.id().toString()).doesNotContain(flagger.email());
            String name = flagger.session().get("/api/me").json().getString("displayName");
            assertThat(log.body()).doesNotContain(name);
        }
        assertThat(log.body()).doesNotContain(RoleSessions.person(Who.MODERATOR).id().toString())
                .doesNotContain(otherModerator.id().toString()).doesNotContain(author.id().toString());
    }

    @Test
    void suspendedAuthorCannotPost() {
        var author = People.citizen();
        String forumId = ForumDriver.topicForum(false);
        String threadId = ForumDriver.thread(author.session(), forumId, "정지 시험", ForumDriver.unique("본문")).getString("id");
        var flagger = People.citizen();
        assertThat(flagger.session().post("/api/forums/posts/" + threadId + "/flags", Api.json("reason", "ILLEGAL", "note", "불법")).status())
                .isEqualTo(200);
        Session moderator = RoleSessions.session(Who.MODERATOR);
        var item = moderator.get("/api/moderation/queue?limit=100").json().getJsonArray("items").stream().map(v -> v.asJsonObject())
                .filter(o -> o.getString("contentId").equals(threadId)).findFirst().orElseThrow();
        var noDays = moderator.post("/api/moderation/cases/" + item.getString("caseId") + "/decisions",
                Api.json("outcome", "SUSPEND_AUTHOR", "rule", "ILLEGAL_CONTENT", "reason", "불법 정보"));
        assertThat(noDays.status()).isEqualTo(400);
        var suspended = moderator.post("/api/moderation/cases/" + item.getString("caseId") + "/decisions",
                Api.json("outcome", "SUSPEND_AUTHOR", "rule", "ILLEGAL_CONTENT", "reason", "불법 정보", "suspendDays", 7));
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
        var refused = author.session().post("/api/forums/" + forumId + "/threads",
                Api.json("title", "다시", "body", ForumDriver.unique("정지 중"), "stance", "FOR"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(Session.anonymous().get("/api/forums/posts/" + threadId).json().getBoolean("removed")).isTrue();
    }
}
