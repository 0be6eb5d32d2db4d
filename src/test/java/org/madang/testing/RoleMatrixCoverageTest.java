package org.madang.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every JAX-RS resource method in the WAR has a row in some role matrix, and every row still names one: a new
 * endpoint without a row fails the build before any server starts.
 */
class RoleMatrixCoverageTest {

    private static final Path CLASSES = Path.of("target", "classes");
    private static final Path TEST_CLASSES = Path.of("target", "test-classes");

    @Test
    void everyResourceMethodHasARowAndEveryRowAResourceMethod() {
        var declared = RoleMatrix.declaredResourceMethods(CLASSES);
        assertThat(declared).as("resource methods found in " + CLASSES.toAbsolutePath()).isNotEmpty()
                .contains("GET /api/me", "POST /api/admin/users/{id}/roles");
        var rows = new TreeSet<String>();
        var tables = RoleMatrix.tables(TEST_CLASSES);
        assertThat(tables).isNotEmpty();
        for (var table : tables) {
            assertThat(RoleMatrix.malformedRows(table)).as(table.getClass().getName()).isEmpty();
            table.endpoints().forEach(e -> assertThat(rows.add(e.key())).as(e.key() + " is in two tables").isTrue());
        }
        var missing = new TreeSet<>(declared);
        missing.removeAll(rows);
        assertThat(missing).as("resource methods without a row in a RoleMatrix.Table (add them to your feature's table)").isEmpty();
        var stale = new TreeSet<>(rows);
        stale.removeAll(declared);
        assertThat(stale).as("matrix rows naming no resource method").isEmpty();
    }

    @Test
    void pathTemplatesAreNormalisedAsJaxRsMatchesThem() {
        assertThat(RoleMatrix.normalise("/api//admin/users/{id : [0-9a-f-]+}/roles/")).isEqualTo("/api/admin/users/{id}/roles");
        assertThat(RoleMatrix.normalise("/api/" + "/" + "/")).isEqualTo("/api");
    }
}
