package org.madang.verifier.trustee;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.madang.ballot.crypto.ElectionKey;
import org.madang.ballot.decrypt.ChallengeResponses;
import org.madang.ballot.decrypt.CommitmentReveal;
import org.madang.ballot.decrypt.DecryptionBatch;
import org.madang.ballot.decrypt.DecryptionCoordinator;
import org.madang.ballot.decrypt.DecryptionException;
import org.madang.ballot.decrypt.PartialDecryptions;
import org.madang.ballot.group.Group;
import org.madang.ballot.json.JsonReader;
import org.madang.ballot.json.JsonValue;
import org.madang.ballot.json.JsonWriter;
import org.madang.ballot.keyceremony.CeremonyRelay;
import org.madang.ballot.keyceremony.EncryptedKeyShare;
import org.madang.ballot.keyceremony.GuardianAnnouncement;
import org.madang.ballot.record.ElectionConfig;
import org.madang.ballot.record.ElectionInitialized;
import org.madang.ballot.record.RecordFormatException;
import org.madang.ballot.record.RecordJson;

/**
 * A small stand-in for the server's elections API, enough for the trustee command: sign-in with
 * short-lived tokens (so refresh is exercised), the key ceremony relayed through
 * {@link CeremonyRelay}'s checks and one decryption batch through a {@link DecryptionCoordinator}.
 * Whatever the real checks refuse it answers with a problem+json 409 or 422, as the contract says.
 */
final class FakeRelay implements AutoCloseable {

    static final String PASSWORD = "correct horse battery staple";
    static final String ELECTION = "7d9b2f4e-0000-4000-8000-000000000001";
    /** Access tokens die after this many uses, so every command has to refresh. */
    private static final int TOKEN_USES = 4;

    private final Group group;
    private final ElectionConfig config;
    private final List<String> trustees;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    private final Map<String, String> accessTokens = new LinkedHashMap<>();
    private final Map<String, Integer> tokenUses = new LinkedHashMap<>();
    private final Map<String, String> refreshTokens = new LinkedHashMap<>();
    private int issued;

    private final Map<String, GuardianAnnouncement> announcements = new LinkedHashMap<>();
    private final Map<String, EncryptedKeyShare> shares = new LinkedHashMap<>();
    final Set<String> confirmed = new LinkedHashSet<>();
    final List<String> complaints = new ArrayList<>();
    String corruptSharesTo;

    private ElectionKey key;
    private ElectionInitialized init;
    private DecryptionBatch batch;
    private final Set<String> participants = new LinkedHashSet<>();
    private int expectedParticipants;
    DecryptionCoordinator coordinator;

