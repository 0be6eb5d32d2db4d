package org.madang.election.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import org.madang.ballot.crypto.DiscreteLog;
import org.madang.ballot.decrypt.DecryptingTrustee;
import org.madang.ballot.decrypt.Decryptor;
import org.madang.ballot.json.JsonReader;
import org.madang.ballot.json.JsonValue;
import org.madang.ballot.json.JsonWriter;
import org.madang.ballot.record.DecryptedTallyOrBallot;
import org.madang.ballot.record.EncryptedBallot;
import org.madang.ballot.record.EncryptedTally;
import org.madang.ballot.record.RecordJson;
import org.madang.ballot.tally.TallyAccumulator;
import org.madang.election.entity.BoardEntry;
import org.madang.election.entity.Election;
import org.madang.election.entity.Election.State;
import org.madang.election.entity.Trustee;
import org.madang.platform.audit.control.AuditLog;
import org.madang.platform.cluster.JobLeases;

/**
 * The homomorphic tally of the ballots that count (the last CAST ballot of each credential), and — in demo elections
 * only — the decryption by the server-held trustees. Real trustees decrypt through {@link Decryptions}.
 */
@ApplicationScoped
public class Tallies {

    private static final Logger LOG = Logger.getLogger(Tallies.class.getName());
    /** Tallies run on one instance of a cluster at a time; the lease is renewed page by page. */
    static final String TALLY_JOB = "election-tally";
    static final java.time.Duration TALLY_LEASE = java.time.Duration.ofMinutes(2);

    @Inject
    JobLeases leases;
    static final int PAGE = 500;

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    BallotBox box;

    @Inject
    Elections elections;

    @Inject
    ElectionCryptography cryptography;

    @Inject
    AuditLog audit;

    /** This bean through its proxy, so that the REQUIRES_NEW steps get their own transactions. */
    @Inject
    Tallies self;

    @Transactional
    public List<UUID> waitingForTally() {
        return em.createQuery("SELECT e.id FROM Election e WHERE e.state = :s AND (e.tallyJson IS NULL OR e.resultJson IS NULL)", UUID.class)
                .setParameter("s", State.TALLYING).getResultList();
    }

