package org.madang.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.madang.testing.Api;
import org.madang.testing.Browser;
import org.madang.testing.People;
import org.openqa.selenium.support.ui.Select;

/**
 * A disclosure request through the pages, with two people in two browsers: the citizen files it and finds it under
 * "my requests", the official extends it (the decision deadline moves on the page) and decides PARTLY_DISCLOSED with
 * the redactions, the citizen sees the objection deadline and objects, and the official is then offered the
 * objection's decision. The official asks the citizen to clarify a request, the citizen answers, and the released
 * document shows the citizen its redacted text only; a third party notified from the handling page objects through the
 * mailed link. axe finds nothing on any of the pages in Korean and English.
 */
class DisclosureBrowserIT {

    private static final Pattern REFERENCE = Pattern.compile("\\d{4}-\\d{6,9}");

    private static void check(Browser browser, String what, String language) {
        browser.settle();
        assertThat(browser.accessibilityViolations()).as(what + " in " + language).isEmpty();
    }

    /** Submits the form as it stands and expects it refused, each field marked invalid, the page still free of axe violations. */
    private static void submitRefused(Browser browser, String form, String what, String... invalidFields) {
        browser.click("#" + form + " button[type=submit]");
        browser.awaitText("#" + form + "-status", "오류");
        for (String field : invalidFields) {
            assertThat(browser.find("#" + field).getAttribute("aria-invalid")).as(what + ": " + field).isEqualTo("true");
        }
        check(browser, what + " with errors", "ko");
    }

    /** Checks the page in English, then back in Korean (the language the rest of the test reads). */
    private static void checkBothLanguages(Browser browser, String what, String readySelector) {
        browser.useLanguage("en");
        browser.find(readySelector);
        check(browser, what, "en");
        browser.useLanguage("ko");
        browser.find(readySelector);
        check(browser, what, "ko");
    }

    /** An official of a new ministry with two-factor sign-in set up whose next TOTP step is unspent. */
    private record Official(UUID agency, People.Person person) {
    }

    private static Official official() {
        UUID agency = People.ministry();
        return new Official(agency, People.staffForBrowser("OFFICIAL", agency));
    }

    private static String lastDay(Browser browser, String kind) {
        return browser.textOf("#deadlines-body tr[data-kind=" + kind + "] td:nth-child(2)");
    }

