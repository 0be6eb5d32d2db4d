package org.madang.ballot.verify;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.madang.ballot.board.BoardChain;
import org.madang.ballot.board.CredentialSignature;
import org.madang.ballot.hash.HashValue;
import org.madang.ballot.record.BallotState;
import org.madang.ballot.record.ElectionRecordReader;
import org.madang.ballot.record.MadangRecordJson.CountedBallot;
import org.madang.ballot.record.MadangRecordJson.PublishedBoard;
import org.madang.ballot.record.MadangRecordJson.PublishedEntry;
import org.madang.ballot.record.MadangRecordJson.ReceiptKey;

/**
 * Madang's checks of its extension files (steps M1–M5). ElectionGuard proves the tally is the sum of the ballots in
 * {@code encrypted_ballots/}; these checks prove those are the right ballots: exactly what the bulletin board received,
 * each signed by a registered voter credential, with only each credential's last cast ballot counted and every other
 * board entry accounted for as challenged or superseded. Not thread-safe; one instance per record.
 */
final class MadangExtensions {

    /** What the M-steps need of one published ballot file (counted, challenged or superseded). */
    record PublishedBallot(String ballotId, BallotState state, HashValue confirmationCode) {
    }

    private static final X9ECParameters P256 = CustomNamedCurves.getByName("P-256");

    /** Below this many entries, checking signatures on one thread is faster than starting a pool. */
    private static final int PARALLEL_SIGNATURES_FROM = 256;

    private final HashValue extendedBaseHash;
    private final int threads;
    private final Problems problems = new Problems();
    private final Map<VerificationStep, Integer> checked = new EnumMap<>(VerificationStep.class);
    private final Map<String, PublishedBallot> superseded = new LinkedHashMap<>();

    /**
     * @param extendedBaseHash H_E as the verifier recomputed it, never the value the record claims
     * @param threads how many threads may check signatures (one ECDSA verification per board entry)
     */
    MadangExtensions(HashValue extendedBaseHash, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.extendedBaseHash = extendedBaseHash;
        this.threads = threads;
    }

    Problems problems() {
        return problems;
    }

    int checked(VerificationStep step) {
        return checked.getOrDefault(step, 0);
    }

    /**
     * Records one superseded ballot together with what BallotVerifier found wrong with it. The server verified the
     * ballot before putting it on the board, so a bad proof here means it accepted a ballot it should have refused, or
     * the file was changed since; either way the record fails, under M3, because the ballot is not counted and must
     * not be mistaken for a fault of the tally's ballots in steps 5–7.
     */
    void supersededBallot(PublishedBallot ballot, Problems proofProblems) {
        count(VerificationStep.COUNTED_BALLOTS, 1);
        if (superseded.putIfAbsent(ballot.ballotId(), ballot) != null) {
            fail(VerificationStep.COUNTED_BALLOTS, superseded(ballot.ballotId()), "M3.E", "ballot id appears in two superseded ballot files");
        }
        for (Problem p : proofProblems.list()) {
            fail(VerificationStep.COUNTED_BALLOTS, "superseded " + p.objectId(), "M3.F",
                    "step " + p.step().label() + " (" + p.check() + ") fails: " + p.message());
        }
    }

    void verify(PublishedBoard board, List<byte[]> credentials, List<CountedBallot> counted, ReceiptKey receiptKey,
                Map<String, PublishedBallot> encryptedBallots) {
        verifyChain(board);
        verifySignatures(board, credentials);
        verifyBallots(board, counted, encryptedBallots);
        verifyUniqueness(board);
        verifyReceiptKey(receiptKey);
    }

    // ---- M1
    private void verifyChain(PublishedBoard board) {
        VerificationStep s = VerificationStep.BOARD_CHAIN;
        count(s, board.entries().size());
        HashValue genesis = BoardChain.genesis(extendedBaseHash);
        if (!board.genesis().equals(genesis)) {
            fail(s, ElectionRecordReader.MADANG_BOARD, "M1.A", "genesis is not this election's H_E");
        }
        // Each link is checked against its published neighbour: together the checks hold exactly when the published
        // hashes are the chain recomputed from the genesis, and a break is reported where it is, not at every later entry.
        HashValue previous = genesis;
        for (int i = 0; i < board.entries().size(); i++) {
            PublishedEntry e = board.entries().get(i);
            String id = entry(e);
            if (e.entry().position() != i + 1) {
                fail(s, id, "M1.B", "entry " + (i + 1) + " of the board has position " + e.entry().position());
            }
            if (!e.previousHash().equals(previous)) {
                fail(s, id, "M1.C", i == 0 ? "previous_hash of the first entry is not the genesis"
                        : "previous_hash is not the hash of the entry before it");
            }
            if (!e.hash().equals(BoardChain.next(e.previousHash(), e.entry()))) {
                fail(s, id, "M1.D", "hash does not equal the chain hash recomputed over previous_hash and this entry");
            }
            previous = e.hash();
        }
        if (!board.head().equals(previous)) {
            fail(s, ElectionRecordReader.MADANG_BOARD, "M1.E", board.entries().isEmpty()
                    ? "head of an empty board is not the genesis" : "head is not the hash of the last entry");
        }
    }

