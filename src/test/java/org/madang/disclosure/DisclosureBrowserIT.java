package org.madang.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.madang.testing.Browser;
import org.madang.testing.People;
import org.openqa.selenium.support.ui.Select;

/**
 * A disclosure request through the pages, with two people in two browsers: the citizen files it and finds it under
 * "my requests", the official extends it (the decision deadline moves on the page) and decides PARTLY_DISCLOSED with
 * the redactions, the citizen sees the objection deadline and objects, and the official is then offered the
 * objection's decision. axe finds nothing on any of the pages in Korean and English.
 */
class DisclosureBrowserIT {

    private static final Pattern REFERENCE = Pattern.compile("\\d{4}-\\d{6,9}");

    private static void check(Browser browser, String what, String language) {
        browser.settle();
        assertThat(browser.accessibilityViolations()).as(what + " in " + language).isEmpty();
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
            citizenBrowser.click("#request-form button[type=submit]");
            citizenBrowser.awaitText("#request-form-status", "오류");
            assertThat(citizenBrowser.find("#subject").getAttribute("aria-invalid")).isEqualTo("true");
            check(citizenBrowser, "new request form with errors", "ko");
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
            officialBrowser.click("#decide-form button[type=submit]");
            officialBrowser.awaitText("#decide-form-status", "오류");
            assertThat(officialBrowser.find("#redactions").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(officialBrowser.find("#ground").getAttribute("aria-invalid")).isEqualTo("true");
            check(officialBrowser, "decision form with errors", "ko");
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
    void administratorAddsAndRemovesAHolidayByYear() {
        var admin = People.staffForBrowser("ADMIN");
        // A day far ahead that no other test counts with, different on every run.
        String day = "2099-%02d-%02d".formatted(1 + (int) (System.nanoTime() % 12), 1 + (int) (System.nanoTime() / 7 % 28));
        try (var browser = new Browser()) {
            browser.signIn(admin.email(), admin.password(), admin.totpSecret());
            browser.open("/admin/holidays.html");
            browser.find("#holiday-date");
            checkBothLanguages(browser, "holiday calendar", "#holiday-date");
            browser.click("#add-form button[type=submit]");
            browser.awaitText("#add-form-status", "오류");
            assertThat(browser.find("#holiday-name-ko").getAttribute("aria-invalid")).isEqualTo("true");
            check(browser, "holiday form with errors", "ko");

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
