package org.madang.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.madang.testing.Who.OFFICIAL;
import static org.madang.testing.Who.ORG_ADMIN;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.madang.testing.Api;
import org.madang.testing.People;
import org.madang.testing.RoleMatrix;
import org.madang.testing.RoleMatrix.Call;
import org.madang.testing.RoleMatrix.Endpoint;
import org.madang.testing.RoleSessions;
import org.madang.testing.Who;

/**
 * Who may call which consultation endpoint. Fixtures: an open consultation with a document, a comment and a
 * statement by someone outside the matrix; a closed one with a comment (for answers); a responded one (for the
 * report); and a fresh draft for each write by the official or the organisation administrator.
 */
public class ConsultationEndpoints implements RoleMatrix.Table {

    public static final String POLIS_COMMENTS = "comment-id,comment-body,moderated\n0,버스 노선을 늘려야 한다,1\n1,요금은 그대로 둔다,1\n";
    public static final String POLIS_VOTES = "voter-id,comment-id,vote\n7,0,1\n7,1,-1\n8,0,-1\n";
    static final byte[] PDF = "%PDF-1.4\n% background\n".getBytes();

    private static ConsultationDriver open;
    private static UUID openDocument, openComment, openStatement;
    private static ConsultationDriver closed;
    private static UUID closedComment;
    private static ConsultationDriver responded;

    private static Api.Session commenter;

    private static synchronized Api.Session commenter() {
        if (commenter == null) commenter = People.citizen().session();
        return commenter;
    }

    static synchronized ConsultationDriver open() {
        if (open == null) {
            var d = ConsultationDriver.draft();
            var file = d.official.sendRaw("POST", d.path("/documents/files?name=background.pdf"), HttpRequest.BodyPublishers.ofByteArray(PDF),
                    "application/pdf", Map.of());
            assertThat(file.status()).as(file.toString()).isEqualTo(201);
            openDocument = UUID.fromString(file.json().getString("id"));
            d.moveOk(RoleSessions.session(ORG_ADMIN), "OPEN", null);
            var outsider = People.citizen().session();
            openComment = d.comment(outsider, "행렬 시험 의견");
            openStatement = d.statement(outsider, "행렬 시험 문장 " + UUID.randomUUID());
            open = d;
        }
        return open;
    }

    /** The closed and the responded fixture close together, so the run waits for the closing job once. */
    private static synchronized void closing() {
        if (closed != null) return;
        var a = ConsultationDriver.closingSoon(4);
        var b = ConsultationDriver.closingSoon(4);
        var outsider = People.citizen().session();
        closedComment = a.comment(outsider, "마감 전 의견");
        UUID answered = b.comment(outsider, "답변될 의견");
        a.awaitClosed();
        b.awaitClosed();
        var reply = b.official.post(b.path("/answers"), Api.json("commentIds", jakarta.json.Json.createArrayBuilder().add(answered.toString()).build(),
                "decision", "ADOPTED", "reason", "반영하였습니다."));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        b.moveOk(b.official, "RESPONDED", null);
        closed = a;
        responded = b;
    }

    static ConsultationDriver closed() {
        closing();
        return closed;
    }

    static ConsultationDriver responded() {
        closing();
        return responded;
    }

    private static Call onOpen(String suffix) {
        return Call.of(open().path(suffix));
    }

