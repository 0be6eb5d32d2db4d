package org.madang.ballot.verify;

import java.util.List;

/**
 * The verifier's answer for one record.
 * @param unreadable files (or parts) that could not be read; any makes the status UNREADABLE
 */
public record VerificationReport(String recordDirectory, String groupName, int encryptedBallots, int challengedBallots,
                                 List<StepResult> steps, List<String> unreadable) {

    public enum Status { VERIFIED, NOT_VERIFIED, UNREADABLE }

    public VerificationReport {
        steps = List.copyOf(steps);
        unreadable = List.copyOf(unreadable);
    }

    public Status status() {
        if (!unreadable.isEmpty()) {
            return Status.UNREADABLE;
        }
        // a step with nothing to check (no madang/ files in an egk-ec record) neither confirms nor refutes the record
        return steps.stream().anyMatch(StepResult::failed) ? Status.NOT_VERIFIED : Status.VERIFIED;
    }

    public StepResult step(VerificationStep step) {
        return steps.stream().filter(s -> s.step() == step).findFirst().orElseThrow();
    }
}
