package org.madang.platform.personaldata;

import java.util.Collection;
import java.util.UUID;

/**
 * The personal-data access log: every read or export of a citizen's personal data by staff, with the purpose the
 * staff member stated. The citizen sees these entries on "My data".
 */
public interface PersonalDataAccess {

    /** The request header in which staff state why they read personal data. */
    String PURPOSE_HEADER = "X-Access-Purpose";

    /** Records that {@code staff} read {@code fields} of {@code subject} for {@code purpose}. */
    void record(UUID staff, UUID subject, Collection<String> fields, String purpose);
}
