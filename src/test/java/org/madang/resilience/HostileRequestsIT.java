package org.madang.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.madang.testing.Api.Reply;
import org.madang.testing.Api.Session;
import org.madang.testing.People;
import org.madang.testing.RoleMatrix;

/**
 * At least 10,000 malformed or hostile requests across every endpoint the WAR declares, as nobody, as a citizen and
 * as an administrator: wrong types, huge values, deep nesting, invalid UTF-8, unknown fields, injection strings,
 * wrong content types, hostile path and query values. No answer may be a server error, and every refusal is
 * problem+json. The order is random; the seed is printed and {@code -Dmadang.fuzz.seed} replays it.
 */
class HostileRequestsIT {

    private static final int REQUESTS = Integer.getInteger("madang.fuzz.requests", 10_000);

    /** A body and the content type it is sent with (null: no Content-Type header). */
    private record Body(String name, byte[] bytes, String contentType) {
        static Body json(String name, String text) {
            return new Body(name, text.getBytes(StandardCharsets.UTF_8), "application/json");
        }
    }

    private static final String[] PATH_VALUES = {
        UUID.randomUUID().toString(), "0", "-1", "x".repeat(300), "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "%00", "abc",
        "1e9", "%27%20OR%201%3D1--", "%3Cscript%3E", "00000000-0000-0000-0000-000000000000", "%F0%9F%98%80",
    };

    private static final String[] QUERIES = {
        "", "?page=-1&size=100000", "?size=abc", "?q=%27%22%3C%3E%00", "?cursor=" + "A".repeat(5000), "?from=yesterday&to=1e999",
        "?limit=2147483648", "?page=1&page=2", "?kind=%00", "?q=" + "%EA%B5%90%EC%9C%A1".repeat(200),
    };

