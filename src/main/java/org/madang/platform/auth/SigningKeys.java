package org.madang.platform.auth;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The ES256 keys that sign access tokens. The first start generates one; rotation makes a new signing key while
 * the old ones keep verifying until every token they signed has expired, so nobody is signed out. Keys live in the
 * database so that every instance of a cluster shares them; each instance re-reads them when it meets an unknown
 * key id or its copy is older than a minute.
 */
@ApplicationScoped
public class SigningKeys {

    /** Retired keys keep verifying this long, which covers every access token they signed. */
    static final Duration VERIFY_AFTER_RETIREMENT = AccessTokens.LIFETIME.plusMinutes(5);
    private static final Duration RELOAD_AFTER = Duration.ofMinutes(1);
    private static final Duration MISS_RELOAD_INTERVAL = Duration.ofSeconds(5);

    @Inject
    SigningKeyStore store;

    Clock clock = Clock.systemUTC();

    private volatile Snapshot snapshot;
    private volatile Instant lastMissReload = Instant.EPOCH;

    private record Snapshot(ECKey signing, JWKSet verifying, Instant loadedAt) {
    }

    public ECKey signingKey() {
        return current().signing();
    }

    /** Public keys that currently verify tokens (the signing key and recently retired ones). */
    public JWKSet verificationKeys() {
        return current().verifying().toPublicJWKSet();
    }

    /**
     * Looks a key id up, re-reading the database when it is unknown (another instance may have rotated) — at most
     * every few seconds, so tokens with made-up key ids cannot hammer the database.
     */
    public Optional<ECKey> verificationKey(String kid) {
        if (kid == null) return Optional.empty();
        var found = find(current(), kid);
        if (found.isEmpty() && lastMissReload.plus(MISS_RELOAD_INTERVAL).isBefore(clock.instant())) {
            synchronized (this) {
                lastMissReload = clock.instant();
                snapshot = load();
            }
            found = find(snapshot, kid);
        }
        return found;
    }

    /** Starts signing with a fresh key; returns its id. */
    public synchronized String rotate() {
        String kid = store.rotate(clock.instant());
        snapshot = load();
        return kid;
    }

    private static Optional<ECKey> find(Snapshot snapshot, String kid) {
        return snapshot.verifying().getKeyByKeyId(kid) instanceof ECKey ec ? Optional.of(ec.toPublicJWK()) : Optional.empty();
    }

    private Snapshot current() {
        var s = snapshot;
        if (s == null || s.loadedAt().plus(RELOAD_AFTER).isBefore(clock.instant())) {
            synchronized (this) {
                s = snapshot;
                if (s == null || s.loadedAt().plus(RELOAD_AFTER).isBefore(clock.instant())) {
                    snapshot = s = load();
                }
            }
        }
        return s;
    }

    private Snapshot load() {
        Instant now = clock.instant();
        var stored = store.usable(now.minus(VERIFY_AFTER_RETIREMENT), now);
        ECKey signing = stored.stream().filter(k -> !k.retired()).map(SigningKeyStore.StoredKey::key).findFirst().orElseThrow();
        return new Snapshot(signing, new JWKSet(stored.stream().map(k -> (JWK) k.key()).toList()), now);
    }
}
