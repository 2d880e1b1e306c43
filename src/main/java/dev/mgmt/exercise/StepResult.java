package dev.mgmt.exercise;

import java.time.Duration;
import java.util.List;

/**
 * What happened to one step.
 *
 * @param name     the step's name
 * @param phase    "step" or "finally"
 * @param outcome  passed, failed or skipped
 * @param method   the method sent
 * @param path     the path sent (variables expanded), or as written when skipped before expansion
 * @param status   the HTTP status, or 0 when none came back
 * @param elapsed  how long the exchange took; null when nothing was sent
 * @param failures why it failed, one line each
 * @param report   the decoded error and its troubleshooting checklist as printed (plain text), or ""
 * @param exitCode the exit code this failure stands for (0 when passed or skipped)
 */
public record StepResult(String name, String phase, Outcome outcome, String method, String path, int status,
                         Duration elapsed, List<String> failures, String report, int exitCode) {

    /** How a step ended. */
    public enum Outcome { PASSED, FAILED, SKIPPED }

    public StepResult {
        failures = List.copyOf(failures);
    }

    static StepResult skipped(String name, String phase, String method, String path, String why) {
        return new StepResult(name, phase, Outcome.SKIPPED, method, path, 0, null, List.of(why), "", 0);
    }
}
