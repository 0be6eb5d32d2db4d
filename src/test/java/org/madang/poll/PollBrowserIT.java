package org.madang.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.madang.testing.Api;
import org.madang.testing.Browser;
import org.madang.testing.People;
import org.madang.testing.RoleSessions;
import org.madang.testing.Who;
import org.openqa.selenium.By;

/**
 * Polls through the pages: an official creates a single-choice poll on the create form, a citizen answers it and
 * sees the results table and chart, and a ranked-choice poll shows its instant-runoff rounds; axe finds nothing on
 * any page visited, in Korean and English.
 */
class PollBrowserIT {

    private static void check(Browser browser, String what, String language) {
        browser.settle();
        assertThat(browser.accessibilityViolations()).as(what + " in " + language).isEmpty();
    }

    /** Checks the current page in English and then Korean (each switch reloads the page); ends in Korean. */
    private static void checkBoth(Browser browser, String what, String css, String english, String korean) {
        browser.useLanguage("en");
        browser.awaitText(css, english);
        check(browser, what, "en");
        browser.useLanguage("ko");
        browser.awaitText(css, korean);
        check(browser, what, "ko");
    }

    /** A ministry official with two-factor sign-in set up whose next TOTP step is unspent, for the browser. */
    private static People.Person official() {
        UUID ministry = People.ministry();
        var person = People.citizen();
        var grant = People.admin().session().post("/api/admin/users/" + person.id() + "/roles",
                Api.json("role", "OFFICIAL", "organisationId", ministry.toString()));
        assertThat(grant.status()).as(grant.toString()).isEqualTo(204);
        String secret = People.enrolTotp(person.session());
        return new People.Person(person.id(), person.email(), person.password(), secret, person.session());
    }

    @Test
    void officialCreatesAPollCitizenAnswersAndSeesTheResults() {
        var official = official();
        var citizen = People.citizen();
        String pollId;
        try (var browser = new Browser()) {
            browser.signIn(official.email(), official.password(), official.totpSecret());
            browser.open("/polls/");
            assertThat(browser.shown("#new-poll-link")).isTrue();
            checkBoth(browser, "poll list (official)", "#list-heading", "Polls", "설문 목록");

            browser.open("/polls/new.html");
            browser.find("#question-ko");
            checkBoth(browser, "create form", "h1", "Create a poll", "설문 만들기");
            browser.find("#question-ko");
            browser.click("#poll-form button[type=submit]");
            browser.awaitText("#poll-form-status", "오류");
            assertThat(browser.driver().findElement(By.id("question-ko")).getAttribute("aria-invalid")).isEqualTo("true");
            check(browser, "create form with errors", "ko");

            browser.type("#question-ko", "동네에 무엇을 지을까요?");
            browser.type("#question-en", "What should the neighbourhood build?");
            browser.type("#options-ko", "공원\n도서관\n주차장");
            browser.type("#options-en", "Park\nLibrary\nCar park");
            browser.click("label[for=visibility-live]");
            browser.click("#poll-form button[type=submit]");
            browser.awaitUrlContains("/polls/poll.html?id=");
            String url = browser.driver().getCurrentUrl();
            pollId = url.replaceAll(".*[?&]id=([0-9a-f-]{36}).*", "$1");
            browser.awaitText("#poll-question", "동네에 무엇을 지을까요?");
            browser.awaitText("#result", "설문을 만들었습니다");
            browser.awaitText("#respondents", "0");
            checkBoth(browser, "new poll (official)", "#poll-question", "What should the neighbourhood build?", "동네에 무엇을 지을까요?");
        }
        var created = citizen.session().get("/api/polls/" + pollId).json();
        assertThat(created.getString("kind")).isEqualTo("SINGLE");
        assertThat(created.getString("state")).isEqualTo("PUBLISHED");
        assertThat(created.getString("visibility")).isEqualTo("LIVE");
        assertThat(created.getJsonArray("options")).hasSize(3);

        try (var browser = new Browser()) {
            browser.signIn(citizen.email(), citizen.password(), null);
            browser.open("/polls/poll.html?id=" + pollId);
            browser.useLanguage("ko");
            browser.awaitText("#answer-controls", "도서관");
            check(browser, "poll before answering", "ko");
            browser.click("label[for=choice-1]");
            browser.click("#answer-submit");
            browser.awaitText("#respondents", "응답자 1명");
            assertThat(browser.textOf("#counts-body")).contains("도서관").contains("100%");
            var chart = browser.find("#chart img");
            assertThat(chart.getAttribute("src")).contains("/api/polls/" + pollId + "/results.svg");
            assertThat(chart.getAttribute("alt")).contains("동네에 무엇을 지을까요?");
            assertThat((Boolean) browser.script("return arguments[0].complete && arguments[0].naturalWidth > 0", chart)).isTrue();
            assertThat(browser.driver().findElement(By.id("widget-code")).getAttribute("value")).contains("/api/polls/" + pollId + "/widget");
            check(browser, "poll answered", "ko");
            checkBoth(browser, "poll answered", "#counts-body", "Library", "도서관");

            browser.open("/polls/");
            browser.awaitText("#polls-body", "동네에 무엇을 지을까요?");
            checkBoth(browser, "poll list (citizen)", "#polls-body", "What should the neighbourhood build?", "동네에 무엇을 지을까요?");
        }
        var mine = citizen.session().get("/api/polls/" + pollId + "/response").json();
        assertThat(mine.getJsonArray("choices").getInt(0)).isEqualTo(1);
    }