    static List<Body> bodies() {
        List<Body> b = new ArrayList<>();
        for (String text : new String[] {"{", "}", "[", "\"", "{\"a\":", "[]", "\"x\"", "0", "null", "true", "-1e999999",
                "{\"a\":1,\"a\":2}", "{\"zzzUnknown\":1}", "{/* comment */}", "{'single':'quotes'}", "{\"a\":NaN}",
                "{\"a\":\"\\ud800\"}", "{\"a\":\"\\uZZZZ\"}", "{\"a\":\"a\\u0000b\"}", "\uFEFF{}", "{\"" + "k".repeat(10_000) + "\":1}"}) {
            b.add(Body.json("json " + abbreviate(text), text));
        }
        b.add(Body.json("deep array", "[".repeat(5000) + "]".repeat(5000)));
        b.add(Body.json("deep object", "{\"a\":".repeat(3000) + "1" + "}".repeat(3000)));
        b.add(Body.json("huge string", "{\"title\":\"" + "가".repeat(200_000) + "\"}"));
        b.add(Body.json("huge numbers", "{\"version\":99999999999999999999999999,\"size\":1e400,\"limit\":-2147483649,\"position\":1.5}"));
        b.add(Body.json("wrong types", "{\"title\":123,\"name\":[],\"email\":{},\"text\":true,\"body\":1.5,\"id\":\"not-a-uuid\","
                + "\"version\":\"x\",\"opensAt\":12,\"closesAt\":\"yesterday\",\"kind\":\"PLANET\",\"role\":[\"ADMIN\"],\"organisationId\":7}"));
        b.add(Body.json("nulls", "{\"title\":null,\"name\":null,\"email\":null,\"password\":null,\"version\":null,\"items\":[null]}"));
        b.add(Body.json("injection", "{\"title\":\"' OR '1'='1\",\"text\":\"<script>alert(1)</script>\",\"email\":\"a@b.example\\r\\nBcc: x@y.example\","
                + "\"name\":\"${jndi:ldap://127.0.0.1/x}\",\"displayName\":\"<img src=x onerror=alert(1)>\",\"path\":\"../../../etc/passwd\","
                + "\"q\":\"*:* OR 1=1\",\"nameKo\":\"'); DROP TABLE account; --\",\"nameEn\":\"%s%s%n\",\"query\":\"{{7*7}}\"}"));
        b.add(Body.json("array for object", "[{\"title\":\"a\"},{\"title\":\"b\"}]"));
        b.add(new Body("invalid UTF-8", new byte[] {'{', '"', 't', '"', ':', '"', (byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28, '"', '}'}, "application/json"));
        b.add(new Body("lone continuation byte", new byte[] {'{', '"', (byte) 0x80, '"', ':', '1', '}'}, "application/json; charset=utf-8"));
        b.add(new Body("declared latin-1", "{\"title\":\"é\"}".getBytes(StandardCharsets.ISO_8859_1), "application/json; charset=iso-8859-1"));
        b.add(new Body("text/plain", "{\"title\":\"a\"}".getBytes(StandardCharsets.UTF_8), "text/plain"));
        b.add(new Body("xml", "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>".getBytes(StandardCharsets.UTF_8), "application/xml"));
        b.add(new Body("form", "title=a&text=b".getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded"));
        b.add(new Body("multipart without boundary", "--x\r\n\r\nabc\r\n--x--".getBytes(StandardCharsets.UTF_8), "multipart/form-data"));
        b.add(new Body("multipart garbage", "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../x.svg\"\r\n\r\n<svg onload=alert(1)>\r\n--b"
                .getBytes(StandardCharsets.UTF_8), "multipart/form-data; boundary=b"));
        b.add(new Body("no content type", "{}".getBytes(StandardCharsets.UTF_8), null));
        b.add(new Body("empty json", new byte[0], "application/json"));
        b.add(new Body("bad media type", "{}".getBytes(StandardCharsets.UTF_8), "application/json; charset=\"; boundary"));
        return b;
    }

    @Test
    void hostileRequestsGetClientErrorsAsProblemJson() throws Exception {
        long seed = Long.getLong("madang.fuzz.seed", new Random().nextLong());
        System.out.println("HostileRequestsIT seed " + seed);
        Random random = new Random(seed);
        List<String> endpoints = new ArrayList<>(RoleMatrix.declaredResourceMethods(Path.of("target", "classes")));
        endpoints.removeIf(e -> e.startsWith("LOCATOR "));
        assertThat(endpoints).hasSizeGreaterThan(50);
        // staff and citizens of the fuzzer's own, so that nothing it happens to change touches other tests' people
        List<Session> callers = List.of(Session.anonymous(), People.citizen().session(), People.staff("ADMIN", null).session());
        List<Body> bodies = bodies();

        List<String[]> plan = new ArrayList<>();
        while (plan.size() < REQUESTS) {
            for (String endpoint : endpoints) {
                String method = endpoint.substring(0, endpoint.indexOf(' '));
                String template = endpoint.substring(endpoint.indexOf(' ') + 1);
                int pathValue = random.nextInt(PATH_VALUES.length);
                int query = random.nextInt(QUERIES.length);
                String path = template.replaceAll("\\{[^}]+}", PATH_VALUES[pathValue]) + QUERIES[query];
                int body = method.equals("GET") || method.equals("HEAD") ? -1 : random.nextInt(bodies.size());
                String what = endpoint + (template.contains("{") ? " path value " + pathValue : "") + " query " + query;
                plan.add(new String[] {method, path, Integer.toString(body), Integer.toString(random.nextInt(callers.size())), what});
            }
        }
        Collections.shuffle(plan, random);

        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int worker = t;
            work.add(pool.submit(() -> {
                for (int i = worker; i < plan.size(); i += 4) {
                    String[] p = plan.get(i);
                    int bodyIndex = Integer.parseInt(p[2]);
                    Body body = bodyIndex < 0 ? null : bodies.get(bodyIndex);
                    Session caller = callers.get(Integer.parseInt(p[3]));
                    String what = p[4] + " as caller " + p[3] + (body == null ? "" : " with " + body.name());
                    try {
                        Reply reply = caller.sendRaw(p[0], p[1], body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body.bytes()),
                                body == null ? null : body.contentType(), Map.of());
                        sent.incrementAndGet();
                        if (reply.status() >= 500) failures.add(reply.status() + " for " + what + ": " + abbreviate(reply.toString()));
                        else if (reply.status() >= 400) {
                            refused.incrementAndGet();
                            if (!reply.isProblem()) failures.add(reply.status() + " " + reply.contentType() + " (not problem+json) for " + what);
                        }
                    } catch (RuntimeException e) {
                        failures.add("no answer for " + what + ": " + e);
                    }
                }
                return null;
            }));
        }
        for (var w : work) w.get();
        pool.shutdown();
        System.out.printf("HostileRequestsIT: %d requests to %d endpoints, %d refused with a 4xx problem, %d failures%n",
                sent.get(), endpoints.size(), refused.get(), failures.size());
        assertThat(sent.get()).isGreaterThanOrEqualTo(REQUESTS);
        failures.stream().limit(40).forEach(f -> System.out.println("  " + f));
        assertThat(failures.size()).as("seed " + seed + "; failures (the first 40 are printed above)").isZero();
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
