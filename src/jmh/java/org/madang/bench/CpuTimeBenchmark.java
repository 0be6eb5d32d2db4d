package org.madang.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.function.IntConsumer;
import org.madang.ballot.crypto.NonceSequence;
import org.madang.ballot.group.Element;
import org.madang.ballot.group.FixedBase;
import org.madang.ballot.group.Group;
import org.madang.ballot.group.Scalar;
import org.madang.ballot.hash.HashValue;
import org.madang.ballot.record.BallotState;
import org.madang.ballot.record.EncryptedBallot;
import org.madang.ballot.verify.BallotVerifier;
import org.madang.ballot.verify.Problems;

/**
 * The same figures as {@link BenchmarkMain}, timed in CPU time of the measuring thread (median
 * of rounds after warm-up). On a machine shared with other work, wall-clock benchmarks mostly
 * measure the neighbours; the CPU time of one thread is far steadier.
 * Run: {@code mvn -Pbench test-compile exec:exec -Dbench.main=org.madang.bench.CpuTimeBenchmark}.
 */
public final class CpuTimeBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        for (String name : new String[] {"P-256", "Integer4096"}) {
            run(name);
        }
    }

    private static void run(String name) throws Exception {
        BenchElection election = new BenchElection(name);
        Group g = election.group;
        SecureRandom random = new SecureRandom();
        Scalar[] exponents = new Scalar[64];
        for (int i = 0; i < exponents.length; i++) {
            exponents[i] = NonceSequence.random(g, random);
        }
        Element base = g.gPow(NonceSequence.random(g, random));
        FixedBase generator = g.fixedBase(g.generator());
        BallotVerifier verifier = new BallotVerifier(election.key, election.manifest);
        EncryptedBallot ballot = encrypt(election, 0);
        Problems check = new Problems();
        verifier.verify(ballot, check);
        if (!check.list().isEmpty()) {
            throw new IllegalStateException("benchmark ballot does not verify: " + check.list());
        }
        boolean big = name.startsWith("Integer");
        int expCount = big ? 40 : 400;
        int ballotCount = big ? 3 : 40;
        double fixed = micros(i -> g.publicPow(generator, exponents[i & 63]), expCount);
        double variable = micros(i -> g.publicPow(base, exponents[i & 63]), expCount);
        double fixedSecret = micros(i -> g.gPow(exponents[i & 63]), expCount);
        double variableSecret = micros(i -> base.pow(exponents[i & 63]), expCount);
        double encrypt = micros(i -> encrypt(election, i), ballotCount);
        double verify = micros(i -> verifier.verify(ballot, new Problems()), ballotCount);
        int half = BenchElection.EXPONENTIATIONS_PER_BALLOT / 2;
        double floor = half * fixed + half * variable;
        System.out.printf("%-12s CPU time: fixed-base %8.1f us, variable-base %8.1f us (secret path: %8.1f, %8.1f us);"
                        + " encrypt %9.1f us, verify %9.1f us; floor %9.1f us; verify / floor = %.2f%n",
                name, fixed, variable, fixedSecret, variableSecret, encrypt, verify, floor, verify / floor);
    }

    private static EncryptedBallot encrypt(BenchElection election, long counter) {
        byte[] nonce = new byte[32];
        for (int i = 0; i < 8; i++) {
            nonce[i] = (byte) (counter >>> (8 * i));
        }
        return election.encryptor.encrypt(election.ballot, HashValue.of(nonce), "bench", 0, new byte[0], BallotState.CAST);
    }

    /** Median over 9 rounds (after 3 warm-up rounds) of the CPU time per operation, in microseconds. */
    private static double micros(IntConsumer op, int perRound) {
        double[] rounds = new double[9];
        for (int r = -3; r < rounds.length; r++) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < perRound; i++) {
                op.accept(i);
            }
            long t1 = THREADS.getCurrentThreadCpuTime();
            if (r >= 0) {
                rounds[r] = (t1 - t0) / 1e3 / perRound;
            }
        }
        Arrays.sort(rounds);
        return rounds[rounds.length / 2];
    }
}
