package org.madang.privacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import org.madang.platform.cluster.JobLeases;
import org.madang.platform.personaldata.EncryptedString;
import org.madang.platform.personaldata.FieldKeys;
import org.madang.platform.personaldata.LookupHash;

/**
 * Encrypts the e-mail addresses written before contact data was encrypted (V12): each row without a look-up value
 * gets its address encrypted and its keyed hash set, a batch per transaction. Idempotent (a converted row has its
 * look-up value and is not selected again; each update is conditional on the row being unconverted), and one instance
 * of a cluster runs it at a time under a job lease.
 */
@ApplicationScoped
public class ContactEncryption {

    private static final Logger LOG = Logger.getLogger(ContactEncryption.class.getName());
    static final String JOB = "privacy.contact-encryption";
    private static final int BATCH = 200;

    /** A plaintext address column and the column of its keyed hash (public: Weld intercepts no method taking a package-private type). */
    public record AddressColumn(String table, String column, String lookup) {
    }

    static final List<AddressColumn> COLUMNS = List.of(
            new AddressColumn("account", "email", "email_lookup"),
            new AddressColumn("mail_outbox", "recipient", "recipient_lookup"),
            new AddressColumn("election_voter", "email", "email_lookup"));

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    JobLeases leases;

    @Inject
    ContactEncryption self;

    /** Converts every unconverted row, unless another instance is doing so; returns the rows converted here. */
    public int convertAll() {
        if (!leases.tryAcquire(JOB, Duration.ofMinutes(10))) return 0;
        int total = 0;
        try {
            for (var column : COLUMNS) {
                for (int converted; (converted = self.convertBatch(column)) > 0; ) total += converted;
            }
        } finally {
            leases.release(JOB);
        }
        int done = total;
        if (done > 0) LOG.info(() -> "Contact encryption: " + done + " stored addresses encrypted");
        return done;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int convertBatch(AddressColumn column) {
        var keys = FieldKeys.get();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, " + column.column() + " FROM " + column.table()
                        + " WHERE " + column.lookup() + " IS NULL")
                .setMaxResults(BATCH).getResultList();
        int converted = 0;
        for (Object[] row : rows) {
            String stored = (String) row[1];
            String address = EncryptedString.decrypt(stored, keys);
            converted += em.createNativeQuery("UPDATE " + column.table() + " SET " + column.column() + " = ?1, " + column.lookup() + " = ?2"
                            + " WHERE id = ?3 AND " + column.lookup() + " IS NULL AND " + column.column() + " = ?4")
                    .setParameter(1, EncryptedString.encrypt(address, keys))
                    .setParameter(2, LookupHash.of(LookupHash.normaliseEmail(address), keys))
                    .setParameter(3, row[0]).setParameter(4, stored)
                    .executeUpdate();
        }
        // rows changed under us by another writer are left for the next run; stop rather than spin on them
        return converted;
    }
}