    @Test
    void citizenRequestsOfficialExtendsAndPartlyDisclosesCitizenObjects() {
        var official = official();
        var citizen = People.citizen();
        try (var citizenBrowser = new Browser(); var officialBrowser = new Browser()) {
            // The citizen files the request through the form; a form without a subject is refused beside the field.
            citizenBrowser.signIn(citizen.email(), citizen.password(), null);
            citizenBrowser.open("/information/new-request.html");
            citizenBrowser.find("#subject");
            checkBothLanguages(citizenBrowser, "new request form", "#subject");
            new Select(citizenBrowser.find("#agency")).selectByValue(official.agency().toString());
            submitRefused(citizenBrowser, "request-form", "new request form", "subject");
            citizenBrowser.type("#subject", "2025년 도서관 운영 예산 집행내역");
            citizenBrowser.type("#description", "구립 도서관 운영비 집행내역 전부(일자, 금액, 용도)");
            citizenBrowser.click("label[for=form-copy]");
            citizenBrowser.click("#request-form button[type=submit]");
            String filedText = citizenBrowser.awaitText("#filed-text", "접수번호");
            var found = REFERENCE.matcher(filedText);
            assertThat(found.find()).as(filedText).isTrue();
            String reference = found.group();
            check(citizenBrowser, "new request form after filing", "ko");

            citizenBrowser.open("/information/mine.html");
            citizenBrowser.awaitText("#mine-body", reference);
            assertThat(citizenBrowser.textOf("#mine-body tr[data-ref='" + reference + "']"))
                    .contains("2025년 도서관 운영 예산 집행내역", "접수", "공개 여부 결정");
            checkBothLanguages(citizenBrowser, "my requests", "#mine-body tr");

            // The official finds it in the agency's queue and opens the handling page.
            officialBrowser.signIn(official.person().email(), official.person().password(), official.person().totpSecret());
            officialBrowser.open("/information/queue.html?agency=" + official.agency());
            officialBrowser.awaitText("#queue-body", reference);
            checkBothLanguages(officialBrowser, "agency queue", "#queue-body tr");
            officialBrowser.click("#queue-body tr[data-ref='" + reference + "'] a");
            officialBrowser.awaitText("#request-subject", reference);
            officialBrowser.awaitText("#deadlines-body", "공개 여부 결정");
            checkBothLanguages(officialBrowser, "handling page", "#deadlines-body tr");
            LocalDate dueBefore = LocalDate.parse(lastDay(officialBrowser, "DECISION"));
            assertThat(officialBrowser.shown("#objection-decide-section")).isFalse();

            officialBrowser.type("#extend-reason", "집행내역이 여러 부서에 나뉘어 있어 취합에 시간이 필요합니다.");
            officialBrowser.click("#extend-form button[type=submit]");
            officialBrowser.awaitText("#action-status", "연장했습니다");
            LocalDate dueAfter = LocalDate.parse(lastDay(officialBrowser, "DECISION"));
            assertThat(dueAfter).isAfterOrEqualTo(dueBefore.plusDays(10));
            assertThat(officialBrowser.textOf("#request-facts")).contains("취합에 시간이 필요합니다");
            assertThat(officialBrowser.shown("#extend-section")).as("one extension only").isFalse();

            officialBrowser.click("label[for=decision-partly]");
            submitRefused(officialBrowser, "decide-form", "decision form", "redactions", "ground");
            new Select(officialBrowser.find("#ground")).selectByValue("ITEM_6");
            officialBrowser.type("#redactions", "거래 상대방 개인의 계좌번호");
            officialBrowser.type("#decision-reason", "개인정보에 해당하는 부분을 제외하고 공개합니다.");
            officialBrowser.click("#decide-form button[type=submit]");
            officialBrowser.awaitText("#action-status", "결정했습니다");
            assertThat(officialBrowser.textOf("#request-facts")).contains("부분공개", "거래 상대방 개인의 계좌번호", "사생활");
            assertThat(lastDay(officialBrowser, "OBJECTION")).isNotEmpty();
            check(officialBrowser, "handling page after the decision", "ko");

            // The official is not the requester: the public page offers them no objection, only the way back.
            officialBrowser.open("/information/request.html?ref=" + reference);
            officialBrowser.awaitText("#deadlines-body", "이의신청");
            officialBrowser.find("#handle-link");
            assertThat(officialBrowser.shown("#objection-section")).isFalse();

            // The citizen sees the extended deadline, the decision and the objection window, and objects.
            citizenBrowser.open("/information/request.html?ref=" + reference);
            citizenBrowser.awaitText("#deadlines-body", "이의신청");
            assertThat(lastDay(citizenBrowser, "DECISION")).isEqualTo(dueAfter.toString());
            String objectionDay = lastDay(citizenBrowser, "OBJECTION");
            assertThat(LocalDate.parse(objectionDay)).isAfter(LocalDate.now().minusDays(1));
            assertThat(citizenBrowser.awaitText("#objection-lead", objectionDay)).contains(objectionDay);
            assertThat(citizenBrowser.textOf("#request-facts")).contains("거래 상대방 개인의 계좌번호");
            assertThat(citizenBrowser.shown("#handle-link-row")).isFalse();
            checkBothLanguages(citizenBrowser, "request page with the objection form", "#objection-text");
            citizenBrowser.type("#objection-text", "계좌번호 외의 거래처 이름까지 가려졌으므로 다시 공개해 주십시오.");
            citizenBrowser.click("#objection-form button[type=submit]");
            citizenBrowser.awaitText("#result", "이의신청을 접수했습니다");
            assertThat(lastDay(citizenBrowser, "OBJECTION_DECISION")).isNotEmpty();
            assertThat(citizenBrowser.shown("#objection-section")).isFalse();
            assertThat(citizenBrowser.textOf("#request-facts")).contains("거래처 이름까지 가려졌으므로");
            check(citizenBrowser, "request page after objecting", "ko");

            // Back on the handling page, the official is offered the objection's extension and decision.
            officialBrowser.open("/information/handle.html?ref=" + reference);
            officialBrowser.awaitText("#deadlines-body", "이의신청 결정");
            officialBrowser.find("#objection-decide-section");
            assertThat(officialBrowser.shown("#objection-extend-section")).isTrue();
            assertThat(officialBrowser.shown("#decide-section")).isFalse();
            check(officialBrowser, "handling page with an objection", "ko");
        }
    }

