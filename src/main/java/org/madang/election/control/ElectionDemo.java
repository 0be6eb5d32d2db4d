package org.madang.election.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbBuilder;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import org.madang.ballot.board.CredentialSignature;
import org.madang.ballot.encrypt.BallotEncryptor;
import org.madang.ballot.encrypt.EncryptionDevice;
import org.madang.ballot.encrypt.PlaintextBallot;
import org.madang.ballot.hash.HashValue;
import org.madang.ballot.record.BallotState;
import org.madang.ballot.record.EncryptedBallot;
import org.madang.ballot.record.RecordJson;
import org.madang.election.entity.Election;
import org.madang.election.entity.Election.State;
import org.madang.platform.account.entity.Account;
import org.madang.platform.demo.DemoContent;
import org.madang.platform.demo.DemoData;

/**
 * The demo's elections, both with server-held (insecure, labelled) trustees: an open referendum in Jongno-gu whose
 * roll holds the demo resident and citizen, and a published participatory-budget vote whose six demo voters' devices
 * the server simulates, so that the board, the results and the downloadable record can be seen at once.
 */
@ApplicationScoped
public class ElectionDemo implements DemoContent {

    private static final Logger LOG = Logger.getLogger(ElectionDemo.class.getName());

    static final String MANIFEST = """
            {"districts":[{"id":"seoul-jongno","nameKo":"서울특별시 종로구","nameEn":"Jongno-gu, Seoul"}],
             "ballotStyles":[{"id":"jongno","districtIds":["seoul-jongno"]}],
             "contests":[
               {"id":"library-hours","kind":"REFERENDUM","titleKo":"구립도서관 24시간 개관","titleEn":"Open the district library 24 hours",
                "districtId":"seoul-jongno","options":[{"id":"yes","nameKo":"찬성","nameEn":"Yes"},{"id":"no","nameKo":"반대","nameEn":"No"}]},
               {"id":"park-budget","kind":"K_OF_N","titleKo":"주민참여예산 사업 (2개 선택)","titleEn":"Participatory budget projects (choose 2)",
                "districtId":"seoul-jongno","limit":2,"options":[
                  {"id":"playground","nameKo":"어린이 놀이터 보수","nameEn":"Playground repairs"},
                  {"id":"bike-lanes","nameKo":"자전거 도로","nameEn":"Bike lanes"},
                  {"id":"market","nameKo":"전통시장 지붕","nameEn":"Market roof"},
                  {"id":"garden","nameKo":"공동체 정원","nameEn":"Community garden"}]}]}
            """;

    @Inject
    Elections elections;

    @Inject
    VoterRoll roll;

    @Inject
    BallotBox box;

    @Inject
    Tallies tallies;

    @Inject
    ElectionCryptography cryptography;

