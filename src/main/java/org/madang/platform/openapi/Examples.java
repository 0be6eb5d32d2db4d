package org.madang.platform.openapi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Realistic example values for schemas: an e-mail address for an e-mail field, a UUID for a UUID, a Korean name for a
 * display name, always within the schema's enum, pattern, length and range. Deterministic: the same schema always
 * gives the same example.
 */
public final class Examples {

    static final String UUID_EXAMPLE = "3f2b8c1e-6d4a-4f0b-9a7e-5c1d2e3f4a5b";
    private static final int MAX_DEPTH = 12;
    private static final Pattern LITERAL_ALTERNATIVES = Pattern.compile("\\^?\\(?([\\w-]+(?:\\|[\\w-]+)*)\\)?\\$?");
    private static final Pattern DIGITS = Pattern.compile("\\^?(?:\\\\d|\\[0-9])\\{(\\d+)}\\$?");

    /** Property-name fragments (lower case) and their examples, most specific first. */
    private static final List<Map.Entry<String, String>> BY_NAME = List.of(
            Map.entry("email", "minji.kim@example.kr"),
            Map.entry("password", "correct horse battery staple"),
            Map.entry("totp", "123456"),
            Map.entry("code", "123456"),
            Map.entry("refreshtoken", "rT9xKq2LmV7pZs4WbN8cYd3F"),
            Map.entry("accesstoken", "eyJhbGciOiJFUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiIzZjJiOGMxZSJ9.c2lnbmF0dXJl"),
            Map.entry("csrf", "q7Wm2Zp9Xr4Tn6Ys"),
            Map.entry("token", "hJ3kX9vQ2mZ7wP4tR8sL1nB6"),
            Map.entry("tokentype", "Bearer"),
            Map.entry("secret", "JBSWY3DPEHPK3PXP"),
            Map.entry("otpauth", "otpauth://totp/Madang:minji.kim@example.kr?secret=JBSWY3DPEHPK3PXP&issuer=Madang"),
            Map.entry("locale", "ko"),
            Map.entry("language", "ko"),
            Map.entry("displayname", "김민지"),
            Map.entry("nameko", "행정안전부"),
            Map.entry("nameen", "Ministry of the Interior and Safety"),
            Map.entry("titleko", "주민참여예산 공개 토론"),
            Map.entry("titleen", "Open debate on the participatory budget"),
            Map.entry("title", "주민참여예산 공개 토론"),
            Map.entry("name", "김민지"),
            Map.entry("district", "서울특별시 종로구"),
            Map.entry("address", "서울특별시 종로구 세종대로 209"),
            Map.entry("phone", "010-1234-5678"),
            Map.entry("url", "https://madang.example/consultations/42"),
            Map.entry("uri", "https://madang.example/consultations/42"),
            Map.entry("link", "https://madang.example/consultations/42"),
            Map.entry("hash", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15ea3bf4f1b2b0b"),
            Map.entry("kid", "k-2025-03-01"),
            Map.entry("cursor", "2025-03-01T09:00:00Z"),
            Map.entry("actor", "minji.kim@example.kr"),
            Map.entry("action", "account.created"),
            Map.entry("target", "account:3f2b8c1e-6d4a-4f0b-9a7e-5c1d2e3f4a5b"),
            Map.entry("subject", "마당 이메일 주소 확인"),
            Map.entry("status", "SENT"),
            Map.entry("role", "CITIZEN"),
            Map.entry("level", "REGISTERED"),
            Map.entry("kind", "MINISTRY"),
            Map.entry("body", "정책에 대한 의견을 남깁니다.\n\n*Markdown* 을 쓸 수 있습니다."),
            Map.entry("text", "정책에 대한 의견을 남깁니다."),
            Map.entry("content", "정책에 대한 의견을 남깁니다."),
            Map.entry("comment", "정책에 대한 의견을 남깁니다."),
            Map.entry("detail", "공개 토론 기간이 연장되었습니다."),
            Map.entry("reason", "개인정보가 포함되어 있습니다."),
            Map.entry("description", "주민이 직접 예산 우선순위를 정합니다."),
            Map.entry("q", "김민지"),
            Map.entry("query", "김민지"));

    private Examples() {
    }

    /** An example for a request or response body, resolving component references through {@code schemas}. */
    public static Object of(Map<String, Object> schema, Schemas schemas) {
        Object example = of(schema, schemas, "", 0, new java.util.HashSet<>());
        return example == null ? Map.of() : example;
    }

    /** An example for a named value (a parameter or a property). */
    public static Object of(Map<String, Object> schema, Schemas schemas, String name) {
        Object example = of(schema, schemas, name, 0, new java.util.HashSet<>());
        return example == null ? Map.of() : example;
    }

    /** Null for a reference back to a schema being expanded (a recursive structure), which the caller leaves out. */
    private static Object of(Map<String, Object> schema, Schemas schemas, String name, int depth, java.util.Set<Object> expanding) {
        if (schema.containsKey("example")) return schema.get("example");
        if (schema.containsKey("$ref")) {
            Object ref = schema.get("$ref");
            if (depth >= MAX_DEPTH || !expanding.add(ref)) return null;
            try {
                return of(schemas.resolve(schema), schemas, name, depth + 1, expanding);
            } finally {
                expanding.remove(ref);
            }
        }
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            String hinted = byName(name);
            return hinted != null && values.contains(hinted) ? hinted : values.get(0);
        }
        if (schema.containsKey("default")) return schema.get("default");
        String type = String.valueOf(schema.get("type"));
        switch (type) {
            case "string":
                return string(schema, name);
            case "integer":
                return integer(schema, name);
            case "number":
                return number(schema);
            case "boolean":
                return Boolean.TRUE;
            case "array": {
                @SuppressWarnings("unchecked")
                var items = (Map<String, Object>) schema.getOrDefault("items", Map.of());
                int count = Math.max(1, ((Number) schema.getOrDefault("minItems", 1)).intValue());
                var list = new ArrayList<Object>();
                Object item = depth >= MAX_DEPTH ? null : of(items, schemas, singular(name), depth + 1, expanding);
                if (item != null) for (int i = 0; i < count; i++) list.add(item);
                return list;
            }
            default: {
                var example = new LinkedHashMap<String, Object>();
                if (depth >= MAX_DEPTH) return example;
                if (schema.get("properties") instanceof Map<?, ?> properties) {
                    properties.forEach((key, property) -> {
                        @SuppressWarnings("unchecked")
                        var propertySchema = (Map<String, Object>) property;
                        Object value = of(propertySchema, schemas, (String) key, depth + 1, expanding);
                        if (value != null) example.put((String) key, value);
                    });
                } else if (schema.get("additionalProperties") instanceof Map<?, ?> values) {
                    @SuppressWarnings("unchecked")
                    var valueSchema = (Map<String, Object>) values;
                    Object value = of(valueSchema, schemas, "", depth + 1, expanding);
                    if (value != null) example.put("key", value);
                }
                return example;
            }
        }
    }

