package org.madang.poll;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.madang.testing.RoleMatrix;

/** Who may call which poll endpoint. */
class PollRoleMatrixIT {

    @TestFactory
    Stream<DynamicNode> pollMatrix() {
        return RoleMatrix.tests(new PollEndpoints());
    }
}
