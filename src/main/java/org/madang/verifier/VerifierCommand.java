package org.madang.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.madang.ballot.verify.Problem;
import org.madang.ballot.verify.RecordVerifier;
import org.madang.ballot.verify.StepResult;
import org.madang.ballot.verify.VerificationReport;
import org.madang.verifier.trustee.TrusteeCommand;

/**
 * The auditors' verifier: {@code java -jar madang-verifier.jar RECORD_DIR [--json REPORT.json] [--threads N]}.
 * {@code java -jar madang-verifier.jar trustee ...} is the trustees' command instead ({@link TrusteeCommand}).
 * Exit status 0 = the record verifies, 1 = it does not, 2 = the input is unreadable or incomplete
 * (or the command line is wrong).
 */
public final class VerifierCommand {

    public static final int VERIFIED = 0;
    public static final int NOT_VERIFIED = 1;
    public static final int UNREADABLE = 2;

    /** Problems printed per step; the JSON report always has them all. */
    private static final int PRINTED_PROBLEMS_PER_STEP = 20;

    private VerifierCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && args[0].equals("trustee")) {
            return TrusteeCommand.run(Arrays.copyOfRange(args, 1, args.length), out, err, System.getenv());
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("madang-verifier: " + e.getMessage());
            err.println(Options.USAGE);
            return UNREADABLE;
        }
        if (options.help()) {
            out.println(Options.USAGE);
            return VERIFIED;
        }
        if (!Files.isDirectory(options.record())) {
            err.println("madang-verifier: " + options.record() + " is not a directory");
            return UNREADABLE;
        }
        ProgressBar bar = new ProgressBar(err, options.progress());
        VerificationReport report;
        try {
            report = new RecordVerifier(options.threads(), bar).verify(options.record());
        } catch (RuntimeException e) {
            err.println("madang-verifier: internal error: " + e);
            return UNREADABLE;
        } finally {
            bar.finished(); // ends the bar's line even when reading stopped early
        }
        print(report, out);
        if (options.json() != null) {
            try {
                Files.write(options.json(), ReportJson.write(report).getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                err.println("madang-verifier: cannot write " + options.json() + ": " + e.getMessage());
                return UNREADABLE;
            }
        }
        return switch (report.status()) {
            case VERIFIED -> VERIFIED;
            case NOT_VERIFIED -> NOT_VERIFIED;
            case UNREADABLE -> UNREADABLE;
        };
    }

    static void print(VerificationReport report, PrintStream out) {
        out.println("ElectionGuard 2.1 record: " + report.recordDirectory());
        out.println("group: " + report.groupName() + ", encrypted ballots: " + report.encryptedBallots()
                + ", challenged ballots opened: " + report.challengedBallots());
        for (StepResult s : report.steps()) {
            String status = !s.applicable() ? "N/A" : !s.ran() ? "NOT RUN" : s.passed() ? "PASS" : "FAIL";
            out.printf("%-7s %2s. %s (%d checked)%n", status, s.step().label(), s.step().title(), s.checked());
            List<Problem> problems = s.problems();
            for (int i = 0; i < Math.min(problems.size(), PRINTED_PROBLEMS_PER_STEP); i++) {
                out.println("          " + problems.get(i));
            }
            if (problems.size() > PRINTED_PROBLEMS_PER_STEP) {
                out.println("          ... and " + (problems.size() - PRINTED_PROBLEMS_PER_STEP) + " more (see --json)");
            }
        }
        for (String u : report.unreadable()) {
            out.println("UNREADABLE " + u);
        }
        out.println(switch (report.status()) {
            case VERIFIED -> "RESULT: the record VERIFIES";
            case NOT_VERIFIED -> "RESULT: the record DOES NOT VERIFY";
            case UNREADABLE -> "RESULT: the record is UNREADABLE or INCOMPLETE";
        });
    }

    /** Parsed command line. */
    record Options(Path record, Path json, int threads, boolean progress, boolean help) {
        static final String USAGE = """
                usage: java -jar madang-verifier.jar RECORD_DIR [--json REPORT.json] [--threads N] [--no-progress]
                  RECORD_DIR      an ElectionGuard 2.1 election record (egk-ec JSON layout, with madang/ if Madang published it)
                  --json FILE     also write the full report as JSON
                  --threads N     worker threads for ballot checks (default: all cores)
                  --no-progress   no progress bar on stderr
                exit status: 0 verifies, 1 does not verify, 2 unreadable or incomplete input
                trustees: java -jar madang-verifier.jar trustee --help""";

        static Options parse(String[] args) {
            Path record = null;
            Path json = null;
            int threads = Runtime.getRuntime().availableProcessors();
            boolean progress = true;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "-h", "--help" -> {
                        return new Options(null, null, threads, progress, true);
                    }
                    case "--json" -> json = Path.of(value(args, ++i, a));
                    case "--threads" -> {
                        try {
                            threads = Integer.parseInt(value(args, ++i, a));
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--threads needs a number");
                        }
                        if (threads < 1 || threads > 1024) {
                            throw new IllegalArgumentException("--threads must be between 1 and 1024");
                        }
                    }
                    case "--no-progress" -> progress = false;
                    default -> {
                        if (a.startsWith("-")) {
                            throw new IllegalArgumentException("unknown option " + a);
                        }
                        if (record != null) {
                            throw new IllegalArgumentException("only one record directory may be given");
                        }
                        record = Path.of(a);
                    }
                }
            }
            if (record == null) {
                throw new IllegalArgumentException("no record directory given");
            }
            return new Options(record, json, threads, progress, false);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }
    }
}
