package org.madang.election;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.madang.ballot.verify.RecordVerifier;
import org.madang.ballot.verify.VerificationReport;
import org.madang.testing.Browser;
import org.madang.testing.People;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A whole demo election in headless Chromium, through the pages: an election administrator creates it (form and
 * manifest editor), imports the roll, runs the demo key ceremony and opens it; three voters make their credentials
 * and vote on the voter's page, with the encryption done in the browser (one challenges, sees what the ballot
 * contained, then casts; one votes again); the administrator closes, tallies and publishes; the results page shows
 * the counts, each saved receipt checks out on the receipt page, and the record linked from the record page passes
 * the verifier with the result the voters meant. axe-core runs on every voting, receipt, trustee, board, record and
 * results page in Korean and in English, as the person who uses it; all findings are collected and asserted once.
 */
class VotingBrowserIT {

    private static final Duration CRYPTO = Duration.ofSeconds(90);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final List<String> failures = new ArrayList<>();
    private final Map<String, Map<String, String>> messages = Map.of("ko", messages("ko"), "en", messages("en"));

    /** What a voter saved from the receipt step: the file and the signed receipt shown on the page. */
    private record SavedReceipt(Path file, String jws, String language) {
    }

    @Test
    void wholeDemoElectionThroughThePages() throws Exception {
        Path downloads = Files.createTempDirectory("madang-downloads");
        var admin = People.staffForBrowser("ELECTION_ADMIN");
        var auditor = People.staffForBrowser("AUDITOR");
        List<People.Person> voters = List.of(People.citizen(), People.citizen(), People.citizen());
        var receipts = new ArrayList<SavedReceipt>();
        UUID id;

        try (var office = new Browser()) {
            office.signIn(admin.email(), admin.password(), admin.totpSecret());
            id = createElection(office);
            defineManifest(office, id);
            importRoll(office, id, voters);
            move(office, id, "KEY_CEREMONY"); // demo trustees: the server runs the ceremony
            move(office, id, "READY");
            move(office, id, "OPEN");
            checkAxe(office, "/admin/election-manage.html?id=" + id, "election administrator", "ko", "en");
            checkAxe(office, "/elections/trustee.html?id=" + id, "election administrator (demo trustees)", "ko", "en");

            // voter 0 (Korean): referendum yes, mayor kim
            receipts.add(voteWithNewCredential(voters.get(0), id, "ko", downloads.resolve("v0"),
                    Map.of("referendum", "yes", "mayor", "kim"), null));
            // voter 1 (English): challenges yes + park, sees it opened, then casts no + lee
            receipts.add(voteWithNewCredential(voters.get(1), id, "en", downloads.resolve("v1"),
                    Map.of("referendum", "no", "mayor", "lee"), Map.of("referendum", "yes", "mayor", "park")));
            // voter 2 (English, then Korean): yes + park, then votes again no + kim (the last ballot counts)
            var revoter = downloads.resolve("v2");
            receipts.add(voteWithNewCredential(voters.get(2), id, "en", revoter, Map.of("referendum", "yes", "mayor", "park"), null));
            receipts.add(voteAgain(voters.get(2), id, "ko", revoter, Map.of("referendum", "no", "mayor", "kim")));

            // each saved receipt is checked on the receipt page, uploaded as the file the page saved
            try (var anyone = new Browser()) {
                for (var saved : receipts) checkReceipt(anyone, saved);
            }

            move(office, id, "CLOSED");
            move(office, id, "TALLYING");
            move(office, id, "DECRYPTED"); // offered once the background tally and the demo trustees' decryption are done
            move(office, id, "PUBLISHED");
            office.open("/admin/election-manage.html?id=" + id);
            office.awaitText("#current-state", messages.get(office.htmlLang()).get("election.state.PUBLISHED"));
        }

        Map<String, Map<String, Integer>> intent = Map.of(
                "referendum", Map.of("yes", 1, "no", 2),
                "mayor", Map.of("kim", 2, "lee", 1, "park", 0));

        URI recordZip;
        try (var audit = new Browser()) {
            audit.signIn(auditor.email(), auditor.password(), auditor.totpSecret());
            for (String language : List.of("ko", "en")) {
                audit.open("/");
                audit.useLanguage(language);
                audit.open("/elections/board.html?id=" + id);
                audit.awaitText("#total", "5");
                check(audit, "board (auditor)", language);
                String code = codeOf(receipts.get(0));
                audit.open("/elections/board.html?id=" + id + "&code=" + code.substring(0, 16));
                audit.await(Duration.ofSeconds(15), d -> d.findElements(By.cssSelector("#entries tr")).size() == 1);
                check(audit, "board search (auditor)", language);
                audit.open("/elections/record.html?id=" + id);
                audit.find("#link-zip");
                check(audit, "record (auditor)", language);
                audit.open("/elections/trustee.html?id=" + id);
                audit.find("#trustee");
                check(audit, "trustee (auditor)", language);
            }
            audit.open("/elections/record.html?id=" + id);
            recordZip = URI.create(audit.find("#link-zip").getAttribute("href"));
        }

        try (var anyone = new Browser()) {
            for (String language : List.of("ko", "en")) {
                anyone.open("/");
                anyone.useLanguage(language);
                anyone.open("/elections/results.html?id=" + id);
                anyone.find("#contests table");
                check(anyone, "results (signed out)", language);
                assertThat(resultTables(anyone)).as("results page in " + language).isEqualTo(localisedIntent(intent, language));
                assertThat(anyone.find("#turnout").getText()).as("turnout").contains("3");
            }
        }

        trusteePageOfATrustee();

        VerificationReport report = new RecordVerifier().verify(ElectionDriver.downloadRecord(recordZip));
        assertThat(report.status()).as(report.toString()).isEqualTo(VerificationReport.Status.VERIFIED);
        assertThat(report.challengedBallots()).isEqualTo(1);
        assertThat(report.encryptedBallots()).as("cast ballots, the superseded one included").isEqualTo(4);
        assertThat(tallyOf(report)).isEqualTo(intent);

        assertThat(failures).as("accessibility and page failures").isEmpty();
    }

