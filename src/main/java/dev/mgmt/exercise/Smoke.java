package dev.mgmt.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.client.ApiClient;
import dev.mgmt.errors.ApiError;
import dev.mgmt.errors.ErrorDecoder;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.FailureDetector;
import dev.mgmt.errors.MgmtException;
import dev.mgmt.errors.NotSentException;
import dev.mgmt.errors.WebPage;
import dev.mgmt.http.ApiResponse;
import dev.mgmt.json.Json;
import dev.mgmt.resources.Kind;
import dev.mgmt.resources.Kinds;
import dev.mgmt.resources.Permissions;
import dev.mgmt.resources.Scope;
import dev.mgmt.resources.Target;
import dev.mgmt.text.NameMatcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The read-only sweep: every list endpoint mgmt knows ({@link Kinds}), plus the health check and the
 * token check, for one project and environment. Each endpoint is read once, without retries, and
 * classified: readable, 401, 403 (missing permission), 404, or another error.
 */
public final class Smoke {

    /** How an endpoint answered. */
    public enum Verdict {
        OK("ok"), UNAUTHORIZED("unauthorized"), FORBIDDEN("forbidden"), NOT_FOUND("not_found"), ERROR("error"),
        SKIPPED("skipped");

        private final String json;

        Verdict(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }
    }

    /** One row of the matrix. */
    public record Row(String label, String path, int status, Verdict verdict, String detail, Integer items, int exit) {
    }

    private final ApiClient client;
    private final String project;
    private final String environment;
    private final String proxy;
    private final Liveness liveness;
    /** What each GET got, a failure included: a read that hung is not sent again by the permission matrix. */
    private final Map<String, Answer> answers = new HashMap<>();

    private record Answer(ApiResponse response, MgmtException failure) {
        ApiResponse get() {
            if (failure != null) {
                throw failure;
            }
            return response;
        }
    }

    /** {@code timeout}: --timeout, which also bounds the health check that follows a probe that hung. */
    public Smoke(ApiClient client, Duration timeout, String project, String environment, String proxy) {
        this.client = client;
        this.liveness = new Liveness(client, timeout);
        this.project = project;
        this.environment = environment;
        this.proxy = proxy;
    }

    /**
     * Fails (exit 6, with the closest names) when the project's proxy list is readable and lacks --proxy:
     * before the sweep, so that no read or write probe goes to a proxy that is not there. A list that cannot
     * be read proves nothing; the sweep then reports it as it reports any endpoint.
     */
    public void requireProxy() {
        if (proxy == null || project == null) {
            return;
        }
        Kind kind = Kinds.find("proxy");
        String path = Target.of(kind, project, null, null, null).listPaths().get(0);
        Read list = read(kind.plural(), path);
        if (list.row.verdict() != Verdict.OK || list.body == null || !list.body.path("resultList").isArray()) {
            return;
        }
        Set<String> names = Permissions.names(list.body, kind.nameField());
        if (!names.contains(proxy)) {
            throw new MgmtException(ExitCodes.NOT_FOUND, "--proxy: no API proxy named '" + proxy + "' in project '"
                + project + "'" + NameMatcher.suggestion(proxy, names, "mgmt get " + kind.plural() + " -p " + project));
        }
    }

    public List<Row> run() {
        List<Row> rows = new ArrayList<>();
        rows.add(read("health check", "test/healthcheck/").row);
        rows.add(read("token check", "test/hello/x/").row);
        String firstProxy = proxy;
        String firstCredential = null;
        for (Kind k : Kinds.all()) {
            if (k.singular().equals("report")) {
                // Organisation reports are for administrators only (the API answers 401 to others):
                // not something a pipeline's token is expected to read.
                continue;
            }
            if (k.scope() == Scope.GLOBAL) {
                rows.add(read(k.plural(), Target.of(k, null, null, null, null).listPaths().get(0)).row);
                if (project != null && k.narrowedPath() != null) {
                    Read r = read(k.plural() + " of " + project, Target.of(k, project, null, null, null).listPaths().get(0));
                    rows.add(r.row);
                    if (k.singular().equals("environment") && environment != null) {
                        rows.add(environmentRow(r));
                    }
                }
                continue;
            }
            if (project == null) {
                rows.add(skipped(k.plural(), pathTemplate(k), "no project: pass -p/--project"));
                continue;
            }
            if (k.scope() == Scope.PROXY && firstProxy == null) {
                rows.add(skipped(k.plural(), pathTemplate(k), unlisted("no API proxy in " + project
                    + " to read them from (--proxy)")));
                continue;
            }
            if (k.scope() == Scope.CREDENTIAL && firstCredential == null) {
                rows.add(skipped(k.plural(), pathTemplate(k), unlisted("no credential in " + project + " to read them from")));
                continue;
            }
            String type = k.listTypes().isEmpty() ? null : k.listTypes().get(0);
            Target t = Target.of(k, project, firstProxy, firstCredential, type);
            Read r = read(k.plural(), t.listPaths().get(0));
            rows.add(r.row);
            if (k.singular().equals("proxy") && firstProxy == null) {
                firstProxy = Permissions.firstName(r.body, k.nameField());
            }
            if (k.singular().equals("credential")) {
                firstCredential = Permissions.firstName(r.body, k.nameField());
            }
        }
        return rows;
    }

    private record Read(Row row, JsonNode body) {
    }

    /**
     * Why a kind that needs a proxy (or credential) name has none: the list just before it in the sweep was
     * empty, or was not even sent because the manager had stopped answering.
     */
    private String unlisted(String none) {
        return stopped() != null ? "not sent: " + stopped() : none;
    }

