package org.madang.ballot.crypto;

import org.madang.ballot.group.Scalar;

/** One (c, v) pair of a Chaum–Pedersen proof, as the record stores it. */
public record ChallengeResponse(Scalar challenge, Scalar response) {
}