    /** For the official or organisation administrator, a fresh draft; the others are refused before it matters. */
    private static Function<Who, Call> onDraft(String suffix, Function<ConsultationDriver, String> body) {
        return who -> {
            if (who != OFFICIAL && who != ORG_ADMIN) return Call.of(open().path(suffix), body.apply(open()));
            var d = ConsultationDriver.draft();
            return Call.of(d.path(suffix), body.apply(d));
        };
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of("GET", "/api/consultations").permitAll(),
                Endpoint.of("POST", "/api/consultations")
                        .body(() -> ConsultationDriver.form(RoleSessions.homeOrganisation(), java.time.Instant.now(),
                                java.time.Instant.now().plus(java.time.Duration.ofDays(41)), null))
                        .allow(OFFICIAL).expect(201, OFFICIAL),
                Endpoint.of("GET", "/api/consultations/{id}").call(who -> onOpen("")).permitAll(),
                Endpoint.of("PUT", "/api/consultations/{id}")
                        .call(onDraft("", d -> ConsultationDriver.form(RoleSessions.homeOrganisation(), java.time.Instant.now(),
                                java.time.Instant.now().plus(java.time.Duration.ofDays(50)), d.version())))
                        .allow(OFFICIAL).expect(200, OFFICIAL),
                Endpoint.of("POST", "/api/consultations/{id}/transitions")
                        .call(who -> onDraft("/transitions", d -> Api.json("to", who == ORG_ADMIN ? "OPEN" : "WITHDRAWN",
                                "version", d.version())).apply(who))
                        .allow(OFFICIAL, ORG_ADMIN).expect(200, OFFICIAL, ORG_ADMIN),
                Endpoint.of("GET", "/api/consultations/{id}/documents").call(who -> onOpen("/documents")).permitAll(),
                Endpoint.of("POST", "/api/consultations/{id}/documents/links")
                        .call(onDraft("/documents/links", d -> Api.json("name", "법령 원문", "url", "https://www.law.go.kr/")))
                        .allow(OFFICIAL).expect(201, OFFICIAL),
                Endpoint.of("POST", "/api/consultations/{id}/documents/files")
                        .call(who -> onDraft("/documents/files?name=memo.pdf", d -> new String(PDF)).apply(who)
                                .withHeader("Content-Type", "application/pdf"))
                        .allow(OFFICIAL).expect(201, OFFICIAL),
                Endpoint.of("GET", "/api/consultations/{id}/documents/{documentId}")
                        .call(who -> Call.of(open().path("/documents/" + openDocument))).permitAll(),
                Endpoint.of("GET", "/api/consultations/{id}/comments").call(who -> onOpen("/comments")).permitAll(),
                Endpoint.of("POST", "/api/consultations/{id}/comments")
                        .call(who -> Call.of(open().path("/comments"), Api.json("body", "의견 " + who)))
                        .signedIn().expect(201, Who.SIGNED_IN),
                Endpoint.of("GET", "/api/consultations/{id}/comments/{commentId}")
                        .call(who -> Call.of(open().path("/comments/" + openComment))).permitAll(),
                Endpoint.of("PUT", "/api/consultations/{id}/comments/{commentId}/reaction")
                        .call(who -> Call.of(open().path("/comments/" + openComment + "/reaction"), Api.json("agree", true)))
                        .signedIn().expect(200, Who.SIGNED_IN),
                Endpoint.of("POST", "/api/consultations/{id}/comments/{commentId}/flags")
                        // a comment of its own for each caller: enough flags would hide a shared one
                        .call(who -> Call.of(open().path("/comments/" + open().comment(commenter(), "깃발 시험 의견 " + who) + "/flags"),
                                Api.json("reason", "SPAM", "note", "matrix")))
                        .signedIn().expect(200, Who.SIGNED_IN),
                Endpoint.of("GET", "/api/consultations/comments/search").call(who -> Call.of("/api/consultations/comments/search?q=의견"))
                        .permitAll(),
                Endpoint.of("POST", "/api/consultations/{id}/answers")
                        .call(who -> Call.of(closed().path("/answers"), Api.json("commentIds",
                                jakarta.json.Json.createArrayBuilder().add(closedComment.toString()).build(),
                                "decision", "NOT_ADOPTED", "reason", "현행 유지")))
                        .allow(OFFICIAL).expect(201, OFFICIAL),
                Endpoint.of("GET", "/api/consultations/{id}/report").call(who -> Call.of(responded().path("/report"))).permitAll(),
                Endpoint.of("GET", "/api/consultations/{id}/report.pdf").call(who -> Call.of(responded().path("/report.pdf"))).permitAll(),
                Endpoint.of("GET", "/api/consultations/{id}/report.csv").call(who -> Call.of(responded().path("/report.csv"))).permitAll(),
                Endpoint.of("GET", "/api/consultations/{id}/statements").call(who -> onOpen("/statements")).permitAll(),
                Endpoint.of("POST", "/api/consultations/{id}/statements")
                        .call(who -> Call.of(open().path("/statements"), Api.json("text", "문장 " + who + " " + UUID.randomUUID())))
                        .signedIn().expect(201, Who.SIGNED_IN),
                Endpoint.of("PUT", "/api/consultations/{id}/statements/{statementId}/vote")
                        .call(who -> Call.of(open().path("/statements/" + openStatement + "/vote"), Api.json("vote", 1)))
                        .signedIn().expect(204, Who.SIGNED_IN),
                Endpoint.of("PUT", "/api/consultations/{id}/statements/{statementId}/moderation")
                        .call(who -> Call.of(open().path("/statements/" + openStatement + "/moderation"), Api.json("moderated", 1)))
                        .allow(OFFICIAL).expect(204, OFFICIAL),
                Endpoint.of("GET", "/api/consultations/{id}/opinion-map").call(who -> onOpen("/opinion-map")).permitAll(),
                Endpoint.of("POST", "/api/consultations/{id}/polis-imports")
                        .call(onDraft("/polis-imports", d -> Api.json("commentsCsv", POLIS_COMMENTS, "votesCsv", POLIS_VOTES)))
                        .allow(OFFICIAL).expect(200, OFFICIAL),
                Endpoint.of("GET", "/api/consultations/{id}/polis/{file}").call(who -> onOpen("/polis/participants-votes.csv")).permitAll());
    }
}
