package org.madang.ballot.crypto;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.madang.ballot.group.Element;
import org.madang.ballot.group.Group;

/**
 * Recovers t from T = base^t for 0 ≤ t ≤ bound by Shanks' baby-step giant-step (spec 2.1.0,
 * footnote 12): a table of base^j for j < m = ⌈√(bound+1)⌉, then at most m giant steps of
 * base^(−m). A tally of ten million costs about 3,200 + 3,200 group operations instead of ten
 * million. Immutable after construction, safe to share between threads.
 */
public final class DiscreteLog {

    private final Element base;
    private final int bound;
    private final int babySteps;
    private final Map<Element, Integer> table;
    private final Element giantStep;

    public DiscreteLog(Element base, int bound) {
        if (bound < 0) {
            throw new IllegalArgumentException("bound must not be negative");
        }
        this.base = base;
        this.bound = bound;
        this.babySteps = (int) Math.ceil(Math.sqrt(bound + 1.0));
        Group group = base.group();
        this.table = new HashMap<>(babySteps * 2);
        Element power = group.identity();
        for (int j = 0; j < babySteps; j++) {
            table.putIfAbsent(power, j);
            power = power.multiply(base);
        }
        // power is now base^m
        this.giantStep = power.inverse();
    }

    public Element base() {
        return base;
    }

    public int bound() {
        return bound;
    }

    /** t with base^t = value and 0 ≤ t ≤ bound, or empty when there is none. */
    public OptionalInt log(Element value) {
        Element gamma = value;
        for (int i = 0; i <= babySteps; i++) {
            Integer j = table.get(gamma);
            if (j != null) {
                long t = (long) i * babySteps + j;
                return t <= bound ? OptionalInt.of((int) t) : OptionalInt.empty();
            }
            gamma = gamma.multiply(giantStep);
        }
        return OptionalInt.empty();
    }

    /** The cost of one {@link #log} call is at most this many group multiplications (for tests and benchmarks). */
    public int maxGiantSteps() {
        return babySteps + 1;
    }

}