    // ---- the election administrator's pages ---------------------------------------------------------------------

    private UUID createElection(Browser office) {
        office.open("/admin/election-new.html");
        office.type("#title-ko", "브라우저 시험 선거");
        office.type("#title-en", "Browser test election");
        var seoul = ZoneId.of("Asia/Seoul");
        setValue(office, "#opens-at", LocalDateTime.ofInstant(Instant.now().minus(5, ChronoUnit.MINUTES), seoul).format(LOCAL));
        setValue(office, "#closes-at", LocalDateTime.ofInstant(Instant.now().plus(3, ChronoUnit.HOURS), seoul).format(LOCAL));
        office.click("label[for=demo-trustees]");
        assertThat(office.find("#demo-trustees").isSelected()).isTrue();
        office.click("#election-form button[type=submit]");
        office.awaitUrlContains("/admin/election-manage.html?id=");
        String url = office.driver().getCurrentUrl();
        return UUID.fromString(url.substring(url.indexOf("id=") + 3, url.indexOf("id=") + 39));
    }

    private void defineManifest(Browser office, UUID id) {
        office.open("/admin/election-manifest.html?id=" + id);
        office.click("#add-district");
        office.type("#mf-districts-0-id", "gangnam");
        office.type("#mf-districts-0-nameKo", "강남구");
        office.type("#mf-districts-0-nameEn", "Gangnam-gu");
        office.click("#add-ballotStyle");
        office.type("#mf-ballotStyles-0-id", "style-gangnam");
        assertThat(office.find("#mf-bs-0-d-0").isSelected()).as("the only district is on the only ballot style").isTrue();

        office.click("#add-contest");
        new Select(office.find("#mf-contests-0-kind")).selectByValue("REFERENDUM");
        office.type("#mf-contests-0-id", "referendum");
        office.type("#mf-contests-0-titleKo", "주민투표");
        office.type("#mf-contests-0-titleEn", "Referendum");

        office.click("#add-contest");
        office.type("#mf-contests-1-id", "mayor");
        office.type("#mf-contests-1-titleKo", "구청장");
        office.type("#mf-contests-1-titleEn", "Mayor");
        office.click("#btn-add-mf-contests-1-options");
        String[][] candidates = {{"kim", "김민준", "Kim Min-jun"}, {"lee", "이서연", "Lee Seo-yeon"}, {"park", "박지호", "Park Ji-ho"}};
        for (int j = 0; j < candidates.length; j++) {
            office.type("#mf-contests-1-options-" + j + "-id", candidates[j][0]);
            office.type("#mf-contests-1-options-" + j + "-nameKo", candidates[j][1]);
            office.type("#mf-contests-1-options-" + j + "-nameEn", candidates[j][2]);
        }
        office.click("#manifest-form button[type=submit]");
        office.await(Duration.ofSeconds(15), d -> office.shown("#manifest-form-status.is-success")
                || office.shown("#manifest-form-status.is-error"));
        assertThat(office.find("#manifest-form-status").getAttribute("class"))
                .as(office.textOf("#manifest-form-status")).contains("is-success");
    }

