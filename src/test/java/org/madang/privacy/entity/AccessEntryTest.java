package org.madang.privacy.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccessEntryTest {

    private static final UUID STAFF = UUID.randomUUID(), SUBJECT = UUID.randomUUID();

    @Test
    void eachHashCoversTheEntryAndItsPredecessor() {
        var first = new AccessEntry(1, Instant.parse("2026-11-28T01:02:03.123456789Z"), STAFF, "REGISTRAR", SUBJECT, "email", "checking", AccessEntry.GENESIS_HASH);
        var second = new AccessEntry(2, first.at(), STAFF, "REGISTRAR", SUBJECT, "email", "checking", first.hash());
        assertThat(first.at().getNano() % 1000).as("microseconds, as the database keeps them").isZero();
        assertThat(first.computeHash()).isEqualTo(first.hash()).hasSize(64);
        assertThat(second.hash()).isNotEqualTo(first.hash());
        var otherPurpose = new AccessEntry(1, first.at(), STAFF, "REGISTRAR", SUBJECT, "email", "checkinG", AccessEntry.GENESIS_HASH);
        assertThat(otherPurpose.hash()).isNotEqualTo(first.hash());
        // length prefixes: moving a character from one field to the next changes the hash
        var shifted = new AccessEntry(1, first.at(), STAFF, "REGISTRAR", SUBJECT, "emailc", "hecking", AccessEntry.GENESIS_HASH);
        assertThat(shifted.hash()).isNotEqualTo(first.hash());
    }
}
