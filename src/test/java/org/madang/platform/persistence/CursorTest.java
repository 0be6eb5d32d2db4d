package org.madang.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.madang.platform.error.ProblemException;

class CursorTest {

    @Test
    void roundTripsKeysAndInstants() {
        var cursor = new Cursor(Cursor.micros(Instant.parse("2026-11-28T14:58:39.693784Z")), UUID.randomUUID());
        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(Cursor.instant(cursor.key())).isEqualTo(Instant.parse("2026-11-28T14:58:39.693784Z"));
        assertThat(Cursor.instant(Cursor.micros(Instant.parse("1960-01-01T00:00:00.000001Z")))).isEqualTo(Instant.parse("1960-01-01T00:00:00.000001Z"));
        assertThat(Cursor.decode(null)).isNull();
        assertThat(Cursor.decode("")).isNull();
    }

    @Test
    void refusesWhatItDidNotGiveOut() {
        for (String bad : new String[] {"bm90LWEtY3Vyc29y", "!!!", "MTox", "x".repeat(101)}) {
            assertThatThrownBy(() -> Cursor.decode(bad)).isInstanceOf(ProblemException.class);
        }
    }
}
