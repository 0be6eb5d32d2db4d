package org.madang.platform;

import static org.madang.testing.Who.ADMIN;
import static org.madang.testing.Who.AUDITOR;
import static org.madang.testing.Who.ORG_ADMIN;
import static org.madang.testing.Who.REGISTRAR;
import static org.madang.testing.Who.STAFF;

import java.util.List;
import java.util.UUID;
import org.madang.testing.Api;
import org.madang.testing.Api.Session;
import org.madang.testing.People;
import org.madang.testing.RoleMatrix;
import org.madang.testing.RoleMatrix.Call;
import org.madang.testing.RoleMatrix.Endpoint;
import org.madang.testing.RoleSessions;
import org.madang.testing.Who;

/**
 * The platform's role matrix: every endpoint under /api that the platform itself serves, with a request that is
 * valid for it. Where the platform refuses a role for a reason other than access (staff cannot drop their second
 * factor, a TOTP set-up already done), the row says the exact status.
 */
public class PlatformEndpoints implements RoleMatrix.Table {

    /** A token of the right shape that was never issued. */
    private static final String BOGUS_TOKEN = "never-issued-token-0123456789abcdef";

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                // accounts and sign-in, for people who are not signed in (and harmless for those who are)
                Endpoint.of("POST", "/api/accounts").body(() -> Api.json("email", People.uniqueEmail("matrix"),
                        "password", People.PASSWORD, "displayName", "행렬 시민", "locale", "ko")).permitAll().expect(201, Who.values()),
                Endpoint.of("POST", "/api/accounts/email-verifications").body(() -> Api.json("token", BOGUS_TOKEN))
                        .permitAll().expect(410, Who.values()),
                Endpoint.of("POST", "/api/password-resets").body(() -> Api.json("email", People.uniqueEmail("nobody")))
                        .permitAll().expect(202, Who.values()),
                Endpoint.of("POST", "/api/password-resets/confirmations")
                        .body(() -> Api.json("token", BOGUS_TOKEN, "newPassword", "a brand new passphrase"))
                        .permitAll().expect(410, Who.values()),
                Endpoint.of("POST", "/api/sessions").body(() -> signInBody()).permitAll().expect(200, Who.values()),
                Endpoint.of("POST", "/api/sessions/refresh")
                        .call(who -> Call.of("/api/sessions/refresh").withHeader("Cookie", "madang_refresh=" + freshRefreshToken()))
                        .permitAll().expect(200, Who.values()),
                Endpoint.of("DELETE", "/api/sessions/current").permitAll().expect(204, Who.values()),
                // OpenID Connect sign-in: browser navigations, answered with redirects (to the provider, or back to
                // the sign-in page when the callback carries no valid sign-in); OidcSignInIT follows them through
                Endpoint.of("GET", "/api/sessions/oidc").permitAll().expect(200, Who.values()),
                Endpoint.of("GET", "/api/sessions/oidc/start").call(who -> Call.of("/api/sessions/oidc/start?next=/"))
                        .permitAll().expect(303, Who.values()),
                Endpoint.of("GET", "/api/sessions/oidc/callback").call(who -> Call.of("/api/sessions/oidc/callback?code=x&state=y"))
                        .permitAll().expect(303, Who.values()),
                Endpoint.of("POST", "/api/tokens").body(() -> signInBody()).permitAll().expect(200, Who.values()),
                Endpoint.of("POST", "/api/tokens/refresh").body(() -> Api.json("refreshToken", freshRefreshToken()))
                        .permitAll().expect(200, Who.values()),

                // signing keys
                Endpoint.of("GET", "/api/keys").permitAll().expect(200, Who.values()),
                Endpoint.of("POST", "/api/keys/rotations").allow(ADMIN).expect(200, ADMIN),

                // the signed-in person's own account
                Endpoint.of("GET", "/api/me").signedIn(),
                Endpoint.of("PATCH", "/api/me").body(() -> Api.json("displayName", "행렬 " + UUID.randomUUID().toString().substring(0, 6)))
                        .signedIn().expect(200, Who.SIGNED_IN),
                Endpoint.of("POST", "/api/me/password")
                        .call(who -> Call.of("/api/me/password", Api.json("currentPassword", password(who), "newPassword", password(who))))
                        .signedIn().expect(204, Who.SIGNED_IN),
                Endpoint.of("POST", "/api/me/email-verifications").signedIn().expect(202, Who.SIGNED_IN),
                Endpoint.of("POST", "/api/me/email-changes")
                        .call(who -> Call.of("/api/me/email-changes", Api.json("newEmail", People.uniqueEmail("moved"), "password", password(who))))
                        .signedIn().expect(202, Who.SIGNED_IN),
                Endpoint.of("POST", "/api/me/email-changes/confirmations").body(() -> Api.json("token", BOGUS_TOKEN))
                        .signedIn().expect(410, Who.SIGNED_IN),
                // a citizen may set up TOTP; staff have it already
                Endpoint.of("POST", "/api/me/totp").signedIn().expect(409, STAFF),
                Endpoint.of("POST", "/api/me/totp/confirmations").body(() -> Api.json("code", "000000")).signedIn().expect(409, STAFF),
                // staff may not switch their second factor off
                Endpoint.of("POST", "/api/me/totp/deactivations").body(() -> Api.json("code", "000000")).signedIn().expect(409, STAFF),

