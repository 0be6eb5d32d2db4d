package org.madang.platform.auth;

import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;

/**
 * The browser's session: the access token and the refresh token in HttpOnly cookies the page's script cannot read,
 * and the CSRF token in a readable cookie the page echoes in a header. All SameSite=Strict; Secure over HTTPS.
 */
public final class SessionCookies {

    public static final String ACCESS = "madang_access";
    public static final String REFRESH = "madang_refresh";
    public static final String CSRF = "madang_csrf";
    static final String REFRESH_PATH = "/api/sessions";

    private SessionCookies() {
    }

    public static NewCookie[] issue(String accessToken, String refreshToken, Duration refreshLifetime, String csrfToken, boolean secure) {
        int refreshSeconds = (int) refreshLifetime.toSeconds();
        return new NewCookie[] {
            cookie(ACCESS, accessToken, "/api", refreshSeconds, true, secure),
            cookie(REFRESH, refreshToken, REFRESH_PATH, refreshSeconds, true, secure),
            cookie(CSRF, csrfToken, "/", refreshSeconds, false, secure)
        };
    }

    public static NewCookie[] clear(boolean secure) {
        return new NewCookie[] {
            cookie(ACCESS, "", "/api", 0, true, secure),
            cookie(REFRESH, "", REFRESH_PATH, 0, true, secure),
            cookie(CSRF, "", "/", 0, false, secure)
        };
    }

    private static NewCookie cookie(String name, String value, String path, int maxAge, boolean httpOnly, boolean secure) {
        return new NewCookie.Builder(name).value(value).path(path).maxAge(maxAge).httpOnly(httpOnly).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }
}
