package dev.mgmt.diagnose;

import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.MgmtException;
import dev.mgmt.report.CheckResult;
import dev.mgmt.report.Result;
import dev.mgmt.resources.Permissions;
import dev.mgmt.resources.Permissions.Access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Doctor's permission layer: one line per kind, read and write, from list reads and the harmless
 * write probes only. A denied write is a fact about the token, not a broken setup, so it passes;
 * a denied read fails, an ambiguous answer is unknown, and a probe answered 2xx fails loudly.
 */
final class PermissionChecks {
    private PermissionChecks() {
    }

    static List<CheckResult> matrix(Context c, String label) {
        if (c.probe == null || !c.hasToken()) {
            return List.of(CheckResult.unknown(label, "no token to check them with").withExit(ExitCodes.UNAUTHORIZED));
        }
        CheckResult hello = c.done.get("token-hello");
        if (hello != null && hello.result() != Result.PASS) {
            return List.of(CheckResult.unknown(label, "skipped: the token was not accepted (above)")
                .withExit(ExitCodes.UNAUTHORIZED));
        }
        String project = c.settings.project().value();
        if (project == null) {
            // As the project step: without -p doctor asks nothing about projects, so a token scoped to one
            // project (or a manager that hides the list) is not reported as broken.
            return List.of(CheckResult.pass(label, "not checked: no project (pass -p/--project)"));
        }
        CheckResult skipped = c.skippedAfter("project", "project '" + project + "'", label);
        if (skipped == null) {
            // Probes of a proxy that is not there would answer 404: unknown rows that only repeat the step above.
            skipped = c.skippedAfter("api-proxy", "API proxy '" + c.apiProxy + "'", label);
        }
        if (skipped != null) {
            return List.of(skipped.withExit(ExitCodes.NOT_FOUND));
        }
        Permissions.Exchange exchange = (method, path, headers, body) -> {
            Probe.Outcome o = method.equals("GET") ? c.probe.get(path, true) : c.probe.send(method, path, headers, body);
            if (o.answered()) {
                return o.response();
            }
            throw o.failure() != null ? o.failure() : new MgmtException(ExitCodes.NETWORK, o.describe());
        };
        List<CheckResult> out = new ArrayList<>();
        Map<String, List<String>> notChecked = new LinkedHashMap<>();
        for (Permissions.Row r : new Permissions(exchange, project, c.apiProxy).run()) {
            if (r.read().access() == Access.NOT_CHECKED) {
                notChecked.computeIfAbsent(r.read().detail(), k -> new ArrayList<>()).add(r.kind().plural());
            } else {
                out.add(line(r));
            }
        }
        // Nothing to check is not a fault of the setup (an empty project, no -p): said once, and passed.
        notChecked.forEach((why, kinds) -> out.add(CheckResult.pass("permissions on " + String.join(", ", kinds),
            "not checked: " + why)));
        return out;
    }

    private static CheckResult line(Permissions.Row r) {
        String label = "permissions on " + r.kind().plural();
        String detail = "read " + words(r.read()) + "; write " + words(r.write());
        if (r.write().warning() != null) {
            return CheckResult.fail(label, detail + ". WARNING: " + r.write().warning())
                .withExit(ExitCodes.UNEXPECTED_RESPONSE);
        }
        if (r.read().access() == Access.DENIED) {
            return CheckResult.fail(label, detail).withExit(ExitCodes.forStatus(r.read().status()));
        }
        if (r.read().access() == Access.UNKNOWN || r.write().access() == Access.UNKNOWN) {
            return CheckResult.unknown(label, detail).withExit(ExitCodes.UNEXPECTED_RESPONSE);
        }
        return CheckResult.pass(label, detail);
    }

    /** "allowed (GET projects/ 200)", "not checked (no project: pass -p/--project)". */
    private static String words(Permissions.Check c) {
        String seen = c.request() == null ? "" : c.request() + (c.status() > 0 ? " -> " + c.status() : "");
        String why = c.access() != Access.NOT_CHECKED && c.access() != Access.UNKNOWN ? "" : c.detail();
        String inside = seen.isEmpty() ? why : why.isEmpty() ? seen : seen + ": " + why;
        return c.access().word() + (inside.isEmpty() ? "" : " (" + inside + ")");
    }
}
