package dev.mgmt.diagnose;

import dev.mgmt.errors.ApiError;
import dev.mgmt.errors.ErrorDecoder;
import dev.mgmt.report.CheckResult;

/** The wording the check families share, so a failure reads the same whichever check met it. */
final class Details {
    private Details() {
    }

    static CheckResult noUrl(String label) {
        return CheckResult.unknown(label, "skipped: no usable manager URL");
    }

    /** A probe's outcome with the server's error, when it answered with one. */
    static String describeFailure(Probe.Outcome o) {
        if (!o.answered()) {
            return o.describe();
        }
        ApiError page = o.webPage();
        return errorLine(page != null ? page : ErrorDecoder.decode(o.response())) + " (" + o.describe() + ")";
    }

    static String errorLine(ApiError e) {
        return e.status() + (e.code() == null ? "" : " " + e.code()) + " — " + e.description();
    }

    /** On one line, cut at {@code max} characters. */
    static String abbreviate(String s, int max) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > max ? one.substring(0, max) + "..." : one;
    }
}