    private void importRoll(Browser office, UUID id, List<People.Person> voters) throws IOException {
        Path csv = Files.createTempFile("roll", ".csv");
        StringBuilder text = new StringBuilder("email,district\n");
        voters.forEach(v -> text.append(v.email()).append(",gangnam\n"));
        Files.writeString(csv, text);
        office.open("/admin/election-manage.html?id=" + id);
        office.find("#roll-file");
        office.upload("#roll-file", csv);
        office.click("#import-form button[type=submit]");
        office.await(Duration.ofSeconds(15), d -> d.findElements(By.cssSelector("#roll-body tr")).size() == voters.size());
    }

    /** Moves the election on the management page: its button (once offered), then the confirmation dialog. */
    private void move(Browser office, UUID id, String to) {
        office.open("/admin/election-manage.html?id=" + id);
        // a move can wait on background work (the tally, the demo decryption): look again until it is offered
        office.await(Duration.ofMinutes(3), d -> {
            if (office.shown("#transitions [data-to=\"" + to + "\"]")) return true;
            d.navigate().refresh();
            office.find("#current-state");
            pause(Duration.ofSeconds(1));
            return false;
        });
        office.click("#transitions [data-to=\"" + to + "\"]");
        office.find("#confirm-dialog[open]");
        office.click("#confirm-yes");
        office.await(Duration.ofSeconds(60), d -> office.shown("#lifecycle-status.is-success") || office.shown("#lifecycle-status.is-error"));
        assertThat(office.find("#lifecycle-status").getAttribute("class")).as(to + ": " + office.textOf("#lifecycle-status"))
                .contains("is-success");
    }

    // ---- voters ---------------------------------------------------------------------------------------------------

    private SavedReceipt voteWithNewCredential(People.Person voter, UUID id, String language, Path downloads,
                                               Map<String, String> cast, Map<String, String> challengeFirst) throws IOException {
        Files.createDirectories(downloads);
        try (var browser = new Browser()) {
            browser.downloadTo(downloads);
            browser.signIn(voter.email(), voter.password(), null);
            browser.useLanguage(language);
            browser.open("/elections/vote.html?id=" + id);
            browser.find("#generate");
            check(browser, "vote: new credential", language);
            browser.click("#generate");
            browser.find("#credential-made");
            assertThat(browser.find("#secret-code").getText()).isNotBlank();
            browser.click("#register");
            browser.find("#credential-status.is-error"); // not saved yet: the page insists
            check(browser, "vote: credential made, not saved", language);
            browser.click("#save-credential");
            Path credentialFile = browser.awaitDownload(downloads, "madang-credential-");
            assertThat(Files.readString(credentialFile)).contains(id.toString());
            browser.click("#register");
            browser.find("#step-ballot");
            check(browser, "vote: ballot", language);

            if (challengeFirst != null) {
                String code = encrypt(browser, challengeFirst, language);
                browser.click("#challenge");
                browser.await(CRYPTO, d -> browser.shown("#step-challenge"));
                assertThat(browser.find("#challenge-status").getAttribute("class")).contains("is-success");
                assertThat(opened(browser)).as("what the challenged ballot contained, opened in the browser")
                        .isEqualTo(marks(challengeFirst, language));
                assertThat(browser.textOf("#challenge-facts")).contains(code);
                check(browser, "vote: challenged ballot opened", language);
                browser.click("#vote-again");
                browser.find("#step-ballot");
            }
            return castAndSave(browser, cast, language, downloads);
        }
    }

