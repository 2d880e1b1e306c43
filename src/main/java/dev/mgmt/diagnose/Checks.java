package dev.mgmt.diagnose;

import dev.mgmt.report.Result;
import dev.mgmt.report.CheckResult;
import dev.mgmt.json.Jwt;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.client.ApiPaths;
import dev.mgmt.http.ApiResponse;
import dev.mgmt.errors.ApiError;
import dev.mgmt.errors.ApiException;
import dev.mgmt.errors.ErrorDecoder;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.json.Json;
import dev.mgmt.text.Redactor;
import dev.mgmt.resources.Kind;
import dev.mgmt.resources.Kinds;
import dev.mgmt.text.NameMatcher;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks, by the ids the catalog uses. Each returns zero or more results; a check that would
 * need something we do not have (a token, an answer) says unknown rather than fail.
 */
final class Checks {
    static final Duration SKEW_TOLERANCE = Duration.ofSeconds(60);
    private static final List<String> CORRELATION_HEADERS = List.of("X-Request-Id", "X-Correlation-Id",
        "X-Amzn-Trace-Id", "traceparent", "X-B3-TraceId", "X-Trace-Id", "Request-Id", "X-Cloud-Trace-Context", "CF-Ray");

    private Checks() {
    }

    static List<CheckResult> run(String id, String label, Context c) {
        switch (id) {
            case "token-sent": return List.of(tokenSent(c, label));
            case "token-configured": return List.of(tokenConfigured(c, label));
            case "token-format": return List.of(tokenFormat(c, label));
            case "token-decode": return List.of(tokenDecode(c, label));
            case "clock-skew": return List.of(clockSkew(c, label));
            case "token-hello": return List.of(tokenHello(c, label));
            case "permission-needed": return List.of(permissionNeeded(c, label));
            case "read-same-project": return List.of(readSameProject(c, label));
            case "api-at-url": return List.of(apiAtUrl(c, label));
            case "health": return List.of(health(c, label));
            case "health-now": return List.of(healthNow(c, label));
            case "walk-path": return walkPath(c);
            case "body-json": return bodyJson(c, label);
            case "validation-errors": return validationErrors(c, label);
            case "schema": return c.request == null ? List.of() : c.schema.check(c.request);
            case "colliding-name": return List.of(collidingName(c, label));
            case "existing-object": return List.of(existingObject(c, label));
            case "retry-after": return List.of(retryAfter(c, label));
            case "attempts": return List.of(attempts(c, label));
            case "limit-now": return List.of(limitNow(c, label));
            case "who-answered": return List.of(whoAnswered(c, label));
            case "correlation": return List.of(correlation(c, label));
            case "proxy-vars": return List.of(NetChecks.proxyVars(c, label));
            case "dns": return c.base == null ? List.of(noUrl(label)) : List.of(NetChecks.dns(c, label));
            case "tcp": return c.base == null ? List.of(noUrl(label)) : List.of(NetChecks.tcp(c, label));
            case "tls": return c.base == null ? List.of(noUrl(label)) : List.of(NetChecks.tls(c, label));
            case "url": return List.of(url(c, label));
            case "project": return project(c, label);
            case "environment": return environment(c, label);
            default: return List.of(CheckResult.unknown(label, "no check implemented for '" + id + "'"));
        }
    }

    private static CheckResult noUrl(String label) {
        return CheckResult.unknown(label, "skipped: no usable manager URL");
    }

    // ------------------------------------------------------------------ token

    private static String tokenWhere(Context c) {
        return Redactor.mask(c.token.value()) + " from " + c.token.origin();
    }

    static CheckResult tokenSent(Context c, String label) {
        String auth = c.request == null ? null : c.request.header("Authorization");
        if (auth == null) {
            return CheckResult.fail(label, "no Authorization header was sent: no token from --token, --token-file, "
                + "MGMT_TOKEN, MGMT_TOKEN_FILE or the context");
        }
        if (!c.hasToken()) {
            return CheckResult.pass(label, "an Authorization header given with -H");
        }
        return CheckResult.pass(label, "Bearer " + tokenWhere(c));
    }

