package dev.mgmt.diagnose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.client.ApiPaths;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.json.Json;
import dev.mgmt.report.CheckResult;
import dev.mgmt.report.Result;
import dev.mgmt.resources.Kind;
import dev.mgmt.resources.Kinds;
import dev.mgmt.text.NameMatcher;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether the objects a request or the settings name exist: the project, environment and objects
 * in a failed path, looked up in their lists, with the closest names when one is missing.
 */
final class NameChecks {
    private NameChecks() {
    }

    static List<CheckResult> walkPath(Context c) {
        CheckResult api = c.done.get("api-at-url");
        List<String> seg = c.pathSegments();
        if (api != null && api.result() == Result.FAIL) {
            return List.of(CheckResult.unknown("objects named in the path exist",
                "skipped: the URL does not lead to the Management API"));
        }
        if (seg.size() < 2 || !seg.get(0).equals("projects")) {
            return List.of(CheckResult.unknown("the endpoint exists",
                "the path '" + String.join("/", seg) + "/' names no project; compare it with the API reference "
                    + "(paths are case-sensitive and end with '/')"));
        }
        List<CheckResult> out = new ArrayList<>();
        String project = seg.get(1);
        String label = "project '" + project + "' exists";
        if (!c.hasToken()) {
            out.add(CheckResult.unknown(label, "no token to list projects with"));
            return out;
        }
        CheckResult p = exists(c, label, "projects/", "name", project, "project", "mgmt get projects");
        out.add(p);
        if (p.result() != Result.PASS || seg.size() < 4) {
            if (p.result() == Result.PASS && seg.size() == 3) {
                out.add(CheckResult.fail("endpoint '" + seg.get(2) + "/' exists in the project",
                    "the project exists, so the collection name is wrong (case-sensitive): e.g. apiProxies, connections"));
            }
            return out;
        }
        String coll = seg.get(2);
        String name = seg.get(3);
        Kind kind = kindForCollection(coll);
        if (kind == null) {
            out.add(CheckResult.unknown("'" + coll + "/" + name + "' exists", "mgmt does not know how to list '" + coll + "'"));
            return out;
        }
        if (List.of("url", "file", "import", "delete", "details").contains(name)) {
            return out;
        }
        String kLabel = kind.singular() + " '" + name + "' exists in project '" + project + "'";
        CheckResult k = exists(c, kLabel, ApiPaths.segments("projects", project, coll), kind.nameField(), name,
            kind.singular(), "mgmt get " + kind.plural() + " -p " + project);
        out.add(k);
        if (k.result() != Result.PASS) {
            return out;
        }
        if (seg.size() >= 6 && seg.get(4).equals("environments")) {
            String env = seg.get(5);
            out.add(exists(c, "environment '" + env + "' exists", "environments/", "name", env, "environment",
                "mgmt get environments"));
            return out;
        }
        out.add(CheckResult.fail("the endpoint path is right",
            "every object named in the path exists, so the endpoint itself is wrong: check the method and path "
                + "against the API reference (case-sensitive, ending with '/')"));
        return out;
    }

    /** The set project: that it exists and that the token can read in it. */
    static List<CheckResult> project(Context c, String label) {
        String p = c.settings.project().value();
        if (p == null) {
            return List.of();
        }
        String l = "project '" + p + "' (" + c.settings.project().origin() + ")";
        CheckResult found = settingExists(c, "project", "projects/", p, l, l + " exists", "mgmt get projects");
        if (found.result() != Result.PASS) {
            return List.of(found);
        }
        String path = ApiPaths.segments("projects", p, "apiProxies");
        Probe.Outcome o = c.probe.get(path, true);
        CheckResult access = o.ok()
            ? CheckResult.pass(l + " is readable", "GET " + path + " " + o.describe())
            : CheckResult.fail(l + " is readable", "GET " + path + ": " + Details.describeFailure(o))
                .withExit(o.answered() ? ExitCodes.forStatus(o.status()) : ExitCodes.NETWORK);
        return List.of(found, access);
    }

