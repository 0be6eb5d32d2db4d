package org.madang.election;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.madang.testing.RoleMatrix;

/** Who may call which election endpoint. */
class ElectionRoleMatrixIT {

    @TestFactory
    Stream<DynamicNode> electionMatrix() {
        return RoleMatrix.tests(new ElectionEndpoints());
    }
}
