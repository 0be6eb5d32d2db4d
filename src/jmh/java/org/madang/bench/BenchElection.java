package org.madang.bench;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.madang.ballot.crypto.ElectionKey;
import org.madang.ballot.demo.DemoElection;
import org.madang.ballot.demo.DemoManifest;
import org.madang.ballot.encrypt.BallotEncryptor;
import org.madang.ballot.encrypt.PlaintextBallot;
import org.madang.ballot.group.Group;
import org.madang.ballot.group.IntegerGroup;
import org.madang.ballot.group.P256Group;
import org.madang.ballot.json.JsonReader;
import org.madang.ballot.keyceremony.KeyCeremony;
import org.madang.ballot.record.ElectionConfig;
import org.madang.ballot.record.Manifest;
import org.madang.ballot.record.RecordJson;

/** The benchmark election: one contest, 10 options, limit 1 (so a ballot's checks need 88 exponentiations). */
final class BenchElection {

    static final int OPTIONS = 10;
    /** Verification 5: 4·(R+1) per option; verification 6: 4·(L+1) per contest; R = L = 1. */
    static final int EXPONENTIATIONS_PER_BALLOT = OPTIONS * 4 * 2 + 4 * 2;

    final Group group;
    final ElectionKey key;
    final Manifest manifest;
    final BallotEncryptor encryptor;
    final PlaintextBallot ballot;

    BenchElection(String groupName) throws Exception {
        group = groupName.equals("P-256") ? P256Group.instance() : IntegerGroup.instance();
        List<String> options = new ArrayList<>();
        for (int i = 1; i <= OPTIONS; i++) {
            options.add("option-" + i);
        }
        byte[] bytes = DemoManifest.bytes("bench", List.of(new DemoManifest.ContestSpec("contest", "one_of_m", 1, 1, options, "nation")));
        manifest = RecordJson.readManifest(bytes, JsonReader.parse(bytes, JsonReader.Limits.RECORD), "manifest.json");
        ElectionConfig config = DemoElection.config(group, bytes, 3, 2, false);
        KeyCeremony.Result result = KeyCeremony.run(group, config, new SecureRandom());
        key = new ElectionKey(group, result.initialized().jointPublicKey(), result.initialized().extendedBaseHash());
        encryptor = new BallotEncryptor(key, manifest);
        Map<String, Integer> votes = new LinkedHashMap<>();
        votes.put("option-4", 1);
        ballot = new PlaintextBallot("bench-ballot", "style-nation", List.of(new PlaintextBallot.Contest("contest", votes, List.of())));
    }
}
