package org.madang.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.madang.ballot.demo.DemoElection;
import org.madang.ballot.group.P256Group;
import org.madang.ballot.verify.ProgressListener;
import org.madang.ballot.verify.RecordVerifier;
import org.madang.ballot.verify.VerificationReport;

/**
 * Generates a large P-256 record (default 10,000 ballots on the demo manifest, 5 guardians, quorum
 * 3, 2 missing, chained, 1% challenged) and measures the verifier's throughput on it.
 * Arguments: OUTPUT_DIR [BALLOTS] [THREADS].
 */
public final class ThroughputRecord {

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].trim().contains(" ")) {
            args = args[0].trim().split("\\s+"); // exec:exec passes -Dbench.args as one argument
        }
        Path dir = Path.of(args.length > 0 && !args[0].isBlank() ? args[0] : "target/throughput-record");
        int ballots = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        long t0 = System.nanoTime();
        DemoElection.run(new DemoElection.Settings(P256Group.instance(), "throughput", 5, 3, ballots, ballots / 100,
                Set.of(2, 4), true, List.of("device-a", "device-b"), 42L, threads), dir);
        long t1 = System.nanoTime();
        long cpu1 = processCpuNanos();
        System.out.printf("generated %d ballots in %.1f s (%.1f ballots/s)%n", ballots, (t1 - t0) / 1e9, ballots / ((t1 - t0) / 1e9));
        VerificationReport report = new RecordVerifier(threads, ProgressListener.NONE).verify(dir);
        long t2 = System.nanoTime();
        long cpu2 = processCpuNanos();
        System.out.printf("verified: %s in %.1f s with %d threads: %.1f ballots/s; %.1f CPU-s: %.1f ballots per CPU-second%n",
                report.status(), (t2 - t1) / 1e9, threads, ballots / ((t2 - t1) / 1e9), (cpu2 - cpu1) / 1e9,
                ballots / ((cpu2 - cpu1) / 1e9));
    }

    /** CPU time of the whole process (all threads, JIT and GC included). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
