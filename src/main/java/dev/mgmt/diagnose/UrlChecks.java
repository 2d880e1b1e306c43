package dev.mgmt.diagnose;

import dev.mgmt.text.Clauses;
import dev.mgmt.errors.ApiError;
import dev.mgmt.errors.ErrorDecoder;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.http.ApiResponse;
import dev.mgmt.report.CheckResult;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** The manager URL: its shape, and whether the Management API answers there (GET test/healthcheck). */
final class UrlChecks {
    private UrlChecks() {
    }

    static CheckResult url(Context c, String label) {
        if (c.base == null) {
            return CheckResult.fail(label, c.urlError).withExit(ExitCodes.USAGE);
        }
        String raw = c.settings.url().value().strip();
        URI u = c.base.uri();
        String path = u.getRawPath();
        String prefix = path.substring(0, path.length() - "/apiops/".length());
        List<String> notes = new ArrayList<>();
        notes.add("API base " + c.base);
        notes.add(prefix.isEmpty() ? "no context path" : "context path " + prefix);
        if (prefix.contains("/apiops")) {
            return CheckResult.fail(label, "'" + raw + "' has /apiops inside the path: give the manager URL, "
                + "e.g. " + u.getScheme() + "://" + u.getRawAuthority()).withExit(ExitCodes.USAGE);
        }
        if (c.base.isPlainHttp() && !c.base.isLoopback()) {
            return CheckResult.fail(label, "plain http:// to " + c.base.host() + " sends the token unencrypted: use https:// ("
                + String.join("; ", notes) + ")").withExit(ExitCodes.USAGE);
        }
        return CheckResult.pass(label, String.join("; ", notes));
    }

    /** {@link #health}, remembered: the path walk after a 404 means nothing when this fails. */
    static CheckResult apiAtUrl(Context c, String label) {
        CheckResult r = health(c, label);
        c.done.put("api-at-url", r);
        return r;
    }

    static CheckResult health(Context c, String label) {
        if (c.probe == null) {
            return CheckResult.fail(label, c.urlError == null ? "no manager URL" : c.urlError).withExit(ExitCodes.USAGE);
        }
        Probe.Outcome o = c.probe.get("test/healthcheck/", false);
        String at = c.base + "test/healthcheck/";
        if (!o.answered()) {
            return (o.skipped() ? CheckResult.unknown(label, o.describe())
                : CheckResult.fail(label, o.describe())).withExit(ExitCodes.NETWORK);
        }
        ApiResponse r = o.response();
        String body = r.bodyText().strip();
        if (o.ok()) {
            return CheckResult.pass(label, "'" + Details.abbreviate(body, 40) + "' (" + o.describe() + ")");
        }
        String hint = o.status() == 404 || o.webPage() != null ? findApiElsewhere(c) : null;
        if (o.webPage() != null) {
            // The health check answers the text OK: a page there means something else holds the address.
            return CheckResult.fail(label, Clauses.join("not healthy: " + Details.describeFailure(o), hint))
                .withExit(ExitCodes.UNEXPECTED_RESPONSE);
        }
        if (o.status() == 404) {
            String detail = "nothing like the Management API at " + at + " (404): wrong host or port, "
                + "a missing context path (e.g. https://host/manager), or a gateway instead of the manager";
            return CheckResult.fail(label, Clauses.join(detail, hint)).withExit(ExitCodes.NOT_FOUND);
        }
        ApiError e = ErrorDecoder.decode(r);
        return CheckResult.fail(label, Details.errorLine(e) + " (" + o.describe() + ")")
            .withExit(ExitCodes.forStatus(o.status()));
    }

    /** When the URL has a path before /apiops/, tries the host's root: a common slip. */
    private static String findApiElsewhere(Context c) {
        URI u = c.base.uri();
        String path = u.getRawPath();
        if (path.equals("/apiops/")) {
            return null;
        }
        URI root = URI.create(u.getScheme() + "://" + u.getRawAuthority() + "/apiops/test/healthcheck/");
        Probe.Outcome o = c.probe.get(root, false);
        if (o.ok()) {
            String prefix = path.substring(0, path.length() - "/apiops/".length());
            return "the API answers at " + u.getScheme() + "://" + u.getRawAuthority() + "/apiops/ — drop '" + prefix
                + "' from the URL (--url " + u.getScheme() + "://" + u.getRawAuthority() + ")";
        }
        return null;
    }
}