    @Test
    void officialAsksForClarificationCitizenAnswersOfficialReleasesARedactedDocument() {
        var official = official();
        var citizen = People.citizen();
        String reference = DisclosureDriver.file(citizen.session(), official.agency(), false);
        String withheld = "단가 1식 9,870,000원";
        try (var citizenBrowser = new Browser(); var officialBrowser = new Browser()) {
            // The official is offered clarification, transfer and the third-party notice before deciding.
            officialBrowser.signIn(official.person().email(), official.person().password(), official.person().totpSecret());
            officialBrowser.open("/information/handle.html?ref=" + reference);
            officialBrowser.awaitText("#request-subject", reference);
            officialBrowser.find("#clarify-question");
            assertThat(officialBrowser.shown("#transfer-section")).isTrue();
            assertThat(officialBrowser.shown("#third-party-section")).isTrue();
            assertThat(officialBrowser.shown("#release-section")).as("nothing to release before a decision").isFalse();
            assertThat(new Select(officialBrowser.find("#transfer-agency")).getOptions())
                    .as("the request's own agency is no transfer target")
                    .noneMatch(o -> official.agency().toString().equals(o.getAttribute("value")));
            checkBothLanguages(officialBrowser, "handling page before the decision", "#clarify-question");
            submitRefused(officialBrowser, "clarify-form", "clarification form", "clarify-question");
            officialBrowser.type("#clarify-question", "청구하신 집행내역의 기간(연도와 월)을 특정해 주십시오.");
            officialBrowser.click("#clarify-form button[type=submit]");
            officialBrowser.awaitText("#action-status", "보완을 요청했습니다");
            assertThat(officialBrowser.textOf("#request-facts")).contains("보완 요청 중", "기간(연도와 월)을 특정해");
            assertThat(officialBrowser.shown("#clarify-section")).as("one question at a time").isFalse();
            assertThat(officialBrowser.shown("#decide-section")).isTrue();
            check(officialBrowser, "handling page awaiting clarification", "ko");

            // The citizen reads the question on the request page and answers it; the clock runs again.
            citizenBrowser.signIn(citizen.email(), citizen.password(), null);
            citizenBrowser.open("/information/request.html?ref=" + reference);
            citizenBrowser.awaitText("#clarification-question", "기간(연도와 월)을 특정해");
            checkBothLanguages(citizenBrowser, "request page with the clarification form", "#clarification-answer");
            submitRefused(citizenBrowser, "clarification-form", "clarification form", "clarification-answer");
            citizenBrowser.type("#clarification-answer", "2025년 1월부터 6월까지의 집행내역입니다.");
            citizenBrowser.click("#clarification-form button[type=submit]");
            citizenBrowser.awaitText("#result", "보완 내용을 보냈습니다");
            assertThat(citizenBrowser.shown("#clarification-section")).isFalse();
            assertThat(citizenBrowser.textOf("#request-facts")).contains("2025년 1월부터 6월까지", "결정 기간이 멈춘 날수");
            check(citizenBrowser, "request page after the clarification", "ko");

            // The official decides to disclose in part and releases the document with one passage marked withheld;
            // markup that is not closed is refused with the line it is on.
            officialBrowser.open("/information/handle.html?ref=" + reference);
            officialBrowser.awaitText("#request-facts", "2025년 1월부터 6월까지");
            officialBrowser.click("label[for=decision-partly]");
            new Select(officialBrowser.find("#ground")).selectByValue("ITEM_7");
            officialBrowser.type("#redactions", "계약 단가");
            officialBrowser.type("#decision-reason", "계약 단가는 법인의 영업상 비밀이므로 제외하고 공개합니다.");
            officialBrowser.click("#decide-form button[type=submit]");
            officialBrowser.awaitText("#action-status", "결정했습니다");
            officialBrowser.find("#document-title");
            checkBothLanguages(officialBrowser, "handling page with the release form", "#document-title");
            officialBrowser.type("#document-title", "2025년 상반기 도서관 운영비 집행내역");
            officialBrowser.type("#document-text", "# 집행내역\n[[redact:ITEM_7]]" + withheld);
            officialBrowser.click("#release-form button[type=submit]");
            officialBrowser.awaitText("#release-form", "2번째 줄");
            assertThat(officialBrowser.find("#document-text").getAttribute("aria-invalid")).isEqualTo("true");
            check(officialBrowser, "release form with malformed markup", "ko");
            officialBrowser.type("#document-text", "# 집행내역\n- 도서 구입비 12,000,000원\n- 청소 용역 [[redact:ITEM_7]]" + withheld + "[[/redact]]");
            officialBrowser.click("#release-form button[type=submit]");
            officialBrowser.awaitText("#action-status", "문서를 공개했습니다");
            assertThat(officialBrowser.textOf("#documents-list")).contains("2025년 상반기 도서관 운영비 집행내역", "가린 부분 1곳", "제7호");
            check(officialBrowser, "handling page with a released document", "ko");

            // The citizen finds the document on the request page; its text has the placeholder, never the passage.
            citizenBrowser.open("/information/request.html?ref=" + reference);
            citizenBrowser.awaitText("#documents-list", "2025년 상반기 도서관 운영비 집행내역");
            assertThat(citizenBrowser.textOf("#documents-list")).contains("가린 부분 1곳", "제7호");
            checkBothLanguages(citizenBrowser, "request page with a released document", "#documents-list a");
            assertThat(citizenBrowser.driver().getPageSource()).doesNotContain(withheld);
            citizenBrowser.click("#documents-list a");
            citizenBrowser.awaitUrlContains("/documents/");
            String text = citizenBrowser.awaitText("body", "[비공개: 제9조제1항제7호]");
            assertThat(text).contains("도서 구입비 12,000,000원").doesNotContain(withheld, "redact");
        }
    }

