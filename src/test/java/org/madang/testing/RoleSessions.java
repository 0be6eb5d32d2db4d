package org.madang.testing;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.madang.testing.Api.Session;
import org.madang.testing.People.Person;

/**
 * One person per role for the whole test run, made through the API the first time a role is asked for. Staff sign
 * in once with their second factor (an account can use each 30-second code only once), so reuse these, don't sign
 * in again. OFFICIAL and ORG_ADMIN hold their role for {@link #homeOrganisation()}.
 */
public final class RoleSessions {

    private static final Map<Who, Person> PEOPLE = new EnumMap<>(Who.class);
    private static UUID home;

    private RoleSessions() {
    }

    /** The ministry the OFFICIAL and the ORG_ADMIN work for. */
    public static synchronized UUID homeOrganisation() {
        if (home == null) home = People.ministry();
        return home;
    }

    /** The person who plays the role (not for ANONYMOUS). */
    public static synchronized Person person(Who who) {
        if (who == Who.ANONYMOUS) throw new IllegalArgumentException("Nobody plays ANONYMOUS");
        if (who == Who.ADMIN) return People.admin();
        var person = PEOPLE.get(who);
        if (person == null) {
            person = switch (who) {
                case CITIZEN -> People.citizen();
                case OFFICIAL, ORG_ADMIN -> People.staff(who.name(), homeOrganisation());
                default -> People.staff(who.name(), null);
            };
            People.signedInNow(person);
            PEOPLE.put(who, person);
        }
        People.renewIfOld(person);
        return person;
    }

    /** A new client with the role's bearer token and an empty cookie jar (nothing one call does leaks into the next). */
    public static Session session(Who who) {
        return who == Who.ANONYMOUS ? Session.anonymous() : Session.bearer(person(who).session().bearerToken());
    }
}
