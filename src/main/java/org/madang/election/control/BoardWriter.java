package org.madang.election.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import org.madang.ballot.board.BoardChain;
import org.madang.ballot.hash.HashValue;
import org.madang.election.entity.BoardEntry;
import org.madang.election.entity.Election;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;

/**
 * Appends checked ballots to an election's board. The board is a chain, so appends are serialised (the election
 * row's lock, across a cluster too) — and each commit waits for the database's disk flush. To keep that from capping
 * intake at one ballot per flush, appends are grouped: whoever holds an election's append lock takes every ballot
 * waiting at that moment and writes them all in one transaction. A receipt is handed out only after its commit, so
 * every receipt ever issued is on the board.
 */
@ApplicationScoped
public class BoardWriter {

    static final int MAX_GROUP = 500;

    /** A checked ballot waiting for its place on the board. */
    public record Pending(UUID electionId, String ballotId, HashValue confirmationCode, String credential, String signatureHex,
                          BoardEntry.Kind kind, String ballotJson) {
    }

    private static final class Queue {
        final ConcurrentLinkedQueue<Waiting> waiting = new ConcurrentLinkedQueue<>();
        final ReentrantLock appending = new ReentrantLock();
    }

    private record Waiting(Pending ballot, CompletableFuture<BallotBox.Receipt> receipt) {
    }

    private final Map<UUID, Queue> queues = new ConcurrentHashMap<>();

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    Elections elections;

    /** Through the proxy, so that each group gets its own transaction. */
    @Inject
    BoardWriter self;

    Clock clock = Clock.systemUTC();

    public BallotBox.Receipt append(Pending ballot) {
        Queue queue = queues.computeIfAbsent(ballot.electionId(), id -> new Queue());
        Waiting mine = new Waiting(ballot, new CompletableFuture<>());
        queue.waiting.add(mine);
        while (!mine.receipt().isDone()) {
            queue.appending.lock();
            try {
                // under the lock: either a previous holder finished our ballot, or it is still waiting for us to take it
                if (mine.receipt().isDone()) break;
                List<Waiting> group = new ArrayList<>();
                for (Waiting w; group.size() < MAX_GROUP && (w = queue.waiting.poll()) != null; ) group.add(w);
                try {
                    List<Object> outcomes = self.appendGroup(ballot.electionId(), group.stream().map(Waiting::ballot).toList());
                    for (int i = 0; i < group.size(); i++) {
                        Object outcome = outcomes.get(i);
                        if (outcome instanceof BallotBox.Receipt receipt) group.get(i).receipt().complete(receipt);
                        else group.get(i).receipt().completeExceptionally((RuntimeException) outcome);
                    }
                } catch (RuntimeException failure) {
                    group.forEach(w -> w.receipt().completeExceptionally(failure));
                }
            } finally {
                queue.appending.unlock();
            }
        }
        try {
            return mine.receipt().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(ProblemType.UNAVAILABLE, "unavailable");
        }
    }

    /** One transaction for a group: a Receipt or the ProblemException refusing it, per ballot, in order. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Object> appendGroup(UUID electionId, List<Pending> group) {
        Election e = elections.locked(electionId);
        Instant now = clock.instant();
        // what is already on the board under these codes or ballot ids, in one query; the group's own appends join it
        Map<String, BoardEntry> byCode = new HashMap<>(), byBallotId = new HashMap<>();
        for (BoardEntry known : em.createQuery("SELECT b FROM BoardEntry b WHERE b.electionId = :e"
                        + " AND (b.confirmationCode IN :codes OR b.ballotId IN :ids)", BoardEntry.class)
                .setParameter("e", electionId)
                .setParameter("codes", group.stream().map(p -> ElectionCryptography.hex(p.confirmationCode())).distinct().toList())
                .setParameter("ids", group.stream().map(Pending::ballotId).distinct().toList()).getResultList()) {
            byCode.put(known.confirmationCode(), known);
            byBallotId.put(known.ballotId(), known);
        }
        List<Object> outcomes = new ArrayList<>();
        for (Pending p : group) {
            try {
                var receipt = appendOne(e, p, now, byCode, byBallotId);
                byCode.put(receipt.entry().confirmationCode(), receipt.entry());
                byBallotId.put(receipt.entry().ballotId(), receipt.entry());
                outcomes.add(receipt);
            } catch (ProblemException refused) {
                outcomes.add(refused);
            }
        }
        em.flush();
        return outcomes;
    }

    private BallotBox.Receipt appendOne(Election e, Pending p, Instant now, Map<String, BoardEntry> byCode, Map<String, BoardEntry> byBallotId) {
        if (!e.acceptsBallotsAt(now)) throw new ProblemException(ProblemType.CONFLICT, "ballot.notOpen");
        String code = ElectionCryptography.hex(p.confirmationCode());
        BoardEntry existing = byCode.get(code);
        if (existing != null) {
            if (existing.credential().equals(p.credential()) && existing.ballotId().equals(p.ballotId())) {
                return new BallotBox.Receipt(existing, true);
            }
            throw new ProblemException(ProblemType.CONFLICT, "ballot.codeTaken");
        }
        if (byBallotId.containsKey(p.ballotId())) throw new ProblemException(ProblemType.CONFLICT, "ballot.idTaken");

        long position = e.boardSize() + 1;
        HashValue previous = e.boardHead() == null ? BoardChain.genesis(HashValue.of(HexFormat.of().parseHex(e.extendedBaseHash())))
                : HashValue.of(HexFormat.of().parseHex(e.boardHead()));
        Instant receivedAt = Instant.ofEpochMilli(now.toEpochMilli());
        HashValue hash = BoardChain.next(previous, new BoardChain.Entry(position, p.kind().name(), p.ballotId(), p.confirmationCode(),
                HexFormat.of().parseHex(p.credential()), HexFormat.of().parseHex(p.signatureHex()), receivedAt.toEpochMilli()));
        String chainHash = BoardChain.hex(hash);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("electionId", e.id().toString());
        claims.put("ballotId", p.ballotId());
        claims.put("kind", p.kind().name());
        claims.put("confirmationCode", code);
        claims.put("position", position);
        claims.put("chainHash", chainHash);
        claims.put("receivedAt", receivedAt.toString());
        String receipt = ReceiptSigner.sign(e.receiptPrivateJwk(), claims);
        BoardEntry entry = new BoardEntry(e.id(), position, p.kind(), p.ballotId(), code, p.credential(), p.signatureHex(),
                receivedAt, BoardChain.hex(previous), chainHash, receipt, p.ballotJson());
        em.persist(entry);
        e.appended(chainHash);
        return new BallotBox.Receipt(entry, false);
    }
}