    @Test
    void rankedChoiceAnsweredWithTheButtonsShowsItsRoundsAndARatingScale() {
        String form = PollDriver.form("RANKED", "LIVE", true, Instant.now().plusSeconds(3600), null);
        String path = PollDriver.create(RoleSessions.session(Who.MODERATOR), form);
        for (int[] ballot : List.of(new int[] {0, 1}, new int[] {1, 0}, new int[] {1, 2})) {
            var answer = People.citizen().session().put(path + "/response", PollDriver.answer(ballot));
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        }
        String rating = PollDriver.create(RoleSessions.session(Who.MODERATOR), PollDriver.form("RATING", "LIVE", false, Instant.now().plusSeconds(3600), null));
        var citizen = People.citizen();
        try (var browser = new Browser()) {
            browser.signIn(citizen.email(), citizen.password(), null);
            browser.open(path.replace("/api/polls/", "/polls/poll.html?id="));
            browser.useLanguage("ko");
            browser.awaitText("#answer-controls", "주차장");
            check(browser, "ranked poll before answering", "ko");
            // 주차장 first, 도서관 second, 공원 left unranked: with the up buttons only
            browser.click("button[data-move=up][data-option='2']");
            browser.awaitText("#rank-live", "1위");
            browser.click("button[data-move=up][data-option='1']");
            browser.awaitText("#rank-live", "2위");
            assertThat(browser.driver().findElement(By.id("rank-2")).getAttribute("value")).isEqualTo("1");
            assertThat(browser.driver().findElement(By.id("rank-1")).getAttribute("value")).isEqualTo("2");
            assertThat(browser.driver().findElement(By.id("rank-0")).getAttribute("value")).isEmpty();
            browser.click("#answer-submit");
            browser.awaitText("#respondents", "응답자 4명");
            browser.awaitText("#rounds", "2라운드");
            assertThat(browser.textOf("#rounds")).contains("탈락");
            check(browser, "ranked poll results", "ko");
            checkBoth(browser, "ranked poll results", "#rounds", "Round 2", "2라운드");

            // a rating scale from 1 (전혀 아니다) to 5 (매우 그렇다), answered with its radios
            browser.open(rating.replace("/api/polls/", "/polls/poll.html?id="));
            browser.awaitText("#answer-controls", "매우 그렇다");
            check(browser, "rating poll before answering", "ko");
            browser.click("label[for=choice-4]");
            browser.click("#answer-submit");
            browser.awaitText("#respondents", "평균 4.00점");
            check(browser, "rating poll answered", "ko");
        }
        assertThat(citizen.session().get(rating + "/response").json().getJsonArray("choices").getInt(0)).isEqualTo(4);
        var mine = citizen.session().get(path + "/response").json().getJsonArray("choices");
        assertThat(mine.getInt(0)).isEqualTo(2);
        assertThat(mine.getInt(1)).isEqualTo(1);
        assertThat(mine).hasSize(2);
    }