    static CheckResult tokenConfigured(Context c, String label) {
        if (!c.hasToken()) {
            return CheckResult.fail(label, "none found in --token, --token-file, MGMT_TOKEN, MGMT_TOKEN_FILE or the context")
                .withExit(ExitCodes.UNAUTHORIZED);
        }
        return CheckResult.pass(label, tokenWhere(c));
    }

    static CheckResult tokenFormat(Context c, String label) {
        if (!c.hasToken()) {
            return CheckResult.unknown(label, "no token to look at").withExit(ExitCodes.UNAUTHORIZED);
        }
        String t = c.token.value();
        List<String> problems = new ArrayList<>();
        if (t.regionMatches(true, 0, "Bearer ", 0, 7) || t.regionMatches(true, 0, "Bearer%20", 0, 9)) {
            problems.add("it starts with its own 'Bearer ' prefix (mgmt adds it; give the bare token)");
        } else if (t.chars().anyMatch(Character::isWhitespace)) {
            problems.add("it contains whitespace");
        }
        if (t.startsWith("\"") || t.startsWith("'") || t.endsWith("\"") || t.endsWith("'")) {
            problems.add("it is wrapped in quotes");
        }
        if (t.chars().anyMatch(ch -> ch < 0x20 || ch > 0x7e)) {
            problems.add("it holds non-ASCII or control characters (copied from a rich-text page?)");
        }
        if (!problems.isEmpty()) {
            return CheckResult.fail(label, "the token from " + c.token.origin() + " looks wrong: "
                + String.join("; ", problems)).withExit(ExitCodes.UNAUTHORIZED);
        }
        String shape = Jwt.decode(t) != null ? "JWT-shaped" : t.chars().filter(ch -> ch == '.').count() == 2
            ? "three dot-separated parts that do not decode as a JWT (copied incompletely?)" : "opaque";
        return CheckResult.pass(label, t.length() + " characters, one line, " + shape);
    }

