package org.madang.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.madang.testing.Api;
import org.madang.testing.Browser;
import org.madang.testing.People;

/**
 * A consultation through the pages: published by the ministry, a citizen comments on an article in the browser, the
 * office answers, and the public report shows the decision; axe finds nothing in Korean and English.
 */
class ConsultationBrowserIT {

    private static void check(Browser browser, String what, String language) {
        browser.settle();
        assertThat(browser.accessibilityViolations()).as(what + " in " + language).isEmpty();
    }

    @Test
    void publishCommentOnAnArticleAnswerAndReadTheReport() {
        var d = ConsultationDriver.closingSoon(45);
        var citizen = People.citizen();
        String body = "제9조의 기간은 14일이 적절합니다.";
        try (var browser = new Browser()) {
            browser.signIn(citizen.email(), citizen.password(), null);
            browser.open("/consultations/consultation.html?id=" + d.id);
            browser.useLanguage("ko");
            browser.awaitText("#consultation-title", "정보공개법");
            check(browser, "consultation", "ko");
            browser.click("#articles article:first-of-type [data-action=article]");
            browser.awaitText("#comment-target", "제9조");
            browser.type("#comment-body", body);
            browser.click("#comment-form button[type=submit]");
            browser.awaitText("#comments", body);
            check(browser, "consultation with a comment", "ko");
            browser.type("#comment-search-q", "기간");
            browser.click("#comment-search button[type=submit]");
            browser.awaitText("#comment-search-results", "14일");
            check(browser, "comment search results", "ko");
            browser.useLanguage("en");
            browser.awaitText("#comment-heading", "Leave a comment");
            check(browser, "consultation", "en");

            d.awaitClosed();
            var comments = d.official.get(d.path("/comments")).json().getJsonArray("items").getValuesAs(JsonObject.class);
            assertThat(comments).extracting(c -> c.getString("body")).containsExactly(body);
            assertThat(comments.get(0).getString("articleId")).isEqualTo(d.article1.toString());
            var answer = d.official.post(d.path("/answers"), Api.json("commentIds", Json.createArrayBuilder().add(comments.get(0).getString("id")).build(),
                    "decision", "ADOPTED", "reason", "의견대로 14일로 고칩니다."));
            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
            d.moveOk(d.official, "RESPONDED", null);

            browser.open("/consultations/report.html?id=" + d.id);
            for (String language : List.of("en", "ko")) {
                browser.useLanguage(language);
                browser.awaitText("#sections", "의견대로 14일로 고칩니다.");
                assertThat(browser.textOf("#stats-body")).contains("1");
                check(browser, "report", language);
            }
        }
    }
}
