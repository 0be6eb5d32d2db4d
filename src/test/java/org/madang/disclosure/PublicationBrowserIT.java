package org.madang.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.madang.testing.Browser;
import org.madang.testing.People;

/**
 * The catalogue through the pages: an official publishes with a file through the form, the document is found by
 * search and shows its checksum; axe finds nothing on the pages in Korean and English.
 */
class PublicationBrowserIT {

    private static void check(Browser browser, String what, String language) {
        browser.settle();
        assertThat(browser.accessibilityViolations()).as(what + " in " + language).isEmpty();
    }

    /** An official of a new ministry with two-factor sign-in set up whose next TOTP step is unspent. */
    private record Official(UUID agency, People.Person person) {
    }

    private static Official official() {
        UUID agency = People.ministry();
        return new Official(agency, People.staffForBrowser("OFFICIAL", agency));
    }

    @Test
    void officialPublishesThroughTheFormAndEveryoneFindsIt() throws Exception {
        var official = official();
        var csv = Files.createTempFile("도서관-이용", ".csv");
        Files.writeString(csv, "월,이용자\n2026-01,5120\n", StandardCharsets.UTF_8);
        try (var browser = new Browser()) {
            browser.signIn(official.person().email(), official.person().password(), official.person().totpSecret());
            browser.open("/information/publish.html");
            browser.useLanguage("en");
            browser.find("#titleKo");
            check(browser, "publish form", "en");
            browser.useLanguage("ko");
            browser.find("#titleKo");
            check(browser, "publish form", "ko");
            browser.click("#publish-form button[type=submit]");
            browser.awaitText("#publish-status", "오류");
            assertThat(browser.find("#titleKo").getAttribute("aria-invalid")).isEqualTo("true");
            check(browser, "publish form with errors", "ko");

            browser.type("#titleKo", "공공도서관 이용 현황");
            browser.type("#titleEn", "Use of public libraries");
            browser.type("#description", "구립 도서관의 월별 이용자 수를 공표합니다.");
            browser.upload("#publish-file", csv);
            browser.click("#publish-form button[type=submit]");
            browser.awaitText("#publish-status", "공표했습니다");
            check(browser, "publish form after publishing", "ko");

            browser.open("/information/catalogue.html?agency=" + official.agency());
            browser.awaitText("#results", "공공도서관 이용 현황");
            browser.type("#search-q", "도서관");
            browser.click("#search-form button[type=submit]");
            browser.awaitUrlContains("q=");
            browser.awaitText("#results", "도서관");
            assertThat(browser.find("#results mark").getText()).contains("도서관");
            check(browser, "catalogue search", "ko");
            browser.useLanguage("en");
            browser.awaitText("#results-heading", "Results");
            check(browser, "catalogue search", "en");

            browser.click("#results h3 a");
            browser.awaitText("#versions", "SHA-256");
            assertThat(browser.textOf("#versions")).contains(".csv");
            check(browser, "document", "en");
            browser.useLanguage("ko");
            browser.awaitText("#versions", "제1판");
            check(browser, "document", "ko");

            browser.open("/information/");
            browser.awaitText("#catalogue-heading", "공표 자료");
            check(browser, "information index", "ko");
        } finally {
            Files.deleteIfExists(csv);
        }
    }
}
