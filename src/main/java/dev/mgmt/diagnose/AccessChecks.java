package dev.mgmt.diagnose;

import dev.mgmt.client.ApiPaths;
import dev.mgmt.report.CheckResult;

import java.util.List;

/** After a 403: which permission the operation needs, and whether the token can read the same project at all. */
final class AccessChecks {
    private AccessChecks() {
    }

    static CheckResult permissionNeeded(Context c, String label) {
        if (c.request == null) {
            return CheckResult.unknown(label, "no request to judge");
        }
        List<String> seg = c.pathSegments();
        String method = c.request.method();
        String project = c.pathProject();
        String inProject = project == null ? "" : " in project '" + project + "'";
        if (method.equals("GET") || method.equals("HEAD")) {
            return CheckResult.unknown(label, "a read: needs membership of the project" + inProject.replace(" in ", " "));
        }
        String coll = seg.size() >= 3 && seg.get(0).equals("projects") ? seg.get(2) : seg.isEmpty() ? "" : seg.get(0);
        boolean deploy = seg.size() >= 6 && seg.get(2).equals("apiProxies") && seg.get(4).equals("environments")
            || seg.size() >= 6 && seg.get(2).equals("apiProxyGroups") && seg.get(4).equals("environments");
        String role;
        if (deploy) {
            role = "deploying or undeploying needs the deploy/undeploy permission (ROLE_DEPLOY_UNDEPLOY_PROXIES)";
        } else if (coll.equals("apiProxies") || coll.equals("apiProxyGroups")) {
            role = "changing API proxies needs the manage permission for proxies (ROLE_MANAGE_PROXIES)";
        } else if (List.of("connections", "credentials", "certificates", "keystores", "keys", "jwks").contains(coll)) {
            role = "changing " + coll + " needs the API security permission (ROLE_API_SECURITY)";
        } else {
            role = "this change needs a manage permission on the project, or ROLE_ADMIN";
        }
        return CheckResult.unknown(label, method + " " + role + inProject);
    }

    static CheckResult readSameProject(Context c, String label) {
        if (!c.hasToken()) {
            return CheckResult.unknown(label, "no token to try");
        }
        String project = c.pathProject();
        if (project == null) {
            Probe.Outcome o = c.probe.get("projects/", true);
            return o.ok() ? CheckResult.pass(label, "GET projects/ works: the token is fine, the role is missing")
                : CheckResult.fail(label, "GET projects/ also fails: " + o.describe());
        }
        List<String> names = NameChecks.listNames(c, "projects/", "name");
        if (names == null) {
            return CheckResult.unknown(label, "cannot list projects: " + c.probe.get("projects/", true).describe());
        }
        if (!names.contains(project)) {
            return CheckResult.fail(label, "project '" + project + "' is not among the projects this token sees: "
                + "ask to be made a member");
        }
        String path = ApiPaths.segments("projects", project, "apiProxies");
        Probe.Outcome o = c.probe.get(path, true);
        if (o.ok()) {
            return CheckResult.pass(label, "GET " + path + " works, so the token and membership are fine: "
                + "the missing piece is a role (permission), not the token");
        }
        return CheckResult.fail(label, "GET " + path + " fails too: " + Details.describeFailure(o));
    }
}
