package org.madang.platform.openapi;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the operations of JAX-RS resource classes by reflection, following the JAX-RS rules for paths and media types. */
public final class Endpoints {

    private static final List<String> METHOD_ORDER = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    /** A path template variable, with an optional regular expression: {@code {id}} or {@code {id: [0-9]+}}. */
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*(?::\\s*((?:[^{}]|\\{[^{}]*\\})+))?}");
    private static final int MAX_LOCATOR_DEPTH = 5;

    private Endpoints() {
    }

    /** Every operation of the resources, sorted by path and then by HTTP method. */
    public static List<Endpoint> of(ResourceClasses classes) {
        var endpoints = new ArrayList<Endpoint>();
        for (Class<?> resource : classes.resources()) {
            collect(resource, join(classes.applicationPath(), resource.getAnnotation(Path.class).value()), List.of(),
                    resource, endpoints, 0);
        }
        endpoints.sort(Comparator.comparing(Endpoint::path)
                .thenComparing(e -> METHOD_ORDER.contains(e.httpMethod()) ? METHOD_ORDER.indexOf(e.httpMethod()) : 99)
                .thenComparing(Endpoint::operationId));
        return List.copyOf(endpoints);
    }

    private static void collect(Class<?> type, String basePath, List<Endpoint.Param> inherited, Class<?> rootResource,
                                List<Endpoint> into, int depth) {
        var fieldParams = new ArrayList<>(inherited);
        fieldParams.addAll(fieldParameters(type));
        var methods = Arrays.stream(type.getMethods())
                .filter(m -> !m.isBridge() && !m.isSynthetic() && m.getDeclaringClass() != Object.class)
                .sorted(Comparator.comparing(Method::getName).thenComparing(Method::toGenericString))
                .toList();
        for (Method declared : methods) {
            Method annotated = annotatedMethod(declared);
            if (annotated == null) continue;
            String httpMethod = httpMethod(annotated);
            Path subPath = annotated.getAnnotation(Path.class);
            String path = subPath == null ? basePath : join(basePath, subPath.value());
            if (httpMethod == null) {
                // a sub-resource locator: its return type holds more operations below the path
                if (subPath != null && depth < MAX_LOCATOR_DEPTH) {
                    var params = new ArrayList<>(fieldParams);
                    params.addAll(parameters(annotated, path).params());
                    collect(annotated.getReturnType(), path, params, rootResource, into, depth + 1);
                }
                continue;
            }
            var read = parameters(annotated, path);
            var params = new ArrayList<Endpoint.Param>(fieldParams);
            params.addAll(read.params());
            addUndeclaredTemplates(path, params);
            String cleanPath = TEMPLATE.matcher(path).replaceAll(m -> Matcher.quoteReplacement("{" + m.group(1) + "}"));
            into.add(new Endpoint(httpMethod, cleanPath, rootResource, annotated, dedupe(params), read.body(),
                    mediaTypes(annotated.getAnnotation(Consumes.class), type.getAnnotation(Consumes.class)),
                    mediaTypes(annotated.getAnnotation(Produces.class), type.getAnnotation(Produces.class)),
                    access(annotated, type), tag(rootResource)));
        }
    }

    /** The method itself if it carries JAX-RS annotations, else the superclass or interface method it inherits them from. */
    private static Method annotatedMethod(Method method) {
        if (isJaxRs(method)) return method;
        var candidates = new ArrayList<Class<?>>();
        for (Class<?> c = method.getDeclaringClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            candidates.add(c);
            candidates.addAll(Arrays.asList(c.getInterfaces()));
        }
        for (Class<?> candidate : candidates) {
            try {
                Method inherited = candidate.getDeclaredMethod(method.getName(), method.getParameterTypes());
                if (isJaxRs(inherited)) return inherited;
            } catch (NoSuchMethodException absent) {
                // not declared there
            }
        }
        return null;
    }

    private static boolean isJaxRs(Method method) {
        return method.isAnnotationPresent(Path.class) || httpMethod(method) != null;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) return http.value();
        }
        return null;
    }

    private record Read(List<Endpoint.Param> params, Parameter body) {
    }

    private static Read parameters(Method method, String path) {
        var params = new ArrayList<Endpoint.Param>();
        Parameter body = null;
        for (Parameter parameter : method.getParameters()) {
            var param = param(parameter, parameter.getAnnotatedType(), path);
            if (param != null) {
                params.add(param);
            } else if (parameter.isAnnotationPresent(BeanParam.class)) {
                params.addAll(beanParameters(parameter.getType(), path));
            } else if (!parameter.isAnnotationPresent(Context.class) && !parameter.isAnnotationPresent(Suspended.class)
                    && !parameter.isAnnotationPresent(FormParam.class) && !parameter.isAnnotationPresent(MatrixParam.class)) {
                body = parameter;
            }
        }
        return new Read(params, body);
    }

    private static List<Endpoint.Param> fieldParameters(Class<?> type) {
        var params = new ArrayList<Endpoint.Param>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) continue;
                var param = param(field, field.getAnnotatedType(), null);
                if (param != null) params.add(param);
            }
        }
        params.sort(Comparator.comparing(Endpoint.Param::in).thenComparing(Endpoint.Param::name));
        return params;
    }

    private static List<Endpoint.Param> beanParameters(Class<?> type, String path) {
        var params = new ArrayList<Endpoint.Param>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                var param = param(field, field.getAnnotatedType(), path);
                if (param != null) params.add(param);
            }
        }
        return params;
    }

    private static Endpoint.Param param(AnnotatedElement element, AnnotatedType type, String path) {
        String defaultValue = element.isAnnotationPresent(DefaultValue.class) ? element.getAnnotation(DefaultValue.class).value() : null;
        if (element.isAnnotationPresent(PathParam.class)) {
            String name = element.getAnnotation(PathParam.class).value();
            return new Endpoint.Param(name, "path", type, element, defaultValue, templatePattern(path, name));
        }
        if (element.isAnnotationPresent(QueryParam.class)) {
            return new Endpoint.Param(element.getAnnotation(QueryParam.class).value(), "query", type, element, defaultValue, null);
        }
        if (element.isAnnotationPresent(HeaderParam.class)) {
            return new Endpoint.Param(element.getAnnotation(HeaderParam.class).value(), "header", type, element, defaultValue, null);
        }
        if (element.isAnnotationPresent(CookieParam.class)) {
            return new Endpoint.Param(element.getAnnotation(CookieParam.class).value(), "cookie", type, element, defaultValue, null);
        }
        return null;
    }

    private static String templatePattern(String path, String name) {
        if (path == null) return null;
        Matcher m = TEMPLATE.matcher(path);
        while (m.find()) {
            if (m.group(1).equals(name) && m.group(2) != null) return m.group(2).trim();
        }
        return null;
    }

    /** OpenAPI requires every template variable to be described, even one the method does not read. */
    private static void addUndeclaredTemplates(String path, List<Endpoint.Param> params) {
        Matcher m = TEMPLATE.matcher(path);
        while (m.find()) {
            String name = m.group(1);
            if (params.stream().noneMatch(p -> p.in().equals("path") && p.name().equals(name))) {
                params.add(new Endpoint.Param(name, "path", null, null, null, m.group(2) == null ? null : m.group(2).trim()));
            }
        }
    }

    private static List<Endpoint.Param> dedupe(List<Endpoint.Param> params) {
        Map<String, Endpoint.Param> unique = new LinkedHashMap<>();
        params.forEach(p -> unique.putIfAbsent(p.in() + ":" + p.name(), p));
        return List.copyOf(unique.values());
    }

    private static List<String> mediaTypes(Annotation onMethod, Annotation onClass) {
        Annotation chosen = onMethod != null ? onMethod : onClass;
        String[] values;
        if (chosen instanceof Consumes c) values = c.value();
        else if (chosen instanceof Produces p) values = p.value();
        else return List.of(MediaType.APPLICATION_JSON);
        return Arrays.stream(values).flatMap(v -> Arrays.stream(v.split(","))).map(String::trim)
                .filter(v -> !v.isEmpty()).toList();
    }

    /** The same precedence as {@code org.madang.platform.auth.AccessControl}: method before class; nothing means denied. */
    static Endpoint.Access access(Method method, Class<?> type) {
        for (AnnotatedElement element : new AnnotatedElement[] {method, type}) {
            if (element.isAnnotationPresent(DenyAll.class)) return new Endpoint.Access(false, true, List.of());
            if (element.isAnnotationPresent(PermitAll.class)) return new Endpoint.Access(true, false, List.of());
            if (element.isAnnotationPresent(RolesAllowed.class)) {
                return new Endpoint.Access(false, false, List.of(element.getAnnotation(RolesAllowed.class).value()));
            }
        }
        return new Endpoint.Access(false, true, List.of());
    }

    /** The feature package: {@code org.madang.forum.boundary.X} belongs to {@code forum}. */
    static String tag(Class<?> resource) {
        String[] parts = resource.getPackageName().split("\\.");
        return parts.length > 2 ? parts[2] : parts[parts.length - 1];
    }

    /** Joins path segments with single slashes, always starting with one and never ending with one. */
    static String join(String... segments) {
        var joined = new StringBuilder();
        for (String segment : segments) {
            for (String part : splitOutsideBraces(segment)) {
                if (!part.isEmpty()) joined.append('/').append(part);
            }
        }
        return joined.length() == 0 ? "/" : joined.toString();
    }

    /** Splits on slashes, except inside a template's regular expression ({@code {path: .+/.+}}). */
    private static List<String> splitOutsideBraces(String path) {
        var parts = new ArrayList<String>();
        var current = new StringBuilder();
        int depth = 0;
        for (char c : path.toCharArray()) {
            if (c == '{') depth++;
            if (c == '}') depth--;
            if (c == '/' && depth == 0) {
                parts.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString().trim());
        return parts;
    }
}
