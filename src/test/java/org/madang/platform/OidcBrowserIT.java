package org.madang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.madang.testing.Browser;
import org.madang.testing.OidcTestProvider;
import org.madang.testing.People;

/** The sign-in page's provider button, in Chromium: shown, accessible, and through the provider back to the page asked for. */
class OidcBrowserIT {

    @Test
    void theProviderButtonSignsInAndComesBackToTheRequestedPage() {
        String email = People.uniqueEmail("oidc-browser");
        try (var browser = new Browser()) {
            browser.open("/signin.html?next=%2Faccount.html");
            browser.useLanguage("en");
            assertThat(browser.awaitText("#oidc-link", "Sign in with")).isEqualTo("Sign in with external account");
            browser.settle();
            assertThat(browser.accessibilityViolations()).as("sign-in page with the provider button").isEmpty();

            OidcTestProvider.nextSignIn("idp-" + UUID.randomUUID(), Map.of("email", email, "email_verified", true,
                    OidcTestProvider.RESIDENT_CLAIM, true, "name", "Browser Resident"));
            browser.click("#oidc-link");
            browser.awaitUrlContains("/account.html");
            browser.awaitText("#account-email", email);
            assertThat(browser.textOf("#account-identity-level")).isNotBlank();
        }
    }

    @Test
    void aFailedProviderSignInIsExplainedOnTheSignInPage() {
        try (var browser = new Browser()) {
            browser.open("/signin.html?error=oidc");
            browser.useLanguage("ko");
            assertThat(browser.awaitText("#signin-form-status", "외부 계정으로 로그인하지 못했습니다")).isNotBlank();
            assertThat(browser.find("#signin-form-status").getAttribute("role")).isEqualTo("alert");
            browser.settle();
            assertThat(browser.accessibilityViolations()).isEmpty();
        }
    }
}