    private static String string(Map<String, Object> schema, String name) {
        String format = (String) schema.get("format");
        String value;
        if ("email".equals(format)) value = "minji.kim@example.kr";
        else if ("uuid".equals(format)) value = UUID_EXAMPLE;
        else if ("date-time".equals(format)) value = "2025-03-01T09:00:00Z";
        else if ("date".equals(format)) value = "2025-03-01";
        else if ("time".equals(format)) value = "09:00:00";
        else if ("duration".equals(format)) value = "PT30M";
        else if ("uri".equals(format)) value = "https://madang.example/consultations/42";
        else if ("byte".equals(format)) value = "bWFkYW5n";
        else value = null;
        String pattern = (String) schema.get("pattern");
        if (value == null && pattern != null) value = fromPattern(pattern);
        if (value == null) value = byName(name);
        if (value == null) value = "마당";
        if (pattern != null && !matches(pattern, value)) {
            for (String fallback : new String[] {byName(name), "마당", "madang", "example", "123456", "ko", "A1"}) {
                if (fallback != null && matches(pattern, fallback)) {
                    value = fallback;
                    break;
                }
            }
        }
        int min = ((Number) schema.getOrDefault("minLength", 0)).intValue();
        int max = ((Number) schema.getOrDefault("maxLength", Integer.MAX_VALUE)).intValue();
        if (value.length() > max) value = value.substring(0, max);
        if (value.length() < min) value = value + "x".repeat(min - value.length());
        return value;
    }

