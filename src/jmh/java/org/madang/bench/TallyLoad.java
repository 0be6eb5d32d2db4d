package org.madang.bench;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.madang.ballot.board.BoardChain;
import org.madang.ballot.crypto.ElGamalCiphertext;
import org.madang.ballot.group.FixedBase;
import org.madang.ballot.group.Group;
import org.madang.ballot.hash.HashValue;
import org.madang.ballot.json.JsonWriter;
import org.madang.ballot.record.BallotState;
import org.madang.ballot.record.EncryptedBallot;
import org.madang.ballot.record.RecordJson;
import org.madang.election.ElectionDriver;
import org.madang.testing.MadangServer;
import org.madang.testing.People;
import org.madang.testing.RoleSessions;
import org.madang.testing.Who;

/**
 * Load driver for the tally: how long Madang takes to tally and decrypt an election with many counted ballots, on
 * PostgreSQL. Casting 100,000 ballots through intake would take longer than the tally itself, so the board is filled
 * directly: one real ballot is cast through the API, then BALLOTS − 1 copies of it are written to the board table,
 * each re-encrypted (α·g^r, β·K^r with a fresh r, so every ciphertext differs and the sum is known: BALLOTS votes for
 * option 1), with its own ballot id, confirmation code, credential and chain link. The copies' proofs belong to the
 * original ciphertexts, which the tally does not look at (intake checked them); such a board would fail the verifier,
 * so this driver never publishes. Tally and decryption then run exactly as after a real election.
 *
 * <pre>mvn -Pbench test-compile exec:exec -Dbench.main=org.madang.bench.TallyLoad -Dbench.args="100000"</pre>
 */
public final class TallyLoad {

    public static void main(String[] args) throws Exception {
        if (args.length == 1) args = args[0].trim().split("\\s+"); // exec:exec passes bench.args as one argument
        int ballots = args.length > 0 && !args[0].isEmpty() ? Integer.parseInt(args[0]) : 100_000;
        System.setProperty("madang.it.db", "postgres");
        System.out.println("machine: " + ProcessCpu.machine());

        var election = new ElectionDriver(RoleSessions.session(Who.ELECTION_ADMIN), true, 3, 2, IntakeLoad.tenOptionManifest());
        var voter = election.new Voter(People.citizen());
        election.importRoll(List.of(voter.person), "seoul");
        election.moveOk("KEY_CEREMONY");
        election.moveOk("READY");
        voter.register();
        election.moveOk("OPEN");
        EncryptedBallot original = voter.encrypt("style-seoul", Map.of("choice", Map.of("o1", 1)), BallotState.CAST);
        var cast = voter.cast(original);
        if (cast.status() != 201) throw new IllegalStateException("the real ballot was refused: " + cast);

        long t0 = System.nanoTime();
        var context = election.context();
        List<EncryptedBallot> copies = IntStream.range(1, ballots).parallel()
                .mapToObj(i -> reEncrypted(original, "bulk-" + i, context.group(), context.key().generatorBase(), context.key().publicKeyBase()))
                .toList();
        long t1 = System.nanoTime();
        System.out.printf("re-encrypted %d copies in %.1f s; writing them to the board ...%n", copies.size(), (t1 - t0) / 1e9);
        writeBoard(election.id, copies);
        System.out.printf("board written in %.1f s%n", (System.nanoTime() - t1) / 1e9);

        TallyLoad.closeTallyAndDecrypt(election, ballots + " counted ballots");
        String result = election.admin.get(election.path("/tally")).body();
        System.out.println("tally status: " + (result.length() > 600 ? result.substring(0, 600) + " ..." : result));
        System.exit(0);
    }

