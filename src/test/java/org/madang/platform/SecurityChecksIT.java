package org.madang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpCookie;
import java.net.URI;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.madang.testing.Api;
import org.madang.testing.Api.Reply;
import org.madang.testing.Api.Session;
import org.madang.testing.MadangServer;
import org.madang.testing.People;

/**
 * The web-security checks that are not about one feature. Together with these, the security checks are:
 * <ul>
 *   <li>authorisation: every endpoint for every role, {@code *RoleMatrixIT} (and {@code RoleMatrixCoverageTest}, which
 *       fails when an endpoint is in no matrix);</li>
 *   <li>tokens: {@code JwtAttacksIT}; CSRF and cookie scope: {@code BrowserSessionIT}; lock-out, throttling and TOTP:
 *       {@code AccountSecurityIT};</li>
 *   <li>hostile input on every JSON endpoint: {@code HostileRequestsIT} (resilience profile) and {@code BadInputIT};</li>
 *   <li>where the sign-in page may send the browser afterwards: {@code webapp/test/next.test.js}.</li>
 * </ul>
 * README's "Security checks" runs them in one command.
 */
class SecurityChecksIT {

    @Test
    void securityHeadersOnEveryPageApiResponseAndError() throws IOException {
        List<String> paths = new ArrayList<>(pages());
        assertThat(paths).as("the web pages").hasSizeGreaterThan(20);
        paths.addAll(List.of("/", "/api/keys", "/api/me", "/api/nothing", "/nothing.html"));
        for (String path : paths) {
            var reply = Session.anonymous().get(path);
            if (path.endsWith(".html") && !path.equals("/nothing.html")) assertThat(reply.status()).as(path).isEqualTo(200);
            String csp = reply.header("Content-Security-Policy").orElseThrow(() -> new AssertionError("no CSP on " + path));
            assertThat(csp).as(path).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval")
                    .contains("frame-ancestors 'none'").contains("default-src 'self'").contains("object-src 'none'");
            assertThat(reply.header("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(reply.header("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(reply.header("Referrer-Policy")).as(path).hasValueSatisfying(v -> assertThat(v).isIn("no-referrer",
                    "strict-origin-when-cross-origin", "same-origin", "strict-origin"));
            assertThat(reply.header("Strict-Transport-Security")).as(path + " over plain HTTP").isEmpty();
            assertThat(reply.header("Server").orElse("")).as(path + " says no server version").doesNotContainPattern("\\d");
            assertThat(reply.header("X-Powered-By")).as(path).isEmpty();
            if (path.startsWith("/api/")) assertThat(reply.header("Cache-Control")).as(path).hasValue("no-store");
        }
        // X-Forwarded-Proto is believed only with madang.http.trust-forwarded=true (off in the test server): anyone can send it
        var spoofed = Session.anonymous().send("GET", "/api/keys", null, null, Map.of("X-Forwarded-Proto", "https"));
        assertThat(spoofed.header("Strict-Transport-Security")).isEmpty();
    }

    /** Session fixation: cookies planted before sign-in (here an attacker's own valid ones) are all replaced by it. */
    @Test
    void signingInReplacesEveryPlantedSessionCookie() {
        var attacker = People.citizen();
        var attackerSignIn = Session.anonymous().post("/api/sessions", Api.json("email", attacker.email(), "password", attacker.password()));
        assertThat(attackerSignIn.status()).isEqualTo(200);
        var victim = People.citizen();
        var browser = Session.anonymous()
                .plantCookie("madang_access", cookieValue(attackerSignIn, "madang_access"), "/api")
                .plantCookie("madang_refresh", cookieValue(attackerSignIn, "madang_refresh"), "/api/sessions")
                .plantCookie("madang_csrf", cookieValue(attackerSignIn, "madang_csrf"), "/");
        assertThat(browser.get("/api/me").json().getString("id")).as("the planted cookies work until sign-in").isEqualTo(attacker.id().toString());
        // the sign-in page echoes whatever CSRF cookie it finds, as the session here does
        var signIn = browser.post("/api/sessions", Api.json("email", victim.email(), "password", victim.password()));
        assertThat(signIn.status()).as(signIn.toString()).isEqualTo(200);
        for (String name : List.of("madang_access", "madang_refresh", "madang_csrf")) {
            assertThat(cookieValue(signIn, name)).as(name + " is issued anew").isNotBlank().isNotEqualTo(cookieValue(attackerSignIn, name));
        }
        assertThat(browser.get("/api/me").json().getString("id")).isEqualTo(victim.id().toString());
        // the CSRF token the attacker knows does not pass with the victim's session
        var forged = browser.withoutCsrfHeader().send("PATCH", "/api/me", Api.json("displayName", "공격자가 바꾼 이름"),
                "application/json", Map.of("X-CSRF-Token", cookieValue(attackerSignIn, "madang_csrf")));
        assertThat(forged.status()).as(forged.toString()).isEqualTo(403);
        assertThat(forged.isProblem()).isTrue();
    }

    /**
     * Open redirects: a page directory asked for without its slash is redirected with a relative Location, whatever Host
     * the request names (payara-web.xml's relativeRedirectAllowed), and no path turns into a redirect to another host.
     */
    @Test
    void noRedirectNamesTheHostARequestClaims() throws IOException {
        List<String> asked = new ArrayList<>();
        for (String page : pages()) {
            int slash = page.lastIndexOf('/');
            if (slash > 0) asked.add(page.substring(0, slash));
        }
        asked.addAll(List.of("//evil.example", "/%2F%2Fevil.example", "/\\evil.example", "/forums?next=//evil.example"));
        for (String path : asked.stream().distinct().toList()) {
            String head = rawGet(path, "evil.example");
            String status = head.lines().findFirst().orElse("");
            String location = head.lines().filter(l -> l.toLowerCase().startsWith("location:")).findFirst().orElse("");
            if (location.isEmpty()) continue;
            String target = location.substring("location:".length()).trim();
            assertThat(target).as(path + " → " + status + ", " + location).startsWith("/").doesNotStartWith("//").doesNotStartWith("/\\");
            assertThat(URI.create(target).getHost()).as(path + " → " + location).isNull();
        }
    }

    /** Every page of the web front end, as a URL path. */
    private static List<String> pages() throws IOException {
        Path root = Path.of("webapp", "src", "pages");
        try (var files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".html"))
                    .map(p -> "/" + root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    private static String cookieValue(Reply reply, String name) {
        return reply.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> HttpCookie.parse("Set-Cookie: " + c).get(0).getValue()).findFirst().orElse("");
    }

    /** A GET with a Host header of our choosing (the JDK's client will not send one), answered up to its headers. */
    private static String rawGet(String path, String host) throws IOException {
        var server = MadangServer.get().uri("/");
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            var head = new StringBuilder();
            int b;
            while ((b = in.read()) != -1) {
                head.append((char) b);
                if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) break;
            }
            return head.toString();
        }
    }
}
