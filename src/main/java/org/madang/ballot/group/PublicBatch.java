package org.madang.ballot.group;

import java.util.List;

/**
 * Many products fixed^x · variable^y computed together, for PUBLIC exponents only (variable
 * time): a range proof's commitments g^v·α^c and K^w·β^c, where each α and β recurs in several
 * terms. A group may share precomputation between terms with the same variable base and
 * normalise all results at once. Not thread-safe; one batch per verification task.
 */
public interface PublicBatch {

    /** Queues fixed^x · variable^y; returns its index in {@link #compute()}'s result. */
    int add(FixedBase fixed, Scalar x, Element variable, Scalar y);

    /** The queued products, in the order they were added. */
    List<Element> compute();
}