    @Override
    public void add(DemoData.DemoPeople people) {
        UUID admin = people.electionAdmin().id();
        Instant now = Clock.systemUTC().instant();
        ManifestForm form = JsonbBuilder.create().fromJson(MANIFEST, ManifestForm.class);

        Election open = elections.create(new Election.Settings("종로구 주민투표 (시연)", "Jongno-gu referendum (demo)",
                "시연용 선거입니다. 관리위원의 비밀키를 서버가 보관하므로 안전하지 않습니다.",
                "A demo election: the server holds the trustees' secrets, so it is not secure.",
                ElectionCryptography.P256, 3, 2, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)), true), admin);
        elections.defineManifest(open.id(), form, admin);
        roll.addVerifiedResidents(open.id(), admin);
        roll.importCsv(open.id(), "email,district\n" + people.citizen().email() + ",seoul-jongno\n", admin);
        move(open.id(), admin, State.KEY_CEREMONY, State.READY, State.OPEN);

        Election done = elections.create(new Election.Settings("2025 주민참여예산 투표 (시연, 공개됨)",
                "2025 participatory budget vote (demo, published)",
                "시연용 선거입니다. 시연 투표자의 기기를 서버가 흉내 냈습니다.",
                "A demo election: the server played the demo voters' devices.",
                ElectionCryptography.P256, 3, 2, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)), true), admin);
        elections.defineManifest(done.id(), form, admin);
        List<Account> voters = List.of(people.citizen(), people.resident(), people.official(), people.moderator(),
                people.registrar(), people.auditor());
        StringBuilder csv = new StringBuilder("email,district\n");
        voters.forEach(v -> csv.append(v.email()).append(",seoul-jongno\n"));
        roll.importCsv(done.id(), csv.toString(), admin);
        move(done.id(), admin, State.KEY_CEREMONY, State.READY);
        var crypto = cryptography.of(elections.byId(done.id()));
        EncryptionDevice device = new EncryptionDevice(new BallotEncryptor(crypto.key(), crypto.manifest()), "madang-demo", crypto.config());
        SecureRandom random = new SecureRandom();
        List<Map<String, Map<String, Integer>>> choices = List.of(
                Map.of("library-hours", Map.of("yes", 1), "park-budget", Map.of("playground", 1, "garden", 1)),
                Map.of("library-hours", Map.of("yes", 1), "park-budget", Map.of("bike-lanes", 1, "garden", 1)),
                Map.of("library-hours", Map.of("no", 1), "park-budget", Map.of("playground", 1, "market", 1)),
                Map.of("library-hours", Map.of("yes", 1), "park-budget", Map.of("playground", 1, "bike-lanes", 1)),
                Map.of("library-hours", Map.of("no", 1), "park-budget", Map.of("garden", 1, "market", 1)),
                Map.of("library-hours", Map.of("yes", 1), "park-budget", Map.of("playground", 1, "garden", 1)));
        var keys = voters.stream().map(v -> CredentialSignature.KeyPair.generate(random)).toList();
        for (int i = 0; i < voters.size(); i++) {
            roll.registerCredential(done.id(), voters.get(i), HexFormat.of().formatHex(keys.get(i).credential()));
        }
        move(done.id(), admin, State.OPEN);
        for (int i = 0; i < voters.size(); i++) {
            var contests = choices.get(i).entrySet().stream()
                    .map(c -> new PlaintextBallot.Contest(c.getKey(), c.getValue(), List.of())).toList();
            byte[] nonce = new byte[32];
            random.nextBytes(nonce);
            // the first demo voter challenges a ballot before casting, as a careful voter would
            if (i == 0) cast(done.id(), voters.get(i), keys.get(i), device.encrypt(new PlaintextBallot("demo-challenged", "jongno",
                    contests), HashValue.of(nonce.clone()), now.getEpochSecond(), BallotState.CHALLENGED));
            random.nextBytes(nonce);
            cast(done.id(), voters.get(i), keys.get(i), device.encrypt(new PlaintextBallot("demo-" + (i + 1), "jongno", contests),
                    HashValue.of(nonce), now.getEpochSecond(), BallotState.CAST));
        }
        move(done.id(), admin, State.CLOSED, State.TALLYING);
        tallies.tally(done.id());
        tallies.decryptWithDemoTrustees(done.id());
        move(done.id(), admin, State.DECRYPTED, State.PUBLISHED);
        LOG.info(() -> "Demo elections: " + open.id() + " (open), " + done.id() + " (published)");
    }

    private void cast(UUID electionId, Account voter, CredentialSignature.KeyPair key, EncryptedBallot ballot) {
        box.cast(electionId, voter.id(), new BallotBox.Envelope(RecordJson.write(ballot),
                HexFormat.of().formatHex(key.sign(ballot.electionId(), ballot.confirmationCode()))));
    }

    private void move(UUID electionId, UUID admin, State... states) {
        for (State next : states) elections.transition(electionId, next, elections.byId(electionId).version(), admin);
    }
}
