package org.madang.forum;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.madang.testing.Api.Session;
import org.madang.testing.Browser;
import org.madang.testing.People;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The forums through the pages: a citizen starts a discussion, another replies, three more flag the reply until the
 * platform hides it, a moderator decides in the queue, the reply's author reads the decision and appeals, and the
 * public log shows the entries without naming anyone. Every page is checked with axe in Korean and English.
 */
class ForumBrowserIT {

    /** madang.moderation.auto-hide-flags: the server's default, which the test server keeps. */
    private static final int AUTO_HIDE_FLAGS = 3;

    private static void check(Browser browser, String what, String language) {
        browser.settle();
        assertThat(browser.accessibilityViolations()).as(what + " in " + language).isEmpty();
    }

    private static void bothLanguages(Browser browser, String what, String selector, String ko, String en) {
        browser.useLanguage("en");
        browser.awaitText(selector, en);
        check(browser, what, "en");
        browser.useLanguage("ko");
        browser.awaitText(selector, ko);
        check(browser, what, "ko");
    }

    /**
     * Forgets the session: every cookie, also the access and refresh tokens whose paths (/api…) WebDriver's own
     * cookie deletion, bound to the page's path, does not reach.
     */
    private static void signOut(Browser browser) {
        ((org.openqa.selenium.chrome.ChromeDriver) browser.driver()).executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
    }

    private static void signInAs(Browser browser, People.Person person) {
        signOut(browser);
        browser.signIn(person.email(), person.password(), person.totpSecret());
    }

    private static void choose(Browser browser, String css, String value) {
        browser.await(Duration.ofSeconds(15), d -> !d.findElements(By.cssSelector(css + " option[value='" + value + "']")).isEmpty());
        new Select(browser.find(css)).selectByValue(value);
    }

    private static List<JsonObject> items(String path) {
        var reply = Session.anonymous().get(path);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().getJsonArray("items").getValuesAs(JsonObject.class);
    }

