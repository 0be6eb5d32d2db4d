package org.madang.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The real artifact, {@code target/madang.jar}, started once per test JVM and shared by every integration test:
 * on H2 in a fresh directory, or on PostgreSQL in a fresh schema that is dropped afterwards
 * ({@code -Dmadang.it.db=h2|postgres}). Mail goes to a GreenMail SMTP server in this JVM.
 */
public final class MadangServer {

    public static final String ADMIN_EMAIL = "first-admin@madang.test";
    public static final String ADMIN_PASSWORD = "first-admin-password-1";

    private static MadangServer instance;
    private static RuntimeException startFailure;

    private final String database;
    private final String baseUrl;
    private final GreenMail mail;
    private volatile Process process;
    private ProcessBuilder launcher;
    private int restarts;
    private final Path log;
    private final String schema;
    private final String jdbcUrl;
    private static final String H2_USER = "madang", H2_PASSWORD = "madang";

    /** The server, started on first use; a failed start is not retried, so every later test fails at once. */
    public static synchronized MadangServer get() {
        if (startFailure != null) throw startFailure;
        if (instance == null) {
            try {
                instance = new MadangServer(System.getProperty("madang.it.db", "h2"));
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    private MadangServer(String database) {
        this.database = database;
        try {
            int port = freePort();
            int smtpPort = freePort();
            mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
            Path work = Files.createTempDirectory("madang-it-" + database);
            Path jar = Path.of("target", "madang.jar").toAbsolutePath();
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: run the integration tests through `mvn verify`");
            }
            var environment = new HashMap<String, String>();
            if ("postgres".equals(database)) {
                schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                execute(postgresAdminUrl(), "CREATE SCHEMA " + schema);
                environment.put("MADANG_DB_URL", postgresAdminUrl() + (postgresAdminUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema);
                environment.put("MADANG_DB_USER", System.getProperty("madang.it.pg.user", "postgres"));
                environment.put("MADANG_DB_PASSWORD", System.getProperty("madang.it.pg.password", ""));
            } else {
                schema = null;
                // AUTO_SERVER: tests may open the same database beside the server (to read what only the database shows)
                environment.put("MADANG_DB_URL", "jdbc:h2:file:" + work.resolve("data/madang")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE");
                environment.put("MADANG_DB_USER", H2_USER);
                environment.put("MADANG_DB_PASSWORD", H2_PASSWORD);
            }
            jdbcUrl = environment.get("MADANG_DB_URL");
            environment.put("MADANG_SMTP_HOST", "127.0.0.1");
            environment.put("MADANG_SMTP_PORT", Integer.toString(smtpPort));
            environment.put("MADANG_SMTP_INTERVAL_MS", "200");
            environment.put("MADANG_ADMIN_EMAIL", ADMIN_EMAIL);
            environment.put("MADANG_ADMIN_PASSWORD", ADMIN_PASSWORD);
            environment.put("MADANG_RATELIMIT_PER_ADDRESS_SCALE", "1000");
            environment.put("MADANG_PUBLIC_URL", "http://localhost:" + port);
            baseUrl = "http://localhost:" + port;
            Path logs = Path.of("target", "it-logs");
            Files.createDirectories(logs);
            log = logs.resolve("madang-" + database + ".log");
            List<String> command = new ArrayList<>(List.of("java", "-Xmx1g"));
            // extra server JVM options for measurements, e.g. a flight recording during a load run
            String extraJvmArgs = System.getenv("MADANG_IT_SERVER_JVM_ARGS");
            if (extraJvmArgs != null && !extraJvmArgs.isBlank()) command.addAll(List.of(extraJvmArgs.trim().split("\\s+")));
            command.addAll(List.of("-jar", jar.toString(),
                    "--port", Integer.toString(port), "--nocluster", "--rootdir", work.resolve("payara").toString()));
            var builder = new ProcessBuilder(command).directory(work.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Files.deleteIfExists(log);
            builder.environment().putAll(environment);
            launcher = builder;
            process = builder.start();
            try {
                awaitReady(Duration.ofMinutes(3));
            } catch (RuntimeException | IOException e) {
                process.destroyForcibly();
                mail.stop();
                throw e;
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Madang could not be started for the integration tests", e);
        }
    }

    public String database() { return database; }

    /**
     * A connection to the server's own database, beside the server: for facts the API deliberately does not show
     * (e.g. a signing key, to make tokens that are validly signed but wrong in another way). Read, don't write.
     */
    public java.sql.Connection connect() throws SQLException {
        return "postgres".equals(database)
                ? DriverManager.getConnection(jdbcUrl, System.getProperty("madang.it.pg.user", "postgres"),
                        System.getProperty("madang.it.pg.password", ""))
                : DriverManager.getConnection(jdbcUrl, H2_USER, H2_PASSWORD);
    }
    public String baseUrl() { return baseUrl; }
    public GreenMail mail() { return mail; }
    public URI uri(String path) { return URI.create(baseUrl + path); }

    /** The JDBC URL of the PostgreSQL database the tests use, without a schema. */
    public static String postgresAdminUrl() {
        return System.getProperty("madang.it.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    private void awaitReady(Duration timeout) throws IOException {
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(); // h2c upgrades draw spurious 431s
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastSeen = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Madang exited during start-up (code " + process.exitValue() + "):\n" + logTail());
            }
            try {
                var response = client.send(HttpRequest.newBuilder(uri("/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                // after a restart on an existing root directory Payara answers /health before the application is in
                // service, so an application endpoint must answer too
                lastSeen = "/health/ready " + response.statusCode() + " " + response.body();
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    int keys = client.send(HttpRequest.newBuilder(uri("/api/keys")).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                    lastSeen += "; /api/keys " + keys;
                    if (keys == 200) return;
                }
            } catch (IOException notYet) {
                lastSeen = notYet.toString(); // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException("Madang was not ready within " + timeout + " (last seen: " + lastSeen + "):\n" + logTail());
    }

    /**
     * Kills the server the hard way (SIGKILL: no shutdown hooks, no commit of anything in flight) and starts it again
     * on the same database and port, for crash tests. Callers must not run concurrently with other server users.
     */
    public synchronized void killAndRestart() throws IOException {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        // a fresh Payara root directory, as on the first start: the database (outside it) is what must survive
        List<String> command = new ArrayList<>(launcher.command());
        int rootdir = command.indexOf("--rootdir") + 1;
        command.set(rootdir, command.get(rootdir) + "-" + ++restarts);
        process = launcher.command(command).start();
        awaitReady(Duration.ofMinutes(3));
    }

    public String logTail() {
        try {
            var lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
        }
        mail.stop();
        if (schema != null) {
            try {
                execute(postgresAdminUrl(), "DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                System.err.println("Could not drop test schema " + schema + ": " + e.getMessage());
            }
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (var connection = DriverManager.getConnection(url, System.getProperty("madang.it.pg.user", "postgres"),
                System.getProperty("madang.it.pg.password", ""));
             var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** For tests that read the server's own records, e.g. the environment it was started with. */
    public Map<String, String> describe() {
        return Map.of("database", database, "baseUrl", baseUrl, "log", log.toString());
    }
}
