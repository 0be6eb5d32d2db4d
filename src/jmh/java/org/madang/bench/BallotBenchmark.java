package org.madang.bench;

import java.util.concurrent.TimeUnit;
import org.madang.ballot.hash.HashValue;
import org.madang.ballot.record.BallotState;
import org.madang.ballot.record.EncryptedBallot;
import org.madang.ballot.verify.BallotVerifier;
import org.madang.ballot.verify.Problems;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Encrypting and verifying one ballot with one contest of 10 options, limit 1. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BallotBenchmark {

    @Param({"P-256", "Integer4096"})
    public String group;

    private BenchElection election;
    private EncryptedBallot encrypted;
    private BallotVerifier verifier;
    private long counter;

    @Setup
    public void setUp() throws Exception {
        election = new BenchElection(group);
        encrypted = encrypt();
        verifier = new BallotVerifier(election.key, election.manifest);
        Problems p = new Problems();
        verifier.verify(encrypted, p);
        if (!p.list().isEmpty()) {
            throw new IllegalStateException("benchmark ballot does not verify: " + p.list());
        }
    }

    private EncryptedBallot encrypt() {
        byte[] nonce = new byte[32];
        long c = counter++;
        for (int i = 0; i < 8; i++) {
            nonce[i] = (byte) (c >>> (8 * i));
        }
        return election.encryptor.encrypt(election.ballot, HashValue.of(nonce), "bench", 0, new byte[0], BallotState.CAST);
    }

    @Benchmark
    public EncryptedBallot encryptBallot() {
        return encrypt();
    }

    @Benchmark
    public Problems verifyBallot() {
        Problems p = new Problems();
        verifier.verify(encrypted, p);
        return p;
    }
}