                // organisations
                Endpoint.of("GET", "/api/organisations").permitAll().expect(200, Who.values()),
                Endpoint.of("GET", "/api/organisations/{id}").call(who -> Call.of("/api/organisations/" + RoleSessions.homeOrganisation()))
                        .permitAll().expect(200, Who.values()),
                Endpoint.of("POST", "/api/organisations")
                        .body(() -> Api.json("nameKo", "행렬청 " + UUID.randomUUID(), "nameEn", "Matrix Agency", "kind", "AGENCY",
                                "parentId", RoleSessions.homeOrganisation().toString()))
                        .allow(ADMIN).expect(201, ADMIN),
                Endpoint.of("PUT", "/api/organisations/{id}")
                        .call(who -> who == ADMIN ? renameOfAFreshOrganisation()
                                : Call.of("/api/organisations/" + RoleSessions.homeOrganisation(),
                                        Api.json("nameKo", "바뀐 이름", "nameEn", "Renamed", "version", 1)))
                        .allow(ADMIN).expect(200, ADMIN),

                // administration of accounts
                Endpoint.of("GET", "/api/admin/users")
                        .call(who -> Call.of("/api/admin/users?q=citizen&limit=5").withHeader("X-Access-Purpose", "role matrix: who may search accounts"))
                        .allow(ADMIN, ORG_ADMIN, REGISTRAR).expect(200, ADMIN, ORG_ADMIN, REGISTRAR),
                Endpoint.of("POST", "/api/admin/users/{id}/roles")
                        .call(who -> Call.of("/api/admin/users/" + target(who, ADMIN, ORG_ADMIN) + "/roles",
                                Api.json("role", "OFFICIAL", "organisationId", RoleSessions.homeOrganisation().toString())))
                        .allow(ADMIN, ORG_ADMIN).expect(204, ADMIN, ORG_ADMIN),
                Endpoint.of("DELETE", "/api/admin/users/{id}/roles/{role}")
                        .call(who -> Call.of("/api/admin/users/" + officialToRevoke(who) + "/roles/OFFICIAL?organisationId="
                                + RoleSessions.homeOrganisation()))
                        .allow(ADMIN, ORG_ADMIN).expect(204, ADMIN, ORG_ADMIN),
                Endpoint.of("POST", "/api/admin/users/{id}/resident-verification")
                        .call(who -> Call.of("/api/admin/users/" + target(who, REGISTRAR) + "/resident-verification",
                                Api.json("district", "서울특별시 종로구")))
                        .allow(REGISTRAR).expect(204, REGISTRAR),
                Endpoint.of("GET", "/api/admin/outbox").allow(ADMIN).expect(200, ADMIN),
                Endpoint.of("POST", "/api/admin/search/rebuild").allow(ADMIN).expect(200, ADMIN),

                // the audit log
                Endpoint.of("GET", "/api/audit").allow(ADMIN, AUDITOR).expect(200, ADMIN, AUDITOR),
                Endpoint.of("GET", "/api/audit/verification").allow(ADMIN, AUDITOR).expect(200, ADMIN, AUDITOR));
    }

    private static String password(Who who) {
        return who == Who.ANONYMOUS ? People.PASSWORD : RoleSessions.person(who).password();
    }

    // ---- what the requests act on, made through the API ----------------------------------------------------------

    private static People.Person signInPerson;
    private static int signInUses;

    /** Sign-in details of a real citizen; a new one every few uses, under the per-e-mail sign-in limit. */
    private static synchronized String signInBody() {
        if (signInPerson == null || signInUses >= 5) {
            signInPerson = People.citizen();
            signInUses = 0;
        }
        signInUses++;
        return Api.json("email", signInPerson.email(), "password", signInPerson.password());
    }

    /** A refresh token nobody has used yet. */
    private static String freshRefreshToken() {
        var reply = Session.anonymous().post("/api/tokens", signInBody());
        if (reply.status() != 200) throw new AssertionError("Could not sign in for a refresh token: " + reply);
        return reply.json().getString("refreshToken");
    }

    /** A rename of an organisation made just now, at its current version. */
    private static Call renameOfAFreshOrganisation() {
        var created = People.admin().session().post("/api/organisations",
                Api.json("nameKo", "개명부 " + UUID.randomUUID(), "nameEn", "Ministry to Rename", "kind", "MINISTRY"));
        if (created.status() != 201) throw new AssertionError("Could not create an organisation: " + created);
        return Call.of("/api/organisations/" + created.json().getString("id"),
                Api.json("nameKo", "바뀐 이름", "nameEn", "Renamed", "version", created.json().getInt("version")));
    }

    private static UUID bystander;

    /** A new citizen for the callers who will change them; a bystander for those who will be refused. */
    private static UUID target(Who who, Who... allowed) {
        if (List.of(allowed).contains(who)) return People.citizen().id();
        synchronized (PlatformEndpoints.class) {
            if (bystander == null) bystander = People.citizen().id();
            return bystander;
        }
    }

    /** A citizen holding OFFICIAL in the home organisation (for those allowed to revoke it). */
    private static UUID officialToRevoke(Who who) {
        if (who != ADMIN && who != ORG_ADMIN) return target(who);
        UUID id = People.citizen().id();
        var grant = People.admin().session().post("/api/admin/users/" + id + "/roles",
                Api.json("role", "OFFICIAL", "organisationId", RoleSessions.homeOrganisation().toString()));
        if (grant.status() != 204) throw new AssertionError("Could not grant OFFICIAL: " + grant);
        return id;
    }
}
