package dev.mgmt.diagnose;

import dev.mgmt.errors.ApiError;
import dev.mgmt.errors.ErrorDecoder;
import dev.mgmt.report.CheckResult;
import dev.mgmt.text.Durations;

/** After a 429 or 5xx: how long the server asked to wait, what was tried, and whether it has cleared. */
final class RateLimitChecks {
    private RateLimitChecks() {
    }

    static CheckResult retryAfter(Context c, String label) {
        ApiError e = c.apiError();
        if (e == null || e.retryAfter() == null) {
            return CheckResult.unknown(label, "the server gave no Retry-After header or retry_after field");
        }
        String from = c.response != null && c.response.header("Retry-After") != null ? "Retry-After header" : "retry_after field";
        return CheckResult.fail(label, "wait " + waitFor(e) + " (" + from + ")");
    }

    static CheckResult attempts(Context c, String label) {
        String status = c.response == null ? "" : ", each answered " + c.response.status();
        String time = c.response == null ? "" : "; the last took " + Durations.human(c.response.elapsed());
        int retries = c.settings == null ? 0 : c.settings.retries().value();
        return CheckResult.fail(label, c.attempts + (c.attempts == 1 ? " attempt" : " attempts") + status + time
            + " (retries allowed: " + retries + ")");
    }

    static CheckResult limitNow(Context c, String label) {
        if (c.probe == null) {
            return Details.noUrl(label);
        }
        Probe.Outcome o = c.hasToken() ? c.probe.get("test/hello/mgmt/", true) : c.probe.get("test/healthcheck/", false);
        if (o.status() == 429) {
            ApiError e = ErrorDecoder.decode(o.response());
            return CheckResult.fail(label, "still rate limited" + (e.retryAfter() == null ? "" : "; wait " + waitFor(e)));
        }
        if (o.ok()) {
            return CheckResult.pass(label, "a request now succeeds (" + o.describe() + "): run the command again");
        }
        return CheckResult.unknown(label, Details.describeFailure(o));
    }

    /** The server's retry-after, in seconds that may be fractional, as the one duration wording. */
    private static String waitFor(ApiError e) {
        return Durations.human(e.retryAfterDuration());
    }
}
