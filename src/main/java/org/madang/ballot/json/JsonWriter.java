package org.madang.ballot.json;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/** Writes a {@link JsonValue} as pretty-printed UTF-8 JSON (4-space indent, like egk-ec's records). */
public final class JsonWriter {

    private JsonWriter() {
    }

    public static String write(JsonValue value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb, 0);
        return sb.toString();
    }

    public static byte[] writeUtf8(JsonValue value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }

    private static void write(JsonValue value, StringBuilder sb, int indent) {
        if (value instanceof JsonValue.JsonObject o) {
            writeObject(o.members(), sb, indent);
        } else if (value instanceof JsonValue.JsonArray a) {
            if (a.elements().isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append("[\n");
            Iterator<JsonValue> it = a.elements().iterator();
            while (it.hasNext()) {
                indent(sb, indent + 1);
                write(it.next(), sb, indent + 1);
                sb.append(it.hasNext() ? ",\n" : "\n");
            }
            indent(sb, indent);
            sb.append(']');
        } else if (value instanceof JsonValue.JsonString s) {
            quote(s.value(), sb);
        } else if (value instanceof JsonValue.JsonNumber n) {
            sb.append(n.value().toString());
        } else if (value instanceof JsonValue.JsonBoolean b) {
            sb.append(b.value());
        } else {
            sb.append("null");
        }
    }

    private static void writeObject(Map<String, JsonValue> members, StringBuilder sb, int indent) {
        if (members.isEmpty()) {
            sb.append("{}");
            return;
        }
        sb.append("{\n");
        Iterator<Map.Entry<String, JsonValue>> it = members.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonValue> e = it.next();
            indent(sb, indent + 1);
            quote(e.getKey(), sb);
            sb.append(": ");
            write(e.getValue(), sb, indent + 1);
            sb.append(it.hasNext() ? ",\n" : "\n");
        }
        indent(sb, indent);
        sb.append('}');
    }

    private static void indent(StringBuilder sb, int level) {
        sb.append("    ".repeat(level));
    }

    private static void quote(String s, StringBuilder sb) {
        sb.append('"');
        int plain = 0;
        while (plain < s.length() && needsNoEscape(s.charAt(plain))) plain++;
        // records are mostly hex and identifiers: copy the run that needs no escaping in one go
        sb.append(s, 0, plain);
        for (int i = plain; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static boolean needsNoEscape(char c) {
        return c >= 0x20 && c != '"' && c != '\\';
    }
}
