package org.madang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.madang.testing.Api;
import org.madang.testing.Api.Session;
import org.madang.testing.People;

/** The life of an account through the API: sign-up, verification, sign-in, two factors, password reset. */
class AccountFlowIT {

    @Test
    void signUpVerifySignInAndTwoFactor() {
        var person = People.citizen();
        var me = person.session().get("/api/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().getString("identityLevel")).isEqualTo("REGISTERED");
        assertThat(me.json().getBoolean("totpEnabled")).isFalse();

        String secret = People.enrolTotp(person.session());
        var withoutCode = Session.anonymous().post("/api/tokens", Api.json("email", person.email(), "password", People.PASSWORD));
        assertThat(withoutCode.status()).isEqualTo(401);
        assertThat(withoutCode.json().getString("type")).endsWith("/mfa-required");

        var withCode = People.signIn(person.email(), People.PASSWORD, People.nextCode(secret));
        assertThat(withCode.get("/api/me").json().getBoolean("totpEnabled")).isTrue();
    }

    @Test
    void wrongPasswordIsAProblemInTheCallersLanguage() {
        var person = People.citizen();
        var english = Session.anonymous().speaking("en").post("/api/tokens", Api.json("email", person.email(), "password", "not the password"));
        assertThat(english.status()).isEqualTo(401);
        assertThat(english.isProblem()).isTrue();
        assertThat(english.json().getString("title")).isEqualTo("Wrong e-mail or password");
        var korean = Session.anonymous().speaking("ko-KR,ko;q=0.9").post("/api/tokens", Api.json("email", person.email(), "password", "not the password"));
        assertThat(korean.json().getString("title")).isEqualTo("이메일 또는 비밀번호가 올바르지 않습니다");
    }

    @Test
    void passwordResetThroughTheMailedLink() {
        var person = People.citizen();
        assertThat(Session.anonymous().post("/api/password-resets", Api.json("email", person.email())).status()).isEqualTo(202);
        String token = People.mailedToken(person.email(), "/password-reset-confirm.html");
        var reset = Session.anonymous().post("/api/password-resets/confirmations", Api.json("token", token, "newPassword", "a brand new passphrase"));
        assertThat(reset.status()).as(reset.toString()).isEqualTo(204);
        assertThat(People.signIn(person.email(), "a brand new passphrase", null).get("/api/me").status()).isEqualTo(200);
        var again = Session.anonymous().post("/api/password-resets/confirmations", Api.json("token", token, "newPassword", "yet another passphrase"));
        assertThat(again.status()).isEqualTo(410);
    }
}
