package org.madang.ballot.group;

import java.util.ArrayList;
import java.util.List;

/** A {@link PublicBatch} that computes each product on its own. */
final class SimplePublicBatch implements PublicBatch {

    private final Group group;
    private final List<FixedBase> fixed = new ArrayList<>();
    private final List<Scalar> xs = new ArrayList<>();
    private final List<Element> variables = new ArrayList<>();
    private final List<Scalar> ys = new ArrayList<>();

    SimplePublicBatch(Group group) {
        this.group = group;
    }

    @Override
    public int add(FixedBase fixedBase, Scalar x, Element variable, Scalar y) {
        fixed.add(fixedBase);
        xs.add(x);
        variables.add(variable);
        ys.add(y);
        return fixed.size() - 1;
    }

    @Override
    public List<Element> compute() {
        List<Element> out = new ArrayList<>(fixed.size());
        for (int i = 0; i < fixed.size(); i++) {
            out.add(group.publicPow(fixed.get(i), xs.get(i)).multiply(group.publicPow(variables.get(i), ys.get(i))));
        }
        return out;
    }
}