    /** Closes the election and prints how long the tally and then the decryption took. */
    static void closeTallyAndDecrypt(ElectionDriver election, String what) throws InterruptedException {
        election.moveOk("CLOSED");
        long start = System.nanoTime();
        election.moveOk("TALLYING");
        election.awaitTally(false, Duration.ofHours(2));
        long tallied = System.nanoTime();
        election.awaitTally(true, Duration.ofHours(2));
        long decrypted = System.nanoTime();
        System.out.printf("TALLY postgres: %s tallied in %.1f s, decrypted in %.1f s more%n", what, (tallied - start) / 1e9,
                (decrypted - tallied) / 1e9);
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private static EncryptedBallot reEncrypted(EncryptedBallot b, String ballotId, Group group, FixedBase g, FixedBase k) {
        var contests = b.contests().stream().map(c -> new EncryptedBallot.Contest(c.contestId(), c.sequenceOrder(), c.contestHash(),
                c.selections().stream().map(s -> {
                    var r = group.scalar(new BigInteger(255, RANDOM));
                    var ciphertext = new ElGamalCiphertext(s.ciphertext().pad().multiply(group.publicPow(g, r)),
                            s.ciphertext().data().multiply(group.publicPow(k, r)));
                    return new EncryptedBallot.Selection(s.selectionId(), s.sequenceOrder(), ciphertext, s.proof());
                }).toList(), c.proof(), c.contestData())).toList();
        byte[] code = new byte[32];
        RANDOM.nextBytes(code);
        return new EncryptedBallot(ballotId, b.ballotStyleId(), b.encryptingDevice(), b.timestamp(), b.codeBaux(), HashValue.of(code),
                b.electionId(), contests, b.state(), null, false);
    }

    /** Appends the copies after the real ballot, chained, each under its own made-up credential. */
    private static void writeBoard(UUID electionId, List<EncryptedBallot> copies) throws Exception {
        try (Connection db = MadangServer.get().connect()) {
            db.setAutoCommit(false);
            long size;
            String head;
            try (PreparedStatement q = db.prepareStatement("SELECT board_size, board_head FROM election WHERE id = ?")) {
                q.setObject(1, electionId);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    size = rs.getLong(1);
                    head = rs.getString(2);
                }
            }
            HashValue previous = HashValue.of(HexFormat.of().parseHex(head));
            String signature = "00".repeat(64);
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO board_entry (election_id, position, kind, ballot_id,"
                    + " confirmation_code, credential, signature, received_at, previous_hash, entry_hash, receipt, ballot_json)"
                    + " VALUES (?, ?, 'CAST', ?, ?, ?, ?, ?, ?, ?, '-', ?)")) {
                for (EncryptedBallot b : copies) {
                    long position = ++size;
                    byte[] credential = new byte[33];
                    RANDOM.nextBytes(credential);
                    credential[0] = 2;
                    Instant now = Instant.ofEpochMilli(System.currentTimeMillis());
                    HashValue hash = BoardChain.next(previous, new BoardChain.Entry(position, "CAST", b.ballotId(), b.confirmationCode(),
                            credential, new byte[64], now.toEpochMilli()));
                    insert.setObject(1, electionId);
                    insert.setLong(2, position);
                    insert.setString(3, b.ballotId());
                    insert.setString(4, BoardChain.hex(b.confirmationCode()));
                    insert.setString(5, HexFormat.of().formatHex(credential));
                    insert.setString(6, signature);
                    insert.setTimestamp(7, Timestamp.from(now));
                    insert.setString(8, BoardChain.hex(previous));
                    insert.setString(9, BoardChain.hex(hash));
                    insert.setString(10, JsonWriter.write(RecordJson.write(b)));
                    insert.addBatch();
                    previous = hash;
                    if (position % 1000 == 0) insert.executeBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement update = db.prepareStatement("UPDATE election SET board_size = ?, board_head = ? WHERE id = ?")) {
                update.setLong(1, size);
                update.setString(2, BoardChain.hex(previous));
                update.setObject(3, electionId);
                update.executeUpdate();
            }
            db.commit();
        }
    }
}
