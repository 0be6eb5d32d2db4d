package org.madang.platform.personaldata;

import java.util.UUID;

/**
 * Whether a person currently consents to a purpose. Features ask at the moment they use the data: a withdrawal is
 * seen by the next call (nothing is cached).
 */
public interface Consents {
    boolean hasConsent(UUID accountId, ConsentPurpose purpose);
}
