package org.madang.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.madang.testing.Api.Session;

/**
 * Who may call what: a table of endpoints, each with a request that is valid for it and what each {@link Who} must
 * get back — "allowed" (anything but 401/403, and no server error), or an exact status. Whoever is not allowed gets
 * 401 when signed out and 403 when signed in, always as problem+json.
 *
 * <p>Each feature writes one {@link Table} (a class with a no-argument constructor anywhere under src/test/java) and
 * an IT that runs it with {@link #tests}. {@code RoleMatrixCoverageTest} finds every table and fails the build when
 * a JAX-RS resource method of the WAR has no row, or a row names a method that no longer exists.
 */
public final class RoleMatrix {

    private RoleMatrix() {
    }

    /** A feature's rows. Building the rows must not call the server: requests are made lazily, per call. */
    public interface Table {
        List<Endpoint> endpoints();
    }

    /** One concrete request: a path with its parameters filled in, a JSON body or none, extra headers. */
    public record Call(String path, String body, Map<String, String> headers) {
        public static Call of(String path) {
            return new Call(path, null, Map.of());
        }

        public static Call of(String path, String body) {
            return new Call(path, body, Map.of());
        }

        public Call withHeader(String name, String value) {
            var all = new LinkedHashMap<>(headers);
            all.put(name, value);
            return new Call(path, body, all);
        }
    }

    /** What one caller must get: {@link #ALLOWED}, or an exact status. */
    public record Expect(int status) {
        public static final Expect ALLOWED = new Expect(0);

        public boolean allowed() {
            return status == 0;
        }

        @Override
        public String toString() {
            return allowed() ? "allowed" : Integer.toString(status);
        }
    }

    /** A row: method and path template exactly as JAX-RS declares them (under /api), the request, the expectations. */
    public static final class Endpoint {
        private final String method;
        private final String template;
        private Function<Who, Call> call;
        private final Map<Who, Expect> expected = new EnumMap<>(Who.class);

        private Endpoint(String method, String template) {
            this.method = method;
            this.template = template;
            this.call = who -> Call.of(template);
        }

        public static Endpoint of(String method, String template) {
            return new Endpoint(method, template);
        }

        /** The same path for everyone, with a JSON body made anew for each call. */
        public Endpoint body(Supplier<String> body) {
            this.call = who -> Call.of(template, body.get());
            return this;
        }

        /** The request each caller makes (fill in path parameters, make the objects it acts on). */
        public Endpoint call(Function<Who, Call> call) {
            this.call = call;
            return this;
        }

        /** Everyone, signed in or not. */
        public Endpoint permitAll() {
            return allow(Who.values());
        }

        /** Anyone signed in. */
        public Endpoint signedIn() {
            return allow(Who.SIGNED_IN.toArray(Who[]::new));
        }

        /** These may; every other signed-in caller gets 403, a signed-out caller 401. */
        public Endpoint allow(Who... allowed) {
            for (Who who : Who.values()) {
                expected.put(who, who == Who.ANONYMOUS ? new Expect(401) : new Expect(403));
            }
            for (Who who : allowed) expected.put(who, Expect.ALLOWED);
            return this;
        }

        /** An exact status for these callers (after {@link #allow} and friends). */
        public Endpoint expect(int status, Who... who) {
            for (Who w : who) expected.put(w, new Expect(status));
            return this;
        }

        public Endpoint expect(int status, Set<Who> who) {
            return expect(status, who.toArray(Who[]::new));
        }

        public String method() { return method; }
        public String template() { return template; }
        public String key() { return method + " " + template; }

        public Expect expected(Who who) {
            var expect = expected.get(who);
            if (expect == null) throw new IllegalStateException(key() + " says nothing about who may call it");
            return expect;
        }

        boolean declared() {
            return expected.size() == Who.values().length;
        }
    }

    /** Every row, called by every {@link Who} with their own session. */
    public static Stream<DynamicNode> tests(Table table) {
        return table.endpoints().stream().map(endpoint -> DynamicContainer.dynamicContainer(endpoint.key(),
                Arrays.stream(Who.values()).map(who -> DynamicTest.dynamicTest(who.name() + " → " + endpoint.expected(who),
                        () -> check(endpoint, who, RoleSessions.session(who), who)))));
    }

    /**
     * Every row called by someone else who must be treated exactly as {@code as}: e.g. an administrator signed in
     * without the second factor must get what a citizen gets.
     */
    public static Stream<DynamicNode> testsAs(Table table, Who as, Supplier<Session> session) {
        return table.endpoints().stream().map(endpoint -> DynamicTest.dynamicTest(endpoint.key() + " as " + as + " → " + endpoint.expected(as),
                () -> check(endpoint, as, session.get(), as)));
    }

