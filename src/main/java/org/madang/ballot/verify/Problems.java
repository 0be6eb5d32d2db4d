package org.madang.ballot.verify;

import java.util.ArrayList;
import java.util.List;

/** Collects problems; one per unit of work (a ballot, the tally), merged afterwards. Not thread-safe. */
public final class Problems {

    private final List<Problem> list = new ArrayList<>();

    void add(VerificationStep step, String objectId, String check, String message) {
        list.add(new Problem(step, objectId, check, message));
    }

    void addAll(Problems other) {
        list.addAll(other.list);
    }

    public List<Problem> list() {
        return list;
    }
}
