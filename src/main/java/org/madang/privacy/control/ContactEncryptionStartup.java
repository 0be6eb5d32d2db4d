package org.madang.privacy.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Runs {@link ContactEncryption} once at start, after the migrations. */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ContactEncryptionStartup {

    private static final Logger LOG = Logger.getLogger(ContactEncryptionStartup.class.getName());

    @Inject
    ContactEncryption encryption;

    @PostConstruct
    void start() {
        try {
            encryption.convertAll();
        } catch (RuntimeException e) {
            // unconverted rows still sign in (Accounts falls back to the plaintext column); the next start retries
            LOG.log(Level.WARNING, "Contact encryption did not finish", e);
        }
    }
}
