package org.madang.election;

import static org.madang.testing.Who.AUDITOR;
import static org.madang.testing.Who.ELECTION_ADMIN;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.madang.testing.Api;
import org.madang.testing.People;
import org.madang.testing.RoleMatrix;
import org.madang.testing.RoleMatrix.Call;
import org.madang.testing.RoleMatrix.Endpoint;
import org.madang.testing.RoleSessions;
import org.madang.testing.Who;

/**
 * Who may call which election endpoint. Fixtures: an open demo election (public reading), an election in its key
 * ceremony whose only trustee is nobody in the matrix (trustee messages are refused to everyone else), and a fresh
 * draft for each administrator's write.
 */
public class ElectionEndpoints implements RoleMatrix.Table {

    private static ElectionDriver open;
    private static ElectionDriver ceremony;

    static synchronized ElectionDriver open() {
        if (open == null) {
            open = new ElectionDriver(RoleSessions.session(ELECTION_ADMIN), true, 1, 1);
            open.importRoll(List.of(People.citizen()), "seoul");
            open.moveOk("KEY_CEREMONY");
            open.moveOk("READY");
            open.moveOk("OPEN");
        }
        return open;
    }

    static synchronized ElectionDriver ceremony() {
        if (ceremony == null) {
            ceremony = new ElectionDriver(RoleSessions.session(ELECTION_ADMIN), false, 1, 1);
            var reply = ceremony.admin.put(ceremony.path("/trustees"), "{\"trustees\":[{\"email\":\"" + People.citizen().email() + "\"}]}");
            if (reply.status() != 200) throw new IllegalStateException(reply.toString());
            ceremony.moveOk("KEY_CEREMONY");
        }
        return ceremony;
    }

    private static ElectionDriver draft() {
        return new ElectionDriver(RoleSessions.session(ELECTION_ADMIN), false, 1, 1);
    }

    private static String settings(int version) {
        return Api.json("titleKo", "행렬 선거", "titleEn", "Matrix election", "group", "P-256", "guardians", 1, "quorum", 1,
                "opensAt", Instant.now().toString(), "closesAt", Instant.now().plusSeconds(3600).toString(),
                "demoTrustees", false, "version", version);
    }

    /** Path parameters filled from a fixture, made only when a caller that may act calls. */
    private static Call onOpen(String suffix) {
        return Call.of(open().path(suffix));
    }

