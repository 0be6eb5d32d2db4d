package org.madang.platform.account.entity;

/** How much the platform knows about who a person is. */
public enum IdentityLevel {
    /** Signed up, e-mail not yet confirmed. */
    UNVERIFIED,
    /** E-mail address confirmed. */
    REGISTERED,
    /** A registrar checked the person's identity and district (only that fact is stored). */
    VERIFIED_RESIDENT
}