    @Test
    void thirdPartyIsNotifiedFromTheHandlingPageAndObjectsThroughTheLink() {
        var official = official();
        var citizen = People.citizen();
        String reference = DisclosureDriver.file(citizen.session(), official.agency(), false);
        String address = "third-" + UUID.randomUUID() + "@example.org";
        try (var officialBrowser = new Browser(); var thirdPartyBrowser = new Browser(); var citizenBrowser = new Browser()) {
            officialBrowser.signIn(official.person().email(), official.person().password(), official.person().totpSecret());
            officialBrowser.open("/information/handle.html?ref=" + reference);
            officialBrowser.awaitText("#request-subject", reference);
            officialBrowser.type("#third-party-name", "주식회사 가온");
            officialBrowser.type("#third-party-email", "not-an-address");
            submitRefused(officialBrowser, "third-party-form", "third-party form", "third-party-email");
            officialBrowser.type("#third-party-email", address);
            officialBrowser.click("#third-party-form button[type=submit]");
            officialBrowser.awaitText("#action-status", "제3자에게 통지했습니다");
            assertThat(officialBrowser.textOf("#third-parties-body")).contains("주식회사 가온", "비공개 요청 없음");
            assertThat(lastDay(officialBrowser, "THIRD_PARTY_OBJECTION")).isNotEmpty();
            checkBothLanguages(officialBrowser, "handling page with a notified third party", "#third-parties-body tr");

            // The third party opens the mailed link without an account; the secret leaves the address bar at once.
            String token = DisclosureDriver.thirdPartyToken(People.awaitMail(address, reference));
            thirdPartyBrowser.open("/information/third-party.html#token=" + token);
            thirdPartyBrowser.awaitText("#notice-subject", reference);
            assertThat(thirdPartyBrowser.driver().getCurrentUrl()).doesNotContain(token).endsWith("/information/third-party.html");
            assertThat(thirdPartyBrowser.textOf("#notice-facts")).contains("주식회사 가온").doesNotContain(citizen.email());
            String window = lastDay(officialBrowser, "THIRD_PARTY_OBJECTION");
            assertThat(thirdPartyBrowser.textOf("#notice-deadline")).contains(window);
            assertThat(thirdPartyBrowser.textOf("#notice-deadline-why")).isNotBlank();
            checkBothLanguages(thirdPartyBrowser, "third-party notice with the objection form", "#notice-reason");
            thirdPartyBrowser.click("#notice-objection-form button[type=submit]");
            thirdPartyBrowser.awaitText("#notice-objection-form-status", "오류");
            check(thirdPartyBrowser, "third-party objection form with errors", "ko");
            thirdPartyBrowser.type("#notice-reason", "점검 결과에 당사의 영업상 비밀(설비 배치도)이 들어 있습니다.");
            thirdPartyBrowser.click("#notice-objection-form button[type=submit]");
            thirdPartyBrowser.awaitText("#notice-state", "비공개 요청을 접수했습니다");
            assertThat(thirdPartyBrowser.shown("#notice-objection-section")).isFalse();
            checkBothLanguages(thirdPartyBrowser, "third-party notice after the objection", "#notice-state p");

            // The agency sees who objected and why; the requester sees the consultation, never who or why.
            officialBrowser.open("/information/handle.html?ref=" + reference);
            officialBrowser.awaitText("#third-parties-body", "영업상 비밀");
            // Deciding to disclose against the objection starts the 30-day wait: no release form until it ends.
            officialBrowser.type("#decision-reason", "점검 결과는 공익을 위하여 공개할 필요가 있습니다.");
            officialBrowser.click("#decide-form button[type=submit]");
            officialBrowser.awaitText("#action-status", "결정했습니다");
            String waitDay = lastDay(officialBrowser, "DISCLOSURE_WAIT");
            assertThat(officialBrowser.awaitText("#release-wait", waitDay)).contains("30일");
            assertThat(officialBrowser.shown("#release-section")).isFalse();
            checkBothLanguages(officialBrowser, "handling page during the disclosure wait", "#release-wait");
            citizenBrowser.signIn(citizen.email(), citizen.password(), null);
            citizenBrowser.open("/information/request.html?ref=" + reference);
            citizenBrowser.awaitText("#consultation-state", "비공개 요청 1명");
            assertThat(citizenBrowser.driver().getPageSource()).doesNotContain("가온", "영업상 비밀", address);
            checkBothLanguages(citizenBrowser, "request page with a third-party consultation", "#consultation-state");

            // A link nobody issued, and a notice whose window a refusal closed, are both said plainly.
            thirdPartyBrowser.open("/information/third-party.html#token=no-such-secret-" + UUID.randomUUID());
            thirdPartyBrowser.awaitText("#result", "유효하지 않습니다");
            checkBothLanguages(thirdPartyBrowser, "third-party page with an unknown link", "#result p");
            var otherOfficial = People.staff("OFFICIAL", official.agency()).session();
            String refused = DisclosureDriver.file(citizen.session(), official.agency(), false);
            String late = "late-" + UUID.randomUUID() + "@example.org";
            DisclosureDriver.ok(otherOfficial.post(DisclosureDriver.path(refused, "/third-parties"),
                    Api.json("name", "박서연", "email", late)));
            String lateToken = DisclosureDriver.thirdPartyToken(People.awaitMail(late, refused));
            DisclosureDriver.ok(otherOfficial.post(DisclosureDriver.path(refused, "/decision"), Api.json(
                    "decision", "NOT_DISCLOSED", "ground", "ITEM_6", "reason", "개인에 관한 정보입니다.")));
            thirdPartyBrowser.open("/information/third-party.html#token=" + lateToken);
            thirdPartyBrowser.awaitText("#notice-state", "기간이 끝났습니다");
            assertThat(thirdPartyBrowser.shown("#notice-objection-section")).isFalse();
            checkBothLanguages(thirdPartyBrowser, "third-party notice after its window closed", "#notice-state p");
        }
    }

