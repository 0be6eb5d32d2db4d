package org.madang.ballot.record;

/** What the voter did with an encrypted ballot. Only CAST ballots are tallied. */
public enum BallotState {
    CAST,
    SPOILED,
    CHALLENGED,
    UNKNOWN
}
