package dev.mgmt.exercise;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import dev.mgmt.errors.UsageException;
import dev.mgmt.exercise.Scenario.Assertion;
import dev.mgmt.exercise.Scenario.Capture;
import dev.mgmt.exercise.Scenario.Condition;
import dev.mgmt.exercise.Scenario.Expect;
import dev.mgmt.exercise.Scenario.Op;
import dev.mgmt.exercise.Scenario.StatusPattern;
import dev.mgmt.exercise.Scenario.Step;
import dev.mgmt.input.InputData;
import dev.mgmt.json.Json;
import dev.mgmt.json.LocatedBody;
import dev.mgmt.output.JsonQuery;
import dev.mgmt.process.BoundedRead;
import dev.mgmt.process.InputLimit;
import dev.mgmt.text.Durations;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a scenario file and checks all of it before anything is sent: unknown keys, wrong types,
 * invalid JSONPath, bad ${...} syntax and unreadable body files are usage errors naming the line.
 */
public final class ScenarioParser {
    static final Set<String> TOP_KEYS = Set.of("name", "description", "vars", "steps", "finally");
    static final Set<String> STEP_KEYS = Set.of("name", "method", "path", "headers", "body", "bodyFile", "expect",
        "capture", "if");
    static final Set<String> EXPECT_KEYS = Set.of("status", "error", "maxLatency", "body");
    static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private final LocatedBody tree;
    private final Path file;
    /** The names of the steps read so far (main steps, then finally steps) and their lines, for {@code if:}. */
    private final Map<String, List<Integer>> earlier = new LinkedHashMap<>();

    private ScenarioParser(LocatedBody tree, Path file) {
        this.tree = tree;
        this.file = file;
    }

    public static Scenario parse(Path file) {
        byte[] bytes;
        try {
            bytes = BoundedRead.bytes(file, InputLimit.SCENARIO);
        } catch (BoundedRead.TooLarge e) {
            throw new UsageException(e.about("scenario '" + file + "'"));
        } catch (NoSuchFileException e) {
            throw new UsageException("cannot read scenario '" + file + "': no such file");
        } catch (IOException e) {
            throw new UsageException("cannot read scenario '" + file + "': " + e.getMessage());
        }
        return parse(bytes, file);
    }

    public static Scenario parse(byte[] bytes, Path file) {
        return new ScenarioParser(located(bytes, file.toString()), file).scenario();
    }

    /** The scenario read with the line of every value; what cannot be read is a usage error naming its line. */
    private static LocatedBody located(byte[] bytes, String file) {
        LocatedBody tree;
        try {
            tree = LocatedBody.of(bytes, true);
        } catch (LocatedBody.DuplicateKey e) {
            throw new UsageException("line " + e.line() + ": duplicate key '" + e.key() + "'");
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String msg = Json.problem(e);
            int nl = msg.indexOf('\n');
            throw new UsageException(file + (line > 0 ? ":" + line : "") + ": invalid YAML: "
                + (nl >= 0 ? msg.substring(0, nl) : msg));
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read: " + e.getMessage());
        }
        if (tree.root() == null) {
            throw new UsageException(file + ": the scenario is empty");
        }
        return tree;
    }

    /** The line of the value at {@code pointer}, or of its nearest ancestor. */
    private int line(String pointer) {
        return Math.max(1, tree.lineAt(pointer));
    }

    /** "scenario.yaml:12: message" as a usage error (exit 2). */
    private UsageException error(String pointer, String message) {
        return new UsageException(file + ":" + line(pointer) + ": " + message);
    }