    @Test
    void discussFlagUntilHiddenDecideAppealAndReadThePublicLog() {
        String forumId = ForumDriver.topicForum(true);
        String forumTitle = Session.anonymous().get("/api/forums/" + forumId).json().getString("titleKo");
        var starter = People.citizen();
        var replier = People.citizen();
        var flaggers = List.of(People.citizen(), People.citizen(), People.citizen());
        assertThat(flaggers).hasSize(AUTO_HIDE_FLAGS);
        var moderator = People.staffForBrowser("MODERATOR");
        String marker = "토론표지" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        String title = "디지털 교과서 " + marker;
        String replyText = "광고 글입니다 cheap watches " + marker;

        try (var browser = new Browser()) {
            // the list and the search, signed out
            browser.open("/forums/");
            browser.useLanguage("ko");
            browser.find("#forums a");
            check(browser, "forum list", "ko");
            browser.click("#search-form button[type=submit]");
            browser.awaitText("#search-status", "1");
            check(browser, "search with an error", "ko");

            // a citizen starts a discussion (the forum asks for a stance)
            signInAs(browser, starter);
            browser.open("/forums/forum.html?id=" + forumId);
            browser.awaitText("#forum-title", forumTitle);
            browser.type("#thread-title", title);
            browser.type("#thread-body", "학생들의 **문해력**에 어떤 영향이 있을까요?");
            browser.click("#thread-form button[type=submit]");
            browser.awaitText("#thread-form .form-hint-invalid", "입장");
            check(browser, "new thread refused without a stance", "ko");
            choose(browser, "#thread-stance", "NEUTRAL");
            browser.click("#thread-form button[type=submit]");
            browser.awaitText("#thread-status", title);
            browser.awaitText("#threads", title);
            bothLanguages(browser, "forum with a thread", "#threads-heading", "토론", "Discussions");
            String threadId = items("/api/forums/" + forumId + "/threads").get(0).getString("id");

            // found by search, the match marked
            browser.open("/forums/");
            browser.type("#search-q", "디지털");
            choose(browser, "#search-forum", forumId);
            browser.click("#search-form button[type=submit]");
            browser.awaitText("#search-results", title);
            assertThat(browser.textOf("#search-results mark")).contains("디지털");
            check(browser, "search results", "ko");

            // another citizen replies
            signInAs(browser, replier);
            browser.open("/forums/thread.html?id=" + threadId);
            browser.awaitText("#thread-title", title);
            assertThat(browser.textOf("#thread-post strong")).isEqualTo("문해력");
            browser.type("#reply-body", replyText);
            choose(browser, "#reply-stance", "FOR");
            browser.click("#reply-form button[type=submit]");
            browser.awaitText("#replies", replyText);
            bothLanguages(browser, "thread with a reply", "#replies-heading", "댓글", "Replies");
            String replyId = items("/api/forums/threads/" + threadId + "/replies").get(0).getString("id");
            String reply = "#post-" + replyId;

            // distinct citizens flag the reply; the last flag hides it
            var reasons = List.of("SPAM", "ABUSE", "SPAM");
            for (int i = 0; i < flaggers.size(); i++) {
                signInAs(browser, flaggers.get(i));
                browser.open("/forums/thread.html?id=" + threadId);
                browser.awaitText(reply, replyText);
                browser.click(reply + " [data-action=flag]");
                choose(browser, "#flag-reason", reasons.get(i));
                browser.type("#flag-note", "신고 " + i);
                if (i == 0) {
                    check(browser, "flag dialog", "ko");
                }
                browser.click("#flag-form button[type=submit]");
                browser.awaitText("#replies-status", i == flaggers.size() - 1 ? "숨겨집니다" : "신고를 접수했습니다");
            }
            browser.awaitText(reply, "숨겨진 글입니다");
            assertThat(browser.textOf(reply)).doesNotContain("cheap watches");
            bothLanguages(browser, "thread with a hidden reply", reply, "숨겨진 글입니다", "This post is hidden");

            // the moderator decides in the queue, where the flags' reasons show and the flaggers do not
            signInAs(browser, moderator);
            browser.open("/forums/moderation.html");
            browser.useLanguage("ko");
            browser.awaitText("#queue", marker);
            String caseItem = "#" + browser.script("return [...document.querySelectorAll('#queue > li')]"
                    + ".find(li => li.textContent.includes(arguments[0])).id", marker);
            String queueText = browser.textOf(caseItem);
            assertThat(queueText).contains("광고·스팸", "욕설·비방", "신고 3건", "자동 숨김");
            for (var flagger : flaggers) assertThat(queueText).doesNotContain(flagger.email());
            check(browser, "moderation queue", "ko");
            String base = caseItem.replace("#case-", "#d-");
            choose(browser, base + "-outcome", "SUSPEND_AUTHOR");
            browser.click(base + "-form button[type=submit]");
            browser.awaitText(base + "-form", "1에서 3650");
            check(browser, "decision form with errors", "ko");
            browser.useLanguage("en");
            browser.awaitText("#queue", marker);
            check(browser, "moderation queue", "en");
            choose(browser, base + "-outcome", "HIDE");
            browser.type(base + "-rule", "COMMERCIAL_SPAM");
            browser.type(base + "-reason", "광고는 토론 규칙 3조 위반입니다.");
            browser.click(base + "-form button[type=submit]");
            browser.awaitText("#queue-status", "COMMERCIAL_SPAM");
            assertThat(browser.textOf("#queue")).doesNotContain(marker);
            check(browser, "moderation queue after the decision", "en");

            // the reply's author reads the decision and appeals, once
            signInAs(browser, replier);
            browser.open("/forums/mine.html");
            browser.useLanguage("ko");
            browser.awaitText("#decisions", "광고는 토론 규칙 3조 위반입니다.");
            check(browser, "my decisions", "ko");
            browser.type("#decisions li:first-child textarea", "광고가 아닙니다.");
            browser.click("#decisions li:first-child button[type=submit]");
            browser.awaitText("#result", "이의신청을 접수했습니다");
            browser.awaitText("#decisions", "이의신청을 검토하고 있습니다");
            assertThat(browser.shown("#decisions li:first-child textarea")).isFalse();
            bothLanguages(browser, "my decisions after the appeal", "#decisions", "검토하고 있습니다", "being reviewed");

            // the public log, signed out: the automatic hiding and the decision, by role and rule, no names
            signOut(browser);
            browser.open("/forums/log.html");
            browser.useLanguage("ko");
            browser.awaitText("#log-body", "신고 누적으로 자동 숨김");
            Object entries = browser.script("return document.querySelectorAll('#log-body a[href$=\"' + arguments[0] + '\"]').length", replyId);
            assertThat(((Number) entries).intValue()).isEqualTo(2);
            String log = browser.textOf("#log-body");
            assertThat(log).contains("COMMERCIAL_SPAM", "FLAG_THRESHOLD", "운영자", "시스템").doesNotContain("시민");
            for (var person : List.of(flaggers.get(0), flaggers.get(1), flaggers.get(2), replier, moderator)) {
                assertThat(log).doesNotContain(person.email()).doesNotContain(person.id().toString());
            }
            check(browser, "public log", "ko");
            browser.useLanguage("en");
            browser.awaitText("#log-body", "Hidden automatically after reports");
            check(browser, "public log", "en");

            // the log's link finds the post in its thread
            browser.click("#log-body a[href$='" + replyId + "']");
            browser.awaitUrlContains("/forums/thread.html");
            browser.awaitText(reply, "This post is hidden");
            assertThat(browser.textOf(reply)).doesNotContain("cheap watches");
        }
    }
}
