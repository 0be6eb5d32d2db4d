package org.madang.election.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ElectionMovesTest {

    private final Instant now = Instant.parse("2026-03-01T00:00:00Z");

    private Election election() {
        return new Election(new Election.Settings("선거", "Election", "", "", "P-256", 3, 2,
                now.plusSeconds(3600), now.plusSeconds(7200), true), UUID.randomUUID(), now);
    }

    @Test
    void aMoveIsOfferedOnlyOnceWhatItNeedsIsThere() {
        Election e = election();
        assertThat(e.offeredMoves()).containsExactly(Election.State.CANCELLED);
        e.defineManifest("{}", "{}", "00");
        assertThat(e.offeredMoves()).containsExactlyInAnyOrder(Election.State.KEY_CEREMONY, Election.State.CANCELLED);

        e.moveTo(Election.State.KEY_CEREMONY);
        assertThat(e.offeredMoves()).containsExactly(Election.State.CANCELLED);
        e.initialize("{}", "00");
        assertThat(e.offeredMoves()).containsExactlyInAnyOrder(Election.State.READY, Election.State.CANCELLED);

        e.moveTo(Election.State.READY);
        e.moveTo(Election.State.OPEN);
        e.moveTo(Election.State.CLOSED);
        e.moveTo(Election.State.TALLYING);
        // the background tally and decryption have not finished: DECRYPTED is not offered yet
        assertThat(e.offeredMoves()).containsExactly(Election.State.CANCELLED);
        e.tallied("{}");
        assertThat(e.offeredMoves()).containsExactly(Election.State.CANCELLED);
        e.decrypted("{}");
        assertThat(e.offeredMoves()).containsExactlyInAnyOrder(Election.State.DECRYPTED, Election.State.CANCELLED);

        e.moveTo(Election.State.DECRYPTED);
        e.moveTo(Election.State.PUBLISHED);
        assertThat(e.offeredMoves()).isEmpty();
    }
}