    // ---- M2
    private void verifySignatures(PublishedBoard board, List<byte[]> credentials) {
        VerificationStep s = VerificationStep.CREDENTIAL_SIGNATURES;
        count(s, board.entries().size());
        Set<String> registered = new HashSet<>();
        for (byte[] c : credentials) {
            if (!registered.add(hex(c))) {
                fail(s, "credential " + hex(c), "M2.C", ElectionRecordReader.MADANG_CREDENTIALS + " lists the credential twice");
            }
        }
        boolean[] signatureValid = signaturesValid(board.entries());
        for (int i = 0; i < board.entries().size(); i++) {
            PublishedEntry e = board.entries().get(i);
            BoardChain.Entry b = e.entry();
            if (!registered.contains(hex(b.credential()))) {
                fail(s, entry(e), "M2.A", "credential " + hex(b.credential()) + " is not in " + ElectionRecordReader.MADANG_CREDENTIALS);
            }
            if (!signatureValid[i]) {
                fail(s, entry(e), "M2.B", "signature does not verify with the entry's credential over H_E and its confirmation code");
            }
        }
    }

    /** Each entry's signature checked, in parallel slices for large boards: these dominate the M-steps' cost. */
    private boolean[] signaturesValid(List<PublishedEntry> entries) {
        boolean[] valid = new boolean[entries.size()];
        int workers = entries.size() < PARALLEL_SIGNATURES_FROM ? 1 : threads;
        if (workers == 1) {
            checkSignatures(entries, valid, 0, entries.size());
            return valid;
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "signature-verifier");
            t.setDaemon(true);
            return t;
        });
        try {
            int slice = (entries.size() + workers - 1) / workers;
            List<Future<?>> slices = new ArrayList<>();
            for (int from = 0; from < entries.size(); from += slice) {
                int start = from, end = Math.min(entries.size(), from + slice);
                slices.add(pool.submit(() -> checkSignatures(entries, valid, start, end)));
            }
            for (Future<?> f : slices) {
                f.get(); // also publishes the slice's writes to valid[] to this thread
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("verification interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("signature verification failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return valid;
    }

    private void checkSignatures(List<PublishedEntry> entries, boolean[] valid, int from, int to) {
        for (int i = from; i < to; i++) {
            BoardChain.Entry b = entries.get(i).entry();
            valid[i] = CredentialSignature.verify(b.credential(), extendedBaseHash, b.confirmationCode(), b.signature());
        }
    }

    // ---- M3
    private void verifyBallots(PublishedBoard board, List<CountedBallot> counted, Map<String, PublishedBallot> encryptedBallots) {
        VerificationStep s = VerificationStep.COUNTED_BALLOTS;
        count(s, board.entries().size() + encryptedBallots.size());
        // What must count, from the board alone: each credential's last CAST entry. A later CHALLENGE does not undo it.
        Map<String, PublishedEntry> lastCast = new LinkedHashMap<>();
        for (PublishedEntry e : board.entries()) {
            if (e.entry().kind().equals(PublishedEntry.CAST)) {
                lastCast.put(hex(e.entry().credential()), e);
            }
        }
        Set<String> countedBallotIds = new HashSet<>();
        lastCast.values().forEach(e -> countedBallotIds.add(e.entry().ballotId()));

        // M3.A: counted.json is exactly that set
        Set<String> countedCredentials = new HashSet<>();
        for (CountedBallot c : counted) {
            String credential = hex(c.credential());
            String id = ElectionRecordReader.MADANG_COUNTED + " credential " + credential;
            if (!countedCredentials.add(credential)) {
                fail(s, id, "M3.A", "credential is counted twice");
                continue;
            }
            PublishedEntry expected = lastCast.get(credential);
            if (expected == null) {
                fail(s, id, "M3.A", "credential has no CAST entry on the board");
            } else if (!expected.entry().ballotId().equals(c.ballotId()) || expected.entry().position() != c.position()) {
                fail(s, id, "M3.A", "counts ballot " + c.ballotId() + " at position " + c.position()
                        + ", but the credential's last CAST entry is ballot " + expected.entry().ballotId()
                        + " at position " + expected.entry().position());
            }
        }
        for (Map.Entry<String, PublishedEntry> e : lastCast.entrySet()) {
            if (!countedCredentials.contains(e.getKey())) {
                fail(s, entry(e.getValue()), "M3.A", "the credential's last CAST ballot is missing from " + ElectionRecordReader.MADANG_COUNTED);
            }
        }

        // M3.B: each board entry's ballot is published where its kind says, with the code the voter signed
        Set<String> supersededOnBoard = new HashSet<>();
        Set<String> challengedOnBoard = new HashSet<>();
        for (PublishedEntry e : board.entries()) {
            BoardChain.Entry b = e.entry();
            boolean isCast = b.kind().equals(PublishedEntry.CAST);
            if (!isCast) {
                challengedOnBoard.add(b.ballotId());
                expectPublished(e, encryptedBallots.get(b.ballotId()), BallotState.CHALLENGED, ElectionRecordReader.ENCRYPTED_BALLOTS);
            } else if (lastCast.get(hex(b.credential())) == e) {
                expectPublished(e, encryptedBallots.get(b.ballotId()), BallotState.CAST, ElectionRecordReader.ENCRYPTED_BALLOTS);
            } else {
                supersededOnBoard.add(b.ballotId());
                expectPublished(e, superseded.get(b.ballotId()), BallotState.CAST, ElectionRecordReader.MADANG_SUPERSEDED_BALLOTS);
            }
        }

        // M3.C, M3.D: nothing in encrypted_ballots that the board does not account for
        for (PublishedBallot b : encryptedBallots.values()) {
            if (b.state() == BallotState.CAST && !countedBallotIds.contains(b.ballotId())) {
                fail(s, "ballot " + b.ballotId(), "M3.C", "cast ballot in " + ElectionRecordReader.ENCRYPTED_BALLOTS
                        + " is not the last CAST entry of any credential on the board");
            }
            if (b.state() == BallotState.CHALLENGED && !challengedOnBoard.contains(b.ballotId())) {
                fail(s, "ballot " + b.ballotId(), "M3.D", "challenged ballot in " + ElectionRecordReader.ENCRYPTED_BALLOTS
                        + " is not a CHALLENGE entry on the board");
            }
        }
        // M3.E: nothing superseded that was not replaced by a later ballot of the same credential
        for (PublishedBallot b : superseded.values()) {
            if (!supersededOnBoard.contains(b.ballotId())) {
                fail(s, superseded(b.ballotId()), "M3.E", "superseded ballot is not an earlier CAST entry of a credential that cast again");
            }
        }
    }

    private void expectPublished(PublishedEntry e, PublishedBallot found, BallotState state, String where) {
        VerificationStep s = VerificationStep.COUNTED_BALLOTS;
        if (found == null) {
            fail(s, entry(e), "M3.B", "ballot " + e.entry().ballotId() + " is not in " + where);
            return;
        }
        if (found.state() != state) {
            fail(s, entry(e), "M3.B", "ballot " + e.entry().ballotId() + " in " + where + " is " + found.state() + ", expected " + state);
        }
        if (!found.confirmationCode().equals(e.entry().confirmationCode())) {
            fail(s, entry(e), "M3.B", "ballot " + e.entry().ballotId() + " in " + where
                    + " has a different confirmation code than the board entry");
        }
    }

    // ---- M4
    private void verifyUniqueness(PublishedBoard board) {
        VerificationStep s = VerificationStep.UNIQUE_CONFIRMATION_CODES;
        count(s, board.entries().size());
        Map<HashValue, PublishedEntry> byCode = new HashMap<>();
        Map<String, PublishedEntry> byBallotId = new HashMap<>();
        for (PublishedEntry e : board.entries()) {
            PublishedEntry sameCode = byCode.putIfAbsent(e.entry().confirmationCode(), e);
            if (sameCode != null) {
                fail(s, entry(e), "M4.A", "confirmation code is already on the board at position " + sameCode.entry().position());
            }
            PublishedEntry sameId = byBallotId.putIfAbsent(e.entry().ballotId(), e);
            if (sameId != null) {
                fail(s, entry(e), "M4.B", "ballot id is already on the board at position " + sameId.entry().position());
            }
        }
    }

    // ---- M5
    private void verifyReceiptKey(ReceiptKey key) {
        VerificationStep s = VerificationStep.RECEIPT_KEY;
        count(s, 1);
        // Anyone holding the private part could sign receipts for ballots the board never received.
        if (key.hasPrivatePart()) {
            fail(s, ElectionRecordReader.MADANG_RECEIPT_KEY, "M5.B", "the published key contains its private part \"d\"");
        }
        if (!isP256Point(key.x(), key.y())) {
            fail(s, ElectionRecordReader.MADANG_RECEIPT_KEY, "M5.A", "(x, y) is not a point of P-256");
        }
    }

    static boolean isP256Point(byte[] x, byte[] y) {
        try {
            ECPoint p = P256.getCurve().validatePoint(new BigInteger(1, x), new BigInteger(1, y));
            return !p.isInfinity() && p.isValid();
        } catch (IllegalArgumentException notOnCurve) {
            return false;
        }
    }

    private void fail(VerificationStep step, String objectId, String check, String message) {
        problems.add(step, objectId, check, message);
    }

    private void count(VerificationStep step, int n) {
        checked.merge(step, n, Integer::sum);
    }

    private static String entry(PublishedEntry e) {
        return "board entry " + e.entry().position() + " (ballot " + e.entry().ballotId() + ")";
    }

    private static String superseded(String ballotId) {
        return "superseded ballot " + ballotId;
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
