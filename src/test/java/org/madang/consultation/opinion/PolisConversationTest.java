package org.madang.consultation.opinion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PolisConversationTest {

    /** vTaiwan's UberX conversation (CC BY 4.0), read from ../shared and never copied into the repository. */
    static Path vtaiwan() {
        Path dir = Path.of("..", "shared", "reference", "polis", "vtaiwan.uberx");
        if (!Files.isDirectory(dir)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) fail("Pol.is reference conversation missing: " + dir.toAbsolutePath());
            assumeTrue(false, "Pol.is reference conversation not present: " + dir.toAbsolutePath());
        }
        return dir;
    }

    private static Reader open(Path dir, String name) throws IOException {
        return Files.newBufferedReader(dir.resolve(name), StandardCharsets.UTF_8);
    }

    @Test
    void groupsAgreeWithPolisOnTheVtaiwanConversation() throws IOException {
        Path dir = vtaiwan();
        PolisConversation fromVotes;
        PolisConversation withGroups;
        try (Reader c = open(dir, "comments.csv"); Reader v = open(dir, "votes.csv"); Reader pv = open(dir, "participants-votes.csv")) {
            fromVotes = PolisConversation.read(c, v, pv);
        }
        try (Reader c = open(dir, "comments.csv"); Reader pv = open(dir, "participants-votes.csv")) {
            withGroups = PolisConversation.read(c, null, pv);
        }
        assertThat(fromVotes.polisGroups()).isNotEmpty();
        // both readings, several seeds: the agreement must not hang on the input's order or on a lucky draw
        for (PolisConversation conversation : new PolisConversation[] {fromVotes, withGroups}) {
            VoteMatrix matrix = conversation.matrix();
            for (long seed = 1; seed <= 4; seed++) {
                long start = System.nanoTime();
                var map = OpinionMap.compute(matrix, conversation.moderatedOut(), OpinionMap.Settings.DEFAULT.withSeed(seed));
                double ari = AdjustedRandIndex.of(map.groupOf(), conversation.polisGroups());
                System.out.printf("vTaiwan UberX, seed %d: %d participants placed, %d groups (Pol.is: %d), silhouette %.3f,"
                                + " ARI %.3f over %d participants placed by both, %.0f ms%n",
                        seed, map.groupOf().size(), map.groups().size(), conversation.polisGroups().values().stream().distinct().count(),
                        map.silhouette(), ari, AdjustedRandIndex.overlap(map.groupOf(), conversation.polisGroups()),
                        (System.nanoTime() - start) / 1e6);
                assertThat(ari).as("seed " + seed).isGreaterThanOrEqualTo(0.6);
                assertThat(AdjustedRandIndex.overlap(map.groupOf(), conversation.polisGroups()))
                        .as("participants both place").isGreaterThan(conversation.polisGroups().size() * 9L / 10);
            }
        }
    }

    @Test
    void exportReadsBackToTheSameConversation() throws IOException {
        String comments = "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
                + "1000,x,0,7,0,0,1,\"첫째, \"\"인용\"\"\n둘째 줄\"\n"
                + "2000,x,1,8,0,0,-1,moderated out\n";
        String votes = "timestamp,datetime,comment-id,voter-id,vote\n3000,x,0,7,1\n4000,x,0,7,-1\n5000,x,1,8,0\n";
        var conversation = PolisConversation.read(new StringReader(comments), new StringReader(votes), null);
        assertThat(conversation.statements().get(0).text()).isEqualTo("첫째, \"인용\"\n둘째 줄");
        assertThat(conversation.matrix().vote("7", "0")).isEqualTo((byte) -1); // the later vote replaces the earlier
        assertThat(conversation.moderatedOut()).containsExactly("1");

        StringWriter c = new StringWriter(), v = new StringWriter(), pv = new StringWriter();
        conversation.writeComments(c);
        conversation.writeVotes(v);
        conversation.writeParticipantsVotes(pv, java.util.Map.of("7", 0));
        var again = PolisConversation.read(new StringReader(c.toString()), new StringReader(v.toString()), new StringReader(pv.toString()));
        assertThat(again.statements()).isEqualTo(conversation.statements());
        assertThat(again.votes()).isEqualTo(conversation.votes());
        assertThat(again.polisGroups()).containsExactlyEntriesOf(java.util.Map.of("7", 0));
        assertThat(c.toString()).contains("0,7,0,1,1,"); // comment 0: no agree left, one disagree
        var fromMatrix = PolisConversation.read(new StringReader(c.toString()), null, new StringReader(pv.toString()));
        assertThat(fromMatrix.matrix().vote("7", "0")).isEqualTo((byte) -1);
        assertThat(fromMatrix.matrix().vote("8", "1")).isEqualTo((byte) 0);
    }

    @Test
    void faultsNameTheFileAndLine() {
        String header = "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n";
        String votesHeader = "timestamp,datetime,comment-id,voter-id,vote\n";
        assertThatThrownBy(() -> PolisConversation.read(new StringReader(header + "1,x,0,1,0,0,1,a\n"), new StringReader(votesHeader + "1,x,0,5,2\n"), null))
                .hasMessage("votes.csv line 2: '2' is not between -1 and 1");
        assertThatThrownBy(() -> PolisConversation.read(new StringReader(header + "1,x,0,1,0,0,1,a\n"), new StringReader(votesHeader + "1,x,9,5,1\n"), null))
                .hasMessage("votes.csv line 2: vote on unknown comment 9");
        assertThatThrownBy(() -> PolisConversation.read(new StringReader(header + "1,x,0,1,0,0,1,a\n1,x,0,1,0,0,1,b\n"), new StringReader(votesHeader), null))
                .hasMessage("comments.csv line 3: comment 0 appears twice");
        assertThatThrownBy(() -> PolisConversation.read(new StringReader("comment-id\n0\n"), new StringReader(votesHeader), null))
                .hasMessage("comments.csv line 1: column comment-body is missing");
        assertThatThrownBy(() -> PolisConversation.read(new StringReader(header + "1,x,0,1,0,0,1,\"open\n"), new StringReader(votesHeader), null))
                .hasMessage("comments.csv line 2: a quoted field is not closed");
        assertThatThrownBy(() -> PolisConversation.read(new StringReader(""), new StringReader(votesHeader), null))
                .hasMessage("comments.csv line 1: the file is empty");
        assertThatThrownBy(() -> PolisConversation.read(new StringReader(header), null, null))
                .isInstanceOf(PolisConversation.FormatException.class);
        assertThatThrownBy(() -> PolisConversation.read(new StringReader(header + "1,x,0,1,0,0,1,a\n"), new StringReader(votesHeader + "abc,x,0,5,1\n"), null))
                .hasMessageContaining("timestamp 'abc'");
    }
}