    private static Call onCeremony(String suffix, String body) {
        return Call.of(ceremony().path(suffix), body);
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of("GET", "/api/elections").permitAll(),
                Endpoint.of("POST", "/api/elections").body(() -> settings(0)).allow(ELECTION_ADMIN).expect(201, ELECTION_ADMIN),
                Endpoint.of("GET", "/api/elections/{id}").call(who -> onOpen("")).permitAll(),
                Endpoint.of("PUT", "/api/elections/{id}").call(who -> draftCall(who, "", ElectionEndpoints::settings))
                        .allow(ELECTION_ADMIN).expect(200, ELECTION_ADMIN),
                Endpoint.of("POST", "/api/elections/{id}/transitions")
                        .call(who -> draftCall(who, "/transitions", v -> Api.json("to", "CANCELLED", "version", v)))
                        .allow(ELECTION_ADMIN).expect(200, ELECTION_ADMIN),
                Endpoint.of("GET", "/api/elections/{id}/manifest").call(who -> onOpen("/manifest")).permitAll(),
                Endpoint.of("PUT", "/api/elections/{id}/manifest").call(who -> draftCall(who, "/manifest", v -> ElectionDriver.MANIFEST))
                        .allow(ELECTION_ADMIN).expect(200, ELECTION_ADMIN),
                Endpoint.of("GET", "/api/elections/{id}/trustees").call(who -> onOpen("/trustees")).permitAll(),
                Endpoint.of("PUT", "/api/elections/{id}/trustees")
                        .call(who -> draftCall(who, "/trustees", v -> "{\"trustees\":[{\"email\":\"" + People.citizen().email() + "\"}]}"))
                        .allow(ELECTION_ADMIN).expect(200, ELECTION_ADMIN),
                Endpoint.of("POST", "/api/elections/{id}/roll/residents").call(who -> draftCall(who, "/roll/residents", v -> "{}"))
                        .allow(ELECTION_ADMIN).expect(200, ELECTION_ADMIN),
                Endpoint.of("POST", "/api/elections/{id}/roll/imports")
                        .call(who -> draftCall(who, "/roll/imports", v -> "email,district\n" + People.uniqueEmail("roll") + ",seoul\n")
                                .withHeader("Content-Type", "text/csv"))
                        .allow(ELECTION_ADMIN).expect(200, ELECTION_ADMIN),
                Endpoint.of("GET", "/api/elections/{id}/roll").call(who -> onOpen("/roll")).allow(ELECTION_ADMIN, AUDITOR),
                Endpoint.of("GET", "/api/elections/{id}/me").call(who -> onOpen("/me")).signedIn(),
                Endpoint.of("PUT", "/api/elections/{id}/me/credential")
                        .call(who -> Call.of(open().path("/me/credential"), Api.json("credential", "zz".repeat(33))))
                        .signedIn().expect(400, Who.SIGNED_IN),
                Endpoint.of("GET", "/api/elections/{id}/credentials").call(who -> onOpen("/credentials")).permitAll(),
                Endpoint.of("GET", "/api/elections/{id}/ceremony").call(who -> onCeremony("/ceremony", null)).allow(ELECTION_ADMIN, AUDITOR),
                Endpoint.of("POST", "/api/elections/{id}/ceremony/announcements").call(who -> onCeremony("/ceremony/announcements", "{}")).allow(),
                Endpoint.of("POST", "/api/elections/{id}/ceremony/shares").call(who -> onCeremony("/ceremony/shares", "{\"shares\":[]}")).allow(),
                Endpoint.of("GET", "/api/elections/{id}/ceremony/shares").call(who -> onCeremony("/ceremony/shares", null)).allow(),
                Endpoint.of("POST", "/api/elections/{id}/ceremony/confirmations")
                        .call(who -> onCeremony("/ceremony/confirmations", Api.json("jointPublicKey", "00"))).allow(),
                Endpoint.of("POST", "/api/elections/{id}/ceremony/complaints")
                        .call(who -> onCeremony("/ceremony/complaints", Api.json("against", "guardian1", "reason", "matrix"))).allow(),
                Endpoint.of("GET", "/api/elections/{id}/decryption").call(who -> onCeremony("/decryption", null)).allow(ELECTION_ADMIN, AUDITOR),
                Endpoint.of("POST", "/api/elections/{id}/decryption/participations").call(who -> onCeremony("/decryption/participations", "{}")).allow(),
                Endpoint.of("POST", "/api/elections/{id}/decryption/start").call(who -> onCeremony("/decryption/start", "{}"))
                        .allow(ELECTION_ADMIN).expect(409, ELECTION_ADMIN),
                Endpoint.of("POST", "/api/elections/{id}/decryption/partials").call(who -> onCeremony("/decryption/partials", "{}")).allow(),
                Endpoint.of("POST", "/api/elections/{id}/decryption/reveals").call(who -> onCeremony("/decryption/reveals", "{}")).allow(),
                Endpoint.of("POST", "/api/elections/{id}/decryption/responses").call(who -> onCeremony("/decryption/responses", "{}")).allow(),
                Endpoint.of("POST", "/api/elections/{id}/ballots").call(who -> Call.of(open().path("/ballots"), "{}"))
                        .signedIn().expect(400, Who.SIGNED_IN),
                Endpoint.of("GET", "/api/elections/{id}/board").call(who -> onOpen("/board")).permitAll(),
                Endpoint.of("GET", "/api/elections/{id}/board/{code}").call(who -> onOpen("/board/" + "ab".repeat(32)))
                        .permitAll().expect(404, Who.values()),
                Endpoint.of("GET", "/api/elections/{id}/receipt-key").call(who -> onOpen("/receipt-key")).permitAll(),
                Endpoint.of("POST", "/api/receipts/verifications").body(() -> Api.json("receipt", "not.a.receipt")).permitAll(),
                Endpoint.of("GET", "/api/elections/{id}/tally").call(who -> onOpen("/tally")).permitAll().expect(409, Who.values()),
                Endpoint.of("GET", "/api/elections/{id}/documents/{name}").call(who -> onOpen("/documents/manifest.json")).permitAll(),
                Endpoint.of("GET", "/api/elections/{id}/record").call(who -> onOpen("/record")).permitAll().expect(409, Who.values()),
                Endpoint.of("GET", "/api/elections/{id}/record/{path}").call(who -> onOpen("/record/manifest.json"))
                        .permitAll().expect(409, Who.values()),
                Endpoint.of("GET", "/api/elections/{id}/record.zip").call(who -> onOpen("/record.zip")).permitAll().expect(409, Who.values()),
                Endpoint.of("GET", "/api/elections/{id}/results").call(who -> onOpen("/results")).permitAll().expect(409, Who.values()));
    }

    /** A fresh draft for the administrator (whose write changes it); others are refused before any lookup, so any id does. */
    private static Call draftCall(Who who, String suffix, java.util.function.IntFunction<String> bodyForVersion) {
        if (who != ELECTION_ADMIN) return Call.of("/api/elections/" + UUID.randomUUID() + suffix, bodyForVersion.apply(0));
        ElectionDriver d = draft();
        return Call.of(d.path(suffix), bodyForVersion.apply(d.version()));
    }
}
