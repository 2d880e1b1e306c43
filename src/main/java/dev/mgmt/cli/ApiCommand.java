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
import dev.mgmt.output.JsonQuery;
import dev.mgmt.output.ResultWriter;
import dev.mgmt.resources.Kind;
import dev.mgmt.resources.Kinds;
import dev.mgmt.resources.Operations;
import dev.mgmt.resources.Target;
import dev.mgmt.resources.WriteChecks;
import dev.mgmt.run.Invocation;
import dev.mgmt.settings.OutputFormat;
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
        "PATH is relative to /apiops/ (a leading / or apiops/ is accepted); the",
        "trailing / the API requires is added unless --exact-path. The method is a",
        "word before PATH or -X (any case), else GET, or POST with -d. Nothing may",
        "follow PATH: fields go in the body (-d).",
        "JSON results are pretty-printed; -q EXPR filters them (JSONPath), -o yaml",
        "prints YAML (-o json is the default; other formats are refused), --raw",
        "prints the body exactly as received. Text passes through; binary bodies",
        "are written only when stdout is not a terminal, or to --output-file.",
        "-i prints the status line and headers of a 2xx answer before the body."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  mgmt api projects/",
        "  mgmt api put projects/MyProject/ -d '{\"name\":\"MyProject\",\"description\":\"x\"}'",
        "  mgmt api -X DELETE projects/MyProject/apiProxies/old/",
        "  mgmt api -i test/healthcheck --exact-path",
        "  mgmt api projects/ -q '$.resultList[*].name' -o yaml"},
    sortOptions = false)
public final class ApiCommand extends BaseCommand implements CommandHelp.GlobalsInHelp {

    /** The response body, as received (JSON) or as YAML. */
    @Override
    PrintedFormats printedFormats() {
        return PrintedFormats.of(OutputFormat.JSON, OutputFormat.YAML);
    }
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    @Parameters(arity = "1..*", paramLabel = "[METHOD] PATH",
        description = "HTTP method (optional, any case) and path; nothing may follow PATH.")
    List<String> args = new ArrayList<>();

    @Option(names = {"-X", "--method"}, paramLabel = "METHOD",
        description = "HTTP method (GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS; any case), as curl -X.")
    String methodOption;

    @Option(names = {"-i", "--include"},
        description = "Print the status line and the response headers on stdout before the body.")
    boolean include;

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
        String method = methodOption == null ? null : method(methodOption, "-X");
        String path = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (isMethodWord(path) && !rest.isEmpty()) {
            String word = method(path, "METHOD");
            if (method != null && !method.equals(word)) {
                throw new UsageException("conflicting methods: -X " + method + " and " + word + "; give one of them");
            }
            method = word;
            path = rest.get(0);
            rest = rest.subList(1, rest.size());
        } else if (isMethodWord(path)) {
            throw new UsageException("missing PATH after the method " + path.toUpperCase(Locale.ROOT)
                + ": mgmt api [METHOD] PATH");
        } else if (!rest.isEmpty() && path.chars().allMatch(Character::isLetter)
            && (path.equals(path.toUpperCase(Locale.ROOT)) || rest.get(0).contains("/"))) {
            method(path, "METHOD");
        }
        if (!rest.isEmpty()) {
            throw new UsageException("unexpected argument '" + rest.get(0) + "' after PATH '" + path
                + "': mgmt api takes [METHOD] PATH" + (rest.get(0).contains("=")
                ? "; send fields as a JSON body: -d '{\"name\":\"value\"}'" : ""));
        }
        if (method == null) {
            method = data != null ? "POST" : "GET";
        }
        String query = inv.options().query();
        if (query != null) {
            if (raw || outputFile != null) {
                throw new UsageException("-q cannot be combined with " + (raw ? "--raw" : "--output-file")
                    + ": they keep the body exactly as received");
            }
            JsonQuery.compile(query);
        }
        // Only an -o flag counts: a table default from MGMT_OUTPUT must not turn bodies into YAML.
        boolean yaml = inv.options().output() != null
            && OutputFormat.parse(inv.options().output(), "-o") == OutputFormat.YAML;
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
        ResultWriter writer = new ResultWriter(inv.out(), inv.env().stdout(), inv.env().stdoutTerminal(), inv.redactor());
        if (include) {
            writer.writeHead(response);
        }
        writer.write(response, raw, outputFile, query, yaml);
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

    private static boolean isMethodWord(String arg) {
        return METHODS.contains(arg.toUpperCase(Locale.ROOT));
    }

    /** The method in upper case; anything but the seven the API knows is a usage error. */
    private static String method(String given, String origin) {
        String m = given.toUpperCase(Locale.ROOT);
        if (!METHODS.contains(m)) {
            throw new UsageException("unknown HTTP method '" + given + "'" + (origin.equals("-X") ? " (from -X)" : "")
                + ": expected one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS");
        }
        return m;
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

    /** -o and -q work differently here (JSON by default, only json|yaml): the help says so beside them. */
    @Override
    public Set<String> globalsShown() {
        return Set.of("--output", "--query");
    }
}
