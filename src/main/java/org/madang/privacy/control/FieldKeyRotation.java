package org.madang.privacy.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.madang.platform.audit.control.AuditLog;
import org.madang.platform.personaldata.EncryptedString;
import org.madang.platform.personaldata.FieldKeys;

/**
 * Rotates the key that encrypts personal-data columns: a new key becomes current at once (new writes use it), and a
 * background task re-encrypts every row still under an older key (or still in plaintext), a batch per transaction.
 */
@ApplicationScoped
public class FieldKeyRotation {

    private static final Logger LOG = Logger.getLogger(FieldKeyRotation.class.getName());
    private static final int BATCH = 200;

    /** An encrypted column, with its table and the table's key column. */
    public record EncryptedColumn(String table, String key, String column) {
    }

    /** The encrypted address columns (one list, kept by ContactEncryption) and the other encrypted columns. */
    static final List<EncryptedColumn> COLUMNS = java.util.stream.Stream.concat(
            ContactEncryption.COLUMNS.stream().map(address -> new EncryptedColumn(address.table(), "id", address.column())),
            java.util.stream.Stream.of(
                    new EncryptedColumn("account", "id", "resident_district"),
                    new EncryptedColumn("account_token", "id", "payload"),
                    new EncryptedColumn("disclosure_third_party", "id", "email"))).toList();

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Resource
    ManagedExecutorService executor;

    @Inject
    FieldKeyRotation self;

    @Inject
    AuditLog audit;

    @Inject
    ContactEncryption contactEncryption;

    public record Status(String currentKeyId, Map<String, Long> rowsByKey) {
    }

    @Transactional
    public Status rotate(String actor) {
        var keys = FieldKeys.get().withNewKey();
        audit.record(actor, "privacy.field-key-rotated", "field-key:" + keys.currentId(), "re-encryption started");
        executor.submit(this::reencryptAll);
        return status();
    }

    /** How many encrypted values are under each key ("plaintext" for those not yet encrypted). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Status status() {
        var counts = new TreeMap<String, Long>();
        for (var column : COLUMNS) {
            @SuppressWarnings("unchecked")
            List<String> values = em.createNativeQuery("SELECT " + column.column() + " FROM " + column.table() + " WHERE " + column.column() + " IS NOT NULL")
                    .getResultList();
            for (String value : values) {
                String key = EncryptedString.keyIdOf(value);
                counts.merge(key == null ? "plaintext" : key, 1L, Long::sum);
            }
        }
        return new Status(FieldKeys.get().currentId(), counts);
    }

    void reencryptAll() {
        try {
            // addresses still in plaintext need their look-up value as well as encryption
            contactEncryption.convertAll();
            for (var column : COLUMNS) {
                while (self.reencryptBatch(column) > 0) {
                    // next batch, in its own transaction
                }
            }
            LOG.info(() -> "Field key rotation: every row is under " + FieldKeys.get().currentId());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Field key re-encryption stopped; rows left under older keys still read", e);
        }
    }

    /** Re-encrypts up to one batch of rows not under the current key; returns how many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int reencryptBatch(EncryptedColumn column) {
        var keys = FieldKeys.get();
        String current = EncryptedString.PREFIX + keys.currentId() + ":%";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + column.key() + ", " + column.column() + " FROM " + column.table()
                        + " WHERE " + column.column() + " IS NOT NULL AND " + column.column() + " NOT LIKE ?1")
                .setParameter(1, current).setMaxResults(BATCH).getResultList();
        for (Object[] row : rows) {
            String plaintext = EncryptedString.decrypt((String) row[1], keys);
            em.createNativeQuery("UPDATE " + column.table() + " SET " + column.column() + " = ?1 WHERE " + column.key() + " = ?2 AND " + column.column() + " = ?3")
                    .setParameter(1, EncryptedString.encrypt(plaintext, keys)).setParameter(2, row[0]).setParameter(3, row[1])
                    .executeUpdate();
        }
        return rows.size();
    }
}