    FakeRelay(Group group, ElectionConfig config, List<String> trusteeEmails) throws IOException {
        this.group = group;
        this.config = config;
        this.trustees = List.copyOf(trusteeEmails);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    synchronized List<GuardianAnnouncement> announcements() {
        return List.copyOf(announcements.values());
    }

    /** Decryption of {@code batch} starts once {@code participants} trustees have said they are present. */
    synchronized void prepareDecryption(ElectionKey key, ElectionInitialized init, DecryptionBatch batch, int participants) {
        this.key = key;
        this.init = init;
        this.batch = batch;
        this.expectedParticipants = participants;
    }

    private record Answer(int status, JsonValue body) {
    }

    private void handle(HttpExchange exchange) throws IOException {
        Answer answer;
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            JsonValue json = body.length == 0 ? JsonValue.JsonNull.NULL : JsonReader.parse(body, JsonReader.Limits.RECORD);
            synchronized (this) {
                answer = route(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Authorization"), json);
            }
        } catch (Exception e) {
            answer = problem(400, "invalid-input", e.getMessage());
        }
        byte[] bytes = answer.body() == null ? new byte[0] : JsonWriter.writeUtf8(answer.body());
        exchange.getResponseHeaders().set("Content-Type", answer.status() >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private Answer route(String method, String path, String authorization, JsonValue body) throws Exception {
        if (method.equals("POST") && path.equals("/api/tokens")) {
            String email = Json.string(body, "email");
            if (!trustees.contains(email) || !PASSWORD.equals(Json.string(body, "password"))) {
                return problem(401, "unauthorized", "wrong e-mail or password");
            }
            return tokens(email);
        }
        if (method.equals("POST") && path.equals("/api/tokens/refresh")) {
            String email = refreshTokens.get(Json.string(body, "refreshToken"));
            return email == null ? problem(401, "unauthorized", "unknown refresh token") : tokens(email);
        }
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
        String email = accessTokens.get(token);
        if (email == null || tokenUses.merge(token, 1, Integer::sum) > TOKEN_USES) {
            return problem(401, "unauthorized", "token expired");
        }
        String guardianId = "guardian" + (trustees.indexOf(email) + 1);
        int x = trustees.indexOf(email) + 1;
        String prefix = "/api/elections/" + ELECTION;
        if (!path.startsWith(prefix)) {
            return problem(404, "not-found", "no such election");
        }
        String rest = method + " " + path.substring(prefix.length());
        return switch (rest) {
            case "GET /ceremony" -> ok(ceremony(guardianId, x));
            case "POST /ceremony/announcements" -> announce(guardianId, x, body);
            case "POST /ceremony/shares" -> acceptShares(guardianId, body);
            case "GET /ceremony/shares" -> ok(object("shares", new JsonValue.JsonArray(sharesTo(guardianId))));
            case "POST /ceremony/confirmations" -> confirm(guardianId, body);
            case "POST /ceremony/complaints" -> {
                complaints.add(guardianId + " against " + Json.string(body, "against") + ": " + Json.string(body, "reason"));
                yield new Answer(204, null);
            }
            case "POST /decryption/participations" -> participate(guardianId);
            case "GET /decryption" -> ok(decryption(guardianId));
            case "POST /decryption/partials" -> decryptionMessage(guardianId, body, 1);
            case "POST /decryption/reveals" -> decryptionMessage(guardianId, body, 2);
            case "POST /decryption/responses" -> decryptionMessage(guardianId, body, 3);
            default -> problem(404, "not-found", rest);
        };
    }

    private Answer tokens(String email) {
        issued++;
        String access = "access-" + issued;
        String refresh = "refresh-" + issued;
        accessTokens.put(access, email);
        refreshTokens.put(refresh, email);
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("accessToken", JsonValue.of(access));
        m.put("refreshToken", JsonValue.of(refresh));
        m.put("expiresIn", JsonValue.of(60));
        return ok(new JsonValue.JsonObject(m));
    }

    private JsonValue ceremony(String guardianId, int x) {
        Map<String, JsonValue> me = new LinkedHashMap<>();
        me.put("guardianId", JsonValue.of(guardianId));
        me.put("x", JsonValue.of(x));
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("state", JsonValue.of("KEY_CEREMONY"));
        m.put("me", new JsonValue.JsonObject(me));
        m.put("constants", RecordJson.write(group.constants()));
        m.put("config", RecordJson.write(config));
        m.put("announcements", new JsonValue.JsonArray(announcements.values().stream().map(GuardianAnnouncement::toJson).toList()));
        m.put("complete", JsonValue.of(confirmed.size() == trustees.size()));
        return new JsonValue.JsonObject(m);
    }

    private Answer announce(String guardianId, int x, JsonValue body) throws RecordFormatException {
        GuardianAnnouncement a = GuardianAnnouncement.fromJson(group, body);
        Optional<String> problem = CeremonyRelay.checkAnnouncement(group, config.parameterBaseHash(), config.numberOfGuardians(),
                config.quorum(), a, guardianId, x);
        if (problem.isPresent()) {
            return problem(422, "invalid-input", problem.get());
        }
        GuardianAnnouncement previous = announcements.putIfAbsent(guardianId, a);
        return previous == null || previous.equals(a) ? new Answer(204, null)
                : problem(409, "conflict", "a different announcement was already accepted");
    }

    private Answer acceptShares(String guardianId, JsonValue body) throws RecordFormatException {
        if (announcements.size() < config.numberOfGuardians()) {
            return problem(409, "invalid-state", "not every guardian has announced");
        }
        Map<String, EncryptedKeyShare> incoming = new LinkedHashMap<>();
        for (JsonValue json : Json.array(body, "shares")) {
            EncryptedKeyShare s = EncryptedKeyShare.fromJson(group, json);
            GuardianAnnouncement recipient = announcements.get(s.recipientId());
            if (recipient == null) {
                return problem(422, "invalid-input", "no guardian " + s.recipientId());
            }
            Optional<String> problem = CeremonyRelay.checkShare(group, config.parameterBaseHash(), s,
                    announcements.get(guardianId), recipient);
            if (problem.isPresent()) {
                return problem(422, "invalid-input", problem.get());
            }
            EncryptedKeyShare previous = shares.get(guardianId + ">" + s.recipientId());
            if (previous != null && !JsonWriter.write(previous.toJson()).equals(JsonWriter.write(s.toJson()))) {
                return problem(409, "conflict", "different shares were already accepted");
            }
            incoming.put(guardianId + ">" + s.recipientId(), s);
        }
        if (incoming.size() != config.numberOfGuardians() - 1) {
            return problem(422, "invalid-input", "one share per other guardian is needed");
        }
        shares.putAll(incoming);
        return new Answer(204, null);
    }

    private List<JsonValue> sharesTo(String guardianId) {
        List<JsonValue> out = new ArrayList<>();
        for (EncryptedKeyShare s : shares.values()) {
            if (s.recipientId().equals(guardianId)) {
                if (guardianId.equals(corruptSharesTo)) {
                    byte[] c1 = s.c1();
                    c1[0] ^= 1;
                    s = new EncryptedKeyShare(s.senderId(), s.senderX(), s.recipientId(), s.recipientX(), s.c0(), c1,
                            s.proofChallenge(), s.proofResponse());
                }
                out.add(s.toJson());
            }
        }
        return out;
    }

    private Answer confirm(String guardianId, JsonValue body) {
        String joint = HexFormat.of().formatHex(CeremonyRelay.jointKey(List.copyOf(announcements.values())).encode());
        if (!joint.equalsIgnoreCase(Json.string(body, "jointPublicKey"))) {
            return problem(409, "conflict", "the joint key differs from the product of the announced keys");
        }
        confirmed.add(guardianId);
        return new Answer(204, null);
    }

    private Answer participate(String guardianId) {
        participants.add(guardianId);
        if (coordinator == null && batch != null && participants.size() >= expectedParticipants) {
            List<Integer> xs = participants.stream().map(g -> Integer.parseInt(g.substring("guardian".length()))).sorted().toList();
            coordinator = new DecryptionCoordinator(key, init, config.quorum(), "batch-" + System.nanoTime(),
                    batch.pads(), batch.challenges(), xs);
        }
        return new Answer(204, null);
    }

    private String round() {
        if (coordinator == null) {
            return "WAITING";
        }
        return !coordinator.allPartials() ? "PARTIAL" : !coordinator.allReveals() ? "REVEAL"
                : !coordinator.complete() ? "RESPOND" : "DONE";
    }

    private JsonValue decryption(String guardianId) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        String round = round();
        m.put("batchId", coordinator == null ? JsonValue.JsonNull.NULL : JsonValue.of(coordinator.batchId()));
        m.put("round", JsonValue.of(round));
        m.put("extendedBaseHash", key == null ? JsonValue.JsonNull.NULL
                : JsonValue.of(HexFormat.of().formatHex(key.extendedBaseHash().bytes())));
        List<JsonValue> available = new ArrayList<>();
        List<JsonValue> pads = new ArrayList<>();
        List<JsonValue> partials = new ArrayList<>();
        List<JsonValue> reveals = new ArrayList<>();
        List<JsonValue> challenges = new ArrayList<>();
        if (coordinator != null) {
            for (int i = 0; i < coordinator.availableXs().size(); i++) {
                Map<String, JsonValue> a = new LinkedHashMap<>();
                a.put("guardianId", JsonValue.of(coordinator.availableGuardianIds().get(i)));
                a.put("x", JsonValue.of(coordinator.availableXs().get(i)));
                available.add(new JsonValue.JsonObject(a));
            }
            coordinator.pads().forEach(p -> pads.add(JsonValue.of(HexFormat.of().formatHex(p.encode()))));
            if (!round.equals("PARTIAL")) {
                coordinator.partials().forEach(p -> partials.add(p.toJson()));
            }
            if (round.equals("RESPOND") || round.equals("DONE")) {
                coordinator.reveals().forEach(r -> reveals.add(r.toJson()));
            }
            if (round.equals("RESPOND") && coordinator.availableGuardianIds().contains(guardianId)) {
                coordinator.challengesFor(guardianId).forEach(c -> challenges.add(JsonValue.of(HexFormat.of().formatHex(c.encode()))));
            }
        }
        m.put("available", new JsonValue.JsonArray(available));
        m.put("pads", new JsonValue.JsonArray(pads));
        m.put("partials", new JsonValue.JsonArray(partials));
        m.put("reveals", new JsonValue.JsonArray(reveals));
        m.put("challenges", new JsonValue.JsonArray(challenges));
        return new JsonValue.JsonObject(m);
    }

    private Answer decryptionMessage(String guardianId, JsonValue body, int round) throws RecordFormatException {
        if (coordinator == null) {
            return problem(409, "invalid-state", "decryption has not started");
        }
        if (!guardianId.equals(Json.string(body, "guardian_id"))) {
            return problem(403, "forbidden", "a trustee sends its own messages only");
        }
        try {
            switch (round) {
                case 1 -> coordinator.acceptPartial(PartialDecryptions.fromJson(group, body));
                case 2 -> coordinator.acceptReveal(CommitmentReveal.fromJson(group, body));
                default -> coordinator.acceptResponses(ChallengeResponses.fromJson(group, body));
            }
        } catch (DecryptionException e) {
            return problem(422, "invalid-input", e.getMessage());
        }
        return new Answer(204, null);
    }

    private static Answer ok(JsonValue body) {
        return new Answer(200, body);
    }

    private static JsonValue object(String name, JsonValue value) {
        return new JsonValue.JsonObject(Map.of(name, value));
    }

    private static Answer problem(int status, String slug, String detail) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("type", JsonValue.of("https://madang.example/problems/" + slug));
        m.put("title", JsonValue.of(slug.replace('-', ' ')));
        m.put("status", JsonValue.of(status));
        m.put("detail", JsonValue.of(detail == null ? "" : detail));
        return new Answer(status, new JsonValue.JsonObject(m));
    }
}
