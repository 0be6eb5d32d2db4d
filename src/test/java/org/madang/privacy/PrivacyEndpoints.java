package org.madang.privacy;

import static org.madang.testing.Who.ADMIN;
import static org.madang.testing.Who.AUDITOR;
import static org.madang.testing.Who.PRIVACY_OFFICER;

import java.util.List;
import java.util.UUID;
import org.madang.testing.Api;
import org.madang.testing.People;
import org.madang.testing.RoleMatrix;
import org.madang.testing.RoleMatrix.Call;
import org.madang.testing.RoleMatrix.Endpoint;
import org.madang.testing.Who;

/** Privacy's role matrix: the public notice, everyone's own data, the privacy officer's work. */
public class PrivacyEndpoints implements RoleMatrix.Table {

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of("GET", "/api/privacy/inventory").permitAll().expect(200, Who.values()),
                Endpoint.of("GET", "/api/privacy/consent-texts").permitAll().expect(200, Who.values()),

                Endpoint.of("GET", "/api/privacy/me/consents").signedIn().expect(200, Who.SIGNED_IN),
                Endpoint.of("GET", "/api/privacy/me/consents/{purpose}")
                        .call(who -> Call.of("/api/privacy/me/consents/POLL_DEMOGRAPHICS")).signedIn().expect(200, Who.SIGNED_IN),
                Endpoint.of("PUT", "/api/privacy/me/consents/{purpose}")
                        .call(who -> Call.of("/api/privacy/me/consents/EMAIL_DIGEST", Api.json("version", 1)))
                        .signedIn().expect(200, Who.SIGNED_IN),
                Endpoint.of("DELETE", "/api/privacy/me/consents/{purpose}")
                        .call(who -> Call.of("/api/privacy/me/consents/EMAIL_DIGEST")).signedIn().expect(200, Who.SIGNED_IN),
                Endpoint.of("GET", "/api/privacy/me/accesses").signedIn().expect(200, Who.SIGNED_IN),
                Endpoint.of("GET", "/api/privacy/me/export").signedIn().expect(200, Who.SIGNED_IN),
                Endpoint.of("GET", "/api/privacy/me/export.html").signedIn().expect(200, Who.SIGNED_IN),
                Endpoint.of("GET", "/api/privacy/me/export.pdf").signedIn().expect(200, Who.SIGNED_IN),
                // the role's person may already have asked (the other database's run, an earlier call): 201 or 409
                Endpoint.of("POST", "/api/privacy/me/erasure-requests").body(() -> Api.json("removeContributions", false)).signedIn(),
                Endpoint.of("GET", "/api/privacy/me/erasure-requests").signedIn().expect(200, Who.SIGNED_IN),

                Endpoint.of("GET", "/api/privacy/erasure-requests").allow(PRIVACY_OFFICER).expect(200, PRIVACY_OFFICER),
                Endpoint.of("POST", "/api/privacy/erasure-requests/{id}/completion")
                        .call(who -> Call.of("/api/privacy/erasure-requests/" + pendingRequest(who) + "/completion"))
                        .allow(PRIVACY_OFFICER).expect(200, PRIVACY_OFFICER),
                Endpoint.of("GET", "/api/privacy/accesses/verification").allow(PRIVACY_OFFICER, AUDITOR, ADMIN)
                        .expect(200, PRIVACY_OFFICER, AUDITOR, ADMIN),
                Endpoint.of("GET", "/api/privacy/reviews/{month}").call(who -> Call.of("/api/privacy/reviews/2026-11"))
                        .allow(PRIVACY_OFFICER).expect(200, PRIVACY_OFFICER),
                Endpoint.of("GET", "/api/privacy/field-keys").allow(ADMIN, PRIVACY_OFFICER).expect(200, ADMIN, PRIVACY_OFFICER),
                Endpoint.of("POST", "/api/privacy/field-keys/rotations").allow(ADMIN).expect(202, ADMIN),
                Endpoint.of("POST", "/api/privacy/retention-runs").allow(PRIVACY_OFFICER, ADMIN).expect(200, PRIVACY_OFFICER, ADMIN));
    }

    private static UUID bystanderRequest;

    /** A fresh citizen's pending erasure request for the officer; one left pending for those who will be refused. */
    private static UUID pendingRequest(Who who) {
        if (who == PRIVACY_OFFICER) return askErasure();
        synchronized (PrivacyEndpoints.class) {
            if (bystanderRequest == null) bystanderRequest = askErasure();
            return bystanderRequest;
        }
    }

    static UUID askErasure() {
        var citizen = People.citizen();
        var reply = citizen.session().post("/api/privacy/me/erasure-requests", Api.json("removeContributions", false));
        if (reply.status() != 201) throw new AssertionError("Could not ask for erasure: " + reply);
        return UUID.fromString(reply.json().getString("id"));
    }
}
