package org.madang.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.madang.disclosure.DisclosureDriver.deadline;
import static org.madang.disclosure.DisclosureDriver.ok;
import static org.madang.disclosure.DisclosureDriver.path;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.madang.platform.clock.CivilPeriods;
import org.madang.testing.Api;
import org.madang.testing.Api.Session;
import org.madang.testing.People;

/**
 * Hearing a third party (Art. 11(3), 21) over the API: the notice mail and its link, the objection through it without
 * an account, no disclosure while the third party may still object, and the 30-day wait after a decision to
 * disclose against the objection. The day counts themselves are checked in DisclosureClockTest.
 */
class ThirdPartyConsultationIT {

    private static Api.Reply notice(String token) {
        return Session.anonymous().post("/api/disclosure/third-party-notices", Api.json("token", token));
    }

    private static Api.Reply objection(String token, String reason) {
        return Session.anonymous().post("/api/disclosure/third-party-objections", Api.json("token", token, "reason", reason));
    }

    @Test
    void thirdPartyObjectsThroughTheLinkAndTheDisclosureWaitsThirtyDays() {
        UUID agency = People.ministry();
        var official = People.staff("OFFICIAL", agency).session();
        var requester = People.citizen();
        var citizen = requester.session();
        String reference = DisclosureDriver.file(citizen, agency, false);
        String address = "third-" + UUID.randomUUID() + "@example.org";

        var badAddress = official.post(path(reference, "/third-parties"), Api.json("name", "주식회사 가온", "email", "not-an-address"));
        assertThat(badAddress.status()).isEqualTo(400);
        assertThat(badAddress.isProblem()).isTrue();
        assertThat(citizen.post(path(reference, "/third-parties"), Api.json("name", "나", "email", address)).status()).isEqualTo(403);

        var notified = ok(official.post(path(reference, "/third-parties"), Api.json("name", "주식회사 가온", "email", address))).json();
        var window = deadline(notified, "THIRD_PARTY_OBJECTION");
        assertThat(window.getBoolean("open")).isTrue();
        assertThat(window.getString("rule")).contains("제21조");
        assertThat(window.getInt("days")).isEqualTo(3);
        var listed = notified.getJsonArray("thirdParties").getJsonObject(0);
        assertThat(listed.getString("name")).as("the agency sees whom it notified").isEqualTo("주식회사 가온");
        // the public page of the request shows the consultation and its days, not who or what address
        String publicView = ok(Session.anonymous().get(path(reference, ""))).body();
        assertThat(publicView).contains("THIRD_PARTY_OBJECTION").doesNotContain("가온", address);

        var early = official.post(path(reference, "/decision"), Api.json("decision", "DISCLOSED"));
        assertThat(early.status()).as("the third party may still object").isEqualTo(409);
        assertThat(early.isProblem()).isTrue();

        String mail = People.awaitMail(address, reference);
        assertThat(mail).contains("제3자", "Art. 21(1)", window.getString("lastDay"));
        String token = DisclosureDriver.thirdPartyToken(mail);
        var seen = ok(notice(token)).json();
        assertThat(seen.getString("reference")).isEqualTo(reference);
        assertThat(seen.getBoolean("objectionOpen")).isTrue();
        assertThat(seen.getJsonObject("objectionDeadline").getString("lastDay")).isEqualTo(window.getString("lastDay"));
        assertThat(seen.toString()).as("the third party never learns who asked").doesNotContain(requester.email());
        assertThat(notice("no-such-secret").status()).isEqualTo(404);
        assertThat(notice(" ").status()).isEqualTo(400);
        assertThat(objection(token, "x".repeat(4001)).status()).isEqualTo(400);

        var objected = ok(objection(token, "점검 결과에 당사의 영업상 비밀(설비 배치도)이 들어 있습니다.")).json();
        assertThat(objected.getBoolean("objectionOpen")).isFalse();
        assertThat(objected.getString("objectedAt")).isNotBlank();
        assertThat(objection(token, "한 번 더").status()).as("one objection per notice").isEqualTo(409);
        var afterObjection = ok(official.get(path(reference, ""))).json();
        assertThat(afterObjection.getJsonArray("thirdParties").getJsonObject(0).getString("objectionReason")).contains("영업상 비밀");
        assertThat(ok(citizen.get(path(reference, ""))).body()).as("the requester does not see the objection").doesNotContain("영업상 비밀");

        var decided = ok(official.post(path(reference, "/decision"),
                Api.json("decision", "DISCLOSED", "reason", "점검 결과는 공익을 위하여 공개할 필요가 있습니다."))).json();
        var wait = deadline(decided, "DISCLOSURE_WAIT");
        assertThat(wait.getBoolean("open")).isTrue();
        assertThat(wait.getInt("days")).isEqualTo(30);
        LocalDate decidedOn = Instant.parse(decided.getString("decidedAt")).atZone(CivilPeriods.SEOUL).toLocalDate();
        LocalDate lastDay = LocalDate.parse(wait.getString("lastDay"));
        assertThat(lastDay).isBetween(decidedOn.plusDays(30), decidedOn.plusDays(45));

        var release = official.post(path(reference, "/documents"), DisclosureDriver.documentBody("점검 결과", "점검 결과 전문"));
        assertThat(release.status()).as("nothing is released before the wait ends").isEqualTo(409);
        assertThat(release.body()).contains(lastDay.toString());
        assertThat(People.awaitMail(address, "despite your objection")).contains(reference, lastDay.plusDays(1).toString(), "공익");

        String audit = People.admin().session().get("/api/audit?limit=200").body();
        assertThat(audit).contains("disclosure.thirdPartyNotified", "disclosure.thirdPartyObjected").doesNotContain(address);
    }

    @Test
    void refusalNeedsNoWaitAndEndsTheThirdPartysChanceToObject() {
        UUID agency = People.ministry();
        var official = People.staff("OFFICIAL", agency).session();
        String reference = DisclosureDriver.file(People.citizen().session(), agency, false);
        String address = "third-" + UUID.randomUUID() + "@example.org";
        ok(official.post(path(reference, "/third-parties"), Api.json("name", "박서연", "email", address)));
        String token = DisclosureDriver.thirdPartyToken(People.awaitMail(address, reference));

        JsonObject refused = ok(official.post(path(reference, "/decision"),
                Api.json("decision", "NOT_DISCLOSED", "ground", "ITEM_6", "reason", "개인에 관한 정보입니다."))).json();
        assertThat(refused.getJsonArray("deadlines").toString()).doesNotContain("DISCLOSURE_WAIT");
        assertThat(deadline(refused, "THIRD_PARTY_OBJECTION").getBoolean("open")).isFalse();
        assertThat(ok(notice(token)).json().getBoolean("objectionOpen")).isFalse();
        var late = objection(token, "공개하지 말아 주십시오.");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.isProblem()).isTrue();
        assertThat(official.post(path(reference, "/third-parties"), Api.json("name", "늦은 제3자", "email", address)).status())
                .as("no notices once decided").isEqualTo(409);
    }
}
