package org.madang.ballot.record;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.madang.ballot.crypto.ElGamalCiphertext;
import org.madang.ballot.group.Element;
import org.madang.ballot.group.Group;
import org.madang.ballot.group.InvalidElementException;
import org.madang.ballot.group.Scalar;
import org.madang.ballot.hash.HashValue;
import org.madang.ballot.json.JsonValue;

/**
 * Typed, strict access to one JSON object of a record. Every error names the file and the JSON
 * path, so an auditor can find the offending value.
 */
public final class JsonFields {

    private final Map<String, JsonValue> members;
    private final String where;

    public JsonFields(JsonValue value, String where) throws RecordFormatException {
        if (!(value instanceof JsonValue.JsonObject o)) {
            throw new RecordFormatException(where + ": expected a JSON object");
        }
        this.members = o.members();
        this.where = where;
    }

    public String where() {
        return where;
    }

    public String at(String name) {
        return where + "." + name;
    }

    public boolean has(String name) {
        JsonValue v = members.get(name);
        return v != null && v != JsonValue.JsonNull.NULL;
    }

    public JsonValue raw(String name) throws RecordFormatException {
        JsonValue v = members.get(name);
        if (v == null) {
            throw new RecordFormatException(at(name) + ": required member is missing");
        }
        return v;
    }

    public String string(String name) throws RecordFormatException {
        if (raw(name) instanceof JsonValue.JsonString s) {
            return s.value();
        }
        throw new RecordFormatException(at(name) + ": expected a string");
    }

    public String optionalString(String name, String fallback) throws RecordFormatException {
        return has(name) ? string(name) : fallback;
    }

    public boolean bool(String name) throws RecordFormatException {
        if (raw(name) instanceof JsonValue.JsonBoolean b) {
            return b.value();
        }
        throw new RecordFormatException(at(name) + ": expected true or false");
    }

    public int integer(String name) throws RecordFormatException {
        return (int) longInRange(name, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    public int nonNegative(String name) throws RecordFormatException {
        return (int) longInRange(name, 0, Integer.MAX_VALUE);
    }

    public long longInRange(String name, long min, long max) throws RecordFormatException {
        if (raw(name) instanceof JsonValue.JsonNumber n) {
            try {
                BigInteger v = n.value().toBigIntegerExact();
                if (v.compareTo(BigInteger.valueOf(min)) >= 0 && v.compareTo(BigInteger.valueOf(max)) <= 0) {
                    return v.longValue();
                }
            } catch (ArithmeticException notAnInteger) {
                // reported below
            }
            throw new RecordFormatException(at(name) + ": expected an integer in [" + min + ", " + max + "]");
        }
        throw new RecordFormatException(at(name) + ": expected a number");
    }

    public JsonFields object(String name) throws RecordFormatException {
        return new JsonFields(raw(name), at(name));
    }

    public List<JsonFields> objects(String name) throws RecordFormatException {
        List<JsonValue> elements = array(name);
        List<JsonFields> out = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            out.add(new JsonFields(elements.get(i), at(name) + "[" + i + "]"));
        }
        return out;
    }

    public List<String> strings(String name) throws RecordFormatException {
        List<String> out = new ArrayList<>();
        for (JsonValue v : array(name)) {
            if (!(v instanceof JsonValue.JsonString s)) {
                throw new RecordFormatException(at(name) + ": expected an array of strings");
            }
            out.add(s.value());
        }
        return out;
    }

    public List<JsonValue> array(String name) throws RecordFormatException {
        if (raw(name) instanceof JsonValue.JsonArray a) {
            return a.elements();
        }
        throw new RecordFormatException(at(name) + ": expected an array");
    }

    public Map<String, String> stringMap(String name) throws RecordFormatException {
        Map<String, String> out = new LinkedHashMap<>();
        if (!has(name)) {
            return out;
        }
        JsonFields o = object(name);
        for (Map.Entry<String, JsonValue> e : o.members.entrySet()) {
            if (!(e.getValue() instanceof JsonValue.JsonString s)) {
                throw new RecordFormatException(o.at(e.getKey()) + ": expected a string");
            }
            out.put(e.getKey(), s.value());
        }
        return out;
    }

    public byte[] base64(String name) throws RecordFormatException {
        String s = string(name);
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new RecordFormatException(at(name) + ": not valid base64");
        }
    }