    private Scenario scenario() {
        JsonNode root = tree.root();
        if (!root.isObject()) {
            throw error("", "a scenario is a mapping with 'steps:' (and optionally name, vars, finally)");
        }
        keys(root, "", TOP_KEYS, "scenario");
        String name = root.has("name") ? text(root, "/name") : stripExtension(file.getFileName().toString());
        Map<String, String> vars = new LinkedHashMap<>();
        if (root.has("vars")) {
            JsonNode v = root.get("vars");
            if (!v.isObject()) {
                throw error("/vars", "'vars' must be a mapping of name: value");
            }
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                String ptr = "/vars/" + e.getKey();
                settable(e.getKey(), ptr);
                if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                    throw error(ptr, "variable '" + e.getKey() + "' must be a string, number or boolean");
                }
                vars.put(e.getKey(), defaultValue(e.getKey(), ptr));
            }
        }
        if (!root.has("steps")) {
            throw error("", "missing 'steps:' (a list of requests)");
        }
        List<Step> steps = steps("/steps", "step");
        List<Step> cleanup = root.has("finally") ? steps("/finally", "finally step") : List.of();
        if (steps.isEmpty()) {
            throw error("/steps", "'steps' is empty");
        }
        return new Scenario(name, file, vars, steps, cleanup);
    }

    private List<Step> steps(String ptr, String what) {
        JsonNode list = at(ptr);
        if (!list.isArray()) {
            throw error(ptr, "'" + ptr.substring(1) + "' must be a list of steps (each starting with '- ')");
        }
        List<Step> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(step(ptr + "/" + i, i + 1, what));
        }
        return out;
    }

    private Step step(String ptr, int index, String what) {
        JsonNode s = at(ptr);
        if (!s.isObject()) {
            throw error(ptr, what + " " + index + " must be a mapping with at least 'path:'");
        }
        keys(s, ptr, STEP_KEYS, what);
        if (!s.has("path")) {
            throw error(ptr, what + " " + index + " has no 'path:'");
        }
        String path = templated(ptr + "/path");
        String method = s.has("method") ? text(s, ptr + "/method").toUpperCase(Locale.ROOT) : "GET";
        if (!METHODS.contains(method)) {
            throw error(ptr + "/method", "unknown HTTP method '" + s.get("method").asText() + "': expected one of "
                + String.join(", ", List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")));
        }
        String name = s.has("name") ? text(s, ptr + "/name") : method + " " + path;
        Condition onlyIf = s.has("if") ? condition(ptr + "/if") : null;
        earlier.computeIfAbsent(name, k -> new ArrayList<>()).add(line(ptr));
        Map<String, String> headers = new LinkedHashMap<>();
        if (s.has("headers")) {
            JsonNode h = s.get("headers");
            if (!h.isObject()) {
                throw error(ptr + "/headers", "'headers' must be a mapping of Name: value");
            }
            for (Iterator<String> it = h.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!k.chars().allMatch(c -> c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0) || k.isEmpty()) {
                    throw error(ptr + "/headers/" + k, "invalid header name '" + k + "'");
                }
                if (!h.get(k).isValueNode() || h.get(k).isNull()) {
                    throw error(ptr + "/headers/" + k, "header '" + k + "' must have a text value");
                }
                headers.put(k, templated(ptr + "/headers/" + k));
            }
        }
        JsonNode body = null;
        if (s.has("body") && s.has("bodyFile")) {
            throw error(ptr + "/bodyFile", "give either 'body' or 'bodyFile', not both");
        }
        if (s.has("body")) {
            body = s.get("body");
            checkTemplates(body, ptr + "/body");
        } else if (s.has("bodyFile")) {
            String f = text(s, ptr + "/bodyFile");
            Path resolved = (file.toAbsolutePath().getParent() == null ? Path.of(".") : file.toAbsolutePath().getParent())
                .resolve(f);
            try {
                body = InputData.read("@" + resolved, null).parseAuto();
            } catch (UsageException e) {
                throw error(ptr + "/bodyFile", "bodyFile '" + f + "': " + e.getMessage());
            }
            checkTemplates(body, ptr + "/bodyFile");
        }
        Expect expect = s.has("expect") ? expect(ptr + "/expect") : new Expect(List.of(), null, null, List.of());
        Map<String, Capture> captures = new LinkedHashMap<>();
        if (s.has("capture")) {
            JsonNode c = s.get("capture");
            if (!c.isObject()) {
                throw error(ptr + "/capture", "'capture' must be a mapping of variable: JSONPath");
            }
            for (Iterator<String> it = c.fieldNames(); it.hasNext(); ) {
                String var = it.next();
                String cp = ptr + "/capture/" + var;
                settable(var, cp);
                String expr = text(c, cp);
                captures.put(var, new Capture(var, expr, jsonPath(expr, cp), line(cp)));
            }
        }
        return new Step(name, line(ptr), method, path, headers, body, expect, captures, onlyIf);
    }

    /** {@code if: {passed: STEP}}, naming a step that comes earlier in the run, and only one such step. */
    private Condition condition(String ptr) {
        JsonNode c = at(ptr);
        if (!c.isObject() || !c.has("passed")) {
            throw error(ptr, "'if' must be a mapping such as {passed: create the proxy} (the name of an earlier step)");
        }
        keys(c, ptr, Set.of("passed"), "if");
        String step = text(c, ptr + "/passed");
        List<Integer> lines = earlier.get(step);
        if (lines == null) {
            String close = dev.mgmt.text.NameMatcher.closest(step, List.copyOf(earlier.keySet()), 3).stream().findFirst()
                .orElse(null);
            throw error(ptr + "/passed", "'if: {passed: " + step + "}' names no earlier step"
                + (close != null ? "; did you mean '" + close + "'?" : earlier.isEmpty() ? " (this is the first step)"
                : " (earlier steps: " + String.join(", ", earlier.keySet()) + ")"));
        }
        if (lines.size() > 1) {
            throw error(ptr + "/passed", "'if: {passed: " + step + "}' is ambiguous: steps on lines "
                + lines.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(" and "))
                + " share that name; give them different names");
        }
        return new Condition(step);
    }

    private Expect expect(String ptr) {
        JsonNode e = at(ptr);
        if (!e.isObject()) {
            throw error(ptr, "'expect' must be a mapping (status, error, maxLatency, body)");
        }
        keys(e, ptr, EXPECT_KEYS, "expect");
        List<StatusPattern> statuses = new ArrayList<>();
        if (e.has("status")) {
            JsonNode st = e.get("status");
            if (st.isArray()) {
                for (int i = 0; i < st.size(); i++) {
                    statuses.add(status(st.get(i), ptr + "/status/" + i));
                }
            } else {
                statuses.add(status(st, ptr + "/status"));
            }
        }
        String error = e.has("error") ? text(e, ptr + "/error") : null;
        Duration max = null;
        if (e.has("maxLatency")) {
            JsonNode m = e.get("maxLatency");
            max = m.isNumber() ? Duration.ofMillis(m.asLong()) : m.isTextual() ? Durations.parseOrNull(m.asText(), Durations.Bare.MILLIS)
                : null;
            if (max == null) {
                throw error(ptr + "/maxLatency", "invalid maxLatency '" + m.asText()
                    + "': expected milliseconds or a duration such as 500ms, 2s");
            }
        }
        List<Assertion> assertions = new ArrayList<>();
        if (e.has("body")) {
            JsonNode b = e.get("body");
            if (!b.isArray()) {
                throw error(ptr + "/body", "'expect.body' must be a list of {path: JSONPATH, equals|contains|"
                    + "exists|count|matches: VALUE}");
            }
            for (int i = 0; i < b.size(); i++) {
                assertions.add(assertion(ptr + "/body/" + i));
            }
        }
        return new Expect(statuses, error, max, assertions);
    }

    private StatusPattern status(JsonNode n, String ptr) {
        String t = n.asText().strip().toLowerCase(Locale.ROOT);
        if (!(n.isInt() || n.isTextual()) || !t.matches("[1-5]([0-9]{2}|xx)")) {
            throw error(ptr, "invalid status '" + n.asText() + "': expected a code such as 200, or a class such as 2xx");
        }
        return new StatusPattern(t);
    }

    private Assertion assertion(String ptr) {
        JsonNode a = at(ptr);
        if (!a.isObject()) {
            throw error(ptr, "an assertion is a mapping such as {path: \"$.resultCount\", equals: 1}");
        }
        Set<String> allowed = new java.util.LinkedHashSet<>();
        allowed.add("path");
        for (Op op : Op.values()) {
            allowed.add(op.key());
        }
        keys(a, ptr, allowed, "assertion");
        if (!a.has("path")) {
            throw error(ptr, "assertion has no 'path:' (a JSONPath such as $.resultList[*].name)");
        }
        String expr = text(a, ptr + "/path");
        JsonPath compiled = jsonPath(expr, ptr + "/path");
        Op op = null;
        for (Op o : Op.values()) {
            if (a.has(o.key())) {
                if (op != null) {
                    throw error(ptr + "/" + o.key(), "assertion has both '" + op.key() + "' and '" + o.key()
                        + "': one check per assertion");
                }
                op = o;
            }
        }
        if (op == null) {
            throw error(ptr, "assertion on " + expr + " says nothing to check: add equals, contains, exists, count "
                + "or matches");
        }
        JsonNode expected = a.get(op.key());
        String vp = ptr + "/" + op.key();
        switch (op) {
            case EXISTS:
                if (!expected.isBoolean()) {
                    throw error(vp, "'exists' takes true or false");
                }
                break;
            case COUNT:
                if (!expected.isIntegralNumber() || expected.asLong() < 0) {
                    throw error(vp, "'count' takes a whole number >= 0");
                }
                break;
            case MATCHES:
                if (!expected.isTextual()) {
                    throw error(vp, "'matches' takes a regular expression");
                }
                try {
                    Pattern.compile(expected.asText());
                } catch (java.util.regex.PatternSyntaxException ex) {
                    throw error(vp, "invalid regular expression: " + ex.getDescription());
                }
                break;
            default:
                checkTemplates(expected, vp);
        }
        return new Assertion(expr, compiled, op, expected, line(ptr));
    }

    /** Compiles a JSONPath (with any ${...} replaced by a placeholder), as a usage error naming the line. */
    private JsonPath jsonPath(String expr, String ptr) {
        String problem = Variables.syntaxProblem(expr);
        if (problem != null) {
            throw error(ptr, problem);
        }
        if (!expr.strip().startsWith("$")) {
            throw error(ptr, "invalid JSONPath '" + expr + "': it must start with $ (e.g. $.resultList[*].name)");
        }
        try {
            return JsonPath.compile(Variables.REF.matcher(expr).replaceAll("x"));
        } catch (InvalidPathException | IllegalArgumentException e) {
            throw error(ptr, "invalid JSONPath '" + expr + "': " + JsonQuery.problem(e));
        }
    }

    private void keys(JsonNode node, String ptr, Set<String> allowed, String what) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                String close = dev.mgmt.text.NameMatcher.closest(k, List.copyOf(allowed), 2).stream().findFirst()
                    .orElse(null);
                throw error(ptr + "/" + k, "unknown key '" + k + "' in " + what
                    + (close != null ? "; did you mean '" + close + "'?" : "") + " (allowed: "
                    + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private String text(JsonNode parent, String ptr) {
        JsonNode n = at(ptr);
        if (!n.isValueNode() || n.isNull()) {
            throw error(ptr, "'" + ptr.substring(ptr.lastIndexOf('/') + 1) + "' must be text");
        }
        return n.asText();
    }

    /** A name that {@code vars:} or a capture may give a value to. */
    private void settable(String name, String ptr) {
        if (!Variables.isName(name)) {
            throw error(ptr, "invalid variable name '" + name + "'");
        }
        String reserved = Variables.notSettable(name);
        if (reserved != null) {
            throw error(ptr, "variable " + reserved);
        }
    }

    /**
     * A {@code vars:} value, a template that may use ${run.id} only: it is filled once as the run (each
     * Locust user) starts, before -p, -e or any capture could be known.
     */
    private String defaultValue(String name, String ptr) {
        String value = templated(ptr);
        for (String ref : Variables.references(value)) {
            if (!ref.equals(Variables.RUN_ID)) {
                throw error(ptr, "variable '" + name + "' uses ${" + ref + "}: a 'vars:' value may use only ${"
                    + Variables.RUN_ID + "} (write $${ for a literal ${)");
            }
        }
        return value;
    }

    private String templated(String ptr) {
        String t = text(null, ptr);
        String problem = Variables.syntaxProblem(t);
        if (problem != null) {
            throw error(ptr, problem);
        }
        return t;
    }

    private void checkTemplates(JsonNode node, String ptr) {
        for (String s : Variables.strings(node)) {
            String problem = Variables.syntaxProblem(s);
            if (problem != null) {
                throw error(ptr, problem);
            }
        }
    }

    private JsonNode at(String ptr) {
        return ptr.isEmpty() ? tree.root() : tree.root().at(ptr);
    }

    private static String stripExtension(String f) {
        int dot = f.lastIndexOf('.');
        return dot > 0 ? f.substring(0, dot) : f;
    }
}
