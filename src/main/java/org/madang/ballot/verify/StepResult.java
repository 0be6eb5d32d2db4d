package org.madang.ballot.verify;

import java.util.List;

/**
 * Outcome of one step.
 * @param checked how many objects the step examined (guardians, ballots, selections ...)
 * @param ran false when an earlier failure made the step impossible
 */
public record StepResult(VerificationStep step, boolean ran, int checked, List<Problem> problems) {

    public StepResult {
        problems = List.copyOf(problems);
    }

    public boolean passed() {
        return ran && problems.isEmpty();
    }
}
