package org.madang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.madang.testing.Browser;
import org.madang.testing.People;
import org.madang.testing.Totp;

/**
 * The web shell in a real browser: a person signs up, confirms the mailed link, signs in, sets up two-factor
 * sign-in and sees their account; and axe-core finds nothing wrong on any shell page, in Korean or in English.
 */
class ShellBrowserIT {

    @Test
    void signUpConfirmSignInSetUpTwoFactorAndSeeTheAccount() {
        String email = People.uniqueEmail("browser");
        try (var browser = new Browser()) {
            browser.open("/signup.html");
            browser.type("#email", email);
            browser.type("#display-name", "브라우저 시민");
            browser.type("#password", People.PASSWORD);
            browser.type("#password-confirm", People.PASSWORD);
            browser.click("#signup-form button[type=submit]");
            browser.awaitText("#result", email);

            String token = People.mailedToken(email, "/verify-email.html");
            browser.open("/verify-email.html?token=" + token);
            browser.find("#verify-next");

            browser.open("/signin.html?next=%2Ftotp.html");
            browser.type("#email", email);
            browser.type("#password", People.PASSWORD);
            browser.click("#signin-form button[type=submit]");
            browser.awaitUrlContains("/totp.html");

            String secret = browser.find("#totp-secret").getText().replace(" ", "");
            assertThat(secret).matches("[A-Z2-7]{32}");
            browser.type("#totp-code", Totp.code(secret, Instant.now()));
            browser.click("#totp-confirm-form button[type=submit]");
            browser.find("#totp-enabled");
            assertThat(browser.accessibilityViolations()).as("two-factor page once enabled").isEmpty();

            browser.open("/account.html");
            browser.awaitText("#account-email", email);
            assertThat(browser.find("#account-identity-level").getText()).isNotBlank();
            assertThat(browser.accessibilityViolations()).as("account page").isEmpty();
        }
    }

    @Test
    void everyShellPageIsAccessibleInKoreanAndEnglish() throws IOException {
        var admin = People.staffForBrowser("ADMIN");
        var failures = new ArrayList<String>();
        try (var browser = new Browser()) {
            for (String language : List.of("ko", "en")) {
                browser.open("/");
                if (!language.equals(browser.htmlLang())) {
                    browser.click("#lang-switch");
                    browser.awaitHtmlLang(language);
                }
                for (String page : shellPages()) check(browser, page, language, "signed out", failures);
            }
            browser.open("/signin.html");
            browser.type("#email", admin.email());
            browser.type("#password", admin.password());
            browser.click("#signin-form button[type=submit]");
            browser.find("#totp-code");
            browser.type("#totp-code", People.nextCode(admin.totpSecret()));
            browser.click("#signin-form button[type=submit]");
            browser.awaitUrlContains("/index.html", "/");
            for (String language : List.of("en", "ko")) {
                browser.open("/account.html");
                if (!language.equals(browser.htmlLang())) {
                    browser.click("#lang-switch");
                    browser.awaitHtmlLang(language);
                }
                for (String page : shellPages()) check(browser, page, language, "signed in as administrator", failures);
            }
        }
        assertThat(failures).isEmpty();
    }

    private static void check(Browser browser, String page, String language, String who, List<String> failures) {
        browser.open(page);
        try {
            browser.awaitHtmlLang(language); // pages that send signed-out visitors to sign-in are examined there
        } catch (org.openqa.selenium.TimeoutException e) {
            failures.add(page + " [" + who + "] shows lang=" + browser.htmlLang() + " at " + browser.driver().getCurrentUrl());
        }
        browser.settle();
        for (String violation : browser.accessibilityViolations()) {
            failures.add(page + " [" + language + ", " + who + "] " + violation);
        }
    }

    /** Every page the web build produced (those that need a token get a harmless made-up one). */
    private static List<String> shellPages() throws IOException {
        Path dist = Path.of("webapp", "dist");
        try (Stream<Path> files = Files.walk(dist)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted()
                    .map(p -> "/" + dist.relativize(p).toString().replace('\\', '/'))
                    .map(p -> p.contains("confirm") || p.contains("verify") ? p + "?token=not-a-real-token" : p)
                    .toList();
        }
    }
}
