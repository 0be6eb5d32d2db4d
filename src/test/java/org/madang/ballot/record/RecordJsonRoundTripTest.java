package org.madang.ballot.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.madang.ballot.ReferenceRecords;
import org.madang.ballot.group.Group;
import org.madang.ballot.group.Groups;
import org.madang.ballot.json.JsonValue;

/** What the writer produces is what egk-ec wrote: reading the reference files and writing them back is lossless. */
class RecordJsonRoundTripTest {

    @Test
    void encryptedBallotsTalliesAndInitializationRoundTrip() throws Exception {
        Path dir = ReferenceRecords.ellipticCurve();
        ElectionRecordReader reader = new ElectionRecordReader(dir);
        Group group = Groups.fromConstants(reader.constants());

        Path ballotFile = reader.encryptedBallotFiles().get(0);
        EncryptedBallot ballot = reader.encryptedBallot(group, ballotFile);
        JsonValue written = RecordJson.write(ballot);
        assertThat(RecordJson.write(RecordJson.readEncryptedBallot(group, written, "x"))).isEqualTo(written);
        assertSameValues(written, ReferenceRecords.read(ballotFile));

        assertSameValues(RecordJson.write(reader.initialized(group)), ReferenceRecords.read(dir.resolve("election_initialized.json")));
        assertSameValues(RecordJson.write(reader.encryptedTally(group)), ReferenceRecords.read(dir.resolve("encrypted_tally.json")));
        JsonValue dballot = ReferenceRecords.read(dir.resolve("challenged_ballots/dballot-id-12.json"));
        assertSameValues(RecordJson.write(RecordJson.readDecrypted(group, dballot, "x")), dballot);
        assertSameValues(RecordJson.write(reader.constants()), ReferenceRecords.read(dir.resolve("constants.json")));
    }

    /** Every member the writer emits has the reference's value (the reference may carry more, e.g. ballot_count). */
    private static void assertSameValues(JsonValue ours, JsonValue reference) {
        if (ours instanceof JsonValue.JsonObject o) {
            JsonValue.JsonObject r = (JsonValue.JsonObject) reference;
            o.members().forEach((k, v) -> {
                assertThat(r.members()).as("member " + k).containsKey(k);
                assertSameValues(v, r.members().get(k));
            });
        } else if (ours instanceof JsonValue.JsonArray a) {
            JsonValue.JsonArray r = (JsonValue.JsonArray) reference;
            assertThat(a.elements()).hasSameSizeAs(r.elements());
            for (int i = 0; i < a.elements().size(); i++) {
                assertSameValues(a.elements().get(i), r.elements().get(i));
            }
        } else if (ours instanceof JsonValue.JsonNumber n) {
            assertThat(n.value()).isEqualByComparingTo(((JsonValue.JsonNumber) reference).value());
        } else if (ours instanceof JsonValue.JsonString s && reference instanceof JsonValue.JsonString r) {
            assertThat(s.value()).isEqualToIgnoringCase(r.value()); // hex digits: egk-ec writes upper or lower case
        } else {
            assertThat(ours).isEqualTo(reference);
        }
    }
}
