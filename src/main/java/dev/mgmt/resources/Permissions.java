package dev.mgmt.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.errors.ApiError;
import dev.mgmt.errors.ErrorDecoder;
import dev.mgmt.errors.FailureDetector;
import dev.mgmt.errors.MgmtException;
import dev.mgmt.errors.NotSentException;
import dev.mgmt.errors.WebPage;
import dev.mgmt.http.ApiRequest;
import dev.mgmt.http.ApiResponse;
import dev.mgmt.json.Json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a token may do, per kind: read (a GET of the list) and write (the kind's {@link WriteProbes}
 * probe, a write whose body cannot be valid). Only an answer that cannot mean anything else counts:
 * a 2xx read is allowed, a 400 to a probe is allowed (the permission check let it through to
 * validation), 401 and 403 are denied; anything else is unknown, and a 2xx to a probe is unknown
 * with a warning, since it means the manager accepted a body it documents as invalid.
 */
public final class Permissions {

    public enum Access {
        ALLOWED("allowed"), DENIED("denied"), NOT_CHECKED("not checked"), UNKNOWN("unknown");

        private final String word;

        Access(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /**
     * One answer. {@code request} is "METHOD path" (null when nothing was sent), {@code status} 0 when none
     * came, {@code warning} set when a probe may have changed something.
     */
    public record Check(Access access, String request, int status, String detail, String warning) {
        public Check {
            detail = detail == null ? "" : detail;
        }

        static Check notChecked(String why) {
            return new Check(Access.NOT_CHECKED, null, 0, why, null);
        }
    }

    public record Row(Kind kind, Check read, Check write) {
    }

    /** Sends one request, once, whatever its status (a probe is never retried); relative to /apiops/. */
    @FunctionalInterface
    public interface Exchange {
        ApiResponse send(String method, String path, List<ApiRequest.Header> headers, byte[] body);
    }

    private final Exchange exchange;
    private final String project;
    private final String proxy;

    /** {@code proxy}: the API proxy whose endpoints and policies to check (null: the first one listed). */
    public Permissions(Exchange exchange, String project, String proxy) {
        this.exchange = exchange;
        this.project = project;
        this.proxy = proxy;
    }

    /** Every kind but reports (administrators' only), in {@link Kinds} order. */
    public List<Row> run() {
        List<Row> rows = new ArrayList<>();
        String firstProxy = proxy;
        String firstCredential = null;
        // Why the proxy (credential) list named none when it got no answer at all: that, not "none", is the reason.
        String proxiesUnanswered = null;
        String credentialsUnanswered = null;
        for (Kind k : Kinds.all()) {
            if (k.singular().equals("report")) {
                continue;
            }
            String missing = missingContext(k, proxiesUnanswered, firstProxy, credentialsUnanswered, firstCredential);
            if (missing != null) {
                rows.add(new Row(k, Check.notChecked(missing), writeNotPossible(k, missing)));
                continue;
            }
            String type = k.listTypes().isEmpty() ? null : k.listTypes().get(0);
            Target t = Target.of(k, k.scope() == Scope.GLOBAL ? null : project, firstProxy, firstCredential, type);
            Answer read = send("GET", t.listPaths().get(0), null, null);
            rows.add(new Row(k, readCheck(read), unproven(write(k, t), read)));
            if (k.singular().equals("proxy") && firstProxy == null) {
                firstProxy = firstName(read.json, k.nameField());
                proxiesUnanswered = read.failure;
            } else if (k.singular().equals("credential")) {
                firstCredential = firstName(read.json, k.nameField());
                credentialsUnanswered = read.failure;
            }
        }
        return rows;
    }

    /** {@code proxiesUnanswered}, {@code credentialsUnanswered}: the failure of a list that got no answer, or null. */
    private String missingContext(Kind k, String proxiesUnanswered, String firstProxy, String credentialsUnanswered,
                                  String firstCredential) {
        if (k.scope() == Scope.GLOBAL) {
            return null;
        }
        if (project == null) {
            return "no project: pass -p/--project";
        }
        if (k.scope() == Scope.PROXY && firstProxy == null) {
            return proxiesUnanswered != null ? proxiesUnanswered : "no API proxy in " + project + " to check them on (--proxy)";
        }
        if (k.scope() == Scope.CREDENTIAL && firstCredential == null) {
            return credentialsUnanswered != null ? credentialsUnanswered : "no credential in " + project + " to check them on";
        }
        return null;
    }

    private static Check writeNotPossible(Kind k, String why) {
        String none = WriteProbes.noWrite(k);
        return Check.notChecked(none != null ? none : why);
    }

    private Check write(Kind k, Target t) {
        String none = WriteProbes.noWrite(k);
        if (none != null) {
            return Check.notChecked(none);
        }
        WriteProbes.Probe p = WriteProbes.forKind(k);
        if (p == null) {
            return Check.notChecked("no write request for " + k.plural() + " is known to be harmless");
        }
        return writeCheck(send(p.method(), t.fill(p.path(), WriteProbes.PROBE_NAME), p.contentType(),
            p.body().getBytes(StandardCharsets.UTF_8)), k, t);
    }

    /**
     * A 400 shows the permission check was passed only if the project (or what the path names) exists: where the
     * list answered 404, a manager that checks the body first would make a 400 of a missing project.
     */
    private static Check unproven(Check write, Answer read) {
        if (write.access() != Access.ALLOWED || read.response == null || read.response.status() != 404) {
            return write;
        }
        return new Check(Access.UNKNOWN, write.request(), write.status(), "the list answered 404 (" + read.request
            + "), so the refused body does not show the permission: " + refusal(read, Access.UNKNOWN).detail(), null);
    }

    private record Answer(String request, ApiResponse response, JsonNode json, String failure) {
    }

    private Answer send(String method, String path, String contentType, byte[] body) {
        String request = method + " " + path;
        List<ApiRequest.Header> headers = contentType == null ? List.of()
            : List.of(new ApiRequest.Header("Content-Type", contentType));
        try {
            ApiResponse r = exchange.send(method, path, headers, body);
            return new Answer(request, r, Json.tryParse(r.body()), null);
        } catch (NotSentException e) {
            return new Answer(null, null, null, e.getMessage());
        } catch (MgmtException e) {
            return new Answer(request, null, null, e.getMessage());
        }
    }

    private static Check readCheck(Answer a) {
        if (a.response == null) {
            return new Check(Access.UNKNOWN, a.request, 0, a.failure, null);
        }
        int status = a.response.status();
        if (a.response.isSuccess()) {
            ApiError failure = notTheApi(a, status);
            return failure != null ? new Check(Access.UNKNOWN, a.request, status, failure.description(), null)
                : new Check(Access.ALLOWED, a.request, status, "", null);
        }
        return refusal(a, status == 401 || status == 403 ? Access.DENIED : Access.UNKNOWN);
    }

    private static Check writeCheck(Answer a, Kind k, Target t) {
        if (a.response == null) {
            return new Check(Access.UNKNOWN, a.request, 0, a.failure, null);
        }
        int status = a.response.status();
        ApiError notTheApi = a.response.isSuccess() ? notTheApi(a, status) : null;
        if (notTheApi != null) {
            // A sign-in page or a failure reported inside the 2xx: the API did not take the request.
            return new Check(Access.UNKNOWN, a.request, status, notTheApi.description(), null);
        }
        if (a.response.isSuccess()) {
            String where = t.where().isEmpty() ? "" : t.where();
            return new Check(Access.UNKNOWN, a.request, status, "the manager accepted a body it documents as invalid",
                a.request + " answered " + status + ": it may have created or changed " + k.plural() + where
                    + " (look for '" + WriteProbes.PROBE_NAME + "' or an unnamed one) and remove it");
        }
        if (status == 400) {
            Check c = refusal(a, Access.ALLOWED);
            return new Check(Access.ALLOWED, c.request(), status, "passed the permission check; the invalid body was "
                + "refused: " + c.detail(), null);
        }
        return refusal(a, status == 401 || status == 403 ? Access.DENIED : Access.UNKNOWN);
    }

    /** A 2xx that is not the API's success: a web page (a sign-in gateway), or a failure in the body. */
    private static ApiError notTheApi(Answer a, int status) {
        ApiError page = WebPage.inspect(a.response);
        return page != null ? page : FailureDetector.inspect(status, a.json);
    }

    private static Check refusal(Answer a, Access access) {
        ApiError e = ErrorDecoder.decode(a.response);
        String detail = (e.code() != null ? e.code() + ": " : "") + e.description();
        return new Check(access, a.request, a.response.status(), detail, null);
    }

    /** The first name in a list answer (a bare array or the envelope's resultList), or null. */
    public static String firstName(JsonNode body, String field) {
        Set<String> names = names(body, field);
        return names.isEmpty() ? null : names.iterator().next();
    }

    /** Every name in a list answer, in order. */
    public static Set<String> names(JsonNode body, String field) {
        Set<String> out = new LinkedHashSet<>();
        JsonNode list = body == null ? null : body.isArray() ? body : body.get("resultList");
        if (list != null && list.isArray()) {
            for (JsonNode n : list) {
                if (n.path(field).isTextual()) {
                    out.add(n.get(field).asText());
                }
            }
        }
        return out;
    }
}