    @Test
    void officialTransfersARequestToTheAgencyThatHoldsTheInformation() {
        var official = official();
        UUID holder = People.ministry();
        var citizen = People.citizen();
        String reference = DisclosureDriver.file(citizen.session(), official.agency(), false);
        try (var officialBrowser = new Browser(); var citizenBrowser = new Browser()) {
            officialBrowser.signIn(official.person().email(), official.person().password(), official.person().totpSecret());
            officialBrowser.open("/information/handle.html?ref=" + reference);
            officialBrowser.awaitText("#request-subject", reference);
            submitRefused(officialBrowser, "transfer-form", "transfer form", "transfer-agency");
            new Select(officialBrowser.find("#transfer-agency")).selectByValue(holder.toString());
            officialBrowser.type("#transfer-reason", "해당 집행내역은 이송받는 기관이 보유하고 있습니다.");
            officialBrowser.click("#transfer-form button[type=submit]");
            officialBrowser.awaitText("#action-status", "이송했습니다");
            assertThat(officialBrowser.textOf("#request-facts")).contains("이송 사유", "이송받는 기관이 보유");
            assertThat(officialBrowser.shown("#transfer-section")).as("the request is the other agency's now").isFalse();
            assertThat(officialBrowser.shown("#decide-section")).isFalse();
            check(officialBrowser, "handling page after the transfer", "ko");

            citizenBrowser.signIn(citizen.email(), citizen.password(), null);
            citizenBrowser.open("/information/request.html?ref=" + reference);
            citizenBrowser.awaitText("#request-facts", "이송받는 기관이 보유");
            assertThat(citizenBrowser.textOf("#request-facts")).contains("이송한 기관", "이송일시");
            checkBothLanguages(citizenBrowser, "request page of a transferred request", "#request-facts dt");
        }
    }