    /** The voter comes back later (a new tab, the credential file from before) and votes again. */
    private SavedReceipt voteAgain(People.Person voter, UUID id, String language, Path downloads, Map<String, String> cast) throws IOException {
        Path credentialFile = firstFile(downloads, "madang-credential-");
        try (var browser = new Browser()) {
            browser.downloadTo(downloads);
            browser.signIn(voter.email(), voter.password(), null);
            browser.useLanguage(language);
            browser.open("/elections/vote.html?id=" + id);
            browser.find("#credential-load");
            check(browser, "vote: load the credential", language);
            browser.upload("#credential-file", credentialFile);
            browser.find("#step-ballot");
            return castAndSave(browser, cast, language, downloads);
        }
    }

    /** Chooses, reviews and encrypts; returns the grouped confirmation code the page shows. */
    private String encrypt(Browser browser, Map<String, String> choices, String language) {
        for (var choice : choices.entrySet()) {
            String input = "#contests input[data-contest=\"" + choice.getKey() + "\"][value=\"" + choice.getValue() + "\"]";
            browser.click("label[for=\"" + browser.driver().findElement(By.cssSelector(input)).getAttribute("id") + "\"]");
            assertThat(browser.driver().findElement(By.cssSelector(input)).isSelected()).as(input).isTrue();
        }
        browser.click("#ballot-form button[type=submit]");
        browser.find("#step-review");
        check(browser, "vote: review", language);
        browser.click("#encrypt");
        browser.await(CRYPTO, d -> browser.shown("#code-box"));
        String code = browser.find("#confirmation-code").getText();
        assertThat(code).matches("([0-9A-F]{4}-){15}[0-9A-F]{4}");
        check(browser, "vote: encrypted, cast or challenge", language);
        return code;
    }

    private SavedReceipt castAndSave(Browser browser, Map<String, String> choices, String language, Path downloads) throws IOException {
        String code = encrypt(browser, choices, language);
        browser.click("#cast");
        browser.await(Duration.ofSeconds(30), d -> browser.shown("#step-receipt") || browser.shown("#submit-status.is-error"));
        assertThat(browser.shown("#step-receipt")).as(browser.textOf("#submit-status")).isTrue();
        assertThat(browser.find("#receipt-facts").getText()).contains(code);
        String jws = browser.find(".madang-jws").getText().trim();
        check(browser, "vote: signed receipt", language);
        String ballotId = browser.find("#receipt-facts code:not(.madang-code-inline)").getText().trim();
        browser.click("#save-receipt");
        Path file = browser.awaitDownload(downloads, "madang-receipt-" + ballotId);
        return new SavedReceipt(file, jws, language);
    }

    /** The opened-ballot table: "contest / option" → the mark found in the ballot. */
    private static Map<String, String> opened(Browser browser) {
        var rows = new HashMap<String, String>();
        for (WebElement row : browser.driver().findElements(By.cssSelector("#opened-body tr"))) {
            var cells = row.findElements(By.cssSelector("td, th"));
            rows.put(cells.get(0).getText() + " / " + cells.get(1).getText(), cells.get(3).getText());
        }
        return rows;
    }