    @Test
    void moderatorPublishesACitizensProposal() {
        var proposer = People.citizen();
        String path = PollDriver.create(proposer.session(), PollDriver.form("MULTIPLE", "AFTER_VOTING", false, Instant.now().plusSeconds(3600), null));
        assertThat(proposer.session().get(path).json().getString("state")).isEqualTo("PROPOSED");
        var moderator = People.staffForBrowser("MODERATOR");
        try (var browser = new Browser()) {
            browser.signIn(moderator.email(), moderator.password(), moderator.totpSecret());
            browser.open(path.replace("/api/polls/", "/polls/poll.html?id="));
            browser.find("#approve");
            checkBoth(browser, "proposal (moderator)", "#manage-heading", "Managing the poll", "설문 관리");
            browser.click("#approve");
            browser.awaitText("#manage-status", "설문을 공개했습니다");
            browser.awaitText("#facts", "진행 중");
            check(browser, "published proposal (moderator)", "ko");
            // multiple choice, at most two: three boxes are refused in the page, two are taken
            browser.click("label[for=choice-0]");
            browser.click("label[for=choice-1]");
            browser.click("label[for=choice-2]");
            browser.click("#answer-submit");
            browser.awaitText("#answer-form-status", "1개에서 2개까지");
            check(browser, "multiple choice refused", "ko");
            browser.click("label[for=choice-2]");
            browser.click("#answer-submit");
            browser.awaitText("#respondents", "응답자 1명");
            check(browser, "multiple choice answered", "ko");
        }
        var mine = moderator.session().get(path + "/response").json().getJsonArray("choices");
        assertThat(mine.getValuesAs(jakarta.json.JsonNumber.class)).extracting(jakarta.json.JsonNumber::intValue).containsExactly(0, 1);
        assertThat(proposer.session().get(path).json().getString("state")).isEqualTo("PUBLISHED");
    }

    /**
     * Sixteen people who shared their gender answer a single-choice poll (k = 5): the gender breakdown is shown with its
     * small cells hidden, and the page says so in words.
     */
    @Test
    void breakdownShowsSuppressedCells() {
        String path = PollDriver.create(RoleSessions.session(Who.MODERATOR), PollDriver.form("SINGLE", "LIVE", false, Instant.now().plusSeconds(3600), null));
        People.Person last = null;
        int[][] plan = {{5, 5, 0}, {5, 0, 1}}; // FEMALE, MALE × option 0, 1, 2
        String[] genders = {"FEMALE", "MALE"};
        for (int g = 0; g < 2; g++) {
            for (int option = 0; option < 3; option++) {
                for (int n = 0; n < plan[g][option]; n++) {
                    last = People.citizen();
                    var consent = last.session().put("/api/polls/attributes", Api.json("gender", genders[g], "shareDistrict", false));
                    assertThat(consent.status()).as(consent.toString()).isEqualTo(200);
                    var answer = last.session().put(path + "/response", PollDriver.answer(option));
                    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
                }
            }
        }
        var gender = last.session().get(path + "/results").json().getJsonArray("breakdowns").getJsonObject(2);
        assertThat(gender.getString("dimension")).isEqualTo("gender");
        assertThat(gender.getJsonArray("categories")).isNotEmpty();
        try (var browser = new Browser()) {
            browser.signIn(last.email(), last.password(), null);
            browser.open(path.replace("/api/polls/", "/polls/poll.html?id="));
            browser.useLanguage("ko");
            browser.awaitText("#breakdowns", "성별별 응답");
            assertThat(browser.textOf("#breakdowns")).contains("여성").contains("가림").contains("16");
            assertThat(browser.textOf("#consent-section")).contains("출생 연도");
            assertThat(browser.driver().findElement(By.id("gender")).getAttribute("value")).isEqualTo("MALE");
            check(browser, "breakdown with hidden cells", "ko");
            checkBoth(browser, "breakdown with hidden cells", "#breakdowns", "hidden", "가림");
        }
    }
}
