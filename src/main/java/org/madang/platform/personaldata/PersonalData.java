package org.madang.platform.personaldata;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an entity field as personal data, once, where it is stored: what it is, why it is held, on which legal
 * basis and for how long. The privacy notice (the public inventory) is built from these declarations, and
 * {@code PersonalDataInventoryTest} fails when a personal-looking field carries neither this nor
 * {@link NotPersonalData}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface PersonalData {
    /** What the field holds, in the citizen's words (English; Korean in {@link #whatKo}). */
    String what();

    String whatKo();

    /** Why it is held. */
    String purpose();

    LegalBasis legalBasis();

    /** How long it is kept, e.g. "until the account is erased", "2 years". */
    String retention();

    /** Encrypted at rest or stored only as a hash. */
    boolean protectedAtRest() default false;
}
