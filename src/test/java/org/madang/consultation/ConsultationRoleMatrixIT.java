package org.madang.consultation;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.madang.testing.RoleMatrix;

/** Who may call which consultation endpoint; an official of another ministry is tested in ConsultationLifecycleIT. */
class ConsultationRoleMatrixIT {

    @TestFactory
    Stream<DynamicNode> consultationMatrix() {
        return RoleMatrix.tests(new ConsultationEndpoints());
    }
}
