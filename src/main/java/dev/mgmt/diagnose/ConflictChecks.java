package dev.mgmt.diagnose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.client.ApiPaths;
import dev.mgmt.errors.ApiError;
import dev.mgmt.json.Json;
import dev.mgmt.report.CheckResult;
import dev.mgmt.resources.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** After a 409: which name collides, and the object that already holds it. */
final class ConflictChecks {
    private static final Pattern NAME_IN_TEXT = Pattern.compile(
        "\\(name: ?([^)]+)\\)|\\(username: ?([^)]+)\\)|name \\(([^)]+)\\)|'([^']+)'");

    private ConflictChecks() {
    }

    /** The name in the server's message, else the one in the body sent; null when neither says. */
    private static String collidingNameOf(Context c) {
        ApiError e = c.apiError();
        if (e != null) {
            Matcher m = NAME_IN_TEXT.matcher(e.description());
            if (m.find()) {
                for (int i = 1; i <= m.groupCount(); i++) {
                    if (m.group(i) != null) {
                        return m.group(i).strip();
                    }
                }
            }
        }
        if (c.request != null && c.request.hasBody()) {
            JsonNode body = Json.tryParse(c.request.body());
            for (String f : List.of("name", "username", "apiProxyName")) {
                if (body != null && body.hasNonNull(f) && body.get(f).isValueNode()) {
                    return body.get(f).asText();
                }
            }
        }
        return null;
    }

    static CheckResult collidingName(Context c, String label) {
        String name = collidingNameOf(c);
        String project = c.pathProject();
        ApiError e = c.apiError();
        if (name == null) {
            return CheckResult.unknown(label, "the server did not name it: " + (e == null ? "" : e.description()));
        }
        return CheckResult.fail(label, "'" + name + "' is already taken" + (project == null ? "" : " in project '" + project + "'"));
    }

    static CheckResult existingObject(Context c, String label) {
        String name = collidingNameOf(c);
        List<String> seg = c.pathSegments();
        if (name == null || seg.size() < 3 || !seg.get(0).equals("projects")) {
            return CheckResult.unknown(label, "cannot tell which list to look in");
        }
        if (!c.hasToken()) {
            return CheckResult.unknown(label, "no token to look it up with");
        }
        Kind kind = NameChecks.kindForCollection(seg.get(2));
        if (kind == null) {
            return CheckResult.unknown(label, "mgmt does not know how to list '" + seg.get(2) + "'");
        }
        String path = ApiPaths.segments("projects", seg.get(1), seg.get(2));
        Probe.Outcome o = c.probe.get(path, true);
        JsonNode json = o.ok() ? Json.tryParse(o.response().body()) : null;
        if (json == null || !json.path("resultList").isArray()) {
            return CheckResult.unknown(label, "cannot list " + path + ": " + Details.describeFailure(o));
        }
        for (JsonNode item : json.get("resultList")) {
            if (name.equals(item.path(kind.nameField()).asText(null))) {
                return CheckResult.pass(label, kind.singular() + " " + summary(item)
                    + "; change it with 'update' instead of 'create', or pick another name");
            }
        }
        return CheckResult.unknown(label, "no " + kind.singular() + " named '" + name + "' in " + path
            + ": the conflict is about state (e.g. membership), not the name");
    }

    private static String summary(JsonNode item) {
        List<String> parts = new ArrayList<>();
        for (String f : List.of("name", "username", "type", "apiType", "description", "relativePath", "enabled")) {
            JsonNode n = item.get(f);
            if (n != null && n.isValueNode() && !n.asText().isEmpty()) {
                parts.add(f + "=" + Details.abbreviate(n.asText(), 50));
            }
            if (parts.size() == 4) {
                break;
            }
        }
        return String.join(", ", parts);
    }
}