    /**
     * Sends through this sweep's client, once; a GET the sweep already sent is answered from what it got,
     * so the permission matrix after the sweep costs only its write probes.
     */
    public Permissions.Exchange exchange() {
        return (method, path, headers, body) -> {
            Answer seen = method.equals("GET") ? answers.get(path) : null;
            return seen != null ? seen.get()
                : liveness.send(client.request(method, client.base().resolve(path), headers, body));
        };
    }

    /** Why the probes after one that hung were not sent (the manager stopped answering), or null. */
    public String stopped() {
        return liveness.stopped();
    }

    /** A GET of {@code path}, sent once: asked again, it is answered from what came back. */
    private ApiResponse get(String path) {
        Answer seen = answers.get(path);
        if (seen == null) {
            try {
                seen = new Answer(liveness.send(client.request("GET", client.base().resolve(path), List.of(), null)), null);
            } catch (MgmtException e) {
                seen = new Answer(null, e);
            }
            answers.put(path, seen);
        }
        return seen.get();
    }

    private Read read(String label, String path) {
        ApiResponse response;
        try {
            response = get(path);
        } catch (NotSentException e) {
            return new Read(skipped(label, path, e.getMessage()), null);
        } catch (MgmtException e) {
            return new Read(new Row(label, path, 0, Verdict.ERROR, e.getMessage(), null, e.exitCode()), null);
        }
        int status = response.status();
        if (!response.isSuccess()) {
            ApiError error = ErrorDecoder.decode(response);
            Verdict v = status == 401 ? Verdict.UNAUTHORIZED : status == 403 ? Verdict.FORBIDDEN
                : status == 404 ? Verdict.NOT_FOUND : Verdict.ERROR;
            String detail = (error.code() != null ? error.code() + ": " : "") + error.description();
            return new Read(new Row(label, path, status, v, detail, null, ExitCodes.forStatus(status)), null);
        }
        ApiError page = WebPage.inspect(response);
        if (page != null) {
            return new Read(new Row(label, path, status, Verdict.ERROR, page.description(), null,
                ExitCodes.UNEXPECTED_RESPONSE), null);
        }
        JsonNode json = Json.tryParse(response.body());
        ApiError failure = FailureDetector.inspect(status, json);
        if (failure != null) {
            return new Read(new Row(label, path, status, Verdict.ERROR, failure.description(), null,
                ExitCodes.REPORTED_FAILURE), json);
        }
        Integer items = null;
        if (json != null && json.path("resultList").isArray()) {
            items = json.get("resultList").size();
        } else if (json != null && json.isArray()) {
            items = json.size();
        }
        return new Read(new Row(label, path, status, Verdict.OK, "", items, 0), json);
    }

    private Row environmentRow(Read envs) {
        String label = "environment " + environment + " in " + project;
        if (envs.row.verdict() != Verdict.OK) {
            return new Row(label, envs.row.path(), 0, Verdict.SKIPPED, "the environment list is not readable", null, 0);
        }
        Set<String> names = Permissions.names(envs.body, "name");
        if (names.contains(environment)) {
            return new Row(label, envs.row.path(), envs.row.status(), Verdict.OK, "", null, 0);
        }
        return new Row(label, envs.row.path(), envs.row.status(), Verdict.NOT_FOUND,
            "project " + project + " has no environment '" + environment + "' (it has: " + String.join(", ", names) + ")",
            null, ExitCodes.NOT_FOUND);
    }

    private static Row skipped(String label, String path, String why) {
        return new Row(label, path, 0, Verdict.SKIPPED, why, null, 0);
    }

    private static String pathTemplate(Kind k) {
        return String.join("/", k.listPath()) + "/";
    }

    /** 0 when every endpoint that was tried is readable; else the exit code of the first that is not. */
    public static int exitCode(List<Row> rows) {
        for (Row r : rows) {
            if (r.verdict() != Verdict.OK && r.verdict() != Verdict.SKIPPED) {
                return r.exit();
            }
        }
        return ExitCodes.OK;
    }

    /** The endpoints skipped, by the reason they were skipped for, in sweep order. */
    public static Map<String, List<String>> notChecked(List<Row> rows) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.verdict() == Verdict.SKIPPED) {
                out.computeIfAbsent(r.detail(), k -> new ArrayList<>()).add(r.label());
            }
        }
        return out;
    }

    public static ObjectNode json(List<Row> rows, String url, String project, String environment) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("url", url);
        o.put("project", project);
        o.put("environment", environment);
        ArrayNode arr = o.putArray("endpoints");
        int[] counts = new int[Verdict.values().length];
        for (Row r : rows) {
            counts[r.verdict().ordinal()]++;
            ObjectNode e = arr.addObject().put("endpoint", r.label()).put("path", r.path());
            if (r.status() > 0) {
                e.put("status", r.status());
            } else {
                e.putNull("status");
            }
            e.put("result", r.verdict().json());
            if (r.items() != null) {
                e.put("items", r.items());
            }
            if (!r.detail().isEmpty()) {
                e.put("detail", r.detail());
            }
        }
        ObjectNode s = o.putObject("summary");
        s.put("total", rows.size());
        for (Verdict v : Verdict.values()) {
            s.put(v.json(), counts[v.ordinal()]);
        }
        ArrayNode notChecked = o.putArray("not_checked");
        notChecked(rows).forEach((why, labels) -> labels.forEach(l -> notChecked.addObject()
            .put("endpoint", l).put("reason", why)));
        ArrayNode can = o.putArray("can_read");
        ArrayNode cannot = o.putArray("cannot_read");
        for (Row r : rows) {
            if (r.verdict() == Verdict.OK) {
                can.add(r.label());
            } else if (r.verdict() != Verdict.SKIPPED) {
                cannot.add(r.label());
            }
        }
        o.put("exit_code", exitCode(rows));
        return o;
    }
}
