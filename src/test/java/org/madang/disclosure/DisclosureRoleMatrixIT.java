package org.madang.disclosure;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.madang.testing.RoleMatrix;

/** Who may call which disclosure and holiday endpoint. */
class DisclosureRoleMatrixIT {

    @TestFactory
    Stream<DynamicNode> disclosureMatrix() {
        return RoleMatrix.tests(new DisclosureEndpoints());
    }
}
