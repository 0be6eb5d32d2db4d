package org.madang.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.madang.testing.Api;
import org.madang.testing.Api.Session;
import org.madang.testing.MadangServer;
import org.madang.testing.People;
import org.madang.testing.RoleSessions;
import org.madang.testing.Who;

/** A consultation from draft to the public report, and everything it refuses on the way. */
class ConsultationLifecycleIT {

    private static Api.Reply answer(ConsultationDriver d, String decision, String reason, UUID... comments) {
        var ids = Json.createArrayBuilder();
        for (UUID c : comments) ids.add(c.toString());
        return d.official.post(d.path("/answers"), Api.json("commentIds", ids.build(), "decision", decision, "reason", reason));
    }

    private static void assertProblem(Api.Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.isProblem()).as(reply.toString()).isTrue();
    }

    @Test
    void publicationNeedsTheOrganisationAdministratorAndTheLegalNoticeOrAReason() {
        var official = RoleSessions.session(Who.OFFICIAL);
        var orgAdmin = RoleSessions.session(Who.ORG_ADMIN);
        var created = official.post("/api/consultations", ConsultationDriver.form(RoleSessions.homeOrganisation(),
                Instant.now(), Instant.now().plus(Duration.ofDays(10)), null));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String path = "/api/consultations/" + created.json().getString("id");
        int version = created.json().getInt("version");

        assertProblem(official.post(path + "/transitions", Api.json("to", "OPEN", "version", version)), 403);
        var tooShort = orgAdmin.post(path + "/transitions", Api.json("to", "OPEN", "version", version));
        assertProblem(tooShort, 400);
        assertThat(tooShort.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("reason");
        assertThat(Session.anonymous().get(path).status()).as("a draft is not public").isEqualTo(404);

        var opened = orgAdmin.post(path + "/transitions", Api.json("to", "OPEN", "version", version, "reason", "법원 판결에 따른 긴급 개정"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
        assertThat(opened.json().getString("shortNoticeReason")).isEqualTo("법원 판결에 따른 긴급 개정");
        assertThat(Session.anonymous().get(path).json().getString("state")).isEqualTo("OPEN");
        var audit = People.admin().session().get("/api/audit?limit=200");
        assertThat(audit.body()).contains("consultation.state").contains("법원 판결에 따른 긴급 개정");

        // the draft can no longer be edited, and a closing before its time is refused
        assertProblem(official.put(path, ConsultationDriver.form(RoleSessions.homeOrganisation(), Instant.now(),
                Instant.now().plus(Duration.ofDays(50)), opened.json().getInt("version"))), 409);
        assertProblem(official.post(path + "/transitions", Api.json("to", "CLOSED", "version", opened.json().getInt("version"))), 409);
    }

    @Test
    void anOfficialOfAnotherMinistryCannotActOnIt() {
        var d = ConsultationDriver.draft();
        var stranger = People.staff("OFFICIAL", People.ministry()).session();
        var strangerAdmin = People.staff("ORG_ADMIN", People.ministry()).session();
        assertProblem(stranger.get(d.path("")), 404);
        assertProblem(stranger.put(d.path(""), ConsultationDriver.form(RoleSessions.homeOrganisation(), Instant.now(),
                Instant.now().plus(Duration.ofDays(50)), d.version())), 403);
        assertProblem(stranger.post(d.path("/transitions"), Api.json("to", "WITHDRAWN", "version", d.version())), 403);
        assertProblem(strangerAdmin.post(d.path("/transitions"), Api.json("to", "OPEN", "version", d.version())), 403);
        assertProblem(stranger.post("/api/consultations", ConsultationDriver.form(RoleSessions.homeOrganisation(), Instant.now(),
                Instant.now().plus(Duration.ofDays(50)), null)), 403);
        assertProblem(stranger.post(d.path("/polis-imports"), Api.json("commentsCsv", ConsultationEndpoints.POLIS_COMMENTS,
                "votesCsv", ConsultationEndpoints.POLIS_VOTES)), 403);
        assertProblem(stranger.post(d.path("/documents/links"), Api.json("name", "x", "url", "https://example.org/")), 403);
        assertThat(d.state()).isEqualTo("DRAFT");
        assertThat(d.official.get(d.path("/statements")).json().getJsonArray("items")).isEmpty();
    }

    @Test
    void commentsOnTheDraftAnArticleAndAPassageWithAProposalAndReactions() {
        var d = ConsultationDriver.open();
        var alice = People.citizen().session();
        var bob = People.citizen().session();
        d.comment(alice, "전체적으로 찬성합니다.");
        int start = ConsultationDriver.ARTICLE_1.indexOf("10일");
        var passage = alice.post(d.path("/comments"), Api.json("articleId", d.article1.toString(), "start", start, "end", start + 3,
                "quote", "10일", "body", "7일로 줄여 주세요."));
        assertThat(passage.status()).as(passage.toString()).isEqualTo(201);
        assertThat(passage.json().getString("quote")).isEqualTo("10일");
        assertProblem(alice.post(d.path("/comments"), Api.json("articleId", d.article1.toString(), "start", start, "end", start + 3,
                "quote", "20일", "body", "어긋난 인용")), 400);
        assertProblem(alice.post(d.path("/comments"), Api.json("articleId", d.article1.toString(), "start", 0, "end", 100000,
                "quote", "공공", "body", "범위 밖")), 400);
        assertProblem(alice.post(d.path("/comments"), Api.json("articleId", UUID.randomUUID().toString(), "body", "없는 조문")), 400);

        var proposal = bob.post(d.path("/comments"), Api.json("articleId", d.article2.toString(), "body", "연장은 한 번만",
                "proposedText", "The agency may extend the period once by up to 5 days, giving its reasons in writing."));
        assertThat(proposal.status()).as(proposal.toString()).isEqualTo(201);
        var diff = proposal.json().getJsonArray("diff");
        assertThat(diff.toString()).contains("{\"op\":\"DELETE\",\"text\":\"10 \"}").contains("{\"op\":\"INSERT\",\"text\":\"5 \"}");

        UUID passageId = UUID.fromString(passage.json().getString("id"));
        var agree = bob.put(d.path("/comments/" + passageId + "/reaction"), Api.json("agree", true));
        assertThat(agree.json().getInt("agree")).isEqualTo(1);
        var changed = bob.put(d.path("/comments/" + passageId + "/reaction"), Api.json("agree", false));
        assertThat(changed.json().getInt("agree")).isZero();
        assertThat(changed.json().getInt("disagree")).isEqualTo(1);
        assertProblem(alice.put(d.path("/comments/" + passageId + "/reaction"), Api.json("agree", true)), 409);

        // cursor pagination: two, then the rest
        var first = Session.anonymous().get(d.path("/comments?limit=2"));
        assertThat(first.json().getJsonArray("items")).hasSize(2);
        String next = first.json().getString("next");
        var rest = Session.anonymous().get(d.path("/comments?limit=2&after=" + next));
        assertThat(rest.json().getJsonArray("items")).hasSize(1);
        assertThat(rest.json().containsKey("next") && !rest.json().isNull("next")).as("no further page").isFalse();
        var ofArticle = Session.anonymous().get(d.path("/comments?article=" + d.article2));
        assertThat(ofArticle.json().getJsonArray("items")).hasSize(1);
    }

    @Test
    void closedConsultationsRefuseInputAndRespondedNeedsEveryCommentAnswered() throws IOException, InterruptedException {
        var alice = People.citizen();
        var bob = People.citizen();
        // long enough for the input below to arrive before the close on a busy machine
        var d = ConsultationDriver.closingSoon(10);
        UUID c1 = d.comment(alice.session(), "기간 단축에 찬성합니다. 국민의 알 권리를 위해 필요합니다.");
        var onArticle = bob.session().post(d.path("/comments"), Api.json("articleId", d.article1.toString(), "body", "10일은 너무 짧습니다."));
        UUID c2 = UUID.fromString(onArticle.json().getString("id"));
        UUID c3 = d.comment(bob.session(), "10일은 너무 짧습니다 (중복).");
        UUID statement = d.statement(alice.session(), "처리 기간은 짧을수록 좋다");
        assertProblem(d.official.post(d.path("/answers"), Api.json("commentIds", Json.createArrayBuilder().add(c1.toString()).build(),
                "decision", "ADOPTED", "reason", "아직 열려 있음")), 409);
        d.awaitClosed();

        var late = bob.session().post(d.path("/comments"), Api.json("body", "늦은 의견"));
        assertProblem(late, 409);
        assertProblem(bob.session().post(d.path("/statements"), Api.json("text", "늦은 문장")), 409);
        assertProblem(bob.session().put(d.path("/statements/" + statement + "/vote"), Api.json("vote", 1)), 409);

        assertThat(answer(d, "ADOPTED", "알 권리 보장을 위해 원안대로 추진합니다.", c1).status()).isEqualTo(201);
        var refused = d.move(d.official, "RESPONDED", null);
        assertProblem(refused, 409);
        assertThat(refused.json().getString("detail")).contains("2");
        var merged = answer(d, "PARTLY_ADOPTED", "업무량을 고려하여 14일로 조정합니다.", c2, c3);
        assertThat(merged.status()).as(merged.toString()).isEqualTo(201);
        assertThat(merged.json().getInt("unanswered")).isZero();
        assertProblem(RoleSessions.session(Who.ORG_ADMIN).post(d.path("/transitions"), Api.json("to", "RESPONDED", "version", d.version())), 403);
        d.moveOk(d.official, "RESPONDED", null);
        People.awaitMail(bob.email(), "/consultations/report.html?id=" + d.id);

        JsonObject report = Session.anonymous().get(d.path("/report")).json();
        assertThat(report.getInt("comments")).isEqualTo(3);
        assertThat(report.getInt("unanswered")).isZero();
        assertThat(report.getJsonObject("decisions").getInt("ADOPTED")).isEqualTo(1);
        assertThat(report.getJsonObject("decisions").getInt("PARTLY_ADOPTED")).isEqualTo(2);
        var article1 = report.getJsonArray("sections").getJsonObject(1);
        assertThat(article1.getString("label")).isEqualTo("제9조");
        assertThat(article1.getJsonArray("comments").getJsonObject(0).getString("reason")).isEqualTo("업무량을 고려하여 14일로 조정합니다.");

        var csv = Session.anonymous().get(d.path("/report.csv"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body().lines()).hasSize(4);
        assertThat(csv.body()).contains("\"PARTLY_ADOPTED\"");

        var pdf = MadangServer.get().uri(d.path("/report.pdf"));
        var response = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(pdf).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        try (var document = Loader.loadPDF(response.body())) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("업무량을 고려하여 14일로 조정합니다.").contains("정보공개법 일부개정법률안").doesNotContain("\u0000");
        }
        assertProblem(bob.session().post(d.path("/comments"), Api.json("body", "응답 후 의견")), 409);
    }

    @Test
    void badInputIsAProblemAndWritesNothing() {
        var d = ConsultationDriver.draft();
        var official = d.official;
        assertProblem(official.send("POST", d.path("/polis-imports"), "{not json", "application/json", Map.of()), 400);
        assertProblem(official.post(d.path("/polis-imports"), Api.json("commentsCsv", ConsultationEndpoints.POLIS_COMMENTS)), 400);
        var badLine = official.post(d.path("/polis-imports"), Api.json("commentsCsv", ConsultationEndpoints.POLIS_COMMENTS,
                "votesCsv", "voter-id,comment-id,vote\n7,0,1\n7,1,5\n"));
        assertProblem(badLine, 400);
        assertThat(badLine.json().getString("detail")).contains("votes.csv").contains("line 3");
        var unknownStatement = official.post(d.path("/polis-imports"), Api.json("commentsCsv", ConsultationEndpoints.POLIS_COMMENTS,
                "votesCsv", "voter-id,comment-id,vote\n7,0,1\n7,99,1\n"));
        assertProblem(unknownStatement, 400);
        assertThat(official.get(d.path("/statements")).json().getJsonArray("items")).as("nothing written").isEmpty();

        assertProblem(official.post(d.path("/documents/links"), Api.json("name", "x", "url", "javascript:alert(1)")), 400);
        var notAFile = official.sendRaw("POST", d.path("/documents/files?name=run.exe"),
                HttpRequest.BodyPublishers.ofByteArray(new byte[] {'M', 'Z', 0, 0}), "application/pdf", Map.of());
        assertProblem(notAFile, 415);
        var huge = official.sendRaw("POST", d.path("/documents/files?name=big.pdf"),
                HttpRequest.BodyPublishers.ofByteArray(new byte[9 * 1024 * 1024]), "application/pdf", Map.of());
        assertProblem(huge, 413);
        assertThat(official.get(d.path("/documents")).json().getJsonArray("items")).isEmpty();
        assertProblem(official.post(d.path("/statements"), Api.json("text", "x".repeat(281))), 400);
        assertProblem(official.post(d.path("/comments"), Api.json("body", "draft is closed")), 409);
        assertProblem(official.post(d.path("/comments"), Api.json("body", "x", "unexpected", 1)), 400);
        assertProblem(Session.anonymous().get(d.path("/polis/secrets.csv")), 404);
    }
}
