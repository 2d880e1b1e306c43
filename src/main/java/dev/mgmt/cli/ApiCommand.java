package dev.mgmt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.client.ApiClient;
import dev.mgmt.client.ApiPaths;
import dev.mgmt.client.retry.ReadBack;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.UsageException;
import dev.mgmt.http.ApiRequest;
import dev.mgmt.http.ApiResponse;
import dev.mgmt.input.InputData;
import dev.mgmt.json.Json;
import dev.mgmt.output.ResultWriter;
import dev.mgmt.resources.Kind;
import dev.mgmt.resources.Kinds;
import dev.mgmt.resources.Operations;
import dev.mgmt.resources.Target;
import dev.mgmt.resources.WriteChecks;
import dev.mgmt.run.Invocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code mgmt api [METHOD] PATH}: any endpoint, with mgmt's decoding and error reporting. */
@Command(name = "api",
    description = {
        "Send a request to any endpoint.",
        "PATH is relative to /apiops/ (a leading / or apiops/ is accepted);",
        "the trailing / the API requires is added unless --exact-path. METHOD defaults to GET, or POST with -d.",
        "JSON results are pretty-printed (--raw prints the body exactly as received); text passes through;",
        "binary bodies are written only when stdout is not a terminal, or to --output-file."},
    sortOptions = false)
public final class ApiCommand extends BaseCommand {
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    @Parameters(arity = "1..2", paramLabel = "[METHOD] PATH", description = "HTTP method (optional) and path.")
    List<String> args = new ArrayList<>();

    @Option(names = {"-d", "--data"}, paramLabel = "DATA",
        description = "Request body: inline, @FILE, or @- for stdin. JSON unless -H 'Content-Type: ...' says otherwise; "
            + "a .yaml/.yml file is sent as JSON.")
    String data;

    @Option(names = {"-H", "--header"}, paramLabel = "'K: V'", description = "Extra request header (repeatable).")
    List<String> headers = new ArrayList<>();

    @Option(names = "--raw", description = "Print the response body exactly as received.")
    boolean raw;

    @Option(names = "--output-file", paramLabel = "FILE", description = "Write the response body to FILE.")
    String outputFile;

    @Option(names = "--exact-path", description = "Send PATH as typed, without adding the trailing /.")
    boolean exactPath;

    @Override
    public Integer call() {
        Invocation inv = invocation();
        if (inv.options().query() != null) {
            throw new UsageException("-q/--query is not supported by 'mgmt api' yet; pipe the output to jq");
        }
        String method;
        String path;
        if (args.size() == 2) {
            method = args.get(0).toUpperCase(Locale.ROOT);
            path = args.get(1);
            if (!METHODS.contains(method)) {
                throw new UsageException("unknown HTTP method '" + args.get(0) + "': expected one of "
                    + String.join(", ", List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")));
            }
        } else {
            path = args.get(0);
            method = data != null ? "POST" : "GET";
        }
        String relative = ApiPaths.normalizeUserPath(path, exactPath);
        List<ApiRequest.Header> userHeaders = parseHeaders(headers);
        String contentType = headerValue(userHeaders, "Content-Type");
        byte[] body = null;
        if (data != null) {
            InputData input = InputData.read(data, inv.env().stdin());
            body = contentType == null || contentType.toLowerCase(Locale.ROOT).contains("json")
                ? input.asJson() : input.bytes();
            if (contentType == null) {
                userHeaders.add(new ApiRequest.Header("Content-Type", "application/json"));
            }
        }
        ApiClient client = inv.client();
        ApiRequest request = client.request(method, client.base().resolve(relative), userHeaders, body);
        ApiResponse response = client.call(request, readBack(client, method, relative, body), raw);
        new ResultWriter(inv.out(), inv.env().stdout(), inv.env().stdoutTerminal(), inv.redactor()).write(response, raw, outputFile);
        return ExitCodes.OK;
    }

    /**
     * Where to look for what a POST created, so an uncertain outcome names the exact check and a 409
     * after a retry can be reconciled. A POST to a kind's collection ({@code projects/P/apiProxyGroups/}),
     * to a create action under it ({@code .../apiProxies/url/}) or to the named item itself
     * ({@code .../connections/c1/}) is recognised from {@link Kinds}: the check is {@code mgmt get KIND NAME},
     * the read is the kind's single-object endpoint, or its list when the API has none. Anything else
     * with a JSON {@code name} falls back to the collection path + name. Null when there is no name.
     */
    static ReadBack readBack(ApiClient client, String method, String relative, byte[] body) {
        if (!method.equals("POST") || body == null) {
            return null;
        }
        JsonNode json = Json.tryParse(body);
        if (json == null || !json.isObject()) {
            return null;
        }
        String path = relative.contains("?") ? relative.substring(0, relative.indexOf('?')) : relative;
        List<String> segments = new ArrayList<>();
        for (String seg : path.split("/")) {
            if (!seg.isEmpty()) {
                segments.add(java.net.URLDecoder.decode(seg.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        ReadBack best = null;
        int bestLength = -1;
        for (Kind k : Kinds.all()) {
            Map<String, String> bound = new HashMap<>();
            if (k.listPath().contains("~") || !bind(k.listPath(), segments, bound) || k.listPath().size() <= bestLength) {
                continue;
            }
            String field = Operations.createdNameField(k);
            String name = json.path(field).isTextual() ? json.get(field).asText()
                : json.path(k.nameField()).isTextual() ? json.get(k.nameField()).asText() : null;
            if (name == null || name.isBlank()) {
                continue;
            }
            List<String> rest = segments.subList(k.listPath().size(), segments.size());
            boolean creates = rest.isEmpty() || rest.size() == 1
                && (rest.get(0).equals(name) || Set.of("url", "file", "import").contains(rest.get(0)));
            if (!creates) {
                continue;
            }
            best = WriteChecks.of(client, new Target(k, bound.get("{project}"), bound.get("{proxy}"),
                bound.get("{credential}"), null), name);
            bestLength = k.listPath().size();
        }
        if (best != null || !json.path("name").isTextual() || json.path("name").asText().isBlank()) {
            return best;
        }
        String name = json.get("name").asText();
        if (!path.endsWith("/")) {
            path = path + "/";
        }
        String encoded = ApiPaths.encodeSegment(name);
        String last = segments.isEmpty() ? "" : segments.get(segments.size() - 1);
        String target = last.equals(name) ? path : path + encoded + "/";
        return new ReadBack(client.base().resolve(target), "mgmt api GET " + target);
    }

    /** Matches a kind's path template against the leading segments, binding its placeholders. */
    private static boolean bind(List<String> template, List<String> segments, Map<String, String> bound) {
        if (segments.size() < template.size()) {
            return false;
        }
        for (int i = 0; i < template.size(); i++) {
            String t = template.get(i);
            if (t.startsWith("{")) {
                bound.put(t, segments.get(i));
            } else if (!t.equals(segments.get(i))) {
                return false;
            }
        }
        return true;
    }

    static List<ApiRequest.Header> parseHeaders(List<String> raw) {
        List<ApiRequest.Header> out = new ArrayList<>();
        for (String h : raw) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw new UsageException("invalid header '" + h + "': expected 'Name: value'");
            }
            String name = h.substring(0, colon).strip();
            if (name.isEmpty() || !name.chars().allMatch(c -> c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
                throw new UsageException("invalid header name '" + name + "'");
            }
            out.add(new ApiRequest.Header(name, h.substring(colon + 1).strip()));
        }
        return out;
    }

    private static String headerValue(List<ApiRequest.Header> headers, String name) {
        for (ApiRequest.Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }
}
