package org.madang.platform.account.control;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The configured OpenID Connect provider: its settings, its discovery document and key set (fetched from the
 * issuer, kept for a while), the authorization request and the code-for-token exchange. Disabled when no issuer is
 * configured.
 */
@ApplicationScoped
public class OidcProvider {

    private static final Duration DISCOVERY_LIFETIME = Duration.ofHours(1);
    /** An unknown key id refetches the key set, but not more often than this (no amplification of junk tokens). */
    private static final Duration MIN_KEY_REFETCH = Duration.ofSeconds(10);
    private static final int MAX_RESPONSE = 256 * 1024;

    @Inject
    @ConfigProperty(name = "madang.oidc.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "madang.oidc.client-id", defaultValue = "madang")
    String clientId;

    @Inject
    @ConfigProperty(name = "madang.oidc.client-secret")
    Optional<String> clientSecret;

    @Inject
    @ConfigProperty(name = "madang.oidc.redirect-uri")
    Optional<String> redirectUri;

    @Inject
    @ConfigProperty(name = "madang.oidc.scope", defaultValue = "openid email profile")
    String scope;

    @Inject
    @ConfigProperty(name = "madang.oidc.resident-claim", defaultValue = "madang_verified")
    String residentClaim;

    @Inject
    @ConfigProperty(name = "madang.oidc.resident-value", defaultValue = "true")
    String residentValue;

    @Inject
    @ConfigProperty(name = "madang.oidc.display-name-ko", defaultValue = "외부 계정")
    String displayNameKo;

    @Inject
    @ConfigProperty(name = "madang.oidc.display-name-en", defaultValue = "external account")
    String displayNameEn;

    @Inject
    @ConfigProperty(name = "madang.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    Clock clock = Clock.systemUTC();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** The provider's endpoints, from its discovery document. */
    record Discovery(String authorizationEndpoint, String tokenEndpoint, URI jwksUri, Instant fetchedAt) {
    }

    private volatile Discovery discovery;
    private volatile JWKSet keys;
    private volatile Instant keysFetchedAt = Instant.EPOCH;

    public boolean enabled() {
        return issuer.filter(s -> !s.isBlank()).isPresent();
    }

    public String issuer() { return issuer.orElseThrow().strip(); }
    public String clientId() { return clientId; }
    public String displayNameKo() { return displayNameKo; }
    public String displayNameEn() { return displayNameEn; }
    public String residentClaim() { return residentClaim; }
    public String residentValue() { return residentValue; }

    public String redirectUri() {
        return redirectUri.filter(s -> !s.isBlank()).orElse(stripSlash(publicUrl) + "/api/sessions/oidc/callback");
    }

    public String publicUrl() { return stripSlash(publicUrl); }

    /** A key for signing the sign-in cookie: the configured one, else one derived from the client secret. */
    public byte[] cookieKeyMaterial() {
        return clientSecret.filter(s -> !s.isBlank()).map(s -> ("madang_oidc cookie|" + s).getBytes(StandardCharsets.UTF_8))
                .orElse(null);
    }

    /** Where to send the browser: the provider's authorization endpoint with this sign-in's state, nonce and challenge. */
    public URI authorizationRequest(String state, String nonce, String codeChallenge) throws IOException {
        var query = new LinkedHashMap<String, String>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri());
        query.put("scope", scope);
        query.put("state", state);
        query.put("nonce", nonce);
        query.put("code_challenge", codeChallenge);
        query.put("code_challenge_method", "S256");
        String endpoint = discovery().authorizationEndpoint();
        return URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + form(query));
    }

    /** Exchanges the authorization code (with the PKCE verifier) for the provider's ID token. */
    public String exchange(String code, String codeVerifier) throws IOException {
        var body = new LinkedHashMap<String, String>();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("redirect_uri", redirectUri());
        body.put("code_verifier", codeVerifier);
        var request = HttpRequest.newBuilder(URI.create(discovery().tokenEndpoint())).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json");
        if (clientSecret.filter(s -> !s.isBlank()).isPresent()) {
            String credentials = encode(clientId) + ":" + encode(clientSecret.get());
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        } else {
            body.put("client_id", clientId);
        }
        var response = send(request.POST(HttpRequest.BodyPublishers.ofString(form(body))).build());
        if (response.statusCode() != 200) throw new IOException("token endpoint answered " + response.statusCode());
        Object idToken = json(response.body()).get("id_token");
        if (!(idToken instanceof String token) || token.isBlank()) throw new IOException("no id_token in the token response");
        return token;
    }

    public IdTokenVerifier verifier() {
        return new IdTokenVerifier(issuer(), clientId, new IdTokenVerifier.KeySource() {
            @Override
            public JWKSet current() {
                return keys != null ? keys : refreshed();
            }

            @Override
            public JWKSet refreshed() {
                return fetchKeys();
            }
        }, clock);
    }

    private synchronized JWKSet fetchKeys() {
        if (keys != null && keysFetchedAt.plus(MIN_KEY_REFETCH).isAfter(clock.instant())) return keys;
        try {
            var response = send(HttpRequest.newBuilder(discovery().jwksUri()).timeout(Duration.ofSeconds(10)).GET().build());
            if (response.statusCode() != 200) throw new IOException("key set answered " + response.statusCode());
            keys = JWKSet.parse(response.body());
            keysFetchedAt = clock.instant();
        } catch (IOException | ParseException e) {
            // keep the keys we had; a token signed by an unknown key is refused
        }
        return keys;
    }

    Discovery discovery() throws IOException {
        var known = discovery;
        if (known != null && known.fetchedAt().plus(DISCOVERY_LIFETIME).isAfter(clock.instant())) return known;
        String wellKnown = stripSlash(issuer()) + "/.well-known/openid-configuration";
        var response = send(HttpRequest.newBuilder(URI.create(wellKnown)).timeout(Duration.ofSeconds(10)).GET().build());
        if (response.statusCode() != 200) throw new IOException("discovery answered " + response.statusCode());
        var document = json(response.body());
        // OIDC Discovery 4.3: the document must name exactly the issuer it was fetched for
        if (!issuer().equals(document.get("issuer"))) throw new IOException("discovery names issuer " + document.get("issuer"));
        if (!(document.get("authorization_endpoint") instanceof String authorization)
                || !(document.get("token_endpoint") instanceof String token)
                || !(document.get("jwks_uri") instanceof String jwks)) {
            throw new IOException("discovery document lacks an endpoint");
        }
        discovery = new Discovery(authorization, token, URI.create(jwks), clock.instant());
        return discovery;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.body() != null && response.body().length() > MAX_RESPONSE) throw new IOException("response too large");
            return response;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static Map<String, Object> json(String body) throws IOException {
        try {
            return JSONObjectUtils.parse(body);
        } catch (ParseException e) {
            throw new IOException("not JSON", e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
