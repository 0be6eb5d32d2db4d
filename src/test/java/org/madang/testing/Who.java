package org.madang.testing;

import java.util.EnumSet;
import java.util.Set;

/** Who makes a call in the role matrix: nobody, or a person holding one role (staff signed in with two factors). */
public enum Who {
    ANONYMOUS, CITIZEN, OFFICIAL, ORG_ADMIN, MODERATOR, REGISTRAR, ELECTION_ADMIN, AUDITOR, ADMIN, PRIVACY_OFFICER;

    /** Everyone who is signed in. */
    public static final Set<Who> SIGNED_IN = EnumSet.complementOf(EnumSet.of(ANONYMOUS));
    /** The roles that are active only after a second factor. */
    public static final Set<Who> STAFF = EnumSet.complementOf(EnumSet.of(ANONYMOUS, CITIZEN));
}
