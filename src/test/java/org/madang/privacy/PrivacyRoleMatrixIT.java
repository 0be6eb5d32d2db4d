package org.madang.privacy;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.madang.testing.RoleMatrix;

/** Who may call which privacy endpoint. */
class PrivacyRoleMatrixIT {

    @TestFactory
    Stream<DynamicNode> privacyMatrix() {
        return RoleMatrix.tests(new PrivacyEndpoints());
    }
}
