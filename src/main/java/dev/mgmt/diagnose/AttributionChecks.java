package dev.mgmt.diagnose;

import dev.mgmt.errors.ApiError;
import dev.mgmt.report.CheckResult;

import java.util.ArrayList;
import java.util.List;

/** Who produced a failed answer (the API or a proxy in front of it), and the ids to quote to support. */
final class AttributionChecks {
    private static final List<String> CORRELATION_HEADERS = List.of("X-Request-Id", "X-Correlation-Id",
        "X-Amzn-Trace-Id", "traceparent", "X-B3-TraceId", "X-Trace-Id", "Request-Id", "X-Cloud-Trace-Context", "CF-Ray");

    private AttributionChecks() {
    }

    static CheckResult whoAnswered(Context c, String label) {
        ApiError e = c.apiError();
        if (e == null) {
            return CheckResult.unknown(label, "no answer to look at");
        }
        String server = c.response.header("Server");
        String via = c.response.header("Via");
        String headers = (server == null ? "" : "Server: " + server) + (via == null ? "" : (server == null ? "" : ", ") + "Via: " + via);
        switch (e.origin()) {
            case HTML_PAGE:
                return CheckResult.fail(label, "a reverse proxy or load balancer answered with an HTML page"
                    + (headers.isEmpty() ? "" : " (" + headers + ")")
                    + ": the manager behind it is down, restarting or not reachable from the proxy");
            case EMPTY:
                return CheckResult.fail(label, "an empty " + c.response.status() + " body"
                    + (headers.isEmpty() ? "" : " (" + headers + ")") + ": typically a proxy or load balancer, not the API");
            case API_ENVELOPE:
                return CheckResult.pass(label, "the Management API answered with its own JSON error ("
                    + (e.code() == null ? "" : e.code()) + "): the failure is inside the manager");
            case PROBLEM_JSON:
            case SPRING_JSON:
                return CheckResult.pass(label, "a JSON error from the server's framework"
                    + (headers.isEmpty() ? "" : " (" + headers + ")"));
            default:
                return CheckResult.unknown(label, "a " + c.response.mediaType() + " body"
                    + (headers.isEmpty() ? "" : " (" + headers + ")"));
        }
    }

    static CheckResult correlation(Context c, String label) {
        if (c.response == null) {
            return CheckResult.unknown(label, "no response");
        }
        List<String> found = new ArrayList<>();
        for (String h : CORRELATION_HEADERS) {
            String v = c.response.header(h);
            if (v != null) {
                found.add(h + ": " + v);
            }
        }
        if (found.isEmpty()) {
            String date = c.response.header("Date");
            return CheckResult.unknown(label, "the response carries no request id (X-Request-Id, X-Correlation-Id, "
                + "traceparent...); quote the request line and time" + (date == null ? "" : " (Date: " + date + ")"));
        }
        return CheckResult.pass(label, String.join(", ", found));
    }
}
