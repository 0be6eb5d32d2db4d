package org.madang.ballot;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.madang.ballot.json.JsonException;
import org.madang.ballot.json.JsonReader;
import org.madang.ballot.json.JsonValue;
import org.madang.ballot.json.JsonWriter;

/**
 * The public ElectionGuard 2.1 reference records (written by egk-ec), read from ../shared beside
 * the repository and never copied into it. Missing records fail the build on CI and skip elsewhere.
 */
public final class ReferenceRecords {

    public static final Path ROOT = Path.of("..", "shared", "reference", "electionguard-2.1");

    private ReferenceRecords() {
    }

    /** The P-256 record. */
    public static Path ellipticCurve() {
        return require("allAvailableEc");
    }

    /** The 4096-bit integer group record. */
    public static Path integerGroup() {
        return require("allAvailable");
    }

    private static Path require(String name) {
        Path dir = ROOT.resolve(name);
        if (!Files.isDirectory(dir)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("reference record missing: " + dir.toAbsolutePath());
            }
            assumeTrue(false, "reference record not present: " + dir.toAbsolutePath());
        }
        return dir;
    }

    /** A writable copy of a record in {@code target}, for tamper tests. */
    public static Path copy(Path record, Path target) {
        try (Stream<Path> files = Files.walk(record)) {
            for (Path source : files.toList()) {
                Path dest = target.resolve(record.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(dest);
                } else if (!source.toString().contains("private_data")) {
                    Files.copy(source, dest);
                    dest.toFile().setWritable(true);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonValue read(Path file) {
        try {
            return JsonReader.parse(Files.readAllBytes(file), JsonReader.Limits.RECORD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JsonException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rewrites one JSON file, replacing the value at {@code path} (member names and array indices). */
    public static void edit(Path file, List<Object> path, UnaryOperator<JsonValue> change) {
        JsonValue edited = Json.replace(read(file), path, 0, change);
        try {
            Files.write(file, JsonWriter.writeUtf8(edited));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value at {@code path}. */
    public static JsonValue get(Path file, List<Object> path) {
        JsonValue v = read(file);
        for (Object step : path) {
            v = step instanceof Integer i ? ((JsonValue.JsonArray) v).elements().get(i)
                    : ((JsonValue.JsonObject) v).members().get((String) step);
        }
        return v;
    }

    static final class Json {
        static JsonValue replace(JsonValue v, List<Object> path, int at, UnaryOperator<JsonValue> change) {
            if (at == path.size()) {
                return change.apply(v);
            }
            Object step = path.get(at);
            if (step instanceof Integer i) {
                List<JsonValue> elements = new java.util.ArrayList<>(((JsonValue.JsonArray) v).elements());
                elements.set(i, replace(elements.get(i), path, at + 1, change));
                return new JsonValue.JsonArray(elements);
            }
            java.util.Map<String, JsonValue> members = new java.util.LinkedHashMap<>(((JsonValue.JsonObject) v).members());
            members.put((String) step, replace(members.get((String) step), path, at + 1, change));
            return new JsonValue.JsonObject(members);
        }
    }
}
