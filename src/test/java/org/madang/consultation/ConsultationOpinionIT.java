package org.madang.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.madang.consultation.opinion.AdjustedRandIndex;
import org.madang.consultation.opinion.PolisConversation;
import org.madang.testing.Api;
import org.madang.testing.People;

/** The opinion map through the API: planted groups recovered, the same map twice, and Pol.is import and export. */
class ConsultationOpinionIT {

    private static final int[] SIZES = {60, 40, 30};

    /** Three planted groups (statements 0-7, 8-15, 16-23 each one group's) and three statements all agree with (24-26). */
    private static Map<String, Integer> planted(StringBuilder comments, StringBuilder participantsVotes) {
        Random random = new Random(11);
        comments.append("comment-id,comment-body,moderated\n");
        participantsVotes.append("participant,group-id");
        for (int j = 0; j < 30; j++) {
            comments.append(j).append(",planted statement ").append(j).append(",1\n");
            participantsVotes.append(',').append(j);
        }
        participantsVotes.append('\n');
        Map<String, Integer> truth = new HashMap<>();
        int participant = 0;
        for (int g = 0; g < SIZES.length; g++) {
            for (int i = 0; i < SIZES[g]; i++) {
                String p = Integer.toString(participant++);
                truth.put(PolisImport.PREFIX + p, g);
                participantsVotes.append(p).append(',').append(g);
                for (int j = 0; j < 30; j++) {
                    participantsVotes.append(',');
                    if (random.nextDouble() > 0.7) continue;
                    double agree, disagree;
                    if (j < 24) {
                        boolean own = j / 8 == g;
                        agree = own ? 0.85 : 0.05;
                        disagree = own ? 0.05 : 0.85;
                    } else if (j < 27) {
                        agree = 0.9;
                        disagree = 0.03;
                    } else {
                        agree = 0.4;
                        disagree = 0.4;
                    }
                    double r = random.nextDouble();
                    participantsVotes.append(r < agree ? 1 : r < agree + disagree ? -1 : 0);
                }
                participantsVotes.append('\n');
            }
        }
        return truth;
    }

    private interface PolisImport {
        String PREFIX = "polis-";
    }

    @Test
    void plantedGroupsAreRecoveredAndTheMapIsTheSameOnEveryCall() {
        var d = ConsultationDriver.draft();
        var comments = new StringBuilder();
        var matrix = new StringBuilder();
        Map<String, Integer> truth = planted(comments, matrix);
        var imported = d.official.post(d.path("/polis-imports"), Api.json("commentsCsv", comments.toString(),
                "participantsVotesCsv", matrix.toString()));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().getInt("participants")).isEqualTo(130);
        assertThat(imported.json().getJsonNumber("adjustedRandIndex").doubleValue()).isGreaterThan(0.95);

        var first = d.official.get(d.path("/opinion-map"));
        var second = d.official.get(d.path("/opinion-map"));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        JsonObject map = first.json();
        assertThat(map.getJsonArray("groups")).hasSize(3);
        Map<String, Integer> found = new HashMap<>();
        map.getJsonArray("points").getValuesAs(JsonObject.class).forEach(p -> found.put(p.getString("participant"), p.getInt("group")));
        found.values().removeIf(g -> g < 0);
        assertThat(AdjustedRandIndex.of(found, truth)).isGreaterThan(0.95);
        Set<Integer> consensus = new TreeSet<>();
        map.getJsonArray("consensus").getValuesAs(JsonObject.class).forEach(c -> consensus.add(c.getInt("number")));
        assertThat(consensus).containsExactly(24, 25, 26);
        assertThat(map.getJsonArray("groups").getJsonObject(0).getJsonArray("characteristic")).isNotEmpty();

        // people of Madang join under a pseudonym: never their account id
        var citizen = People.citizen();
        var again = d.official.get(d.path("/statements")).json().getJsonArray("items");
        assertThat(again).hasSize(30);
        assertThat(first.body()).doesNotContain(citizen.id().toString());
    }

    static Path vtaiwan() {
        Path dir = Path.of("..", "shared", "reference", "polis", "vtaiwan.uberx");
        if (!Files.isDirectory(dir)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) fail("Pol.is reference conversation missing: " + dir.toAbsolutePath());
            assumeTrue(false, "Pol.is reference conversation not present: " + dir.toAbsolutePath());
        }
        return dir;
    }

    @Test
    void theVTaiwanConversationImportsWithPolisGroupsAndRoundTrips() throws IOException {
        Path dir = vtaiwan();
        String comments = Files.readString(dir.resolve("comments.csv"), StandardCharsets.UTF_8);
        String votes = Files.readString(dir.resolve("votes.csv"), StandardCharsets.UTF_8);
        String participantsVotes = Files.readString(dir.resolve("participants-votes.csv"), StandardCharsets.UTF_8);
        var d = ConsultationDriver.draft();
        var imported = d.official.post(d.path("/polis-imports"), Api.json("commentsCsv", comments, "votesCsv", votes,
                "participantsVotesCsv", participantsVotes));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        double ari = imported.json().getJsonNumber("adjustedRandIndex").doubleValue();
        System.out.printf("vTaiwan UberX through the API: %s%n", imported.body());
        assertThat(ari).isGreaterThanOrEqualTo(0.6);

        var original = PolisConversation.read(new StringReader(comments), new StringReader(votes), null);
        String exportedComments = d.official.get(d.path("/polis/comments.csv")).body();
        String exportedVotes = d.official.get(d.path("/polis/votes.csv")).body();
        String exportedMatrix = d.official.get(d.path("/polis/participants-votes.csv")).body();
        var back = PolisConversation.read(new StringReader(exportedComments), new StringReader(exportedVotes), null);
        var backFromMatrix = PolisConversation.read(new StringReader(exportedComments), null, new StringReader(exportedMatrix));
        assertThat(back.statements()).extracting(PolisConversation.Statement::text)
                .containsExactlyElementsOf(original.statements().stream().map(PolisConversation.Statement::text).toList());
        assertThat(back.statements()).extracting(PolisConversation.Statement::moderated)
                .containsExactlyElementsOf(original.statements().stream().map(PolisConversation.Statement::moderated).toList());
        assertThat(back.matrix().voteCount()).isEqualTo(original.matrix().voteCount());
        assertThat(backFromMatrix.matrix().voteCount()).isEqualTo(original.matrix().voteCount());
        assertThat(backFromMatrix.polisGroups()).isNotEmpty();
    }
}
