package org.madang.platform.personaldata;

import java.util.UUID;

/**
 * A CDI event, fired inside the withdrawing transaction: features that keep data under this consent stop using it and
 * remove what they hold (e.g. the attributes stored with poll answers), so results computed later no longer use it.
 */
public record ConsentWithdrawn(UUID accountId, ConsentPurpose purpose) {
}
