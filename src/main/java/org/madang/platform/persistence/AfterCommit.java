package org.madang.platform.persistence;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Runs work once the current transaction has committed (at once when there is none), so that what other requests or
 * instances learn of a change is never ahead of the database. Work of a transaction that rolls back is dropped.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** The container's registry, or null outside a container (unit tests), where work runs at once. */
    public static TransactionSynchronizationRegistry registry() {
        try {
            return (TransactionSynchronizationRegistry) new InitialContext().lookup("java:comp/TransactionSynchronizationRegistry");
        } catch (NamingException | RuntimeException | NoClassDefFoundError outsideAContainer) {
            return null;
        }
    }

    /** Whether the work ran or was scheduled; false when the transaction is already marked for rollback or ending. */
    public static boolean run(TransactionSynchronizationRegistry transactions, Runnable work) {
        int status = transactions == null ? Status.STATUS_NO_TRANSACTION : transactions.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            work.run();
            return true;
        }
        if (status != Status.STATUS_ACTIVE) return false;
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int outcome) {
                if (outcome == Status.STATUS_COMMITTED) work.run();
            }
        });
        return true;
    }
}
