package dev.mgmt.errors;

import java.time.Duration;
import java.util.List;

/**
 * How a request fared across the retry loop, for the final error report.
 *
 * @param count         attempts made (1 when nothing was retried)
 * @param elapsed       time from the first attempt to giving up; null when not measured
 * @param notes         why retrying stopped, what a retry revealed (shown under the headline)
 * @param verifyCommand when the request may or may not have been applied: the mgmt command that
 *                      shows whether it was; null when the outcome is not in doubt
 */
public record Attempts(int count, Duration elapsed, List<String> notes, String verifyCommand) {

    public Attempts {
        notes = List.copyOf(notes);
    }

    public static Attempts single() {
        return new Attempts(1, null, List.of(), null);
    }

    public static Attempts of(int count) {
        return new Attempts(count, null, List.of(), null);
    }

    /** True when mgmt cannot tell whether the server applied the change. */
    public boolean outcomeUnknown() {
        return verifyCommand != null;
    }
}
