package org.madang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonString;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.madang.testing.Api;
import org.madang.testing.Api.Session;
import org.madang.testing.People;
import org.madang.testing.RoleMatrix;
import org.madang.testing.RoleSessions;
import org.madang.testing.Totp;
import org.madang.testing.Who;

/** Who may call which platform endpoint; staff roles count only after a second factor. */
class PlatformRoleMatrixIT {

    @TestFactory
    Stream<DynamicNode> platformMatrix() {
        return RoleMatrix.tests(new PlatformEndpoints());
    }

    /** Holds every staff role but has no second factor yet: every endpoint treats the session as a citizen's. */
    @TestFactory
    Stream<DynamicNode> staffSignedInWithoutSecondFactorGetWhatACitizenGets() {
        var person = staffWithoutSecondFactor();
        var session = People.signIn(person.email(), person.password(), null);
        return RoleMatrix.testsAs(new PlatformEndpoints(), Who.CITIZEN, () -> Session.bearer(session.bearerToken()));
    }

    @Test
    void staffRolesAreGrantedButNotActiveWithoutSecondFactor() {
        var person = staffWithoutSecondFactor();
        // the session opened before the grants, and a new one with the password only
        for (var session : new Session[] {person.session(), People.signIn(person.email(), person.password(), null)}) {
            var me = session.get("/api/me").json();
            assertThat(me.getJsonArray("roles")).hasSize(Who.STAFF.size());
            assertThat(me.getJsonArray("activeRoles").getValuesAs(JsonString::getString)).containsExactly("CITIZEN");
            assertThat(me.getBoolean("secondFactorNeeded")).isTrue();
            assertThat(session.get("/api/audit").status()).isEqualTo(403);
            assertThat(session.get("/api/admin/users").status()).isEqualTo(403);
            assertThat(session.post("/api/keys/rotations").status()).isEqualTo(403);
        }
        // once the second factor is set up and used, the roles count
        String secret = People.enrolTotp(person.session());
        var withCode = People.signIn(person.email(), person.password(), People.nextCode(secret));
        assertThat(withCode.get("/api/me").json().getJsonArray("activeRoles")).hasSize(Who.STAFF.size() + 1);
        assertThat(withCode.get("/api/audit").status()).isEqualTo(200);
    }

    @Test
    void staffCannotSwitchTheirSecondFactorOff() {
        for (Who who : new Who[] {Who.AUDITOR, Who.OFFICIAL, Who.ADMIN}) {
            var person = RoleSessions.person(who);
            var reply = person.session().post("/api/me/totp/deactivations", Api.json("code", Totp.code(person.totpSecret(), Instant.now())));
            assertThat(reply.status()).as(who + ": " + reply).isEqualTo(409);
            assertThat(reply.json().getString("type")).endsWith("/conflict");
            assertThat(person.session().get("/api/me").json().getBoolean("totpEnabled")).isTrue();
        }
    }

    /** A citizen to whom the administrator granted every staff role, before they set up TOTP. */
    private static People.Person staffWithoutSecondFactor() {
        var person = People.citizen();
        var admin = People.admin().session();
        var organisation = RoleSessions.homeOrganisation().toString();
        for (Who role : Who.STAFF) {
            boolean scoped = role == Who.OFFICIAL || role == Who.ORG_ADMIN;
            var grant = admin.post("/api/admin/users/" + person.id() + "/roles",
                    Api.json("role", role.name(), "organisationId", scoped ? organisation : null));
            assertThat(grant.status()).as(role + ": " + grant).isEqualTo(204);
        }
        return person;
    }
}