    /** Adds up the counted ballots page by page, reporting progress; the result is stored with the ballot counts. */
    @Transactional
    public void tally(UUID electionId) {
        Election e = elections.byId(electionId);
        if (e.state() != State.TALLYING || e.tallyJson() != null) return;
        var crypto = cryptography.of(e);
        TallyAccumulator accumulator = new TallyAccumulator(crypto.group(), crypto.manifest(), crypto.key().extendedBaseHash());
        long total = box.countedTotal(electionId);
        long added = 0;
        long after = 0;
        while (true) {
            List<BallotBox.CountedBallot> page = box.countedBallotsAfter(electionId, after, PAGE);
            if (page.isEmpty()) break;
            // reading a ballot (JSON and point decompression) is the tally's cost and needs nothing of the container: all cores
            page.parallelStream().map(ballot -> readBallot(crypto, ballot.ballotJson(), ballot.position())).toList()
                    .forEach(accumulator::add);
            after = page.get(page.size() - 1).position();
            added += page.size();
            self.progress(electionId, added, total);
            leases.tryAcquire(TALLY_JOB, TALLY_LEASE);
        }
        EncryptedTally tally = accumulator.result("tally-" + electionId);
        Map<String, JsonValue> stored = new LinkedHashMap<>();
        stored.put("encrypted_tally", RecordJson.write(tally));
        Map<String, JsonValue> counts = new LinkedHashMap<>();
        accumulator.ballotsPerContest().forEach((contest, n) -> counts.put(contest, JsonValue.of(n)));
        stored.put("ballots_per_contest", new JsonValue.JsonObject(counts));
        self.storeTally(electionId, JsonWriter.write(new JsonValue.JsonObject(stored)), added);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void progress(UUID electionId, long added, long total) {
        elections.locked(electionId).tallyProgress(added, total);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void storeTally(UUID electionId, String json, long ballots) {
        Election e = elections.locked(electionId);
        if (e.tallyJson() != null) return;
        e.tallied(json);
        e.tallyProgress(ballots, ballots);
        audit.record(AuditLog.SYSTEM, "election.tallied", "election:" + electionId, ballots + " ballots");
    }

    static EncryptedBallot readBallot(ElectionCryptography.Initialized crypto, BoardEntry entry) {
        return readBallot(crypto, entry.ballotJson(), entry.position());
    }

    static EncryptedBallot readBallot(ElectionCryptography.Initialized crypto, String ballotJson, long position) {
        try {
            return RecordJson.readEncryptedBallot(crypto.group(), JsonReader.parse(ballotJson, JsonReader.Limits.RECORD),
                    "board entry " + position);
        } catch (Exception ex) {
            throw new IllegalStateException("stored ballot at board position " + position + " does not parse", ex);
        }
    }

    static EncryptedTally encryptedTally(ElectionCryptography.Initialized crypto, Election e) {
        try {
            var stored = JsonReader.parse(e.tallyJson(), JsonReader.Limits.RECORD);
            return RecordJson.readEncryptedTally(crypto.group(), ((JsonValue.JsonObject) stored).members().get("encrypted_tally"),
                    "encrypted_tally");
        } catch (Exception ex) {
            throw new IllegalStateException("stored tally of " + e.id() + " does not parse", ex);
        }
    }

    static Map<String, Integer> ballotsPerContest(Election e) {
        try {
            var stored = (JsonValue.JsonObject) JsonReader.parse(e.tallyJson(), JsonReader.Limits.RECORD);
            Map<String, Integer> out = new LinkedHashMap<>();
            ((JsonValue.JsonObject) stored.members().get("ballots_per_contest")).members()
                    .forEach((k, v) -> out.put(k, ((JsonValue.JsonNumber) v).value().intValueExact()));
            return out;
        } catch (Exception ex) {
            throw new IllegalStateException("stored tally of " + e.id() + " does not parse", ex);
        }
    }

    /** The challenged ballots of the board, in board order: they are decrypted with the tally, never counted. */
    List<EncryptedBallot> challenged(ElectionCryptography.Initialized crypto, UUID electionId) {
        List<EncryptedBallot> out = new ArrayList<>();
        long after = 0;
        while (true) {
            List<BoardEntry> page = box.challengesAfter(electionId, after, PAGE);
            if (page.isEmpty()) return out;
            for (BoardEntry entry : page) {
                out.add(readBallot(crypto, entry));
                after = entry.position();
            }
        }
    }

    /** Demo elections: the server's own trustees decrypt the tally and the challenged ballots. */
    @Transactional
    public void decryptWithDemoTrustees(UUID electionId) {
        Election e = elections.byId(electionId);
        if (!e.demoTrustees() || e.tallyJson() == null || e.resultJson() != null) return;
        var crypto = cryptography.of(e);
        List<DecryptingTrustee> trustees = new ArrayList<>();
        for (Trustee t : elections.trustees(electionId)) {
            try {
                trustees.add(DecryptingTrustee.fromSecretJson(crypto.group(), JsonReader.parse(t.demoSecret()), t.guardianId()));
            } catch (Exception ex) {
                throw new IllegalStateException("demo trustee secret of " + t.guardianId() + " does not parse", ex);
            }
        }
        Decryptor decryptor = new Decryptor(crypto.key(), crypto.init(), e.quorum(), trustees);
        Map<String, Integer> counts = ballotsPerContest(e);
        DiscreteLog dlog = new DiscreteLog(crypto.key().publicKey(), (int) Math.max(1000, e.tallyTotal() + 1));
        DecryptedTallyOrBallot tally = decryptor.decryptTally(encryptedTally(crypto, e), dlog, counts);
        List<DecryptedTallyOrBallot> opened = new ArrayList<>();
        for (EncryptedBallot b : challenged(crypto, electionId)) opened.add(decryptor.decryptBallot(b, new DiscreteLog(crypto.key().publicKey(), 10)));
        self.storeResult(electionId, result(tally, opened));
        LOG.info(() -> "Demo trustees decrypted election " + electionId);
    }

    static String result(DecryptedTallyOrBallot tally, List<DecryptedTallyOrBallot> challenged) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("tally", RecordJson.write(tally));
        m.put("challenged", new JsonValue.JsonArray(challenged.stream().map(RecordJson::write).toList()));
        return JsonWriter.write(new JsonValue.JsonObject(m));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void storeResult(UUID electionId, String result) {
        Election e = elections.locked(electionId);
        if (e.resultJson() != null) return;
        e.decrypted(result);
        audit.record(AuditLog.SYSTEM, "election.decrypted", "election:" + electionId, "tally decrypted");
    }
}
