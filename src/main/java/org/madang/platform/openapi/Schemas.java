package org.madang.platform.openapi;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * JSON Schemas of Java types as JSON-B writes and reads them, with the Bean Validation constraints on them. A schema is
 * a plain map with the OpenAPI 3.0 keywords ({@code type}, {@code format}, {@code properties}, {@code required},
 * {@code maxLength}, {@code $ref}, …); records and other classes become named components, referenced by
 * {@code $ref: "#/components/schemas/Name"}.
 */
public final class Schemas {

    public static final String REF_PREFIX = "#/components/schemas/";

    private final Map<String, Map<String, Object>> components = new TreeMap<>();
    private final Map<Class<?>, String> names = new HashMap<>();

    /** The named schemas met so far, by name. */
    public Map<String, Map<String, Object>> components() {
        return components;
    }

    /** The schema of a declared element (parameter, field) with its type and its constraints. */
    public Map<String, Object> of(AnnotatedType type, AnnotatedElement declaration) {
        var constraints = constraints(declaration, type);
        var schema = new LinkedHashMap<>(schema(type, constraints));
        applySchemaAnnotation(schema, constraints);
        return schema;
    }

    public Map<String, Object> of(Type type) {
        return schema(type, Map.of());
    }

    /** Resolves a {@code $ref} to its component; any other schema is returned as it is. */
    public Map<String, Object> resolve(Map<String, Object> schema) {
        Object ref = schema.get("$ref");
        if (ref instanceof String r && r.startsWith(REF_PREFIX)) {
            return components.getOrDefault(r.substring(REF_PREFIX.length()), Map.of());
        }
        return schema;
    }

    private Map<String, Object> schema(AnnotatedType annotated, Map<Class<?>, Annotation> constraints) {
        if (annotated instanceof AnnotatedParameterizedType parameterized) {
            Class<?> raw = raw(parameterized.getType());
            AnnotatedType[] arguments = parameterized.getAnnotatedActualTypeArguments();
            if (Optional.class.equals(raw)) {
                return schema(arguments[0], merge(constraints, constraints(null, arguments[0])));
            }
            if (Collection.class.isAssignableFrom(raw)) {
                return array(schema(arguments[0], constraints(null, arguments[0])), Set.class.isAssignableFrom(raw), constraints);
            }
            if (Map.class.isAssignableFrom(raw)) {
                var map = object();
                map.put("additionalProperties", schema(arguments[1], constraints(null, arguments[1])));
                applyConstraints(map, constraints);
                return map;
            }
        }
        if (annotated instanceof AnnotatedArrayType array && !byte[].class.equals(array.getType())) {
            var component = array.getAnnotatedGenericComponentType();
            return array(schema(component, constraints(null, component)), false, constraints);
        }
        return schema(annotated.getType(), constraints);
    }