    /** The first of literal alternatives ({@code ko|en}), or n digits for {@code \d{n}}; null for other patterns. */
    private static String fromPattern(String pattern) {
        var alternatives = LITERAL_ALTERNATIVES.matcher(pattern);
        if (alternatives.matches()) return alternatives.group(1).split("\\|")[0];
        var digits = DIGITS.matcher(pattern);
        if (digits.matches()) {
            int n = Integer.parseInt(digits.group(1));
            var value = new StringBuilder();
            for (int i = 0; i < n; i++) value.append((i + 1) % 10);
            return value.toString();
        }
        return null;
    }

    private static boolean matches(String pattern, String value) {
        try {
            return Pattern.compile(pattern).matcher(value).matches();
        } catch (PatternSyntaxException e) {
            return true;
        }
    }

    private static String byName(String name) {
        if (name == null || name.isEmpty()) return null;
        String key = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        for (var entry : BY_NAME) {
            if (key.equals(entry.getKey())) return entry.getValue();
        }
        for (var entry : BY_NAME) {
            if (entry.getKey().length() > 2 && key.contains(entry.getKey())) return entry.getValue();
        }
        return null;
    }

    private static String singular(String name) {
        if (name == null) return "";
        if (name.endsWith("ies")) return name.substring(0, name.length() - 3) + "y";
        if (name.endsWith("s")) return name.substring(0, name.length() - 1);
        return name;
    }

    private static Object integer(Map<String, Object> schema, String name) {
        String key = name == null ? "" : name.toLowerCase(Locale.ROOT);
        long value = key.contains("limit") ? 20 : key.contains("version") ? 0 : key.contains("expires") ? 900 : 1;
        value = clamp(value, schema);
        return "int64".equals(schema.get("format")) ? (Object) value : (Object) (int) value;
    }

    private static long clamp(long value, Map<String, Object> schema) {
        if (schema.get("minimum") instanceof Number min) {
            long lowest = Boolean.TRUE.equals(schema.get("exclusiveMinimum")) ? min.longValue() + 1 : min.longValue();
            value = Math.max(value, lowest);
        }
        if (schema.get("maximum") instanceof Number max) {
            long highest = Boolean.TRUE.equals(schema.get("exclusiveMaximum")) ? max.longValue() - 1 : max.longValue();
            value = Math.min(value, highest);
        }
        return value;
    }

    private static Object number(Map<String, Object> schema) {
        BigDecimal value = new BigDecimal("1.5");
        if (schema.get("minimum") instanceof Number min && value.compareTo(new BigDecimal(min.toString())) < 0) {
            value = new BigDecimal(min.toString()).add(BigDecimal.ONE);
        }
        if (schema.get("maximum") instanceof Number max && value.compareTo(new BigDecimal(max.toString())) > 0) {
            value = new BigDecimal(max.toString());
        }
        return value;
    }

    /** An example written as text in an annotation, as the JSON type of its schema. */
    static Object typed(String text, Map<String, Object> schema) {
        Object type = schema.get("type");
        try {
            if ("integer".equals(type)) return Long.parseLong(text.trim());
            if ("number".equals(type)) return new BigDecimal(text.trim());
        } catch (NumberFormatException notANumber) {
            return text;
        }
        if ("boolean".equals(type)) return Boolean.parseBoolean(text.trim());
        return text;
    }
}
