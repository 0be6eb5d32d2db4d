package org.madang.verifier.trustee;

import java.util.List;
import org.madang.ballot.json.JsonValue;

/** Lenient reading of the API's camelCase JSON for display and navigation; protocol messages are read strictly elsewhere. */
final class Json {

    private Json() {
    }

    static JsonValue member(JsonValue v, String name) {
        return v instanceof JsonValue.JsonObject o ? o.members().get(name) : null;
    }

    static String string(JsonValue v, String name) {
        return member(v, name) instanceof JsonValue.JsonString s ? s.value() : null;
    }

    /** The member as text, whatever its type ("-" when absent). */
    static String text(JsonValue v, String name) {
        JsonValue m = member(v, name);
        if (m instanceof JsonValue.JsonString s) {
            return s.value();
        }
        if (m instanceof JsonValue.JsonNumber n) {
            return n.value().toPlainString();
        }
        if (m instanceof JsonValue.JsonBoolean b) {
            return String.valueOf(b.value());
        }
        return "-";
    }

    static List<JsonValue> array(JsonValue v, String name) {
        return member(v, name) instanceof JsonValue.JsonArray a ? a.elements() : List.of();
    }

    static String requireString(JsonValue v, String name, String where) throws ProtocolException {
        String s = string(v, name);
        if (s == null) {
            throw new ProtocolException(where + ": the server's answer has no " + name);
        }
        return s;
    }

    static int requireInt(JsonValue v, String name, String where) throws ProtocolException {
        if (member(v, name) instanceof JsonValue.JsonNumber n) {
            try {
                return n.value().intValueExact();
            } catch (ArithmeticException e) {
                // reported below
            }
        }
        throw new ProtocolException(where + ": the server's answer has no integer " + name);
    }
}
