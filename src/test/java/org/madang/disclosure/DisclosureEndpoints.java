package org.madang.disclosure;

import static org.madang.testing.Who.ADMIN;
import static org.madang.testing.Who.CITIZEN;
import static org.madang.testing.Who.OFFICIAL;
import static org.madang.testing.Who.ORG_ADMIN;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.madang.testing.Api;
import org.madang.testing.RoleMatrix;
import org.madang.testing.RoleMatrix.Call;
import org.madang.testing.RoleMatrix.Endpoint;
import org.madang.testing.RoleSessions;
import org.madang.testing.Who;

/**
 * Who may call which disclosure and holiday endpoint. Requests are filed by the matrix CITIZEN to the OFFICIAL's
 * home organisation; each state-changing call gets a fresh request in the state it needs.
 */
public class DisclosureEndpoints implements RoleMatrix.Table {

    private static final AtomicInteger DAYS = new AtomicInteger();
    private static String publicRequest;

    private static synchronized String publicRequest() {
        if (publicRequest == null) publicRequest = fresh();
        return publicRequest;
    }

    private static UUID home() {
        return RoleSessions.homeOrganisation();
    }

    private static UUID otherAgency;

    /** The agency requests are transferred to: any organisation but the home one. */
    private static synchronized UUID otherAgency() {
        if (otherAgency == null) otherAgency = org.madang.testing.People.ministry();
        return otherAgency;
    }

    private static String fresh() {
        return DisclosureDriver.file(RoleSessions.session(CITIZEN), home(), false);
    }

    private static String decided() {
        return DisclosureDriver.decided(RoleSessions.session(CITIZEN), RoleSessions.session(OFFICIAL), home());
    }

    private static String partlyDisclosed() {
        return DisclosureDriver.partlyDisclosed(RoleSessions.session(CITIZEN), RoleSessions.session(OFFICIAL), home());
    }

    private static String releasedDocument;

    /** A public request with one released document: its path. */
    private static synchronized String releasedDocument() {
        if (releasedDocument == null) {
            var attached = RoleSessions.session(OFFICIAL).post(DisclosureDriver.path(partlyDisclosed(), "/documents"),
                    DisclosureDriver.documentBody("계약서", "단가 [[redact:ITEM_7]]1,000원[[/redact]]"));
            if (attached.status() != 201) throw new IllegalStateException(attached.toString());
            releasedDocument = attached.json().getString("href");
        }
        return releasedDocument;
    }

    private static String objected() {
        return DisclosureDriver.objected(RoleSessions.session(CITIZEN), RoleSessions.session(OFFICIAL), home());
    }

    /** A date far from any real deadline, new for each call, so holiday rows never collide. */
    private static String farDate() {
        return LocalDate.of(2090, 1, 1).plusDays(DAYS.incrementAndGet() + (long) (Math.random() * 3000)).toString();
    }

