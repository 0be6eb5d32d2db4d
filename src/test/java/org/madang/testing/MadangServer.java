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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real artifact, {@code target/madang.jar}, started once per test JVM and shared by every integration test:
 * on H2 in a fresh directory, or on PostgreSQL in a fresh schema that is dropped afterwards
 * ({@code -Dmadang.it.db=h2|postgres}). Mail goes to a GreenMail SMTP server in this JVM.
 *
 * <p>With {@code -Dmadang.it.instances=N} (N &gt; 1, PostgreSQL only) it starts N instances that form one data grid,
 * behind Debian's nginx on loopback, and every test talks to nginx: the resilience tests kill instances and restart
 * the database under load.
 */
public final class MadangServer {

    public static final String ADMIN_EMAIL = "first-admin@madang.test";
    public static final String ADMIN_PASSWORD = "first-admin-password-1";
    /**
     * Writes per signed-in person per minute on a single test instance: above what the role matrices' shared actors
     * send in a minute (they outran the production default of 120), low enough for AccountSecurityIT to reach.
     */
    public static final int WRITES_PER_MINUTE = 600;

    private static MadangServer instance;
    private static RuntimeException startFailure;

    private final String database;
    private final String baseUrl;
    private final GreenMail mail;
    private final List<Instance> instances = new ArrayList<>();
    private Process balancer;
    private int balancerPort;
    /** Instances the balancer leaves out: (re)starting ones. */
    private final Set<Integer> outOfService = ConcurrentHashMap.newKeySet();
    private final Path work;
    private final String schema;
    private final String jdbcUrl;
    private static final String H2_USER = "madang", H2_PASSWORD = "madang";

    /** One Payara Micro process; restarted on a fresh root directory, as a replaced machine would be. */
    private final class Instance {
        final int index;
        final int port;
        final ProcessBuilder launcher;
        final Path log;
        volatile Process process;
        int restarts;

        Instance(int index, int port, ProcessBuilder launcher, Path log) {
            this.index = index;
            this.port = port;
            this.launcher = launcher;
            this.log = log;
        }

        void start() throws IOException {
            List<String> command = new ArrayList<>(launcher.command());
            int rootdir = command.indexOf("--rootdir") + 1;
            command.set(rootdir, work.resolve("payara-" + index + "-" + restarts++).toString());
            process = launcher.command(command).start();
        }

        URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }

