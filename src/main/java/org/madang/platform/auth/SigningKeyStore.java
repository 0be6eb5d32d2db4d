package org.madang.platform.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** The signing keys' table. Each call is its own transaction, whatever the caller is doing. */
@ApplicationScoped
public class SigningKeyStore {

    @Resource(lookup = "java:app/jdbc/madang")
    DataSource dataSource;

    /** A stored key; {@code retired} is false for the one that signs. */
    public record StoredKey(ECKey key, boolean retired) {
    }

    /** The keys not retired before {@code retiredAfter}, newest first; creates the first key when there is none. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<StoredKey> usable(Instant retiredAfter, Instant now) {
        try (var connection = dataSource.getConnection()) {
            var keys = read(connection, retiredAfter);
            if (keys.stream().allMatch(StoredKey::retired)) {
                insertNewKey(connection, now);
                keys = read(connection, retiredAfter);
            }
            return keys;
        } catch (SQLException | ParseException | JOSEException e) {
            throw new IllegalStateException("Signing keys could not be loaded", e);
        }
    }

    /** Retires the signing key and makes a new one; returns the new key id. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String rotate(Instant now) {
        try (var connection = dataSource.getConnection()) {
            try (var retire = connection.prepareStatement("UPDATE signing_key SET retired_at = ? WHERE retired_at IS NULL")) {
                retire.setTimestamp(1, Timestamp.from(now));
                retire.executeUpdate();
            }
            return insertNewKey(connection, now);
        } catch (SQLException | JOSEException e) {
            throw new IllegalStateException("Signing key rotation failed", e);
        }
    }

    private static List<StoredKey> read(Connection connection, Instant retiredAfter) throws SQLException, ParseException {
        var keys = new ArrayList<StoredKey>();
        try (var query = connection.prepareStatement(
                "SELECT private_jwk, retired_at FROM signing_key WHERE retired_at IS NULL OR retired_at > ? ORDER BY created_at DESC")) {
            query.setTimestamp(1, Timestamp.from(retiredAfter));
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    keys.add(new StoredKey(ECKey.parse(rows.getString(1)), rows.getTimestamp(2) != null));
                }
            }
        }
        return keys;
    }

    private static String insertNewKey(Connection connection, Instant now) throws SQLException, JOSEException {
        String kid = UUID.randomUUID().toString();
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256).generate();
        try (var insert = connection.prepareStatement(
                "INSERT INTO signing_key (kid, private_jwk, public_jwk, created_at, activated_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, kid);
            insert.setString(2, key.toJSONString());
            insert.setString(3, key.toPublicJWK().toJSONString());
            insert.setTimestamp(4, Timestamp.from(now));
            insert.setTimestamp(5, Timestamp.from(now));
            insert.executeUpdate();
        }
        return kid;
    }
}