    @Test
    void administratorAddsAndRemovesAHolidayByYear() {
        var admin = People.staffForBrowser("ADMIN");
        // A day far ahead that no other test counts with, different on every run.
        String day = "2099-%02d-%02d".formatted(1 + (int) (System.nanoTime() % 12), 1 + (int) (System.nanoTime() / 7 % 28));
        try (var browser = new Browser()) {
            browser.signIn(admin.email(), admin.password(), admin.totpSecret());
            browser.open("/admin/holidays.html");
            browser.find("#holiday-date");
            checkBothLanguages(browser, "holiday calendar", "#holiday-date");
            submitRefused(browser, "add-form", "holiday form", "holiday-name-ko");

            browser.script("document.getElementById('holiday-date').value = arguments[0]", day);
            browser.type("#holiday-name-ko", "시험 공휴일");
            browser.type("#holiday-name-en", "Test holiday");
            browser.click("#add-form button[type=submit]");
            browser.awaitText("#add-form-status", day);
            browser.awaitText("#holidays-body", "시험 공휴일");
            assertThat(new Select(browser.find("#year")).getFirstSelectedOption().getText()).isEqualTo("2099");
            assertThat(browser.textOf("#holidays-body tr[data-date='" + day + "']")).contains("Test holiday");
            var calendar = People.admin().session().get("/api/holidays");
            assertThat(calendar.body()).contains(day);
            check(browser, "holiday calendar with a new day", "ko");

            browser.click("#holidays-body tr[data-date='" + day + "'] button");
            browser.awaitText("#list-status", day);
            browser.await(java.time.Duration.ofSeconds(15), d -> browser.textOf("#holidays-body").contains("시험 공휴일") ? null : true);
            assertThat(People.admin().session().get("/api/holidays").body()).doesNotContain(day);
        }
    }
}
