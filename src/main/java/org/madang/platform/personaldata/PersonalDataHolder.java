package org.madang.platform.personaldata;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;

/**
 * What each feature implements (as an application-scoped CDI bean) for the personal data it keeps, so that privacy
 * can show, export and erase everything held about a person without knowing the feature. Each method runs inside
 * the caller's transaction; an exception rolls the whole erasure back.
 */
public interface PersonalDataHolder {

    /** A stable key for the feature's part of an export, e.g. "forum". */
    String section();

    /** The personal-data fields the feature stores: usually {@code PersonalDataField.declaredIn(MyEntity.class, ...)}. */
    List<PersonalDataField> fields();

    /** Everything the feature holds about the person, as the JSON of their export's section. */
    JsonObject export(UUID accountId);

    /**
     * Keeps the person's public contributions (posts, comments, opinions) readable, but under the pseudonym instead
     * of anything that names them. Called before {@link #erase}.
     */
    void pseudonymise(UUID accountId, Pseudonym pseudonym);

    /**
     * Removes the person's personal data for good. With {@code withContributions}, their public contributions go
     * too (the person asked for it and no law requires keeping them); otherwise they were pseudonymised first.
     */
    void erase(UUID accountId, boolean withContributions);

    /** Holders run in ascending order; the platform's accounts run last, as other tables refer to them. */
    default int erasureOrder() { return 0; }
}
