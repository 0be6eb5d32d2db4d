package org.madang.ballot.verify;

/**
 * One failed check.
 * @param objectId what failed, e.g. "ballot id-37/contest1/selection2" or "guardian2"
 * @param check the spec's sub-check label, e.g. "5.D"
 */
public record Problem(VerificationStep step, String objectId, String check, String message) {

    @Override
    public String toString() {
        return check + " " + objectId + ": " + message;
    }
}