    private Map<String, String> marks(Map<String, String> chosen, String language) {
        var m = messages.get(language);
        var names = names(language);
        var expected = new HashMap<String, String>();
        for (String option : List.of("referendum/yes", "referendum/no", "mayor/kim", "mayor/lee", "mayor/park")) {
            String contest = option.substring(0, option.indexOf('/'));
            boolean marked = option.equals(contest + "/" + chosen.get(contest));
            expected.put(names.get(contest) + " / " + names.get(option), m.get(marked ? "vote.marked" : "vote.notMarked"));
        }
        return expected;
    }

    // ---- receipts -------------------------------------------------------------------------------------------------

    private void checkReceipt(Browser browser, SavedReceipt saved) throws IOException {
        assertThat(Files.readString(saved.file())).contains(saved.jws());
        browser.open("/");
        browser.useLanguage(saved.language());
        browser.open("/elections/receipt.html");
        browser.find("#receipt-file");
        check(browser, "receipt check", saved.language());
        browser.upload("#receipt-file", saved.file());
        browser.await(Duration.ofSeconds(10), d -> !browser.find("#receipt-text").getAttribute("value").isBlank());
        browser.click("#receipt-form button[type=submit]");
        browser.await(Duration.ofSeconds(15), d -> browser.shown("#outcome"));
        var checks = browser.driver().findElements(By.cssSelector("#checks li"));
        assertThat(checks).as("local signature, server signature, on the board, entry matches").hasSize(4);
        assertThat(browser.driver().findElements(By.cssSelector("#checks .madang-check-fail")))
                .as(browser.textOf("#checks")).isEmpty();
        assertThat(browser.find("#receipt-form-status").getAttribute("class")).contains("is-success");
        check(browser, "receipt check: genuine receipt", saved.language());

        // a receipt changed by one character is refused, and the page says so
        String forged = saved.jws().substring(0, saved.jws().length() - 6) + (saved.jws().endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");
        browser.open("/elections/receipt.html");
        browser.type("#receipt-text", forged);
        browser.click("#receipt-form button[type=submit]");
        browser.await(Duration.ofSeconds(15), d -> browser.shown("#outcome"));
        assertThat(browser.find("#receipt-form-status").getAttribute("class")).contains("is-error");
        assertThat(browser.driver().findElements(By.cssSelector("#checks .madang-check-fail"))).isNotEmpty();
    }

    private static String codeOf(SavedReceipt saved) {
        String payload = saved.jws().split("\\.")[1];
        var claims = Json.createReader(new StringReader(new String(java.util.Base64.getUrlDecoder().decode(payload),
                StandardCharsets.UTF_8))).readObject();
        return claims.getString("confirmationCode");
    }

    // ---- a trustee's page -------------------------------------------------------------------------------------------

    /**
     * The trustee page as a trustee sees it. A demo election has no people as trustees, so this one is made through
     * the API (ElectionDriver): the ceremony itself runs in the trustee command, not in a page.
     */
    private void trusteePageOfATrustee() {
        var trustee = People.citizen();
        var election = new ElectionDriver(org.madang.testing.RoleSessions.session(org.madang.testing.Who.ELECTION_ADMIN), false, 3, 2);
        var assigned = election.admin.put(election.path("/trustees"), "{\"trustees\":[{\"email\":\"" + trustee.email() + "\"},"
                + "{\"email\":\"" + People.citizen().email() + "\"},{\"email\":\"" + People.citizen().email() + "\"}]}");
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        election.moveOk("KEY_CEREMONY");
        try (var browser = new Browser()) {
            browser.signIn(trustee.email(), trustee.password(), null);
            for (String language : List.of("ko", "en")) {
                browser.useLanguage(language);
                browser.open("/elections/trustee.html?id=" + election.id);
                browser.find("#trustee");
                assertThat(browser.find("#trustee").getText()).contains("guardian1");
                check(browser, "trustee (trustee, key ceremony)", language);
            }
        }
    }

    // ---- results and the record ----------------------------------------------------------------------------------

    /** Every results table: contest heading → option name → votes, as the page shows them. */
    private static Map<String, Map<String, Integer>> resultTables(Browser browser) {
        var tables = new LinkedHashMap<String, Map<String, Integer>>();
        for (WebElement section : browser.driver().findElements(By.cssSelector("#contests section"))) {
            String contest = section.findElement(By.cssSelector("h2")).getText();
            var rows = new HashMap<String, Integer>();
            for (WebElement row : section.findElements(By.cssSelector("table tbody tr"))) {
                rows.put(row.findElement(By.cssSelector("th")).getText(),
                        Integer.parseInt(row.findElements(By.cssSelector("td")).get(0).getText().replace(",", "")));
            }
            tables.put(contest, rows);
        }
        return tables;
    }

    private Map<String, Map<String, Integer>> localisedIntent(Map<String, Map<String, Integer>> intent, String language) {
        var names = names(language);
        var out = new HashMap<String, Map<String, Integer>>();
        intent.forEach((contest, options) -> {
            var counts = new HashMap<String, Integer>();
            options.forEach((option, votes) -> counts.put(names.get(contest + "/" + option), votes));
            out.put(names.get(contest), counts);
        });
        return out;
    }

    private Map<String, String> names(String language) {
        boolean ko = language.equals("ko");
        return Map.of("referendum", ko ? "주민투표" : "Referendum", "mayor", ko ? "구청장" : "Mayor",
                "referendum/yes", ko ? "예" : "Yes", "referendum/no", ko ? "아니오" : "No",
                "mayor/kim", ko ? "김민준" : "Kim Min-jun", "mayor/lee", ko ? "이서연" : "Lee Seo-yeon",
                "mayor/park", ko ? "박지호" : "Park Ji-ho");
    }

    /** The decrypted tally in the verified record: contest → option → votes. */
    private static Map<String, Map<String, Integer>> tallyOf(VerificationReport report) throws IOException {
        JsonObject tally = Json.createReader(new StringReader(Files.readString(Path.of(report.recordDirectory()).resolve("tally.json")))).readObject();
        var out = new HashMap<String, Map<String, Integer>>();
        for (var contest : tally.getJsonArray("contests").getValuesAs(JsonObject.class)) {
            var options = new HashMap<String, Integer>();
            for (var s : contest.getJsonArray("selections").getValuesAs(JsonObject.class)) options.put(s.getString("selection_id"), s.getInt("tally"));
            out.put(contest.getString("contest_id"), options);
        }
        return out;
    }

    // ---- helpers -----------------------------------------------------------------------------------------------------

    /** Runs axe on the page as it is now, noting the page if it is not in the expected language. */
    private void check(Browser browser, String label, String language) {
        if (!language.equals(browser.htmlLang())) failures.add(label + ": lang=" + browser.htmlLang() + ", expected " + language);
        browser.settle();
        for (String violation : browser.accessibilityViolations()) failures.add(label + " [" + language + "] " + violation);
    }

    private void checkAxe(Browser browser, String path, String who, String... languages) {
        for (String language : languages) {
            browser.useLanguage(language);
            browser.open(path);
            browser.find("h1");
            browser.await(Duration.ofSeconds(15), d -> !browser.shown("#result p[data-i18n=\"common.loading\"]"));
            check(browser, path.replaceAll("\\?.*", "") + " (" + who + ")", language);
        }
    }

    private static void setValue(Browser browser, String css, String value) {
        browser.script("const x = document.querySelector(arguments[0]); x.value = arguments[1];"
                + "x.dispatchEvent(new Event('input', {bubbles: true})); x.dispatchEvent(new Event('change', {bubbles: true}));", css, value);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path firstFile(Path directory, String prefix) throws IOException {
        try (var files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    private static Map<String, String> messages(String language) {
        try {
            var json = Json.createReader(new StringReader(Files.readString(Path.of("webapp", "src", "i18n", language + ".json")))).readObject();
            var out = new HashMap<String, String>();
            json.forEach((k, v) -> out.put(k, json.getString(k)));
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
