package org.madang.platform.openapi;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.util.List;

/**
 * One HTTP operation of the API, as reflection finds it on a resource method.
 *
 * @param path     the full path from the server root, e.g. {@code /api/admin/users/{id}/roles}
 * @param body     the entity parameter, or null when the method reads no body
 * @param tag      the feature the resource belongs to ({@code platform}, {@code forum}, …)
 */
public record Endpoint(String httpMethod, String path, Class<?> resource, Method method, List<Param> parameters,
                       java.lang.reflect.Parameter body, List<String> consumes, List<String> produces, Access access,
                       String tag) {

    /** A path, query, header or cookie parameter. {@code element} carries its Bean Validation annotations. */
    public record Param(String name, String in, AnnotatedType type, AnnotatedElement element, String defaultValue,
                        String pattern) {
        public boolean required() {
            return "path".equals(in) || element != null && element.isAnnotationPresent(jakarta.validation.constraints.NotNull.class);
        }
    }

    /** Who may call: everyone, nobody, or the holders of the roles ({@code **}: anyone signed in). */
    public record Access(boolean permitAll, boolean denyAll, List<String> roles) {
        public boolean secured() {
            return !permitAll;
        }
    }

    public String operationId() {
        return resource.getSimpleName() + "." + method.getName();
    }

    public boolean changesState() {
        return !List.of("GET", "HEAD", "OPTIONS").contains(httpMethod);
    }
}
