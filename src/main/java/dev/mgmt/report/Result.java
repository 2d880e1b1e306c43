package dev.mgmt.report;

import java.util.Locale;

/** The outcome of one check. UNKNOWN: it could not run (no token, nothing to check, out of time). */
public enum Result {
    PASS, FAIL, UNKNOWN;

    /** "pass" / "fail" / "unknown", as in the JSON error object. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
