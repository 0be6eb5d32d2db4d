package org.madang.disclosure;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.madang.testing.RoleMatrix;

/** Who may call which publication-catalogue endpoint. */
class PublicationRoleMatrixIT {

    @TestFactory
    Stream<DynamicNode> publicationMatrix() {
        return RoleMatrix.tests(new PublicationEndpoints());
    }
}
