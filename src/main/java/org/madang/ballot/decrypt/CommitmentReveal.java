package org.madang.ballot.decrypt;

import java.util.List;
import org.madang.ballot.group.Element;

/** A guardian's second message: the proof commitments (a_i, b_i) = (g^(u_i), A^(u_i)) behind its hashes d_i (eq 87). */
public record CommitmentReveal(String guardianId, String batchId, List<Element> a, List<Element> b) {
    public CommitmentReveal {
        a = List.copyOf(a);
        b = List.copyOf(b);
    }
}
