package org.madang.ballot.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.madang.ballot.group.IntegerGroup;
import org.madang.ballot.group.P256Group;

/**
 * Writes the small sample records committed under ballots/samples/ (3 guardians, quorum 2, one
 * missing at decryption; 10 ballots, 2 challenged), for auditors to try the verifier on:
 * <pre>java -cp target/classes:BC_JAR org.madang.ballot.demo.SampleRecords ballots/samples</pre>
 */
public final class SampleRecords {

    public static final List<String> NAMES = List.of("p256-chained", "int4096");

    private SampleRecords() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "ballots/samples");
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 20260603L;
        generate(out.resolve("p256-chained"), new DemoElection.Settings(P256Group.instance(), "sample-p256", 3, 2, 10, 2,
                Set.of(3), true, List.of("booth-1", "booth-2"), seed, 2));
        generate(out.resolve("int4096"), new DemoElection.Settings(IntegerGroup.instance(), "sample-4096", 3, 2, 10, 2,
                Set.of(1), false, List.of("booth-1"), seed, 1));
    }

    private static void generate(Path dir, DemoElection.Settings settings) throws Exception {
        delete(dir);
        DemoElection.run(settings, dir);
        System.out.println("wrote " + dir);
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