    static List<CheckResult> environment(Context c, String label) {
        String e = c.settings.environment().value();
        if (e == null) {
            return List.of();
        }
        String l = "environment '" + e + "' (" + c.settings.environment().origin() + ") exists";
        return List.of(settingExists(c, "environment", "environments/", e, l, l, "mgmt get environments"));
    }

    /** The API proxy --proxy names: in the project, so that the permission probes go to a real one. */
    static List<CheckResult> apiProxy(Context c, String label) {
        String name = c.apiProxy;
        if (name == null) {
            return List.of();
        }
        String project = c.settings.project().value();
        String l = "API proxy '" + name + "' (--proxy) exists in project '" + project + "'";
        CheckResult skipped = c.skippedAfter("project", "project '" + project + "'", l);
        if (skipped != null) {
            return List.of(skipped);   // Doctor's exit for api-proxy: NOT_FOUND
        }
        Kind kind = Kinds.find("proxy");
        return List.of(settingExists(c, "API proxy", ApiPaths.segments("projects", project, "apiProxies"), name, l, l,
            "mgmt get " + kind.plural() + " -p " + project));
    }

    /**
     * Whether a set project, environment or proxy is in its list at {@code path}; not knowing exits as
     * unauthorized, since without a token (or with one that cannot list) the name cannot be confirmed.
     */
    private static CheckResult settingExists(Context c, String what, String path, String value, String noTokenLabel,
                                             String label, String listHint) {
        if (!c.hasToken() || c.probe == null) {
            return CheckResult.unknown(noTokenLabel, "no token to list " + what + "s with").withExit(ExitCodes.UNAUTHORIZED);
        }
        CheckResult r = exists(c, label, path, "name", value, what, listHint);
        return r.result() == Result.UNKNOWN ? r.withExit(ExitCodes.UNAUTHORIZED) : r;
    }

    /** The kind listed at projects/{p}/{coll}/, or null. */
    static Kind kindForCollection(String coll) {
        for (Kind k : Kinds.all()) {
            List<String> lp = k.listPath();
            if (lp.size() == 3 && lp.get(0).equals("projects") && lp.get(2).equals(coll)) {
                return k;
            }
        }
        return null;
    }

    /** Whether {@code wanted} is in the list at {@code path}; on a miss, the same name in another case first. */
    private static CheckResult exists(Context c, String label, String path, String nameField, String wanted, String what,
                                      String listHint) {
        List<String> names = listNames(c, path, nameField);
        if (names == null) {
            Probe.Outcome o = c.probe.get(path, true);
            if (o.status() == 404) {
                return CheckResult.fail(label, "GET " + path + " answered 404");
            }
            return CheckResult.unknown(label, "cannot list " + path + ": " + Details.describeFailure(o));
        }
        if (names.contains(wanted)) {
            return CheckResult.pass(label, "found in " + path);
        }
        String detail = "no " + what + " named '" + wanted + "'" + NameMatcher.suggestion(wanted, names, listHint);
        return CheckResult.fail(label, detail).withExit(ExitCodes.NOT_FOUND);
    }

    /** The names in a list endpoint's resultList, or null when it could not be read. */
    static List<String> listNames(Context c, String path, String nameField) {
        if (c.probe == null || !c.hasToken()) {
            return null;
        }
        Probe.Outcome o = c.probe.get(path, true);
        if (!o.ok()) {
            return null;
        }
        JsonNode json = Json.tryParse(o.response().body());
        JsonNode list = json == null ? null : json.get("resultList");
        if (list == null || !list.isArray()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (JsonNode item : list) {
            JsonNode n = item.get(nameField);
            if (n != null && n.isValueNode()) {
                names.add(n.asText());
            }
        }
        return names;
    }
}
