package dev.mgmt.report;

import java.time.Duration;

/**
 * One line of a checklist.
 *
 * @param check   what was checked, e.g. "project 'MyProject' exists"
 * @param result  pass, fail or unknown
 * @param detail  the evidence, one line
 * @param elapsed how long the check took (shown by doctor); may be null
 * @param exit    the exit code doctor uses when this is the first step that did not pass; may be null
 */
public record CheckResult(String check, Result result, String detail, Duration elapsed, Integer exit) {

    public static CheckResult pass(String check, String detail) {
        return new CheckResult(check, Result.PASS, detail, null, null);
    }

    public static CheckResult fail(String check, String detail) {
        return new CheckResult(check, Result.FAIL, detail, null, null);
    }

    public static CheckResult unknown(String check, String detail) {
        return new CheckResult(check, Result.UNKNOWN, detail, null, null);
    }

    public CheckResult withElapsed(Duration d) {
        return new CheckResult(check, result, detail, d, exit);
    }

    public CheckResult withExit(int code) {
        return new CheckResult(check, result, detail, elapsed, code);
    }
}
