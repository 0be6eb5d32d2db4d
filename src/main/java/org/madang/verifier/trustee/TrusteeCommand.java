package org.madang.verifier.trustee;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.madang.ballot.json.JsonValue;

/**
 * The trustee's command: takes part in an election's key ceremony and decryption through Madang's
 * server, which only relays public messages; every secret stays in the state file on this machine.
 * <pre>
 * java -jar madang-verifier.jar trustee ceremony|decrypt|status --server URL --election ID --email EMAIL --state FILE
 * </pre>
 * Exit status 0 = done, 1 = the protocol failed or was refused (the reason is printed), 2 = wrong usage.
 */
public final class TrusteeCommand {

    public static final int DONE = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    public static final String PASSWORD_ENV = "MADANG_TRUSTEE_PASSWORD";

    static final String USAGE_TEXT = """
            usage: java -jar madang-verifier.jar trustee ceremony|decrypt|status --server URL --election ID
                       --email EMAIL --state FILE [--code 123456 | --code-command CMD] [--wait-seconds N]
              ceremony          take part in the key ceremony: announce, exchange and check shares, confirm the
                                joint key; the guardian's share of the election key ends up in the state file
              decrypt           take part in decrypting the tally and challenged ballots (uses the state file)
              status            print the election's ceremony and decryption state
              --server URL      Madang's address, e.g. https://madang.example
              --election ID     the election's id
              --email EMAIL     the trustee's account; the password comes from $MADANG_TRUSTEE_PASSWORD or is
                                asked for on the terminal
              --state FILE      the trustee's SECRET state file (created owner-only; keep it and back it up offline)
              --code CODE       a two-factor code for signing in
              --code-command CMD  a command printing a current two-factor code (run at every sign-in)
              --wait-seconds N  how long to wait for the other guardians (default 3600)
              --poll-seconds S  how often to ask the server while waiting (default 2)
            every step can be resumed: run the same command again with the same state file
            exit status: 0 done, 1 protocol failure (reason printed), 2 wrong usage""";

    private TrusteeCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /** Runs one command; {@code args} start after "trustee". */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("madang trustee: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        if (options.help()) {
            out.println(USAGE_TEXT);
            return DONE;
        }
        char[] password = password(env);
        if (password == null) {
            err.println("madang trustee: no password: set " + PASSWORD_ENV + " or run on a terminal");
            return USAGE;
        }
        Session session = new Session(options, new RelayClient(options.server(), options.email(), password,
                codeSupplier(options, err)), out, err);
        try {
            return switch (options.action()) {
                case "ceremony" -> new CeremonyRun(session).run();
                case "decrypt" -> new DecryptionRun(session).run();
                default -> status(session);
            };
        } catch (RelayException e) {
            err.println("madang trustee: " + e.getMessage());
            return FAILED;
        } catch (ProtocolException e) {
            err.println("madang trustee: " + e.getMessage());
            return FAILED;
        } catch (IOException e) {
            err.println("madang trustee: state file " + options.state() + ": " + e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            err.println("madang trustee: internal error: " + e);
            return FAILED;
        } finally {
            session.endStatusLine();
        }
    }

