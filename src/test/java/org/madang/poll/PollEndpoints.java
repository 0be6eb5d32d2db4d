package org.madang.poll;

import static org.madang.testing.Who.MODERATOR;
import static org.madang.testing.Who.OFFICIAL;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.madang.testing.Api;
import org.madang.testing.RoleMatrix;
import org.madang.testing.RoleMatrix.Call;
import org.madang.testing.RoleMatrix.Endpoint;
import org.madang.testing.RoleSessions;
import org.madang.testing.Who;

/**
 * Who may call which poll endpoint. Fixtures: an open LIVE poll a moderator made (everyone may read its results), an
 * official's poll of the home organisation (visibility edits), and a fresh citizen proposal per moderator decision.
 */
public class PollEndpoints implements RoleMatrix.Table {

    private static String open;
    private static String officials;

    static synchronized String open() {
        if (open == null) {
            open = PollDriver.create(RoleSessions.session(MODERATOR),
                    PollDriver.form("SINGLE", "LIVE", true, Instant.now().plusSeconds(3600), null));
        }
        return open;
    }

    static synchronized String officials() {
        if (officials == null) {
            officials = PollDriver.create(RoleSessions.session(OFFICIAL),
                    PollDriver.form("RATING", "LIVE", true, Instant.now().plusSeconds(3600), RoleSessions.homeOrganisation()));
        }
        return officials;
    }

    private static Call proposalFor(Who who) {
        if (who != MODERATOR) return Call.of("/api/polls/" + UUID.randomUUID() + "/decision", Api.json("approve", true));
        String proposal = PollDriver.create(RoleSessions.session(Who.CITIZEN),
                PollDriver.form("RANKED", "AFTER_CLOSE", false, Instant.now().plusSeconds(3600), null));
        return Call.of(proposal + "/decision", Api.json("approve", true));
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of("GET", "/api/polls").permitAll(),
                Endpoint.of("POST", "/api/polls")
                        .body(() -> PollDriver.form("MULTIPLE", "AFTER_VOTING", false, Instant.now().plusSeconds(3600), null))
                        .signedIn().expect(201, Who.SIGNED_IN),
                Endpoint.of("GET", "/api/polls/{id}").call(who -> Call.of(open())).permitAll(),
                Endpoint.of("POST", "/api/polls/{id}/decision").call(PollEndpoints::proposalFor).allow(MODERATOR).expect(200, MODERATOR),
                Endpoint.of("PUT", "/api/polls/{id}/visibility")
                        .call(who -> Call.of(officials() + "/visibility", Api.json("visibility", "AFTER_CLOSE")))
                        .allow(OFFICIAL, MODERATOR).expect(200, OFFICIAL, MODERATOR),
                Endpoint.of("PUT", "/api/polls/{id}/response").call(who -> Call.of(open() + "/response", PollDriver.answer(1)))
                        .signedIn().expect(200, Who.SIGNED_IN),
                Endpoint.of("GET", "/api/polls/{id}/response").call(who -> Call.of(open() + "/response")).signedIn(),
                Endpoint.of("GET", "/api/polls/{id}/results").call(who -> Call.of(open() + "/results")).permitAll().expect(200, Who.values()),
                Endpoint.of("GET", "/api/polls/{id}/results.csv").call(who -> Call.of(open() + "/results.csv")).permitAll(),
                Endpoint.of("GET", "/api/polls/{id}/results.svg").call(who -> Call.of(open() + "/results.svg")).permitAll(),
                Endpoint.of("GET", "/api/polls/{id}/widget").call(who -> Call.of(open() + "/widget")).permitAll(),
                Endpoint.of("GET", "/api/polls/attributes").signedIn().expect(200, Who.SIGNED_IN),
                Endpoint.of("PUT", "/api/polls/attributes").body(() -> Api.json("birthYear", 1980, "gender", "FEMALE", "shareDistrict", true))
                        .signedIn().expect(200, Who.SIGNED_IN));
    }
}
