package org.madang.election;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.madang.ballot.record.BallotState;
import org.madang.ballot.verify.RecordVerifier;
import org.madang.ballot.verify.VerificationReport;
import org.madang.testing.Api;
import org.madang.testing.Api.Session;
import org.madang.testing.People;
import org.madang.testing.RoleSessions;
import org.madang.testing.Who;

/** A demo election (server-held trustees) through the API: roll, credentials, casting, challenge, revote, tally, record. */
class DemoElectionIT {

    @Test
    void wholeDemoElectionVerifiesAndCountsTheLastBallotOfEachCredential() throws Exception {
        var election = new ElectionDriver(RoleSessions.session(Who.ELECTION_ADMIN), true, 3, 2);
        var voters = List.of(election.new Voter(People.citizen()), election.new Voter(People.citizen()), election.new Voter(People.citizen()));
        election.importRoll(voters.stream().map(v -> v.person).toList(), "seoul");
        assertThat(election.move("OPEN").status()).as("cannot skip the ceremony").isEqualTo(409);
        election.moveOk("KEY_CEREMONY");
        election.moveOk("READY");
        voters.forEach(ElectionDriver.Voter::register);
        election.moveOk("OPEN");

        // voter 0: yes + kim; voter 1 challenges first, then casts no + lee; voter 2 casts yes + park, then revotes no + kim
        var first = voters.get(0).encrypt("style-seoul", Map.of("referendum", Map.of("yes", 1), "mayor", Map.of("kim", 1)), BallotState.CAST);
        var receipt = voters.get(0).cast(first);
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(201);
        assertThat(receipt.json().getString("confirmationCodeGrouped")).matches("([0-9A-F]{4}-){15}[0-9A-F]{4}");
        assertThat(voters.get(0).cast(first).status()).as("the same ballot again is idempotent").isEqualTo(200);

        var challenged = voters.get(1).encrypt("style-seoul", Map.of("referendum", Map.of("yes", 1), "mayor", Map.of("park", 1)), BallotState.CHALLENGED);
        assertThat(voters.get(1).cast(challenged).json().getString("kind")).isEqualTo("CHALLENGE");
        assertThat(voters.get(1).cast(voters.get(1).encrypt("style-seoul",
                Map.of("referendum", Map.of("no", 1), "mayor", Map.of("lee", 1)), BallotState.CAST)).status()).isEqualTo(201);
        assertThat(voters.get(2).cast(voters.get(2).encrypt("style-seoul",
                Map.of("referendum", Map.of("yes", 1), "mayor", Map.of("park", 1)), BallotState.CAST)).status()).isEqualTo(201);
        var revote = voters.get(2).cast(voters.get(2).encrypt("style-seoul",
                Map.of("referendum", Map.of("no", 1), "mayor", Map.of("kim", 1)), BallotState.CAST));
        assertThat(revote.status()).isEqualTo(201);

        // anyone can check a receipt
        var check = Session.anonymous().post("/api/receipts/verifications", Api.json("receipt", receipt.json().getString("receipt")));
        assertThat(check.json().getBoolean("signatureValid")).isTrue();
        assertThat(check.json().getBoolean("onBoard")).isTrue();
        String forged = receipt.json().getString("receipt").replaceFirst("\\.[A-Za-z0-9_-]{10}", ".AAAAAAAAAA");
        assertThat(Session.anonymous().post("/api/receipts/verifications", Api.json("receipt", forged)).json().getBoolean("signatureValid")).isFalse();
        assertThat(Session.anonymous().get(election.path("/board")).json().getInt("total")).isEqualTo(5);

        election.moveOk("CLOSED");
        assertThat(voters.get(0).cast(voters.get(0).encrypt("style-seoul",
                Map.of("referendum", Map.of("no", 1), "mayor", Map.of("lee", 1)), BallotState.CAST)).status()).isEqualTo(409);
        election.moveOk("TALLYING");
        election.awaitTally(true);
        election.moveOk("DECRYPTED");
        election.moveOk("PUBLISHED");

        var results = Session.anonymous().get(election.path("/results")).json();
        var contests = results.getJsonArray("contests");
        assertThat(votes(contests, "referendum", "yes")).isEqualTo(1);
        assertThat(votes(contests, "referendum", "no")).isEqualTo(2);
        assertThat(votes(contests, "mayor", "kim")).isEqualTo(2);
        assertThat(votes(contests, "mayor", "lee")).isEqualTo(1);
        assertThat(votes(contests, "mayor", "park")).isZero();
        assertThat(results.getJsonObject("turnout").getInt("counted")).isEqualTo(3);

        VerificationReport report = new RecordVerifier().verify(election.downloadRecord());
        assertThat(report.status()).as(report.toString()).isEqualTo(VerificationReport.Status.VERIFIED);
        assertThat(report.challengedBallots()).isEqualTo(1);
    }

    private static int votes(jakarta.json.JsonArray contests, String contest, String option) {
        for (var c : contests.getValuesAs(jakarta.json.JsonObject.class)) {
            if (c.getString("id").equals(contest)) {
                for (var o : c.getJsonArray("options").getValuesAs(jakarta.json.JsonObject.class)) {
                    if (o.getString("id").equals(option)) return o.getInt("votes");
                }
            }
        }
        throw new AssertionError(contest + "/" + option + " not in results");
    }
}
