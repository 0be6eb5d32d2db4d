package org.madang.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessControlTest {

    static class Unannotated {
        public void plain() { }
        @PermitAll public void open() { }
        @RolesAllowed("AUDITOR") public void audit() { }
        @DenyAll public void closed() { }
    }

    @RolesAllowed({"ADMIN", "ORG_ADMIN"})
    static class AdminsOnly {
        public void inherited() { }
        @PermitAll public void open() { }
        @RolesAllowed("REGISTRAR") public void registrar() { }
        @DenyAll public void closed() { }
    }

    @PermitAll
    static class Open {
        public void inherited() { }
        @RolesAllowed(Role.ANY_SIGNED_IN) public void signedIn() { }
    }

    @DenyAll
    static class Closed {
        public void inherited() { }
        @PermitAll public void open() { }
    }

    private static AccessControl.Rule rule(Class<?> type, String method) throws NoSuchMethodException {
        Method m = type.getMethod(method);
        return AccessControl.rule(m, type);
    }

    @Test
    void withoutAnyAnnotationEveryoneIsRefused() throws Exception {
        assertThat(rule(Unannotated.class, "plain")).isEqualTo(AccessControl.Rule.DENY);
        assertThat(rule(Unannotated.class, "plain").permitAll()).isFalse();
        assertThat(rule(Unannotated.class, "plain").roles()).isEmpty();
    }

    @Test
    void methodAnnotationsWinOverTheClass() throws Exception {
        assertThat(rule(AdminsOnly.class, "open").permitAll()).isTrue();
        assertThat(rule(AdminsOnly.class, "registrar").roles()).containsExactly("REGISTRAR");
        assertThat(rule(AdminsOnly.class, "closed")).isEqualTo(AccessControl.Rule.DENY);
        assertThat(rule(Open.class, "signedIn").roles()).containsExactly(Role.ANY_SIGNED_IN);
        assertThat(rule(Open.class, "signedIn").permitAll()).isFalse();
        assertThat(rule(Closed.class, "open").permitAll()).isTrue();
    }

    @Test
    void theClassAppliesWhereTheMethodSaysNothing() throws Exception {
        assertThat(rule(AdminsOnly.class, "inherited").roles()).isEqualTo(Set.of("ADMIN", "ORG_ADMIN"));
        assertThat(rule(Open.class, "inherited").permitAll()).isTrue();
        assertThat(rule(Closed.class, "inherited")).isEqualTo(AccessControl.Rule.DENY);
    }

    @Test
    void methodLevelRulesOnAnUnannotatedClass() throws Exception {
        assertThat(rule(Unannotated.class, "open").permitAll()).isTrue();
        assertThat(rule(Unannotated.class, "audit").roles()).containsExactly("AUDITOR");
        assertThat(rule(Unannotated.class, "closed")).isEqualTo(AccessControl.Rule.DENY);
    }

    @Test
    void everyResourceMethodOfTheWarHasAnExplicitRule() {
        // the default deny is a safety net, not a way to close an endpoint: say @DenyAll if that is meant
        var resources = org.madang.testing.RoleMatrix.resourceClasses(java.nio.file.Path.of("target", "classes"));
        assertThat(resources).contains(SigningKeysResource.class);
        for (Class<?> type : resources) {
            boolean classRule = type.isAnnotationPresent(PermitAll.class) || type.isAnnotationPresent(RolesAllowed.class)
                    || type.isAnnotationPresent(DenyAll.class);
            for (Method method : type.getMethods()) {
                boolean resourceMethod = java.util.Arrays.stream(method.getAnnotations())
                        .anyMatch(a -> a.annotationType().isAnnotationPresent(jakarta.ws.rs.HttpMethod.class));
                if (!resourceMethod) continue;
                boolean methodRule = method.isAnnotationPresent(PermitAll.class) || method.isAnnotationPresent(RolesAllowed.class)
                        || method.isAnnotationPresent(DenyAll.class);
                assertThat(classRule || methodRule).as(type.getSimpleName() + "." + method.getName() + " has no access rule").isTrue();
            }
        }
    }
}
