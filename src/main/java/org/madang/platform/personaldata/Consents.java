package org.madang.platform.personaldata;

import java.util.UUID;

/**
 * Whether a person currently consents to a purpose. Features ask at the moment they use the data: a withdrawal is
 * seen by the next call (nothing is cached).
 */
public interface Consents {
    boolean hasConsent(UUID accountId, ConsentPurpose purpose);

    /**
     * What a feature's own form said: grants the purpose's current text, or withdraws (firing
     * {@link ConsentWithdrawn}). Nothing is recorded when the ledger already says so.
     */
    void record(UUID accountId, ConsentPurpose purpose, boolean granted);
}
