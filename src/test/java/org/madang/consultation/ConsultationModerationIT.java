package org.madang.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.madang.testing.Api;
import org.madang.testing.Api.Session;
import org.madang.testing.People;
import org.madang.testing.RoleSessions;
import org.madang.testing.SearchWords;
import org.madang.testing.Who;

/**
 * Consultation comments share the forums' moderation and search: flags hide a comment pending review (out of the
 * list, the answering duty and search), the moderator's decision restores or removes it, a suspended author cannot
 * comment, and comments are found by Korean words.
 */
class ConsultationModerationIT {

    private static List<JsonObject> search(String query) {
        var reply = Session.anonymous().get("/api/consultations/comments/search?" + query);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().getJsonArray("hits").stream().map(v -> v.asJsonObject()).toList();
    }

    private static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<String> visibleComments(ConsultationDriver d) {
        return Session.anonymous().get(d.path("/comments?limit=200")).json().getJsonArray("items").stream()
                .map(v -> v.asJsonObject().getString("id")).toList();
    }

    /** The moderation queue item for this content, paging from the oldest. */
    private static JsonObject queueItem(Session moderator, UUID contentId) {
        String cursor = null;
        do {
            var page = moderator.get("/api/moderation/queue?limit=100" + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            for (var v : page.json().getJsonArray("items")) {
                if (v.asJsonObject().getString("contentId").equals(contentId.toString())) return v.asJsonObject();
            }
            cursor = page.json().containsKey("nextCursor") && !page.json().isNull("nextCursor") ? page.json().getString("nextCursor") : null;
        } while (cursor != null);
        throw new AssertionError(contentId + " is not in the moderation queue");
    }

    @Test
    void flagsHideACommentPendingReviewAndTheModeratorsDecisionRestoresIt() {
        var d = ConsultationDriver.open();
        var author = People.citizen();
        String word = SearchWords.unique("교육정책");
        UUID comment = d.comment(author.session(), "학교 " + word + "에 대한 의견입니다. 연락처는 010-1234-5678 입니다.");
        assertThat(search(q(word) + "&consultation=" + d.id)).extracting(h -> h.getString("commentId")).containsExactly(comment.toString());

        assertThat(author.session().post(d.path("/comments/" + comment + "/flags"), Api.json("reason", "PERSONAL_INFORMATION")).status())
                .as("nobody flags their own comment").isEqualTo(422);
        var flaggers = List.of(People.citizen(), People.citizen(), People.citizen());
        JsonObject last = null;
        for (var flagger : flaggers) {
            var flagged = flagger.session().post(d.path("/comments/" + comment + "/flags"), Api.json("reason", "PERSONAL_INFORMATION", "note", "전화번호"));
            assertThat(flagged.status()).as(flagged.toString()).isEqualTo(200);
            last = flagged.json();
        }
        assertThat(last.getBoolean("hidden")).isTrue();
        assertThat(visibleComments(d)).doesNotContain(comment.toString());
        assertThat(Session.anonymous().get(d.path("/comments/" + comment)).status()).isEqualTo(404);
        assertThat(search(q(word))).as("hidden comments leave search").isEmpty();
        assertThat(flaggers.get(0).session().post(d.path("/comments/" + comment + "/flags"), Api.json("reason", "SPAM")).status())
                .isEqualTo(404);

        Session moderator = RoleSessions.session(Who.MODERATOR);
        var item = queueItem(moderator, comment);
        assertThat(item.getString("contentKind")).isEqualTo("consultation-comment");
        assertThat(item.getBoolean("autoHidden")).isTrue();
        assertThat(item.getString("link")).contains(d.id.toString());
        assertThat(item.getString("excerpt")).contains(word);
        var kept = moderator.post("/api/moderation/cases/" + item.getString("caseId") + "/decisions",
                Api.json("outcome", "KEEP", "rule", "NOT_PERSONAL", "reason", "기관 대표번호입니다."));
        assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
        assertThat(visibleComments(d)).contains(comment.toString());
        assertThat(search(q(word))).extracting(h -> h.getString("commentId")).containsExactly(comment.toString());

        var log = Session.anonymous().get("/api/moderation/log?limit=100").json().getJsonArray("items").stream()
                .map(v -> v.asJsonObject()).filter(e -> e.getString("contentId").equals(comment.toString())).toList();
        assertThat(log).extracting(e -> e.getString("action") + "/" + e.getString("actorRole")).contains("AUTO_HIDDEN/SYSTEM");
        assertThat(log.toString()).doesNotContain(flaggers.get(0).id().toString());
    }

    @Test
    void aSuspendedAuthorCannotCommentUntilTheSuspensionEnds() {
        var d = ConsultationDriver.open();
        var author = People.citizen();
        UUID comment = d.comment(author.session(), "광고: 싼 물건 팝니다 " + UUID.randomUUID());
        var flagged = People.citizen().session().post(d.path("/comments/" + comment + "/flags"), Api.json("reason", "SPAM"));
        assertThat(flagged.status()).as(flagged.toString()).isEqualTo(200);
        assertThat(flagged.json().getBoolean("hidden")).as("one flag is below the threshold").isFalse();
        Session moderator = RoleSessions.session(Who.MODERATOR);
        var suspended = moderator.post("/api/moderation/cases/" + queueItem(moderator, comment).getString("caseId") + "/decisions",
                Api.json("outcome", "SUSPEND_AUTHOR", "rule", "COMMERCIAL_SPAM", "reason", "광고입니다.", "suspendDays", 3));
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
        var refused = author.session().post(d.path("/comments"), Api.json("body", "다시 광고"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.header("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(visibleComments(d)).doesNotContain(comment.toString());
        assertThat(People.citizen().session().post(d.path("/comments"), Api.json("body", "다른 시민의 의견")).status()).isEqualTo(201);
    }

    @Test
    void searchFiltersByConsultationAndRefusesBadInput() {
        var a = ConsultationDriver.open();
        var b = ConsultationDriver.open();
        String word = SearchWords.unique("대중교통");
        var citizen = People.citizen().session();
        UUID inA = a.comment(citizen, word + " 노선을 늘려 주세요.");
        UUID inB = b.comment(citizen, word + "의 요금을 낮춰 주세요.");
        assertThat(search(q(word))).extracting(h -> h.getString("commentId")).containsExactlyInAnyOrder(inA.toString(), inB.toString());
        var onlyA = search(q(word) + "&consultation=" + a.id);
        assertThat(onlyA).extracting(h -> h.getString("commentId")).containsExactly(inA.toString());
        assertThat(onlyA.get(0).getString("snippetHtml")).contains("<mark>").doesNotContain("<script");
        for (String bad : List.of("from=yesterday", "limit=0", "offset=-1", "consultation=not-a-uuid", "q=" + "가".repeat(201))) {
            var reply = Session.anonymous().get("/api/consultations/comments/search?" + bad);
            assertThat(reply.status()).as(bad).isIn(400, 404);
            assertThat(reply.header("Content-Type").orElse("")).as(bad).startsWith("application/problem+json");
        }
    }
}