    private static void check(Endpoint endpoint, Who who, Session session, Who expectedAs) {
        var call = endpoint.call.apply(expectedAs);
        var headers = new java.util.HashMap<>(call.headers());
        String contentType = headers.remove("Content-Type");
        if (contentType == null && call.body() != null) contentType = "application/json";
        var reply = session.send(endpoint.method(), call.path(), call.body(), contentType, headers);
        var expect = endpoint.expected(expectedAs);
        String what = who + " " + endpoint.method() + " " + call.path() + " → " + reply;
        if (expect.allowed()) {
            assertThat(reply.status()).as(what).isNotIn(401, 403).isLessThan(500);
        } else {
            assertThat(reply.status()).as(what).isEqualTo(expect.status());
        }
        if (reply.status() >= 400) {
            assertThat(reply.isProblem()).as("problem+json: " + what).isTrue();
            assertThat(reply.json().getInt("status")).as(what).isEqualTo(reply.status());
        }
        if (reply.status() == 401) assertThat(reply.json().getString("type")).as(what).endsWith("/unauthenticated");
        if (reply.status() == 403) assertThat(reply.json().getString("type")).as(what).endsWith("/forbidden");
    }

    // ---- what the WAR declares ----------------------------------------------------------------------------------

    /** "METHOD /api/path/{param}" for every JAX-RS resource method under org.madang in the compiled classes. */
    public static Set<String> declaredResourceMethods(Path classes) {
        var loaded = load(classes);
        String applicationPath = loaded.stream().filter(c -> c.isAnnotationPresent(ApplicationPath.class))
                .map(c -> c.getAnnotation(ApplicationPath.class).value()).findFirst().orElse("/");
        var found = new TreeSet<String>();
        for (Class<?> type : loaded) {
            var classPath = type.getAnnotation(jakarta.ws.rs.Path.class);
            if (classPath == null || type.isInterface() || Modifier.isAbstract(type.getModifiers())) continue;
            for (Method method : type.getMethods()) {
                if (method.getDeclaringClass() == Object.class) continue;
                String httpMethod = httpMethod(method);
                var methodPath = method.getAnnotation(jakarta.ws.rs.Path.class);
                if (httpMethod == null && methodPath == null) continue;
                String path = normalise(applicationPath + "/" + classPath.value() + "/" + (methodPath == null ? "" : methodPath.value()));
                // a sub-resource locator's methods cannot be listed statically: the matrix wants them as plain resources
                found.add((httpMethod == null ? "LOCATOR" : httpMethod) + " " + path);
            }
        }
        return found;
    }

    /** The root resource classes (with {@code @Path}) among the compiled classes. */
    public static List<Class<?>> resourceClasses(Path classes) {
        return load(classes).stream().filter(c -> c.isAnnotationPresent(jakarta.ws.rs.Path.class) && !c.isInterface()
                && !Modifier.isAbstract(c.getModifiers())).toList();
    }

    /** Every {@link Table} among the compiled test classes. */
    public static List<Table> tables(Path testClasses) {
        var tables = new ArrayList<Table>();
        for (Class<?> type : load(testClasses)) {
            if (Table.class.isAssignableFrom(type) && !type.isInterface() && !Modifier.isAbstract(type.getModifiers())) {
                try {
                    var constructor = type.getDeclaredConstructor();
                    constructor.setAccessible(true);
                    tables.add((Table) constructor.newInstance());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(type + " needs a constructor without arguments", e);
                }
            }
        }
        return tables;
    }

    /** Checks a table is well formed: each row says who may call it, and no row is there twice. */
    public static List<String> malformedRows(Table table) {
        var problems = new ArrayList<String>();
        var seen = new TreeSet<String>();
        for (var endpoint : table.endpoints()) {
            if (!endpoint.declared()) problems.add(endpoint.key() + ": no allow/permitAll/signedIn");
            if (!seen.add(endpoint.key())) problems.add(endpoint.key() + ": twice");
        }
        return problems;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            var http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) return http.value();
        }
        return null;
    }

    static String normalise(String path) {
        String joined = ("/" + path).replaceAll("/+", "/");
        joined = joined.replaceAll("\\{\\s*([\\w.-]+)\\s*:[^}]*}", "{$1}");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static List<Class<?>> load(Path root) {
        var loader = Thread.currentThread().getContextClassLoader();
        try (var files = Files.walk(root)) {
            var names = files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .filter(n -> n.startsWith("org/madang/") && !n.endsWith("module-info.class") && !n.endsWith("package-info.class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .sorted().toList();
            var classes = new ArrayList<Class<?>>();
            for (String name : names) {
                try {
                    classes.add(Class.forName(name, false, loader));
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new IllegalStateException("Could not load " + name + " to look for resources", e);
                }
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
