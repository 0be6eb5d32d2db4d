package org.madang.disclosure;

import static org.madang.testing.Who.OFFICIAL;
import static org.madang.testing.Who.ORG_ADMIN;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.madang.testing.Api;
import org.madang.testing.RoleMatrix;
import org.madang.testing.RoleMatrix.Call;
import org.madang.testing.RoleMatrix.Endpoint;
import org.madang.testing.RoleSessions;
import org.madang.testing.Who;

/**
 * Who may call which publication-catalogue endpoint: officials and organisation administrators of the matrix's home
 * organisation publish and change; everyone reads. Each state-changing call gets a fresh publication.
 */
public class PublicationEndpoints implements RoleMatrix.Table {

    private static String published;
    private static String fileId;

    private static UUID home() {
        return RoleSessions.homeOrganisation();
    }

    private static String fresh() {
        return PublicationDriver.publish(RoleSessions.session(OFFICIAL), PublicationDriver.body(home())).getString("id");
    }

    private static synchronized String published() {
        if (published == null) published = fresh();
        return published;
    }

    private static synchronized String fileId() {
        if (fileId == null) {
            var uploaded = PublicationDriver.upload(RoleSessions.session(OFFICIAL), published(),
                    "항목,값\n방문자,12\n".getBytes(StandardCharsets.UTF_8), "text/csv", "matrix.csv");
            if (uploaded.status() != 201) throw new IllegalStateException(uploaded.toString());
            fileId = uploaded.json().getString("id");
        }
        return fileId;
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of("GET", "/api/publications").call(who -> Call.of("/api/publications?agency=" + home() + "&size=5"))
                        .permitAll().expect(200, Who.values()),
                Endpoint.of("GET", "/api/publications/vocabulary").permitAll().expect(200, Who.values()),
                Endpoint.of("GET", "/api/publications/{id}").call(who -> Call.of("/api/publications/" + published()))
                        .permitAll().expect(200, Who.values()),
                Endpoint.of("POST", "/api/publications").body(() -> PublicationDriver.body(home()))
                        .allow(OFFICIAL, ORG_ADMIN).expect(201, OFFICIAL, ORG_ADMIN),
                Endpoint.of("POST", "/api/publications/{id}/versions")
                        .call(who -> Call.of("/api/publications/" + fresh() + "/versions", Api.json("note", "개정")))
                        .allow(OFFICIAL, ORG_ADMIN).expect(201, OFFICIAL, ORG_ADMIN),
                Endpoint.of("POST", "/api/publications/{id}/files")
                        .call(who -> Call.of("/api/publications/" + fresh() + "/files?name=a.csv", "a,b\n1,2\n")
                                .withHeader("Content-Type", "text/csv"))
                        .allow(OFFICIAL, ORG_ADMIN).expect(201, OFFICIAL, ORG_ADMIN),
                Endpoint.of("GET", "/api/publications/files/{fileId}").call(who -> Call.of("/api/publications/files/" + fileId()))
                        .permitAll().expect(200, Who.values()),
                Endpoint.of("POST", "/api/publications/{id}/withdrawal")
                        .call(who -> Call.of("/api/publications/" + fresh() + "/withdrawal", Api.json("reason", "오류 정정")))
                        .allow(OFFICIAL, ORG_ADMIN).expect(200, OFFICIAL, ORG_ADMIN),
                Endpoint.of("GET", "/api/publications/feeds/agency/{agencyId}.atom")
                        .call(who -> Call.of("/api/publications/feeds/agency/" + home() + ".atom")).permitAll().expect(200, Who.values()),
                Endpoint.of("GET", "/api/publications/feeds/category/{category}.atom")
                        .call(who -> Call.of("/api/publications/feeds/category/ADMINISTRATION.atom")).permitAll()
                        .expect(200, Who.values()));
    }
}
