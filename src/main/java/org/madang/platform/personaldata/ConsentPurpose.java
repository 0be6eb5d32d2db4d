package org.madang.platform.personaldata;

/** What a person can agree to beyond the service itself; each has versioned texts in the consent ledger. */
public enum ConsentPurpose {
    /** Age band, gender and district shown in aggregate breakdowns of poll answers. */
    POLL_DEMOGRAPHICS,
    /** A periodic e-mail digest of new consultations, polls and forum topics. */
    EMAIL_DIGEST
}
