package org.madang.ballot.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonReaderTest {

    @Test
    void parsesAndWritesBackTheSameTree() throws Exception {
        String text = "{\"a\": [1, -2.5e3, true, false, null, \"x\\u00e9\\n\\\"\"], \"b\": {}, \"c\": []}";
        JsonValue v = JsonReader.parse(text);
        assertThat(JsonReader.parse(JsonWriter.write(v))).isEqualTo(v);
        assertThat(((JsonValue.JsonObject) v).members()).containsKeys("a", "b", "c");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain-0123abcdef", "\"starts quoted", "ends with a backslash\\", "mid\nline\ttab",
        "\u0001control first", "한국어 \"인용\" 끝"})
    void writesEveryStringBackExactly(String text) throws Exception {
        String written = JsonWriter.write(JsonValue.of(text));
        assertThat(JsonReader.parse(written)).isEqualTo(JsonValue.of(text));
        assertThat(written).doesNotContainPattern("[\\x00-\\x1f]");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"a\": 1,}", "[1,]", "{\"a\": 1, \"a\": 2}", "// c\n{}", "{a: 1}", "'x'", "01", "1.", "-", "[1] 2",
        "\"\\ud800\"", "\"tab\there\"", "{\"a\" 1}", "nul", "[", "\"\\x\"", "NaN", ""
    })
    void rejectsWhatStrictJsonForbids(String text) {
        assertThatThrownBy(() -> JsonReader.parse(text)).isInstanceOf(JsonException.class);
    }

    @Test
    void enforcesDepthAndSizeLimits() {
        JsonReader.Limits small = new JsonReader.Limits(100, 3, 10, 20);
        assertThatThrownBy(() -> JsonReader.parse("[[[[1]]]]", small)).hasMessageContaining("nesting");
        assertThatThrownBy(() -> JsonReader.parse("\"" + "x".repeat(11) + "\"", small)).hasMessageContaining("string");
        assertThatThrownBy(() -> JsonReader.parse("[" + "1,".repeat(60) + "1]", small)).hasMessageContaining("size");
        assertThatThrownBy(() -> JsonReader.parse("1" + "0".repeat(30), small)).hasMessageContaining("number");
        assertThatThrownBy(() -> JsonReader.parse("[".repeat(100_000), JsonReader.Limits.RECORD)).hasMessageContaining("nesting");
    }

    @Test
    void rejectsInvalidUtf8() {
        byte[] bad = {'"', (byte) 0xC3, (byte) 0x28, '"'};
        assertThatThrownBy(() -> JsonReader.parse(bad, JsonReader.Limits.RECORD)).hasMessageContaining("UTF-8");
        assertThat(assertDoesNotThrow("\"한국어\"".getBytes(StandardCharsets.UTF_8))).isEqualTo(JsonValue.of("한국어"));
    }

    private static JsonValue assertDoesNotThrow(byte[] b) {
        try {
            return JsonReader.parse(b, JsonReader.Limits.RECORD);
        } catch (JsonException e) {
            throw new AssertionError(e);
        }
    }
}