    /** The server, started on first use; a failed start is not retried, so every later test fails at once. */
    public static synchronized MadangServer get() {
        if (startFailure != null) throw startFailure;
        if (instance == null) {
            try {
                instance = new MadangServer(System.getProperty("madang.it.db", "h2"), Integer.getInteger("madang.it.instances", 1));
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    private MadangServer(String database, int instanceCount) {
        this.database = database;
        if (instanceCount > 1 && !"postgres".equals(database)) {
            throw new IllegalArgumentException("several instances share one PostgreSQL database: use -Dmadang.it.db=postgres");
        }
        try {
            int smtpPort = freePort();
            mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
            work = Files.createTempDirectory("madang-it-" + database);
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
                // AUTO_SERVER: tests may open the same database beside the server (to read what only the database shows);
                // WRITE_DELAY=0 as in the default: tests kill the server and count on every acknowledged write
                environment.put("MADANG_DB_URL", "jdbc:h2:file:" + work.resolve("data/madang")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;AUTO_SERVER=TRUE");
                environment.put("MADANG_DB_USER", H2_USER);
                environment.put("MADANG_DB_PASSWORD", H2_PASSWORD);
            }
            jdbcUrl = environment.get("MADANG_DB_URL");
            int publicPort = freePort();
            baseUrl = "http://localhost:" + publicPort;
            environment.put("MADANG_SMTP_HOST", "127.0.0.1");
            environment.put("MADANG_SMTP_PORT", Integer.toString(smtpPort));
            environment.put("MADANG_SMTP_INTERVAL_MS", "200");
            if (!demo()) {
                // the demo fills only an empty database: no first administrator then
                environment.put("MADANG_ADMIN_EMAIL", ADMIN_EMAIL);
                environment.put("MADANG_ADMIN_PASSWORD", ADMIN_PASSWORD);
            }
            environment.put("MADANG_RATELIMIT_PER_ADDRESS_SCALE", "1000");
            environment.put("MADANG_RATELIMIT_WRITES_PER_MINUTE", Integer.toString(WRITES_PER_MINUTE));
            environment.put("MADANG_PUBLIC_URL", baseUrl);
            if (demo()) environment.put("MADANG_DEMO", "true");
            environment.put("MADANG_OIDC_ISSUER", OidcTestProvider.start());
            environment.put("MADANG_OIDC_CLIENT_ID", OidcTestProvider.CLIENT_ID);
            environment.put("MADANG_OIDC_CLIENT_SECRET", OidcTestProvider.CLIENT_SECRET);
            Path logs = Path.of("target", "it-logs");
            Files.createDirectories(logs);
            String clusterName = "madang-it-" + UUID.randomUUID().toString().substring(0, 8);
            List<Integer> gridPorts = new ArrayList<>();
            for (int i = 0; i < instanceCount; i++) gridPorts.add(freePort());
            String members = String.join(",", gridPorts.stream().map(p -> "127.0.0.1:" + p).toList());
            for (int i = 0; i < instanceCount; i++) {
                int port = instanceCount == 1 ? publicPort : freePort();
                List<String> command = new ArrayList<>(List.of("java", "-Xmx1g"));
                // extra server JVM options for measurements, e.g. a flight recording during a load run, or a load driver's
                // production settings (system property madang.it.serverJvmArgs)
                String extraJvmArgs = System.getProperty("madang.it.serverJvmArgs", System.getenv("MADANG_IT_SERVER_JVM_ARGS"));
                if (extraJvmArgs != null && !extraJvmArgs.isBlank()) command.addAll(List.of(extraJvmArgs.trim().split("\\s+")));
                command.addAll(List.of("-jar", jar.toString(), "--port", Integer.toString(port), "--rootdir", "(set at start)"));
                if (instanceCount == 1) {
                    command.add("--nocluster");
                } else {
                    command.addAll(List.of("--clustername", clusterName, "--clustermode", "tcpip:" + members,
                            "--startport", Integer.toString(gridPorts.get(i)), "--interfaces", "127.0.0.1", "--nohostaware",
                            "--name", "madang-" + i));
                }
                Path log = logs.resolve("madang-" + database + (instanceCount == 1 ? "" : "-" + i) + ".log");
                Files.deleteIfExists(log);
                var builder = new ProcessBuilder(command).directory(work.toFile())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
                builder.environment().putAll(environment);
                if (instanceCount > 1) {
                    builder.environment().put("MADANG_HTTP_TRUST_FORWARDED", "true");
                    // the resilience tests send thousands of writes per account; limits are tested on one instance
                    builder.environment().put("MADANG_RATELIMIT_WRITES_PER_MINUTE", "1000000");
                    // each instance keeps its search index on its own disk, as on separate machines
                    builder.environment().put("MADANG_SEARCH_DIR", work.resolve("search-" + i).toString());
                }
                instances.add(new Instance(i, port, builder, log));
            }
            try {
                // the first instance creates the schema; the others start once it has
                instances.get(0).start();
                awaitReady(instances.get(0), Duration.ofMinutes(3));
                for (Instance other : instances.subList(1, instances.size())) other.start();
                for (Instance other : instances.subList(1, instances.size())) awaitReady(other, Duration.ofMinutes(3));
                if (instanceCount > 1) startBalancer(publicPort);
            } catch (RuntimeException | IOException e) {
                instances.forEach(i -> { if (i.process != null) i.process.destroyForcibly(); });
                mail.stop();
                throw e;
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Madang could not be started for the integration tests", e);
        }
    }

    /**
     * nginx from Debian's package, in front of every instance that is in service, retrying another instance when one
     * refuses connections. Payara Micro opens its HTTP port before the application is deployed and answers 404 until
     * then, so a (re)starting instance joins the balancer only once it is ready, as a deployment script would do it.
     */
    private void startBalancer(int port) throws IOException {
        balancerPort = port;
        writeBalancerConfig();
        Path dir = work.resolve("nginx");
        String nginx = Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
        balancer = new ProcessBuilder(nginx, "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString(), "-e", dir.resolve("error.log").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("console.log").toFile())).start();
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int attempt = 0; attempt < 100; attempt++) {
            if (!balancer.isAlive()) throw new IllegalStateException("nginx exited: " + Files.readString(dir.resolve("console.log")));
            try {
                if (client.send(HttpRequest.newBuilder(uri("/api/keys")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(100);
        }
        throw new IllegalStateException("nginx did not answer on port " + port);
    }

    private void writeBalancerConfig() throws IOException {
        Path dir = work.resolve("nginx");
        Files.createDirectories(dir.resolve("temp"));
        StringBuilder upstream = new StringBuilder();
        for (Instance i : instances) {
            upstream.append("    server 127.0.0.1:").append(i.port).append(" max_fails=1 fail_timeout=3s")
                    .append(outOfService.contains(i.index) ? " down" : "").append(";\n");
        }
        String config = """
                # the workers write request bodies to our temporary directory: as root (in CI), not as nobody
                user root;
                worker_processes 1;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 1024; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/temp/body;
                  proxy_temp_path %1$s/temp/proxy;
                  fastcgi_temp_path %1$s/temp/fastcgi;
                  uwsgi_temp_path %1$s/temp/uwsgi;
                  scgi_temp_path %1$s/temp/scgi;
                  client_max_body_size 20m;
                  client_body_buffer_size 1m;
                  upstream madang {
                %2$s    keepalive 32;
                  }
                %4$s
                  server {
                    listen 127.0.0.1:%3$d;
                    # nginx's own refusals (e.g. a NUL byte in the path) as problem+json too
                    error_page 400 /malformed-request;
                    location = /malformed-request {
                      internal;
                      default_type application/problem+json;
                      return 400 '%5$s';
                    }
                    location / {
                      # requests the server's HTTP layer would refuse with an empty 400, before any application code
                      # (types {}: nginx's own answers are problem+json whatever the path's extension)
                      types { }
                      default_type application/problem+json;
                      if ($request_uri ~ "%%00") { return 400 '%5$s'; }
                      if ($malformed_content_type) { return 400 '%5$s'; }
                      proxy_pass http://madang;
                      proxy_http_version 1.1;
                      proxy_set_header Connection "";
                      proxy_set_header Host $http_host;
                      proxy_set_header X-Forwarded-For $remote_addr;
                      proxy_set_header X-Forwarded-Proto $scheme;
                      proxy_connect_timeout 2s;
                      proxy_read_timeout 120s;
                      proxy_next_upstream error timeout;
                    }
                  }
                }
                """.formatted(dir, upstream, balancerPort, MALFORMED_CONTENT_TYPE, MALFORMED_PROBLEM);
        Files.writeString(dir.resolve("nginx.conf"), config);
    }

    /** A Content-Type header that is not type/subtype with token=token or token="quoted" parameters (RFC 9110). */
    private static final String MALFORMED_CONTENT_TYPE = """
              map $http_content_type $malformed_content_type {
                default 1;
                "" 0;
                "~^[-!#$%&'*+.^_`|~0-9A-Za-z]+/[-!#$%&'*+.^_`|~0-9A-Za-z]+(\\s*;\\s*[-!#$%&'*+.^_`|~0-9A-Za-z]+=([-!#$%&'*+.^_`|~0-9A-Za-z]+|\\"[^\\"]*\\"))*\\s*$" 0;
              }""";
    private static final String MALFORMED_PROBLEM =
            "{\"type\":\"https://madang.example/problems/malformed-request\",\"title\":\"The request could not be read\",\"status\":400}";

    /** Rewrites the balancer's list of instances in service and has nginx reload it (gracefully). */
    private void reloadBalancer() throws IOException {
        if (balancer == null) return;
        writeBalancerConfig();
        Path dir = work.resolve("nginx");
        String nginx = Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
        try {
            Process reload = new ProcessBuilder(nginx, "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString(),
                    "-e", dir.resolve("error.log").toString(), "-s", "reload").redirectErrorStream(true).start();
            String output = new String(reload.getInputStream().readAllBytes());
            if (reload.waitFor() != 0) throw new IllegalStateException("nginx did not reload: " + output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        sleep(300); // the old worker finishes its requests; new ones see the new list
    }

    public String database() { return database; }

    /**
     * A connection to the server's own database, beside the server: for facts the API deliberately does not show
     * (e.g. a signing key, to make tokens that are validly signed but wrong in another way). Read; write only to age
     * data by more time than a test can wait.
     */
    public java.sql.Connection connect() throws SQLException {
        return "postgres".equals(database)
                ? DriverManager.getConnection(jdbcUrl, System.getProperty("madang.it.pg.user", "postgres"),
                        System.getProperty("madang.it.pg.password", ""))
                : DriverManager.getConnection(jdbcUrl, H2_USER, H2_PASSWORD);
    }
    public String baseUrl() { return baseUrl; }
    /** Started with the demo data (-Dmadang.it.demo=true, the it-demo execution only). */
    public boolean demo() { return Boolean.getBoolean("madang.it.demo"); }
    public GreenMail mail() { return mail; }
    public URI uri(String path) { return URI.create(baseUrl + path); }
    public int instanceCount() { return instances.size(); }
    /** An address on one instance, bypassing the balancer. */
    public URI instanceUri(int index, String path) { return instances.get(index).uri(path); }

    /** The JDBC URL of the PostgreSQL database the tests use, without a schema. */
    public static String postgresAdminUrl() {
        return System.getProperty("madang.it.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    private void awaitReady(Instance target, Duration timeout) throws IOException {
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(); // h2c upgrades draw spurious 431s
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastSeen = "no answer";
        while (System.nanoTime() < deadline) {
            if (!target.process.isAlive()) {
                throw new IllegalStateException("Madang exited during start-up (code " + target.process.exitValue() + "):\n" + logTail(target));
            }
            try {
                var response = client.send(HttpRequest.newBuilder(target.uri("/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                // after a restart on an existing root directory Payara answers /health before the application is in
                // service, so an application endpoint must answer too
                lastSeen = "/health/ready " + response.statusCode() + " " + response.body();
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    int keys = client.send(HttpRequest.newBuilder(target.uri("/api/keys")).timeout(Duration.ofSeconds(5)).build(),
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
        throw new IllegalStateException("Madang was not ready within " + timeout + " (last seen: " + lastSeen + "):\n" + logTail(target));
    }

    /**
     * Kills the server the hard way (SIGKILL: no shutdown hooks, no commit of anything in flight) and starts it again
     * on the same database and port, for crash tests. Callers must not run concurrently with other server users.
     */
    public synchronized void killAndRestart() throws IOException {
        killInstance(0);
        startInstance(0);
    }

    /** SIGKILL to one instance: nothing in flight is committed or shut down cleanly. */
    public synchronized void killInstance(int index) {
        Process p = instances.get(index).process;
        p.destroyForcibly();
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts a killed instance again on a fresh Payara root directory (the database is what must survive), waits until
     * it serves, and only then puts it back into the balancer.
     */
    public void startInstance(int index) throws IOException {
        Instance target = instances.get(index);
        synchronized (this) {
            outOfService.add(index);
            reloadBalancer();
            target.start();
        }
        awaitReady(target, Duration.ofMinutes(3));
        synchronized (this) {
            outOfService.remove(index);
            reloadBalancer();
        }
    }

    /** Restarts the machine's PostgreSQL (every connection drops), as the resilience tests require. */
    public static void restartDatabase() throws IOException, InterruptedException {
        String version;
        try (var versions = Files.list(Path.of("/etc/postgresql"))) {
            version = versions.map(v -> v.getFileName().toString()).sorted().findFirst().orElseThrow();
        }
        Process p = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IllegalStateException("PostgreSQL did not restart: " + output);
    }

    public String logTail() {
        return logTail(instances.get(0));
    }

    private String logTail(Instance target) {
        try {
            var lines = Files.readAllLines(target.log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void stop() {
        if (balancer != null) balancer.destroy();
        for (Instance i : instances) {
            if (i.process == null) continue;
            i.process.destroy();
            try {
                if (!i.process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) i.process.destroyForcibly();
            } catch (InterruptedException e) {
                i.process.destroyForcibly();
            }
        }
        mail.stop();
        OidcTestProvider.stop();
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
        return Map.of("database", database, "baseUrl", baseUrl, "log", instances.get(0).log.toString());
    }
}
