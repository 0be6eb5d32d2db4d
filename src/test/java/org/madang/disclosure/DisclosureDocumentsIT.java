package org.madang.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.madang.disclosure.DisclosureDriver.documentBody;
import static org.madang.disclosure.DisclosureDriver.ok;
import static org.madang.disclosure.DisclosureDriver.path;

import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.madang.testing.Api;
import org.madang.testing.Api.Reply;
import org.madang.testing.Api.Session;
import org.madang.testing.People;

/**
 * The "must show": a partly disclosed document never serves its withheld text. The secret passage is sought
 * everywhere a request or a document surfaces — the document itself, the request view, every request list, the
 * requester's export, the catalogue (JSON, search, Atom) — and malformed markup is refused without a trace.
 */
class DisclosureDocumentsIT {

    private static final String SECRET = "금98765432원-비밀단가";
    private static final String SECRET_NAME = "김비밀 010-9999-0000";

    private static void assertNoSecret(Reply reply, String where) {
        assertThat(reply.status()).as(where + ": " + reply).isBetween(200, 299);
        assertThat(reply.body()).as(where).doesNotContain(SECRET).doesNotContain(SECRET_NAME).doesNotContain("98765432");
    }

    @Test
    void withheldPassagesAreServedNowhere() {
        UUID agency = People.ministry();
        var official = People.staff("OFFICIAL", agency).session();
        var requester = People.citizen();
        var citizen = requester.session();
        String reference = DisclosureDriver.partlyDisclosed(citizen, official, agency);

        String marked = """
                # 위탁 계약서
                제4조(계약 단가) [[redact:ITEM_7]]%s[[/redact]]
                담당자: [[redact:ITEM_6]]%s[[/redact]]
                제5조(기간) 2026년 12월 31일까지
                """.formatted(SECRET, SECRET_NAME);
        var attached = official.post(path(reference, "/documents"), documentBody("계약서 본문", marked));
        assertThat(attached.status()).as(attached.toString()).isEqualTo(201);
        assertNoSecret(attached, "attach reply");
        JsonObject document = attached.json();
        assertThat(document.getInt("redactedPassages")).isEqualTo(2);
        assertThat(document.getJsonArray("grounds").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString).containsExactly("ITEM_6", "ITEM_7");
        String href = document.getString("href");
        assertThat(attached.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(href));

        var served = Session.anonymous().get(href);
        assertNoSecret(served, "document");
        assertThat(served.contentType()).startsWith("text/markdown").containsIgnoringCase("charset=UTF-8");
        assertThat(served.body()).isEqualTo("""
                # 위탁 계약서
                제4조(계약 단가) [비공개: 제9조제1항제7호]
                담당자: [비공개: 제9조제1항제6호]
                제5조(기간) 2026년 12월 31일까지
                """);
        assertNoSecret(citizen.get(href), "document to the requester");
        assertNoSecret(official.get(href), "document to the agency");

        var view = ok(Session.anonymous().get(path(reference, "")));
        assertNoSecret(view, "request view");
        assertThat(view.json().getJsonArray("documents")).hasSize(1);
        assertThat(view.json().getJsonArray("documents").getJsonObject(0).getString("href")).isEqualTo(href);
        assertNoSecret(Session.anonymous().get(path(reference, "/documents")), "document list");
        assertNoSecret(Session.anonymous().get("/api/disclosure/requests"), "public request list");
        assertNoSecret(citizen.get("/api/disclosure/requests/mine"), "requester's list");
        assertNoSecret(official.get("/api/disclosure/agencies/" + agency + "/requests"), "agency queue");
        assertNoSecret(citizen.get("/api/privacy/me/export"), "requester's export");
        assertNoSecret(citizen.get("/api/privacy/me/export.html"), "requester's export page");
        assertNoSecret(Session.anonymous().get("/api/publications?q=" + "98765432"), "catalogue search");
        assertNoSecret(Session.anonymous().get("/api/publications?q=" + java.net.URLEncoder.encode("비밀단가", java.nio.charset.StandardCharsets.UTF_8)),
                "catalogue search (Korean)");
        assertNoSecret(Session.anonymous().get("/api/publications?agency=" + agency), "catalogue JSON");
        assertNoSecret(Session.anonymous().get("/api/publications/feeds/agency/" + agency + ".atom"), "catalogue Atom");
        assertNoSecret(Session.anonymous().get("/api/disclosure/statistics"), "statistics");

        // a long document (90,000 UTF-8 bytes, over the 64 KiB of an ordinary form) is within the document limit
        var longDocument = official.post(path(reference, "/documents"), documentBody("부록", "가".repeat(30_000)));
        assertThat(longDocument.status()).as(longDocument.toString()).isEqualTo(201);
        assertThat(ok(Session.anonymous().get(path(reference, "/documents"))).array()).hasSize(2);
    }

    @Test
    void malformedMarkupIsA400ProblemAndNothingIsStored() {
        UUID agency = People.ministry();
        var official = People.staff("OFFICIAL", agency).session();
        var citizen = People.citizen().session();
        String reference = DisclosureDriver.partlyDisclosed(citizen, official, agency);

        for (String bad : new String[] {
                "[[redact:ITEM_7]]바깥 [[redact:ITEM_6]]안쪽[[/redact]][[/redact]]",
                "단가 [[redact:ITEM_7]]" + SECRET,
                "단가 " + SECRET + "[[/redact]]",
                "[[redact:ITEM_9]]" + SECRET + "[[/redact]]",
                "[[redact:PRIVACY]]" + SECRET + "[[/redact]]"}) {
            var refused = official.post(path(reference, "/documents"), documentBody("잘못된 문서", bad));
            assertThat(refused.status()).as(bad + " → " + refused).isEqualTo(400);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.body()).as("the problem does not echo the text").doesNotContain(SECRET);
        }
        var wrongType = official.post(path(reference, "/documents"),
                Api.json("title", "t", "mediaType", "text/html", "text", "<b>x</b>"));
        assertThat(wrongType.status()).isEqualTo(400);
        var tooLarge = official.post(path(reference, "/documents"), documentBody("큰 문서", "가".repeat(90_000)));
        assertThat(tooLarge.status()).as("270,000 UTF-8 bytes").isEqualTo(400);
        assertThat(tooLarge.isProblem()).isTrue();
        assertThat(ok(official.get(path(reference, "/documents"))).array()).as("nothing stored").isEmpty();

        var refusedRequest = DisclosureDriver.decided(citizen, official, agency);
        var notDisclosed = official.post(path(refusedRequest, "/documents"), documentBody("문서", "본문"));
        assertThat(notDisclosed.status()).as("no documents without a decision to disclose").isEqualTo(409);
        var byCitizen = citizen.post(path(reference, "/documents"), documentBody("문서", "본문"));
        assertThat(byCitizen.status()).isEqualTo(403);
        var otherAgency = People.staff("OFFICIAL", People.ministry()).session()
                .post(path(reference, "/documents"), documentBody("문서", "본문"));
        assertThat(otherAgency.status()).isEqualTo(403);
        assertThat(Session.anonymous().get(path(reference, "/documents/" + UUID.randomUUID())).status()).isEqualTo(404);
    }
}
