package org.madang.platform.auth;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Set;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;

/**
 * Enforces {@code @RolesAllowed} / {@code @PermitAll} / {@code @DenyAll} on every resource method: 401 when nobody
 * is signed in, 403 when the signed-in caller lacks the role. A method without any of them is refused to everyone,
 * so a forgotten annotation fails closed.
 */
@Provider
public class AccessControl implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        context.register(new Check(rule(resource.getResourceMethod(), resource.getResourceClass())));
    }

    static Rule rule(Method method, Class<?> resourceClass) {
        if (method.isAnnotationPresent(DenyAll.class)) return Rule.DENY;
        if (method.isAnnotationPresent(PermitAll.class)) return Rule.PERMIT;
        if (method.isAnnotationPresent(RolesAllowed.class)) return Rule.roles(method.getAnnotation(RolesAllowed.class));
        if (resourceClass.isAnnotationPresent(DenyAll.class)) return Rule.DENY;
        if (resourceClass.isAnnotationPresent(PermitAll.class)) return Rule.PERMIT;
        if (resourceClass.isAnnotationPresent(RolesAllowed.class)) return Rule.roles(resourceClass.getAnnotation(RolesAllowed.class));
        return Rule.DENY;
    }

    record Rule(boolean permitAll, Set<String> roles) {
        static final Rule DENY = new Rule(false, Set.of());
        static final Rule PERMIT = new Rule(true, Set.of());

        static Rule roles(RolesAllowed allowed) {
            return new Rule(false, Set.of(allowed.value()));
        }
    }

    @Priority(Priorities.AUTHORIZATION)
    record Check(Rule rule) implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            if (rule.permitAll()) return;
            var security = request.getSecurityContext();
            if (security.getUserPrincipal() == null) {
                throw new ProblemException(ProblemType.UNAUTHENTICATED, "http.unauthenticated");
            }
            if (rule.roles().stream().noneMatch(security::isUserInRole)) {
                throw ProblemException.forbidden();
            }
        }
    }
}