    /** The server's clock from a response's Date header, or null. */
    static Instant serverDate(ApiResponse r) {
        if (r == null) {
            return null;
        }
        String d = r.header("Date");
        if (d == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(d.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A response carrying the server's Date: the failed one, else a healthcheck. */
    static ApiResponse dated(Context c) {
        if (serverDate(c.response) != null) {
            return c.response;
        }
        if (c.probe == null) {
            return null;
        }
        Probe.Outcome o = c.probe.get("test/healthcheck/", false);
        return o.answered() ? o.response() : null;
    }

    static CheckResult tokenDecode(Context c, String label) {
        if (!c.hasToken()) {
            return CheckResult.unknown(label, "no token to decode").withExit(ExitCodes.UNAUTHORIZED);
        }
        Jwt jwt = Jwt.decode(c.token.value());
        if (jwt == null) {
            return CheckResult.unknown(label, "not a JWT: an opaque token can only be checked by the server");
        }
        Instant now = c.env.clock().instant();
        Instant server = serverDate(c.response);
        String claims = jwt.summary();
        Instant exp = jwt.expiresAt();
        Instant nbf = jwt.notBefore() != null ? jwt.notBefore() : jwt.issuedAt();
        if (exp != null && !exp.isAfter(now)) {
            return CheckResult.fail(label, "expired at " + exp + " (" + human(Duration.between(exp, now)) + " ago); "
                + claims).withExit(ExitCodes.UNAUTHORIZED);
        }
        if (exp != null && server != null && !exp.isAfter(server)) {
            return CheckResult.fail(label, "valid by this machine's clock, but expired at " + exp
                + " by the server's clock (Date: " + server + "); " + claims).withExit(ExitCodes.UNAUTHORIZED);
        }
        if (nbf != null && nbf.isAfter(now.plus(SKEW_TOLERANCE))) {
            return CheckResult.fail(label, "not yet valid: issued for " + nbf + ", " + human(Duration.between(now, nbf))
                + " in the future by this machine's clock; " + claims).withExit(ExitCodes.UNAUTHORIZED);
        }
        if (exp == null) {
            return CheckResult.pass(label, "no expiry (exp) in the token; " + claims);
        }
        return CheckResult.pass(label, "valid until " + exp + " (" + human(Duration.between(now, exp)) + " left); " + claims);
    }

    static CheckResult clockSkew(Context c, String label) {
        ApiResponse r = dated(c);
        Instant server = serverDate(r);
        if (server == null) {
            return CheckResult.unknown(label, "the server sent no Date header to compare with");
        }
        Instant now = c.env.clock().instant();
        Duration skew = Duration.between(server, now);
        String d = "this machine " + now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ", server " + server;
        if (skew.abs().compareTo(SKEW_TOLERANCE) > 0) {
            return CheckResult.fail(label, "this machine's clock is " + human(skew.abs())
                + (skew.isNegative() ? " behind" : " ahead of") + " the server's (" + d
                + "): token times are judged by the server's clock").withExit(ExitCodes.UNEXPECTED_RESPONSE);
        }
        return CheckResult.pass(label, "within " + SKEW_TOLERANCE.toSeconds() + " s (" + d + ")");
    }

    static CheckResult tokenHello(Context c, String label) {
        if (!c.hasToken()) {
            return CheckResult.unknown(label, "no token to try").withExit(ExitCodes.UNAUTHORIZED);
        }
        if (c.probe == null) {
            return noUrl(label);
        }
        Probe.Outcome o = c.probe.get("test/hello/mgmt/", true);
        if (o.ok()) {
            return CheckResult.pass(label, "accepted (" + o.describe() + ")");
        }
        if (!o.answered()) {
            return CheckResult.unknown(label, "could not ask: " + o.describe()).withExit(ExitCodes.NETWORK);
        }
        ApiError e = ErrorDecoder.decode(o.response());
        int exit = o.status() == 401 ? ExitCodes.UNAUTHORIZED : ExitCodes.forStatus(o.status());
        return CheckResult.fail(label, "rejected: " + errorLine(e) + " (" + o.describe() + ")").withExit(exit);
    }

    // ------------------------------------------------------------------ 403

    /** The project named in the failed request's path, or null. */
    static String project(Context c) {
        List<String> seg = segments(c);
        return seg.size() >= 2 && seg.get(0).equals("projects") ? seg.get(1) : null;
    }

    static CheckResult permissionNeeded(Context c, String label) {
        if (c.request == null) {
            return CheckResult.unknown(label, "no request to judge");
        }
        List<String> seg = segments(c);
        String method = c.request.method();
        String project = project(c);
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
        String project = project(c);
        if (project == null) {
            Probe.Outcome o = c.probe.get("projects/", true);
            return o.ok() ? CheckResult.pass(label, "GET projects/ works: the token is fine, the role is missing")
                : CheckResult.fail(label, "GET projects/ also fails: " + o.describe());
        }
        List<String> names = listNames(c, "projects/", "name");
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
        return CheckResult.fail(label, "GET " + path + " fails too: " + describeFailure(o));
    }

    // ------------------------------------------------------------------ 404

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
        if (o.ok() && !r.mediaType().contains("html")) {
            return CheckResult.pass(label, "'" + abbreviate(body, 40) + "' (" + o.describe() + ")");
        }
        if (o.status() == 404 || o.ok()) {
            String what = o.ok() ? "an HTML page (" + o.describe() + ")" : "404";
            String detail = "nothing like the Management API at " + at + " (" + what + "): wrong host or port, "
                + "a missing context path (e.g. https://host/manager), or a gateway instead of the manager";
            String hint = findApiElsewhere(c);
            return CheckResult.fail(label, detail + (hint == null ? "" : "; " + hint)).withExit(ExitCodes.NOT_FOUND);
        }
        ApiError e = ErrorDecoder.decode(r);
        return CheckResult.fail(label, errorLine(e) + " (" + o.describe() + ")").withExit(ExitCodes.forStatus(o.status()));
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
        if (o.ok() && !o.response().mediaType().contains("html")) {
            String prefix = path.substring(0, path.length() - "/apiops/".length());
            return "the API answers at " + u.getScheme() + "://" + u.getRawAuthority() + "/apiops/ — drop '" + prefix
                + "' from the URL (--url " + u.getScheme() + "://" + u.getRawAuthority() + ")";
        }
        return null;
    }

    static CheckResult healthNow(Context c, String label) {
        CheckResult r = health(c, label);
        return r;
    }

    static List<CheckResult> walkPath(Context c) {
        CheckResult api = c.done.get("api-at-url");
        List<String> seg = segments(c);
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

    private static Kind kindForCollection(String coll) {
        for (Kind k : Kinds.all()) {
            List<String> lp = k.listPath();
            if (lp.size() == 3 && lp.get(0).equals("projects") && lp.get(2).equals(coll)) {
                return k;
            }
        }
        return null;
    }

    /** Whether {@code wanted} is in the list at {@code path}; on a miss, the same name in another case first. */
    static CheckResult exists(Context c, String label, String path, String nameField, String wanted, String what,
                              String listHint) {
        List<String> names = listNames(c, path, nameField);
        if (names == null) {
            Probe.Outcome o = c.probe.get(path, true);
            if (o.status() == 404) {
                return CheckResult.fail(label, "GET " + path + " answered 404");
            }
            return CheckResult.unknown(label, "cannot list " + path + ": " + describeFailure(o));
        }
        if (names.contains(wanted)) {
            return CheckResult.pass(label, "found in " + path);
        }
        List<String> close = NameMatcher.closest(wanted, names, 3);
        String detail = "no " + what + " named '" + wanted + "'";
        if (!close.isEmpty() && close.get(0).equalsIgnoreCase(wanted)) {
            detail += "; did you mean '" + close.get(0) + "'? (same name, other case: names are case-sensitive)";
            if (close.size() > 1) {
                detail += "; also close: '" + String.join("', '", close.subList(1, close.size())) + "'";
            }
        } else if (!close.isEmpty()) {
            detail += "; closest: '" + String.join("', '", close) + "'";
        } else {
            detail += names.isEmpty() ? "; the list is empty" : "; " + names.size() + " exist (" + listHint + ")";
        }
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

    // ------------------------------------------------------------------ 400

    static List<CheckResult> bodyJson(Context c, String label) {
        if (c.request == null || !c.request.hasBody()) {
            return List.of();
        }
        String ct = c.request.header("Content-Type");
        if (ct != null && !ct.toLowerCase(Locale.ROOT).contains("json")) {
            return List.of();
        }
        JsonNode json = Json.tryParse(c.request.body());
        return List.of(json == null
            ? CheckResult.fail(label, "the body sent is not valid JSON (" + c.request.body().length + " bytes)")
            : CheckResult.pass(label, "valid JSON " + (json.isObject() ? "object with " + json.size() + " fields" : json.getNodeType().toString().toLowerCase(Locale.ROOT))));
    }

    static List<CheckResult> validationErrors(Context c, String label) {
        ApiError e = apiError(c);
        if (e == null) {
            return List.of();
        }
        if (e.validationErrors().isEmpty()) {
            return List.of(CheckResult.unknown(label, "the server named no fields; its message: " + e.description()));
        }
        List<CheckResult> out = new ArrayList<>();
        for (ApiError.FieldProblem p : e.validationErrors()) {
            out.add(CheckResult.fail("field '" + p.field() + "'", p.message() + typeHint(p.message())));
        }
        return out;
    }

    private static String typeHint(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (m.contains("required") || m.contains("must not be null") || m.contains("missing")) {
            return " (add this field to the body)";
        }
        if (m.contains("one of")) {
            return " (use one of the listed values exactly; they are case-sensitive)";
        }
        if (m.contains("boolean")) {
            return " (a JSON boolean: true or false, without quotes)";
        }
        if (m.contains("number") || m.contains("integer") || m.contains("numeric")) {
            return " (a JSON number, without quotes)";
        }
        if (m.contains("array") || m.contains("list")) {
            return " (a JSON array: [ ... ])";
        }
        if (m.contains("format") || m.contains("invalid")) {
            return " (check the value's format)";
        }
        return "";
    }

    // ------------------------------------------------------------------ 409

    private static final Pattern NAME_IN_TEXT = Pattern.compile(
        "\\(name: ?([^)]+)\\)|\\(username: ?([^)]+)\\)|name \\(([^)]+)\\)|'([^']+)'");

    static String collidingNameOf(Context c) {
        ApiError e = apiError(c);
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
        String project = project(c);
        ApiError e = apiError(c);
        if (name == null) {
            return CheckResult.unknown(label, "the server did not name it: " + (e == null ? "" : e.description()));
        }
        return CheckResult.fail(label, "'" + name + "' is already taken" + (project == null ? "" : " in project '" + project + "'"));
    }

    static CheckResult existingObject(Context c, String label) {
        String name = collidingNameOf(c);
        List<String> seg = segments(c);
        if (name == null || seg.size() < 3 || !seg.get(0).equals("projects")) {
            return CheckResult.unknown(label, "cannot tell which list to look in");
        }
        if (!c.hasToken()) {
            return CheckResult.unknown(label, "no token to look it up with");
        }
        Kind kind = kindForCollection(seg.get(2));
        if (kind == null) {
            return CheckResult.unknown(label, "mgmt does not know how to list '" + seg.get(2) + "'");
        }
        String path = ApiPaths.segments("projects", seg.get(1), seg.get(2));
        Probe.Outcome o = c.probe.get(path, true);
        JsonNode json = o.ok() ? Json.tryParse(o.response().body()) : null;
        if (json == null || !json.path("resultList").isArray()) {
            return CheckResult.unknown(label, "cannot list " + path + ": " + describeFailure(o));
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
                parts.add(f + "=" + abbreviate(n.asText(), 50));
            }
            if (parts.size() == 4) {
                break;
            }
        }
        return String.join(", ", parts);
    }

    // ------------------------------------------------------------------ 429 and 5xx

    static CheckResult retryAfter(Context c, String label) {
        ApiError e = apiError(c);
        if (e == null || e.retryAfter() == null) {
            return CheckResult.unknown(label, "the server gave no Retry-After header or retry_after field");
        }
        String from = c.response != null && c.response.header("Retry-After") != null ? "Retry-After header" : "retry_after field";
        double s = e.retryAfter();
        return CheckResult.fail(label, "wait " + (s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s))
            + " s (" + from + ")");
    }

    static CheckResult attempts(Context c, String label) {
        String status = c.response == null ? "" : ", each answered " + c.response.status();
        String time = c.response == null ? "" : "; the last took " + ms(c.response.elapsed());
        int retries = c.settings == null ? 0 : c.settings.retries().value();
        return CheckResult.fail(label, c.attempts + (c.attempts == 1 ? " attempt" : " attempts") + status + time
            + " (retries allowed: " + retries + ")");
    }

    static CheckResult limitNow(Context c, String label) {
        if (c.probe == null) {
            return noUrl(label);
        }
        Probe.Outcome o = c.hasToken() ? c.probe.get("test/hello/mgmt/", true) : c.probe.get("test/healthcheck/", false);
        if (o.status() == 429) {
            ApiError e = ErrorDecoder.decode(o.response());
            return CheckResult.fail(label, "still rate limited"
                + (e.retryAfter() == null ? "" : "; wait " + Math.round(e.retryAfter()) + " s"));
        }
        if (o.ok()) {
            return CheckResult.pass(label, "a request now succeeds (" + o.describe() + "): run the command again");
        }
        return CheckResult.unknown(label, describeFailure(o));
    }

    static CheckResult whoAnswered(Context c, String label) {
        ApiError e = apiError(c);
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

    // ------------------------------------------------------------------ doctor

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
        if (u.getScheme().equals("http") && !c.base.isLoopback()) {
            return CheckResult.fail(label, "plain http:// to " + c.base.host() + " sends the token unencrypted: use https:// ("
                + String.join("; ", notes) + ")").withExit(ExitCodes.USAGE);
        }
        return CheckResult.pass(label, String.join("; ", notes));
    }

    static List<CheckResult> project(Context c, String label) {
        String p = c.settings.project().value();
        if (p == null) {
            return List.of();
        }
        String l = "project '" + p + "' (" + c.settings.project().origin() + ")";
        if (!c.hasToken() || c.probe == null) {
            return List.of(CheckResult.unknown(l, "no token to list projects with").withExit(ExitCodes.UNAUTHORIZED));
        }
        CheckResult found = exists(c, l + " exists", "projects/", "name", p, "project", "mgmt get projects");
        if (found.result() == Result.UNKNOWN) {
            found = found.withExit(ExitCodes.UNAUTHORIZED);
        }
        if (found.result() != Result.PASS) {
            return List.of(found);
        }
        String path = ApiPaths.segments("projects", p, "apiProxies");
        Probe.Outcome o = c.probe.get(path, true);
        CheckResult access = o.ok()
            ? CheckResult.pass(l + " is readable", "GET " + path + " " + o.describe())
            : CheckResult.fail(l + " is readable", "GET " + path + ": " + describeFailure(o))
                .withExit(o.answered() ? ExitCodes.forStatus(o.status()) : ExitCodes.NETWORK);
        return List.of(found, access);
    }

    static List<CheckResult> environment(Context c, String label) {
        String e = c.settings.environment().value();
        if (e == null) {
            return List.of();
        }
        String l = "environment '" + e + "' (" + c.settings.environment().origin() + ") exists";
        if (!c.hasToken() || c.probe == null) {
            return List.of(CheckResult.unknown(l, "no token to list environments with").withExit(ExitCodes.UNAUTHORIZED));
        }
        CheckResult r = exists(c, l, "environments/", "name", e, "environment", "mgmt get environments");
        return List.of(r.result() == Result.UNKNOWN ? r.withExit(ExitCodes.UNAUTHORIZED) : r);
    }

    // ------------------------------------------------------------------ helpers

    static ApiError apiError(Context c) {
        return c.failure instanceof ApiException ? ((ApiException) c.failure).error() : null;
    }

    /** The failed request's path below /apiops/, decoded, as segments. */
    static List<String> segments(Context c) {
        if (c.request == null || c.base == null) {
            return List.of();
        }
        String path = c.request.uri().getRawPath();
        String basePath = c.base.uri().getRawPath();
        if (path == null || !path.startsWith(basePath)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String s : path.substring(basePath.length()).split("/")) {
            if (!s.isEmpty()) {
                out.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    static String describeFailure(Probe.Outcome o) {
        if (!o.answered()) {
            return o.describe();
        }
        return errorLine(ErrorDecoder.decode(o.response())) + " (" + o.describe() + ")";
    }

    static String errorLine(ApiError e) {
        return e.status() + (e.code() == null ? "" : " " + e.code()) + " — " + e.description();
    }

    static String abbreviate(String s, int max) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > max ? one.substring(0, max) + "..." : one;
    }

    static String ms(Duration d) {
        long ms = d.toMillis();
        return ms < 10_000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** "3 days 4 h", "2 h 5 min", "40 s". */
    static String human(Duration d) {
        long s = Math.abs(d.getSeconds());
        long days = s / 86_400;
        long h = s % 86_400 / 3600;
        long m = s % 3600 / 60;
        if (days > 0) {
            return days + (days == 1 ? " day" : " days") + (h > 0 ? " " + h + " h" : "");
        }
        if (h > 0) {
            return h + " h" + (m > 0 ? " " + m + " min" : "");
        }
        if (m > 0) {
            return m + " min";
        }
        return s + " s";
    }
}