    private static char[] password(Map<String, String> env) {
        String fromEnv = env.get(PASSWORD_ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        Console console = System.console();
        return console == null ? null : console.readPassword("Password for the trustee account: ");
    }

    private static Supplier<String> codeSupplier(Options options, PrintStream err) {
        if (options.codeCommand() != null) {
            return () -> runCodeCommand(options.codeCommand(), err);
        }
        return options.code() == null ? null : options::code;
    }

    /** The first line a TOTP tool prints, e.g. {@code oathtool --totp -b SECRET}. */
    private static String runCodeCommand(String command, PrintStream err) {
        try {
            Process p = new ProcessBuilder("sh", "-c", command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String line;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                line = r.readLine();
            }
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0 || line == null) {
                err.println("madang trustee: --code-command gave no code");
                return null;
            }
            return line.strip();
        } catch (IOException e) {
            err.println("madang trustee: --code-command failed: " + e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Public state of the election, the ceremony and the decryption as the signed-in account may see it. */
    private static int status(Session s) throws RelayException {
        JsonValue election = s.client().get(s.electionPath(""));
        s.out().println("election " + s.options().election() + ": " + Json.string(election, "state")
                + " (guardians " + Json.text(election, "guardians") + ", quorum " + Json.text(election, "quorum") + ")");
        try {
            JsonValue trustees = s.client().get(s.electionPath("/trustees"));
            for (JsonValue t : Json.array(trustees, "items")) {
                s.out().printf("  %-12s x=%-2s announced=%s sharesSent=%s sharesReceived=%s confirmed=%s decryptionDone=%s%n",
                        Json.text(t, "guardianId"), Json.text(t, "x"), Json.text(t, "announced"), Json.text(t, "sharesSent"),
                        Json.text(t, "sharesReceived"), Json.text(t, "confirmed"), Json.text(t, "decryptionDone"));
            }
        } catch (RelayException e) {
            s.out().println("trustees: " + e.getMessage());
        }
        try {
            JsonValue ceremony = s.client().get(s.electionPath("/ceremony"));
            JsonValue me = Json.member(ceremony, "me");
            s.out().println("ceremony: " + Json.array(ceremony, "announcements").size() + " announced, complete "
                    + Json.text(ceremony, "complete") + (me instanceof JsonValue.JsonObject
                    ? ", you are " + Json.text(me, "guardianId") + " (x=" + Json.text(me, "x") + ")" : ""));
        } catch (RelayException e) {
            s.out().println("ceremony: " + e.getMessage());
        }
        try {
            JsonValue decryption = s.client().get(s.electionPath("/decryption"));
            s.out().println("decryption: batch " + Json.text(decryption, "batchId") + ", round " + Json.text(decryption, "round")
                    + ", available " + Json.array(decryption, "available").stream().map(a -> Json.text(a, "guardianId")).toList()
                    + ", " + Json.array(decryption, "pads").size() + " ciphertexts");
        } catch (RelayException e) {
            s.out().println("decryption: " + e.getMessage());
        }
        return DONE;
    }

    /** Parsed command line. */
    record Options(String action, URI server, String election, String email, Path state, String code, String codeCommand,
                   long waitSeconds, double pollSeconds, boolean help) {

        static Options parse(String[] args) {
            String action = null;
            URI server = null;
            String election = null;
            String email = null;
            Path state = null;
            String code = null;
            String codeCommand = null;
            long wait = 3600;
            double poll = 2;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "-h", "--help" -> {
                        return new Options(null, null, null, null, null, null, null, wait, poll, true);
                    }
                    case "--server" -> server = server(value(args, ++i, a));
                    case "--election" -> election = value(args, ++i, a);
                    case "--email" -> email = value(args, ++i, a);
                    case "--state" -> state = Path.of(value(args, ++i, a));
                    case "--code" -> code = value(args, ++i, a);
                    case "--code-command" -> codeCommand = value(args, ++i, a);
                    case "--wait-seconds" -> wait = (long) number(value(args, ++i, a), a, 1, 30 * 24 * 3600);
                    case "--poll-seconds" -> poll = number(value(args, ++i, a), a, 0.01, 3600);
                    default -> {
                        if (a.startsWith("-")) {
                            throw new IllegalArgumentException("unknown option " + a);
                        }
                        if (action != null) {
                            throw new IllegalArgumentException("only one of ceremony, decrypt, status may be given");
                        }
                        if (!a.equals("ceremony") && !a.equals("decrypt") && !a.equals("status")) {
                            throw new IllegalArgumentException("unknown command " + a + " (ceremony, decrypt or status)");
                        }
                        action = a;
                    }
                }
            }
            if (action == null) {
                throw new IllegalArgumentException("no command given (ceremony, decrypt or status)");
            }
            if (server == null || election == null || email == null) {
                throw new IllegalArgumentException("--server, --election and --email are required");
            }
            if (state == null && !action.equals("status")) {
                throw new IllegalArgumentException("--state is required for " + action);
            }
            if (code != null && codeCommand != null) {
                throw new IllegalArgumentException("give --code or --code-command, not both");
            }
            if (!election.matches("[A-Za-z0-9-]{1,64}")) {
                throw new IllegalArgumentException("--election must be an election id");
            }
            return new Options(action, server, election, email, state, code, codeCommand, wait, poll, false);
        }

        private static URI server(String s) {
            try {
                URI uri = new URI(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new IllegalArgumentException("--server must be an http or https URL");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("--server is not a URL: " + e.getMessage());
            }
        }

        private static double number(String s, String option, double min, double max) {
            try {
                double v = Double.parseDouble(s);
                if (v >= min && v <= max) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(option + " needs a number between " + min + " and " + max);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }
    }
}