    private static String holidayToRemove(Who who) {
        String date = farDate();
        if (who == ADMIN) {
            var added = RoleSessions.session(ADMIN).post("/api/holidays", Api.json("date", date, "nameKo", "삭제용", "nameEn", "To remove"));
            if (added.status() != 201) throw new IllegalStateException(added.toString());
        }
        return "/api/holidays/" + date;
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of("POST", "/api/disclosure/requests").call(who -> Call.of("/api/disclosure/requests",
                        DisclosureDriver.requestBody(home(), false))).signedIn().expect(201, Who.SIGNED_IN),
                Endpoint.of("GET", "/api/disclosure/requests").permitAll(),
                Endpoint.of("GET", "/api/disclosure/requests/mine").signedIn(),
                Endpoint.of("GET", "/api/disclosure/requests/{reference}")
                        .call(who -> Call.of(DisclosureDriver.path(publicRequest(), ""))).permitAll().expect(200, Who.values()),
                Endpoint.of("GET", "/api/disclosure/agencies/{agencyId}/requests")
                        .call(who -> Call.of("/api/disclosure/agencies/" + home() + "/requests")).allow(OFFICIAL, ORG_ADMIN),
                Endpoint.of("POST", "/api/disclosure/requests/{reference}/acknowledgement")
                        .call(who -> Call.of(DisclosureDriver.path(fresh(), "/acknowledgement"))).allow(OFFICIAL, ORG_ADMIN)
                        .expect(200, OFFICIAL, ORG_ADMIN),
                Endpoint.of("POST", "/api/disclosure/requests/{reference}/extension")
                        .call(who -> Call.of(DisclosureDriver.path(fresh(), "/extension"), Api.json("reason", "자료가 방대함")))
                        .allow(OFFICIAL, ORG_ADMIN).expect(200, OFFICIAL, ORG_ADMIN),
                Endpoint.of("POST", "/api/disclosure/requests/{reference}/decision")
                        .call(who -> Call.of(DisclosureDriver.path(fresh(), "/decision"), Api.json("decision", "DISCLOSED")))
                        .allow(OFFICIAL, ORG_ADMIN).expect(200, OFFICIAL, ORG_ADMIN),
                Endpoint.of("POST", "/api/disclosure/requests/{reference}/transfer")
                        .call(who -> Call.of(DisclosureDriver.path(fresh(), "/transfer"),
                                Api.json("agencyId", otherAgency().toString(), "reason", "소관 기관이 아님")))
                        .allow(OFFICIAL, ORG_ADMIN).expect(200, OFFICIAL, ORG_ADMIN),
                Endpoint.of("POST", "/api/disclosure/requests/{reference}/clarification")
                        .call(who -> Call.of(DisclosureDriver.path(fresh(), "/clarification"), Api.json("question", "기간을 특정해 주십시오.")))
                        .allow(OFFICIAL, ORG_ADMIN).expect(200, OFFICIAL, ORG_ADMIN),
                Endpoint.of("POST", "/api/disclosure/requests/{reference}/clarification/answer")
                        .call(who -> Call.of(DisclosureDriver.path(DisclosureDriver.awaitingClarification(RoleSessions.session(CITIZEN),
                                RoleSessions.session(OFFICIAL), home()), "/clarification/answer"), Api.json("answer", "2025년 전체입니다.")))
                        .allow(CITIZEN).expect(200, CITIZEN),
                Endpoint.of("POST", "/api/disclosure/requests/{reference}/objection")
                        .call(who -> Call.of(DisclosureDriver.path(decided(), "/objection"), Api.json("text", "이의")))
                        .allow(CITIZEN).expect(200, CITIZEN),
                Endpoint.of("POST", "/api/disclosure/requests/{reference}/objection/extension")
                        .call(who -> Call.of(DisclosureDriver.path(objected(), "/objection/extension"), Api.json("reason", "검토 필요")))
                        .allow(OFFICIAL, ORG_ADMIN).expect(200, OFFICIAL, ORG_ADMIN),
                Endpoint.of("POST", "/api/disclosure/requests/{reference}/objection/decision")
                        .call(who -> Call.of(DisclosureDriver.path(objected(), "/objection/decision"),
                                Api.json("outcome", "DISMISSED", "reason", "비공개 사유가 여전함")))
                        .allow(OFFICIAL, ORG_ADMIN).expect(200, OFFICIAL, ORG_ADMIN),
                Endpoint.of("POST", "/api/disclosure/requests/{reference}/third-parties")
                        .call(who -> Call.of(DisclosureDriver.path(fresh(), "/third-parties"),
                                Api.json("name", "주식회사 행렬", "email", "matrix-third-party@example.org")))
                        .allow(OFFICIAL, ORG_ADMIN).expect(200, OFFICIAL, ORG_ADMIN),
                // open to all, without a session: only the link's secret decides (an unknown one is 404 for everyone)
                Endpoint.of("POST", "/api/disclosure/third-party-notices")
                        .body(() -> Api.json("token", "no-such-notice")).permitAll().expect(404, Who.values()),
                Endpoint.of("POST", "/api/disclosure/third-party-objections")
                        .body(() -> Api.json("token", "no-such-notice", "reason", "공개에 반대합니다.")).permitAll().expect(404, Who.values()),
                Endpoint.of("POST", "/api/disclosure/requests/{reference}/documents")
                        .call(who -> Call.of(DisclosureDriver.path(partlyDisclosed(), "/documents"),
                                DisclosureDriver.documentBody("행렬 문서", "[[redact:ITEM_7]]단가[[/redact]]")))
                        .allow(OFFICIAL, ORG_ADMIN).expect(201, OFFICIAL, ORG_ADMIN),
                Endpoint.of("GET", "/api/disclosure/requests/{reference}/documents")
                        .call(who -> Call.of(DisclosureDriver.path(publicRequest(), "/documents"))).permitAll().expect(200, Who.values()),
                Endpoint.of("GET", "/api/disclosure/requests/{reference}/documents/{documentId}")
                        .call(who -> Call.of(releasedDocument())).permitAll().expect(200, Who.values()),
                Endpoint.of("POST", "/api/disclosure/deemed-refusals")
                        .body(() -> Api.json("agencyId", UUID.randomUUID().toString())).allow(ADMIN).expect(200, ADMIN),
                Endpoint.of("POST", "/api/disclosure/reminders")
                        .body(() -> Api.json("agencyId", UUID.randomUUID().toString())).allow(ADMIN).expect(200, ADMIN),
                Endpoint.of("GET", "/api/disclosure/grounds").permitAll(),
                Endpoint.of("GET", "/api/disclosure/statistics").permitAll(),
                Endpoint.of("GET", "/api/holidays").permitAll(),
                Endpoint.of("POST", "/api/holidays")
                        .body(() -> Api.json("date", farDate(), "nameKo", "행렬 휴일", "nameEn", "Matrix holiday"))
                        .allow(ADMIN).expect(201, ADMIN),
                Endpoint.of("DELETE", "/api/holidays/{date}").call(who -> Call.of(holidayToRemove(who)))
                        .allow(ADMIN).expect(204, ADMIN));
    }
}
