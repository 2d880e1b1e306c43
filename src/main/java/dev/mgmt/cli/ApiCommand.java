package dev.mgmt.cli;

import dev.mgmt.client.ApiClient;
import dev.mgmt.client.ApiPaths;
import dev.mgmt.client.ApiRequest;
import dev.mgmt.client.ApiResponse;
import dev.mgmt.client.retry.ReadBack;
import dev.mgmt.output.Json;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.UsageException;
import dev.mgmt.input.InputData;
import dev.mgmt.output.ResultWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code mgmt api [METHOD] PATH}: any endpoint, with mgmt's decoding and error reporting. */
@Command(name = "api",
    description = {
        "Send a request to any endpoint. PATH is relative to /apiops/ (a leading / or apiops/ is accepted);",
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
        if (inv.options().query != null) {
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
        ApiResponse response = client.call(request, readBack(client, method, relative, body));
        new ResultWriter(inv.out(), inv.env().stdout(), inv.env().stdoutTerminal()).write(response, raw, outputFile);
        return ExitCodes.OK;
    }

    /**
     * Where to look for what a POST created: the body's {@code name} under the collection posted to
     * ({@code projects/P/apiProxyGroups/} + {@code g1/}), or the path itself when it already ends in that
     * name ({@code connections/c1/}); {@code url/}, {@code file/}, {@code import/} are create actions under
     * the collection, not part of it. Null when there is no name to look for.
     */
    static ReadBack readBack(ApiClient client, String method, String relative, byte[] body) {
        if (!method.equals("POST") || body == null) {
            return null;
        }
        com.fasterxml.jackson.databind.JsonNode json = Json.tryParse(body);
        if (json == null || !json.isObject() || !json.path("name").isTextual() || json.path("name").asText().isBlank()) {
            return null;
        }
        String name = json.get("name").asText();
        String path = relative.contains("?") ? relative.substring(0, relative.indexOf('?')) : relative;
        if (!path.endsWith("/")) {
            path = path + "/";
        }
        String encoded = ApiPaths.encodeSegment(name);
        String trimmed = path.substring(0, path.length() - 1);
        String last = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        String target;
        if (last.equals(encoded) || last.equals(name)) {
            target = path;
        } else if (Set.of("url", "file", "import").contains(last)) {
            target = trimmed.substring(0, trimmed.length() - last.length()) + encoded + "/";
        } else {
            target = path + encoded + "/";
        }
        return new ReadBack(client.base().resolve(target), "mgmt api GET " + target);
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