    private Map<String, Object> schema(Type type, Map<Class<?>, Annotation> constraints) {
        if (type instanceof WildcardType wildcard) {
            return schema(wildcard.getUpperBounds()[0], constraints);
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = raw(parameterized);
            Type[] arguments = parameterized.getActualTypeArguments();
            if (Optional.class.equals(raw)) return schema(arguments[0], constraints);
            if (Collection.class.isAssignableFrom(raw)) {
                return array(schema(arguments[0], Map.of()), Set.class.isAssignableFrom(raw), constraints);
            }
            if (Map.class.isAssignableFrom(raw)) {
                var map = object();
                map.put("additionalProperties", schema(arguments[1], Map.of()));
                return map;
            }
            return schema(raw, constraints);
        }
        if (!(type instanceof Class<?> c)) {
            return object(); // a type variable: anything
        }
        var schema = new LinkedHashMap<String, Object>();
        if (c == String.class || c == char.class || c == Character.class || CharSequence.class.isAssignableFrom(c)) {
            schema.put("type", "string");
        } else if (c == boolean.class || c == Boolean.class) {
            schema.put("type", "boolean");
        } else if (c == int.class || c == Integer.class || c == short.class || c == Short.class || c == byte.class || c == Byte.class) {
            schema.put("type", "integer");
            schema.put("format", "int32");
        } else if (c == long.class || c == Long.class) {
            schema.put("type", "integer");
            schema.put("format", "int64");
        } else if (c == BigInteger.class) {
            schema.put("type", "integer");
        } else if (c == float.class || c == Float.class) {
            schema.put("type", "number");
            schema.put("format", "float");
        } else if (c == double.class || c == Double.class) {
            schema.put("type", "number");
            schema.put("format", "double");
        } else if (c == BigDecimal.class || Number.class.isAssignableFrom(c)) {
            schema.put("type", "number");
        } else if (c == UUID.class) {
            format(schema, "uuid");
        } else if (c == Instant.class || c == OffsetDateTime.class || c == ZonedDateTime.class || c == LocalDateTime.class
                || c == java.util.Date.class) {
            format(schema, "date-time");
        } else if (c == LocalDate.class) {
            format(schema, "date");
        } else if (c == LocalTime.class) {
            format(schema, "time");
        } else if (c == Duration.class) {
            format(schema, "duration");
        } else if (c == URI.class || c == URL.class) {
            format(schema, "uri");
        } else if (c == byte[].class) {
            format(schema, "byte");
        } else if (c.isEnum()) {
            schema.put("type", "string");
            schema.put("enum", Arrays.stream(c.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList());
        } else if (c.isArray()) {
            return array(schema(c.getComponentType(), Map.of()), false, constraints);
        } else if (Collection.class.isAssignableFrom(c)) {
            return array(object(), false, constraints);
        } else if (Map.class.isAssignableFrom(c) || c == Object.class || JsonValue.class.isAssignableFrom(c)) {
            schema.put("type", "object");
        } else if (c.getName().startsWith("java.") || c.getName().startsWith("jakarta.")) {
            schema.put("type", "object");
        } else {
            return reference(c);
        }
        applyConstraints(schema, constraints);
        return schema;
    }

    private static void format(Map<String, Object> schema, String format) {
        schema.put("type", "string");
        schema.put("format", format);
    }

    private static LinkedHashMap<String, Object> object() {
        var schema = new LinkedHashMap<String, Object>();
        schema.put("type", "object");
        return schema;
    }

    private static Map<String, Object> array(Map<String, Object> items, boolean unique, Map<Class<?>, Annotation> constraints) {
        var schema = new LinkedHashMap<String, Object>();
        schema.put("type", "array");
        schema.put("items", items);
        if (unique) schema.put("uniqueItems", true);
        applyConstraints(schema, constraints);
        return schema;
    }

    /** A named component for a record or bean, built once; a type that refers to itself gets a reference, not a loop. */
    private Map<String, Object> reference(Class<?> type) {
        String name = names.get(type);
        if (name == null) {
            name = componentName(type);
            names.put(type, name);
            var schema = object();
            components.put(name, schema); // placeholder first, for self-references
            var properties = new LinkedHashMap<String, Object>();
            var required = new ArrayList<String>();
            for (var property : properties(type)) {
                var constraints = constraints(property.declaration(), property.type());
                property.accessor().ifPresent(a -> constraints.putAll(constraints(a, null)));
                var propertySchema = new LinkedHashMap<>(schema(property.type(), constraints));
                applySchemaAnnotation(propertySchema, constraints);
                properties.put(property.name(), propertySchema);
                if (isRequired(constraints)) required.add(property.name());
            }
            schema.put("properties", properties);
            if (!required.isEmpty()) schema.put("required", required);
            var own = type.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
            if (own != null && !own.description().isEmpty()) schema.put("description", own.description());
        }
        var ref = new LinkedHashMap<String, Object>();
        ref.put("$ref", REF_PREFIX + name);
        return ref;
    }

    /** {@code AccountsResource.SignUp} for a nested type; the full name if that is already taken by another type. */
    private String componentName(Class<?> type) {
        var own = type.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        String name = own != null && !own.name().isEmpty() ? own.name() : null;
        if (name == null) {
            name = type.getSimpleName();
            for (Class<?> outer = type.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
                name = outer.getSimpleName() + "." + name;
            }
        }
        if (components.containsKey(name)) name = type.getName().replace('$', '.');
        return name;
    }

    private record Property(String name, AnnotatedType type, AnnotatedElement declaration, Optional<Method> accessor) {
    }

    /** A record's components in declaration order; a bean's public getters in name order. */
    private static List<Property> properties(Class<?> type) {
        var properties = new ArrayList<Property>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                AnnotatedElement declaration;
                try {
                    declaration = type.getDeclaredField(component.getName());
                } catch (NoSuchFieldException impossible) {
                    declaration = component;
                }
                if (declaration.isAnnotationPresent(JsonbTransient.class) || component.getAccessor().isAnnotationPresent(JsonbTransient.class)) continue;
                properties.add(new Property(jsonName(component.getName(), declaration, component.getAccessor()),
                        component.getAnnotatedType(), declaration, Optional.of(component.getAccessor())));
            }
            return properties;
        }
        var getters = Arrays.stream(type.getMethods())
                .filter(m -> m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() != Object.class)
                .filter(m -> m.getName().startsWith("get") && m.getName().length() > 3
                        || m.getName().startsWith("is") && m.getName().length() > 2 && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class))
                .filter(m -> !m.isAnnotationPresent(JsonbTransient.class))
                .sorted(Comparator.comparing(Method::getName))
                .toList();
        for (Method getter : getters) {
            String bare = getter.getName().substring(getter.getName().startsWith("is") ? 2 : 3);
            String name = Character.toLowerCase(bare.charAt(0)) + bare.substring(1);
            properties.add(new Property(jsonName(name, getter, getter), getter.getAnnotatedReturnType(), getter, Optional.empty()));
        }
        return properties;
    }

    private static String jsonName(String name, AnnotatedElement... elements) {
        for (AnnotatedElement element : elements) {
            var property = element.getAnnotation(JsonbProperty.class);
            if (property != null && !property.value().isEmpty()) return property.value();
        }
        return name;
    }

    static boolean isRequired(Map<Class<?>, Annotation> constraints) {
        return constraints.containsKey(NotNull.class) || constraints.containsKey(NotBlank.class) || constraints.containsKey(NotEmpty.class);
    }

    /** The annotations that shape a schema, from the declaration and from the type use, by annotation type. */
    static Map<Class<?>, Annotation> constraints(AnnotatedElement declaration, AnnotatedType type) {
        var found = new LinkedHashMap<Class<?>, Annotation>();
        if (declaration != null) {
            for (Annotation a : declaration.getAnnotations()) found.put(a.annotationType(), a);
        }
        if (type != null) {
            for (Annotation a : type.getAnnotations()) found.putIfAbsent(a.annotationType(), a);
        }
        return found;
    }

    private static Map<Class<?>, Annotation> merge(Map<Class<?>, Annotation> a, Map<Class<?>, Annotation> b) {
        var merged = new LinkedHashMap<>(a);
        b.forEach(merged::putIfAbsent);
        return merged;
    }

    private static void applyConstraints(Map<String, Object> schema, Map<Class<?>, Annotation> constraints) {
        if (constraints.isEmpty()) return;
        Object type = schema.get("type");
        boolean string = "string".equals(type);
        boolean array = "array".equals(type);
        boolean object = "object".equals(type);
        if (string && constraints.containsKey(NotBlank.class)) schema.put("minLength", 1);
        if (constraints.get(NotEmpty.class) != null) {
            if (string) schema.put("minLength", 1);
            if (array) schema.put("minItems", 1);
            if (object) schema.put("minProperties", 1);
        }
        if (constraints.get(Size.class) instanceof Size size) {
            String min = string ? "minLength" : array ? "minItems" : "minProperties";
            String max = string ? "maxLength" : array ? "maxItems" : "maxProperties";
            if (size.min() > 0) schema.put(min, size.min());
            if (size.max() < Integer.MAX_VALUE) schema.put(max, size.max());
        }
        if (constraints.get(jakarta.validation.constraints.Pattern.class) instanceof jakarta.validation.constraints.Pattern pattern) {
            schema.put("pattern", pattern.regexp());
        }
        if (string && constraints.containsKey(Email.class) && !schema.containsKey("format")) schema.put("format", "email");
        if (constraints.get(Min.class) instanceof Min min) schema.put("minimum", min.value());
        if (constraints.get(Max.class) instanceof Max max) schema.put("maximum", max.value());
        if (constraints.get(DecimalMin.class) instanceof DecimalMin min) schema.put("minimum", new BigDecimal(min.value()));
        if (constraints.get(DecimalMax.class) instanceof DecimalMax max) schema.put("maximum", new BigDecimal(max.value()));
        if (constraints.containsKey(PositiveOrZero.class)) schema.put("minimum", 0);
        if (constraints.containsKey(Positive.class)) {
            schema.put("minimum", 0);
            schema.put("exclusiveMinimum", true);
        }
        if (constraints.containsKey(NegativeOrZero.class)) schema.put("maximum", 0);
        if (constraints.containsKey(Negative.class)) {
            schema.put("maximum", 0);
            schema.put("exclusiveMaximum", true);
        }
    }

    /** An explicit MicroProfile OpenAPI {@code @Schema(description, example, …)} wins over what reflection found. */
    static void applySchemaAnnotation(Map<String, Object> schema, Map<Class<?>, Annotation> annotations) {
        if (!(annotations.get(org.eclipse.microprofile.openapi.annotations.media.Schema.class)
                instanceof org.eclipse.microprofile.openapi.annotations.media.Schema explicit)) return;
        if (schema.containsKey("$ref")) return; // OpenAPI 3.0 ignores the siblings of a reference
        if (!explicit.description().isEmpty()) schema.put("description", explicit.description());
        if (!explicit.example().isEmpty()) schema.put("example", Examples.typed(explicit.example(), schema));
        if (!explicit.format().isEmpty()) schema.put("format", explicit.format());
        if (!explicit.pattern().isEmpty()) schema.put("pattern", explicit.pattern());
        if (!explicit.defaultValue().isEmpty()) schema.put("default", Examples.typed(explicit.defaultValue(), schema));
        if (explicit.enumeration().length > 0) schema.put("enum", List.of(explicit.enumeration()));
        if (explicit.maxLength() != Integer.MAX_VALUE) schema.put("maxLength", explicit.maxLength());
        if (explicit.minLength() > 0) schema.put("minLength", explicit.minLength());
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) return c;
        if (type instanceof ParameterizedType p) return raw(p.getRawType());
        return Object.class;
    }
}
