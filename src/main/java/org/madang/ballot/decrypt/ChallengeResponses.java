package org.madang.ballot.decrypt;

import java.util.List;
import org.madang.ballot.group.Scalar;

/** A guardian's third message: v_i = u_i − c_i·z_i for its challenges c_i = c·w_i (spec 2.1.0 eq 91–92). */
public record ChallengeResponses(String guardianId, String batchId, List<Scalar> responses) {
    public ChallengeResponses {
        responses = List.copyOf(responses);
    }
}
