package org.madang.forum;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.madang.testing.RoleMatrix;

/** Who may call what in the forums and in moderation. */
class ForumRoleMatrixIT {

    @TestFactory
    Stream<DynamicNode> forumMatrix() {
        return RoleMatrix.tests(new ForumEndpoints());
    }
}
