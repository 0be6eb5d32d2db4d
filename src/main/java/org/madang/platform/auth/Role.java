package org.madang.platform.auth;

/** What a person may do on the platform. OFFICIAL and ORG_ADMIN are held for one organisation. */
public enum Role {
    CITIZEN(false, false),
    OFFICIAL(true, true),
    ORG_ADMIN(true, true),
    MODERATOR(true, false),
    REGISTRAR(true, false),
    ELECTION_ADMIN(true, false),
    AUDITOR(true, false),
    ADMIN(true, false),
    /** Reviews staff access to personal data and carries out erasure requests (PIPA art. 31). */
    PRIVACY_OFFICER(true, false);

    /** Names usable in {@code @RolesAllowed}. */
    public static final String CITIZEN_NAME = "CITIZEN", OFFICIAL_NAME = "OFFICIAL", ORG_ADMIN_NAME = "ORG_ADMIN",
            MODERATOR_NAME = "MODERATOR", REGISTRAR_NAME = "REGISTRAR", ELECTION_ADMIN_NAME = "ELECTION_ADMIN",
            AUDITOR_NAME = "AUDITOR", ADMIN_NAME = "ADMIN", PRIVACY_OFFICER_NAME = "PRIVACY_OFFICER";
    /** Any signed-in person, whatever their roles. */
    public static final String ANY_SIGNED_IN = "**";

    private final boolean staff;
    private final boolean organisationScoped;

    Role(boolean staff, boolean organisationScoped) {
        this.staff = staff;
        this.organisationScoped = organisationScoped;
    }

    /** Staff roles are active in a session only after a second factor. */
    public boolean isStaff() { return staff; }

    public boolean isOrganisationScoped() { return organisationScoped; }
}
