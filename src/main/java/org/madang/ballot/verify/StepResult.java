package org.madang.ballot.verify;

import java.util.List;

/**
 * Outcome of one step.
 * @param applicable false when the record has nothing for the step to check (Madang's extension steps on a record
 *                   without {@code madang/}, such as egk-ec's); such a step neither passes nor fails the record
 * @param checked how many objects the step examined (guardians, ballots, selections ...)
 * @param ran false when an earlier failure made the step impossible
 */
public record StepResult(VerificationStep step, boolean applicable, boolean ran, int checked, List<Problem> problems) {

    public StepResult {
        problems = List.copyOf(problems);
        if (!applicable && (checked != 0 || !problems.isEmpty())) {
            throw new IllegalArgumentException("a step that does not apply cannot have checked anything");
        }
    }

    public StepResult(VerificationStep step, boolean ran, int checked, List<Problem> problems) {
        this(step, true, ran, checked, problems);
    }

    public static StepResult notApplicable(VerificationStep step) {
        return new StepResult(step, false, false, 0, List.of());
    }

    public boolean passed() {
        return applicable && ran && problems.isEmpty();
    }

    /** Whether this step keeps the record from verifying: it applies and did not pass (failed, or could not run). */
    public boolean failed() {
        return applicable && !passed();
    }
}
