package org.madang.platform.audit.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class AuditEntryTest {

    private static final Instant AT = Instant.parse("2026-03-01T09:30:00.123456789Z");

    private static AuditEntry entry() {
        return new AuditEntry(7, AT, "actor-1", "role.granted", "account:42", "OFFICIAL", "ab".repeat(32));
    }

    @Test
    void hashIsSha256HexAndReproducible() {
        var entry = entry();
        assertThat(entry.hash()).matches("[0-9a-f]{64}").isEqualTo(entry.computeHash()).isEqualTo(entry().hash());
    }

    @Test
    void changingAnyFieldChangesTheHash() throws Exception {
        var original = entry();
        String hash = original.hash();
        assertThat(tampered(original, "seq", v -> 8L).computeHash()).isNotEqualTo(hash);
        assertThat(tampered(entry(), "at", v -> AT.plusSeconds(1)).computeHash()).isNotEqualTo(hash);
        assertThat(tampered(entry(), "actor", v -> "actor-2").computeHash()).isNotEqualTo(hash);
        assertThat(tampered(entry(), "action", v -> "role.revoked").computeHash()).isNotEqualTo(hash);
        assertThat(tampered(entry(), "target", v -> "account:43").computeHash()).isNotEqualTo(hash);
        assertThat(tampered(entry(), "detail", v -> "ADMIN").computeHash()).isNotEqualTo(hash);
        assertThat(tampered(entry(), "previousHash", v -> "cd".repeat(32)).computeHash()).isNotEqualTo(hash);
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        // "ab" + "c" and "a" + "bc" must not hash alike: fields are length-prefixed
        var one = new AuditEntry(1, AT, "ab", "c", "t", "d", AuditEntry.GENESIS_HASH);
        var two = new AuditEntry(1, AT, "a", "bc", "t", "d", AuditEntry.GENESIS_HASH);
        assertThat(one.hash()).isNotEqualTo(two.hash());
    }

    @Test
    void entriesChain() {
        var first = new AuditEntry(1, AT, "a", "x", "t", "", AuditEntry.GENESIS_HASH);
        var second = new AuditEntry(2, AT.plusSeconds(1), "a", "y", "t", "", first.hash());
        assertThat(second.previousHash()).isEqualTo(first.hash());
        var otherFirst = new AuditEntry(1, AT, "a", "x", "t", "changed", AuditEntry.GENESIS_HASH);
        var secondAfterTamper = new AuditEntry(2, AT.plusSeconds(1), "a", "y", "t", "", otherFirst.hash());
        assertThat(secondAfterTamper.hash()).as("a change earlier in the chain changes every later hash").isNotEqualTo(second.hash());
    }

    @Test
    void theHashSurvivesTheDatabasesTimestampPrecision() throws Exception {
        // PostgreSQL and H2 keep microseconds: an entry read back must still match its hash
        var entry = entry();
        var reloaded = tampered(entry, "at", v -> AT.truncatedTo(ChronoUnit.MICROS));
        assertThat(reloaded.computeHash()).isEqualTo(entry.hash());
        assertThat(entry.at()).isEqualTo(AT.truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void longFieldsAreCutToTheirColumns() {
        var entry = new AuditEntry(1, AT, "x".repeat(500), "y".repeat(500), "z".repeat(500), "d".repeat(5000), AuditEntry.GENESIS_HASH);
        assertThat(entry.actor()).hasSize(100);
        assertThat(entry.action()).hasSize(100);
        assertThat(entry.target()).hasSize(200);
        assertThat(entry.detail()).hasSize(2000);
        assertThat(new AuditEntry(1, AT, null, "a", "t", null, AuditEntry.GENESIS_HASH).detail()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static <T> AuditEntry tampered(AuditEntry entry, String fieldName, UnaryOperator<T> change) throws Exception {
        Field field = AuditEntry.class.getDeclaredField(fieldName);
        field.setAccessible(true);
        field.set(entry, change.apply((T) field.get(entry)));
        return entry;
    }
}
