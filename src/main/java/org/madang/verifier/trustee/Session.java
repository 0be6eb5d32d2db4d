package org.madang.verifier.trustee;

import java.io.PrintStream;
import java.util.function.Function;
import java.util.function.Predicate;
import org.madang.ballot.json.JsonValue;

/** One command's connection, options and console: polling with a status line on standard error. */
final class Session {

    private final TrusteeCommand.Options options;
    private final RelayClient client;
    private final PrintStream out;
    private final PrintStream err;
    private String lastStatus;

    Session(TrusteeCommand.Options options, RelayClient client, PrintStream out, PrintStream err) {
        this.options = options;
        this.client = client;
        this.out = out;
        this.err = err;
    }

    TrusteeCommand.Options options() {
        return options;
    }

    RelayClient client() {
        return client;
    }

    PrintStream out() {
        return out;
    }

    String electionPath(String rest) {
        return "/api/elections/" + options.election() + rest;
    }

    /** A progress line on standard error, printed when it changes. */
    void status(String line) {
        if (!line.equals(lastStatus)) {
            err.println("[trustee] " + line);
            lastStatus = line;
        }
    }

    void endStatusLine() {
        err.flush();
    }

    /**
     * GETs {@code path} every --poll-seconds until {@code done} holds, showing {@code describe} of each
     * answer; gives up after --wait-seconds.
     */
    JsonValue waitFor(String path, Predicate<JsonValue> done, Function<JsonValue, String> describe)
            throws RelayException, ProtocolException {
        long deadline = System.nanoTime() + options.waitSeconds() * 1_000_000_000L;
        while (true) {
            JsonValue answer = client.get(path);
            if (done.test(answer)) {
                return answer;
            }
            status(describe.apply(answer));
            if (System.nanoTime() > deadline) {
                throw new ProtocolException("gave up after " + options.waitSeconds() + " s (--wait-seconds): "
                        + describe.apply(answer) + "; run the command again to resume");
            }
            try {
                Thread.sleep((long) (options.pollSeconds() * 1000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProtocolException("interrupted");
            }
        }
    }
}