    public byte[] hex(String name) throws RecordFormatException {
        String s = string(name);
        try {
            return HexFormat.of().parseHex(s);
        } catch (IllegalArgumentException e) {
            throw new RecordFormatException(at(name) + ": not valid hexadecimal");
        }
    }

    public BigInteger hexInteger(String name) throws RecordFormatException {
        String s = string(name);
        if (s.isEmpty() || !s.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new RecordFormatException(at(name) + ": expected a hexadecimal integer");
        }
        return new BigInteger(s, 16);
    }

    public HashValue hash(String name) throws RecordFormatException {
        byte[] b = base64(name);
        if (b.length != HashValue.BYTES) {
            throw new RecordFormatException(at(name) + ": a hash value must be 32 bytes, found " + b.length);
        }
        return HashValue.of(b);
    }

    public Element element(Group group, String name) throws RecordFormatException {
        try {
            return group.decodeElement(base64(name));
        } catch (InvalidElementException e) {
            throw new RecordFormatException(at(name) + ": " + e.getMessage());
        }
    }

    public Scalar scalar(Group group, String name) throws RecordFormatException {
        try {
            return group.decodeScalar(base64(name));
        } catch (InvalidElementException e) {
            throw new RecordFormatException(at(name) + ": " + e.getMessage());
        }
    }

    public ElGamalCiphertext ciphertext(Group group, String name) throws RecordFormatException {
        JsonFields c = object(name);
        return new ElGamalCiphertext(c.element(group, "pad"), c.element(group, "data"));
    }

    /**
     * Refuses members other than {@code names}. Records ignore unknown members (newer writers),
     * but protocol messages are exact: an unexpected member means a client and server disagree.
     */
    public void allowOnly(String... names) throws RecordFormatException {
        java.util.Set<String> allowed = java.util.Set.of(names);
        for (String member : members.keySet()) {
            if (!allowed.contains(member)) {
                throw new RecordFormatException(at(member) + ": unknown member");
            }
        }
    }

    /** The string member {@code name} must equal {@code expected} (a message's type tag). */
    public void expect(String name, String expected) throws RecordFormatException {
        if (!string(name).equals(expected)) {
            throw new RecordFormatException(at(name) + ": expected \"" + expected + "\"");
        }
    }

    /** An array of base64 group elements, each validated by the group. */
    public List<Element> elements(Group group, String name) throws RecordFormatException {
        List<JsonValue> raw = array(name);
        List<Element> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            try {
                out.add(group.decodeElement(base64Item(name, i, raw.get(i))));
            } catch (InvalidElementException e) {
                throw new RecordFormatException(at(name) + "[" + i + "]: " + e.getMessage());
            }
        }
        return out;
    }

    /** An array of base64 scalars, each checked to be below q. */
    public List<Scalar> scalars(Group group, String name) throws RecordFormatException {
        List<JsonValue> raw = array(name);
        List<Scalar> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            try {
                out.add(group.decodeScalar(base64Item(name, i, raw.get(i))));
            } catch (InvalidElementException e) {
                throw new RecordFormatException(at(name) + "[" + i + "]: " + e.getMessage());
            }
        }
        return out;
    }

    /** An array of base64 32-byte hash values. */
    public List<HashValue> hashes(String name) throws RecordFormatException {
        List<JsonValue> raw = array(name);
        List<HashValue> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            byte[] b = base64Item(name, i, raw.get(i));
            if (b.length != HashValue.BYTES) {
                throw new RecordFormatException(at(name) + "[" + i + "]: a hash value must be 32 bytes, found " + b.length);
            }
            out.add(HashValue.of(b));
        }
        return out;
    }

    private byte[] base64Item(String name, int index, JsonValue item) throws RecordFormatException {
        if (!(item instanceof JsonValue.JsonString s)) {
            throw new RecordFormatException(at(name) + "[" + index + "]: expected a base64 string");
        }
        try {
            return Base64.getDecoder().decode(s.value());
        } catch (IllegalArgumentException e) {
            throw new RecordFormatException(at(name) + "[" + index + "]: not valid base64");
        }
    }

}
