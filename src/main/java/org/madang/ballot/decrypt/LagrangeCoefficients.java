package org.madang.ballot.decrypt;

import java.util.Collection;
import org.madang.ballot.group.Group;
import org.madang.ballot.group.Scalar;

/** w_i = Π_(ℓ ∈ U \ {i}) ℓ / (ℓ − i) mod q for the set U of available guardians (spec 2.1.0 eq 85). */
public final class LagrangeCoefficients {

    private LagrangeCoefficients() {
    }

    public static Scalar of(Group group, int x, Collection<Integer> available) {
        Scalar numerator = group.scalar(1);
        Scalar denominator = group.scalar(1);
        for (int l : available) {
            if (l != x) {
                numerator = numerator.multiply(group.scalar(l));
                denominator = denominator.multiply(group.scalar(l - x));
            }
        }
        return numerator.multiply(denominator.inverse());
    }
}
