package org.madang.ballot.json;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parsed JSON value. The tree is immutable; objects keep their members' order. */
public sealed interface JsonValue
        permits JsonValue.JsonObject, JsonValue.JsonArray, JsonValue.JsonString,
                JsonValue.JsonNumber, JsonValue.JsonBoolean, JsonValue.JsonNull {

    /** JSON object; member names are unique (the parser rejects duplicates). */
    record JsonObject(Map<String, JsonValue> members) implements JsonValue {
        public JsonObject {
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }
    }

    record JsonArray(List<JsonValue> elements) implements JsonValue {
        public JsonArray {
            elements = List.copyOf(elements);
        }
    }

    record JsonString(String value) implements JsonValue {
    }

    /** Numbers keep their exact decimal value; the record model decides which ranges are legal. */
    record JsonNumber(BigDecimal value) implements JsonValue {
    }

    record JsonBoolean(boolean value) implements JsonValue {
    }

    enum JsonNull implements JsonValue { NULL }

    static JsonString of(String s) {
        return new JsonString(s);
    }

    static JsonNumber of(long n) {
        return new JsonNumber(BigDecimal.valueOf(n));
    }

    static JsonBoolean of(boolean b) {
        return new JsonBoolean(b);
    }
}
