package org.madang.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.madang.testing.Api;
import org.madang.testing.Api.Session;
import org.madang.testing.Browser;
import org.madang.testing.People;
import org.madang.testing.RoleSessions;
import org.madang.testing.Who;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A citizen's rights through the pages: "My data" downloads the export as JSON, HTML and PDF and asks for erasure
 * (shown with its deadline and how it was counted); the privacy officer carries the erasure out on the officer page
 * (after checking the access log and the monthly review), and the citizen's forum thread then reads under the
 * pseudonym. axe finds nothing on these pages in Korean and English.
 */
class PrivacyBrowserIT {

    private static void check(Browser browser, String what, String language) {
        browser.settle();
        assertThat(browser.accessibilityViolations()).as(what + " in " + language).isEmpty();
    }

    /** Fetches a link of the page with the page's own cookies; "status content-type". */
    private static String fetchFromPage(Browser browser, String css) {
        return String.valueOf(((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(document.querySelector(arguments[0]).href, {credentials: 'same-origin'})"
                        + ".then(r => done(r.status + ' ' + r.headers.get('content-type'))).catch(e => done('failed ' + e));", css));
    }

    @Test
    void citizenExportsAndAsksForErasureAndTheOfficerCarriesItOut() throws Exception {
        var citizen = People.citizen();
        String name = "브라우저시민" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(citizen.session().patch("/api/me", Api.json("displayName", name)).status()).isEqualTo(200);
        var forum = RoleSessions.session(Who.ADMIN).post("/api/forums", Api.json("titleKo", "개인정보 화면 시험 " + UUID.randomUUID(),
                "titleEn", "Privacy pages test", "description", "privacy", "stanceRequired", false, "residentsOnly", false));
        assertThat(forum.status()).as(forum.toString()).isEqualTo(201);
        var thread = citizen.session().post("/api/forums/" + forum.json().getString("id") + "/threads",
                Api.json("title", "도서관 운영 시간", "body", "주말에도 열어 주세요."));
        assertThat(thread.status()).as(thread.toString()).isEqualTo(201);
        String threadId = thread.json().getString("id");

        var downloads = Files.createTempDirectory("privacy-downloads");
        try (var browser = new Browser()) {
            browser.signIn(citizen.email(), citizen.password(), null);
            browser.open("/my-data/");
            browser.find("#my-data");
            check(browser, "my data", "ko");
            browser.useLanguage("en");
            browser.find("#my-data");
            check(browser, "my data", "en");
            browser.useLanguage("ko");
            browser.find("#my-data");

            // the three download links answer with what they say they are
            assertThat(fetchFromPage(browser, "a[href='/api/privacy/me/export']")).startsWith("200 application/json");
            assertThat(fetchFromPage(browser, "a[href='/api/privacy/me/export.html']")).startsWith("200 text/html");
            assertThat(fetchFromPage(browser, "a[href='/api/privacy/me/export.pdf']")).startsWith("200 application/pdf");
            browser.downloadTo(downloads);
            browser.click("a[href='/api/privacy/me/export.pdf']");
            var pdf = browser.awaitDownload(downloads, "madang-my-data");
            try (var document = org.apache.pdfbox.Loader.loadPDF(Files.readAllBytes(pdf))) {
                assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains(citizen.email(), name);
            }

            browser.click("#erasure-form button[type=submit]");
            browser.awaitText("#result", "삭제 요청을 받았습니다");
            String erasures = browser.awaitText("#erasures", "민법 제157조");
            assertThat(erasures).contains("개인정보 보호법 제36조", "까지");
            assertThat(browser.shown("#erasure-form")).as("one request at a time").isFalse();
            check(browser, "my data with an erasure request", "ko");
            browser.useLanguage("en");
            browser.awaitText("#erasures", "Civil Act Art. 157");
            check(browser, "my data with an erasure request", "en");
        } finally {
            try (var files = Files.list(downloads)) {
                for (var f : files.toList()) Files.deleteIfExists(f);
            }
            Files.deleteIfExists(downloads);
        }
        String requestId = citizen.session().get("/api/privacy/me/erasure-requests").array().getJsonObject(0).getString("id");

        var officer = People.staffForBrowser("PRIVACY_OFFICER");
        try (var browser = new Browser()) {
            browser.signIn(officer.email(), officer.password(), officer.totpSecret());
            browser.open("/admin/");
            browser.click("#admin-tools a[href='/admin/privacy.html']");
            browser.awaitUrlContains("/admin/privacy.html");
            browser.find("[data-carry-out='" + requestId + "']");
            assertThat(browser.textOf("#erasures-body")).contains(citizen.id().toString(), "개인정보 보호법 제36조");
            check(browser, "privacy officer page", "ko");

            browser.click("#chain-verify");
            browser.awaitText("#chain-status", "온전합니다");
            browser.click("#review-form button[type=submit]");
            browser.find("#review");
            assertThat(browser.textOf("#review-summary")).contains("개인정보 열람");
            check(browser, "privacy officer page with the review", "ko");

            browser.useLanguage("en");
            browser.find("[data-carry-out='" + requestId + "']");
            browser.click("#review-month");
            browser.type("#review-month", "2026-13");
            browser.click("#review-form button[type=submit]");
            browser.awaitText("#review-form-status", "Please check");
            assertThat(browser.find("#review-month").getAttribute("aria-invalid")).isEqualTo("true");
            check(browser, "privacy officer page with a bad month", "en");
            browser.click("#chain-verify");
            browser.awaitText("#chain-status", "intact");
            check(browser, "privacy officer page", "en");

            browser.click("[data-carry-out='" + requestId + "']");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent()).accept();
            String status = browser.awaitText("#erasures-status", "Erasure carried out");
            assertThat(status).containsPattern("#\\d+");
            assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("[data-carry-out='" + requestId + "']"))).isEmpty();
            check(browser, "privacy officer page after an erasure", "en");

            // the thread is still there, under the pseudonym, and the name is gone
            browser.open("/forums/thread.html?id=" + threadId);
            browser.useLanguage("ko");
            String page = browser.awaitText("main", "탈퇴한 사용자 #");
            assertThat(page).contains("주말에도 열어 주세요.").doesNotContain(name);
        }
        assertThat(Session.anonymous().post("/api/tokens", Api.json("email", citizen.email(), "password", citizen.password())).status())
                .isEqualTo(401);
    }
}
