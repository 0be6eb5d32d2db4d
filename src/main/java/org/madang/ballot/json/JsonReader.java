package org.madang.ballot.json;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict RFC 8259 JSON parser. Records come from untrusted servers, so it refuses anything
 * lenient parsers accept (comments, trailing commas, duplicate member names, invalid UTF-8,
 * lone surrogates) and enforces limits on input size, nesting depth and string length.
 */
public final class JsonReader {

    /** Limits on what one document may contain. */
    public record Limits(int maxBytes, int maxDepth, int maxStringLength, int maxNumberLength) {
        /** Generous for election records (a 4096-bit ballot is a few hundred kB). */
        public static final Limits RECORD = new Limits(64 * 1024 * 1024, 64, 16 * 1024 * 1024, 400);
    }

    private final String text;
    private final Limits limits;
    private int pos;
    private int depth;

    private JsonReader(String text, Limits limits) {
        this.text = text;
        this.limits = limits;
    }

    public static JsonValue parse(byte[] utf8, Limits limits) throws JsonException {
        if (utf8.length > limits.maxBytes()) {
            throw new JsonException("document of " + utf8.length + " bytes exceeds the limit of " + limits.maxBytes());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new JsonException("document is not valid UTF-8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte-order mark is tolerated by RFC 8259 parsers
        }
        return parse(text, limits);
    }

    public static JsonValue parse(String text, Limits limits) throws JsonException {
        if (text.length() > limits.maxBytes()) {
            throw new JsonException("document exceeds the size limit of " + limits.maxBytes());
        }
        JsonReader reader = new JsonReader(text, limits);
        reader.skipWhitespace();
        JsonValue value = reader.readValue();
        reader.skipWhitespace();
        if (reader.pos != text.length()) {
            throw reader.error("unexpected text after the JSON value");
        }
        return value;
    }

    public static JsonValue parse(String text) throws JsonException {
        return parse(text, Limits.RECORD);
    }

    private JsonValue readValue() throws JsonException {
        if (pos >= text.length()) {
            throw error("unexpected end of input");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> readObject();
            case '[' -> readArray();
            case '"' -> new JsonValue.JsonString(readString());
            case 't' -> literal("true", JsonValue.of(true));
            case 'f' -> literal("false", JsonValue.of(false));
            case 'n' -> literal("null", JsonValue.JsonNull.NULL);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield readNumber();
                }
                throw error("unexpected character '" + printable(c) + "'");
            }
        };
    }

    private JsonValue literal(String word, JsonValue value) throws JsonException {
        if (!text.startsWith(word, pos)) {
            throw error("invalid literal");
        }
        pos += word.length();
        return value;
    }

    private JsonValue readObject() throws JsonException {
        enter();
        pos++; // '{'
        Map<String, JsonValue> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            depth--;
            return new JsonValue.JsonObject(members);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a member name");
            }
            String name = readString();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            JsonValue value = readValue();
            if (members.putIfAbsent(name, value) != null) {
                throw error("duplicate member name \"" + name + "\"");
            }
            skipWhitespace();
            char c = next();
            if (c == '}') {
                break;
            }
            if (c != ',') {
                throw error("expected ',' or '}'");
            }
        }
        depth--;
        return new JsonValue.JsonObject(members);
    }

    private JsonValue readArray() throws JsonException {
        enter();
        pos++; // '['
        List<JsonValue> elements = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            depth--;
            return new JsonValue.JsonArray(elements);
        }
        while (true) {
            skipWhitespace();
            elements.add(readValue());
            skipWhitespace();
            char c = next();
            if (c == ']') {
                break;
            }
            if (c != ',') {
                throw error("expected ',' or ']'");
            }
        }
        depth--;
        return new JsonValue.JsonArray(elements);
    }

    private void enter() throws JsonException {
        if (++depth > limits.maxDepth()) {
            throw error("nesting deeper than " + limits.maxDepth());
        }
    }

    private String readString() throws JsonException {
        pos++; // opening quote
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                break;
            }
            if (c < 0x20) {
                throw error("control character in string");
            }
            if (c == '\\') {
                char e = next();
                switch (e) {
                    case '"' -> sb.append('"');
                    case '\\' -> sb.append('\\');
                    case '/' -> sb.append('/');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> sb.append(readHex4());
                    default -> throw error("invalid escape '\\" + printable(e) + "'");
                }
            } else {
                sb.append(c);
            }
            if (sb.length() > limits.maxStringLength()) {
                throw error("string longer than " + limits.maxStringLength());
            }
        }
        String s = sb.toString();
        checkSurrogates(s);
        return s;
    }

    private char readHex4() throws JsonException {
        if (pos + 4 > text.length()) {
            throw error("truncated \\u escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.charAt(pos++), 16);
            if (d < 0) {
                throw error("invalid \\u escape");
            }
            v = (v << 4) | d;
        }
        return (char) v;
    }

    private void checkSurrogates(String s) throws JsonException {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    throw error("lone surrogate in string");
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                throw error("lone surrogate in string");
            }
        }
    }

    private JsonValue readNumber() throws JsonException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            while (isDigit(peek())) {
                pos++;
            }
        } else {
            throw error("invalid number");
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw error("invalid number");
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("invalid number");
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        if (pos - start > limits.maxNumberLength()) {
            throw error("number longer than " + limits.maxNumberLength() + " characters");
        }
        try {
            return new JsonValue.JsonNumber(new BigDecimal(text.substring(start, pos)));
        } catch (NumberFormatException e) {
            throw error("invalid number"); // e.g. an exponent out of BigDecimal's range
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private char next() throws JsonException {
        if (pos >= text.length()) {
            throw error("unexpected end of input");
        }
        return text.charAt(pos++);
    }

    private void expect(char c) throws JsonException {
        if (next() != c) {
            pos--;
            throw error("expected '" + c + "'");
        }
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private JsonException error(String message) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(pos, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new JsonException(message + " at line " + line + ", column " + column);
    }

    private static String printable(char c) {
        return c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }
}
