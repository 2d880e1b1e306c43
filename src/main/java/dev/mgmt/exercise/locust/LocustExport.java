package dev.mgmt.exercise.locust;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.client.ApiPaths;
import dev.mgmt.errors.UsageException;
import dev.mgmt.exercise.Scenario;
import dev.mgmt.exercise.Scenario.Assertion;
import dev.mgmt.exercise.Scenario.Capture;
import dev.mgmt.exercise.Scenario.Step;
import dev.mgmt.exercise.ScenarioRunner;
import dev.mgmt.exercise.Variables;
import dev.mgmt.text.Redactor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A scenario as a Locust file that runs unchanged on one machine or in distributed mode (one master,
 * many workers): each simulated user runs the steps in order, again and again, with its own captured
 * variables, and a broken expectation is a Locust failure. The token and the manager URL are read on
 * each worker at run time (MGMT_TOKEN, MGMT_URL or --host), never written into the file; a scenario
 * feature the file cannot reproduce is a usage error naming the step, never dropped.
 */
public final class LocustExport {
    private static final String RUNTIME = "/dev/mgmt/exercise/locust_runtime.py";
    /** Names whose literal values are never written: those the runner masks (Redactor's rule), and credentials. */
    private static final Pattern SECRET = Pattern.compile(Redactor.SECRET_NAME_REGEX + "|credential",
        Pattern.CASE_INSENSITIVE);
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie");

    private final Scenario scenario;

    private LocustExport(Scenario scenario) {
        this.scenario = scenario;
    }

    /**
     * @param vars      the variables each pass starts from, as templates (vars: as written, -p, -e and --var as
     *                  literals), filled with each user's ${run.id}
     * @param keepGoing run the remaining steps after one fails, as --keep-going does
     * @param connect   connect timeout for each request
     * @param timeout   read timeout for each request
     */
    public static String export(Scenario scenario, Map<String, String> vars, boolean keepGoing, Duration connect,
                                Duration timeout) {
        return new LocustExport(scenario).file(vars, keepGoing, connect, timeout);
    }

    private String file(Map<String, String> vars, boolean keepGoing, Duration connect, Duration timeout) {
        // ${env.NAME} is read on the workers at run time, so it need not be set where the file is made.
        Variables known = new Variables(name -> "");
        vars.forEach(known::put);
        ScenarioRunner.checkVariables(scenario, known);
        for (String name : vars.keySet()) {
            if (SECRET.matcher(name).find()) {
                throw new UsageException(scenario.file() + ": variable '" + name + "' looks secret (its name) and would be"
                    + " written into the Locust file; use ${env.NAME} in the scenario so each worker reads it at run time");
            }
        }
        Set<String> envNames = new TreeSet<>();
        StringBuilder steps = new StringBuilder();
        for (Step s : scenario.steps()) {
            steps.append(step(s, "step", false, envNames));
        }
        StringBuilder cleanup = new StringBuilder();
        for (Step s : scenario.cleanup()) {
            cleanup.append(step(s, "finally step", true, envNames));
        }
        StringBuilder py = new StringBuilder();
        py.append(header());
        py.append("SCENARIO = ").append(PythonLiterals.string(scenario.name())).append("\n");
        py.append("# As --keep-going: run the remaining steps after one fails (the finally steps always run).\n");
        py.append("KEEP_GOING = ").append(keepGoing ? "True" : "False").append("\n");
        py.append("# Connect and read timeouts of each request, in seconds (mgmt's --connect-timeout and --timeout).\n");
        py.append("TIMEOUT = (").append(seconds(connect)).append(", ").append(seconds(timeout)).append(")\n");
        py.append("# The variables each pass starts with (vars:, --var, -p and -e when exported), where ${run.id} is\n");
        py.append("# each user's own id; MGMT_PROJECT and MGMT_ENVIRONMENT on a worker replace project and environment.\n");
        py.append("VARS = {\n");
        vars.forEach((k, v) -> py.append("    ").append(PythonLiterals.string(k)).append(": ")
            .append(PythonLiterals.string(v)).append(",\n"));
        py.append("}\n");
        py.append("# Captures whose names match are masked in failure messages, as mgmt exercise masks them.\n");
        py.append("SECRET_NAME = ").append(PythonLiterals.string(Redactor.SECRET_NAME_REGEX)).append("\n");
        py.append("# The environment variables the steps use as ${env.NAME}, read on each worker at run time.\n");
        py.append("ENV_NAMES = ").append(PythonLiterals.strings(List.copyOf(envNames))).append("\n\n");
        py.append(runtime()).append("\n\n");
        py.append("""
            class ScenarioUser(HttpUser):
                # --host on the command line (on the master, in distributed mode) wins over MGMT_URL.
                host = os.environ.get("MGMT_URL")
                # Each pass starts again at once; use between(1, 5) for think time between passes.
                wait_time = constant(0)

                def on_start(self):
                    # One per user, so that users (on any worker) never create the same names.
                    self.run_id = new_run_id()
                    missing = missing_environment(ENV_NAMES)
                    if missing:
                        self.environment.events.request.fire(
                            request_type="SETUP", name="worker environment", response_time=0, response_length=0,
                            exception=RuntimeError("not set on this worker: " + ", ".join(missing)), context={})
                        raise StopUser()

                @task
                def scenario(self):
                    v = {RUN_ID: self.run_id}
                    for name, template in VARS.items():
                        v[name] = fill(template, v)
                    for name, env in (("project", "MGMT_PROJECT"), ("environment", "MGMT_ENVIRONMENT")):
                        if os.environ.get(env):
                            v[name] = os.environ[env]
                    run = Run(self, os.environ["MGMT_TOKEN"], v)
            """);
        if (scenario.cleanup().isEmpty()) {
            py.append(steps);
        } else {
            py.append("        try:\n").append(indent(steps.toString())).append("        finally:\n")
                .append(indent(cleanup.toString()));
        }
        return py.toString();
    }

    private static String header() {
        return "\"\"\"Locust load test of a scenario (SCENARIO below), exported by 'mgmt exercise --export locust'.\n"
            + "\n"
            + "Every simulated user runs the steps in order, again and again, with its own captured variables; a\n"
            + "broken expectation is a Locust failure. The token is read from MGMT_TOKEN and the manager from --host\n"
            + "or MGMT_URL, on each worker at run time: they are not in this file.\n"
            + "\n"
            + "One machine:\n"
            + "    MGMT_TOKEN=... locust -f locustfile.py --host https://manager.example --headless -u 10 -r 2 -t 1m\n"
            + "Many machines (this same file on each):\n"
            + "    locust -f locustfile.py --master --host https://manager.example --headless -u 100 -r 10 -t 5m \\\n"
            + "        --expect-workers 4\n"
            + "    MGMT_TOKEN=... locust -f locustfile.py --worker --master-host MASTER   # on each worker machine\n"
            + "\"\"\"\n"
            + "import json\n"
            + "import os\n"
            + "import re\n"
            + "import secrets\n"
            + "from decimal import Decimal\n"
            + "\n"
            + "from locust import HttpUser, constant, task\n"
            + "from locust.exception import StopUser\n"
            + "\n";
    }

    private String step(Step s, String what, boolean finalStep, Set<String> envNames) {
        String where = scenario.file() + ":" + s.line() + ": " + what + " '" + s.name() + "': ";
        for (String ref : ScenarioRunner.references(s)) {
            if (ref.startsWith("env.")) {
                envNames.add(ref.substring(4));
            }
        }
        if (Variables.references(s.path()).isEmpty()) {
            try {
                ApiPaths.normalizeUserPath(s.path(), false);
            } catch (UsageException e) {
                throw new UsageException(where + e.getMessage());
            }
        }
        StringBuilder sb = new StringBuilder("        run.step(\n");
        sb.append("            ").append(PythonLiterals.string(s.name())).append(", ")
            .append(PythonLiterals.string(s.method())).append(", ").append(PythonLiterals.string(s.path())).append(",\n");
        if (!s.headers().isEmpty()) {
            sb.append("            headers={");
            boolean first = true;
            for (Map.Entry<String, String> h : s.headers().entrySet()) {
                checkHeader(where, h.getKey(), h.getValue());
                sb.append(first ? "" : ", ").append(PythonLiterals.string(h.getKey())).append(": ")
                    .append(PythonLiterals.string(h.getValue()));
                first = false;
            }
            sb.append("},\n");
        }
        if (s.body() != null) {
            checkBody(where, s.body(), "");
            sb.append("            body=").append(PythonLiterals.json(s.body(), 12)).append(",\n");
        }
        String expect = expect(s, where);
        if (!expect.isEmpty()) {
            sb.append("            expect=Expect(").append(expect).append("),\n");
        }
        if (!s.captures().isEmpty()) {
            sb.append("            capture={\n");
            for (Capture c : s.captures().values()) {
                sb.append("                ").append(PythonLiterals.string(c.variable())).append(": Capture(")
                    .append(c.line()).append(", ").append(PythonLiterals.string(c.expression())).append(",\n")
                    .append("                    ").append(segments(where, "line " + c.line() + ": capture '" + c.variable() + "'", c.expression()))
                    .append("),\n");
            }
            sb.append("            },\n");
        }
        if (s.onlyIf() != null) {
            sb.append("            only_if=").append(PythonLiterals.string(s.onlyIf().passed())).append(",\n");
        }
        if (finalStep) {
            sb.append("            final=True,\n");
        }
        return sb.append("        )\n").toString();
    }

    private String expect(Step s, String where) {
        Scenario.Expect e = s.expect();
        StringBuilder sb = new StringBuilder();
        if (!e.statuses().isEmpty()) {
            sb.append("status=").append(PythonLiterals.strings(e.statuses().stream().map(Scenario.StatusPattern::text)
                .toList()));
        }
        if (e.error() != null) {
            sb.append(sb.isEmpty() ? "" : ", ").append("error=").append(PythonLiterals.string(e.error()));
        }
        if (e.maxLatency() != null) {
            double ms = e.maxLatency().toNanos() / 1e6;
            sb.append(sb.isEmpty() ? "" : ", ").append("max_latency_ms=")
                .append(ms == Math.rint(ms) ? Long.toString((long) ms) : Double.toString(ms));
        }
        if (!e.assertions().isEmpty()) {
            sb.append(sb.isEmpty() ? "" : ", ").append("body=[\n");
            for (Assertion a : e.assertions()) {
                String about = "line " + a.line() + ": '" + a.describe() + "'";
                if (a.op() == Scenario.Op.MATCHES) {
                    String feature = RegexDialect.javaOnly(a.expected().asText());
                    if (feature != null) {
                        throw new UsageException(where + about + ": the regular expression uses " + feature
                            + ", which Python's re (in the Locust file) does not read the same way");
                    }
                }
                sb.append("                Check(").append(a.line()).append(", ").append(PythonLiterals.string(a.expression()))
                    .append(", ").append(PythonLiterals.string(a.op().key())).append(", ")
                    .append(PythonLiterals.json(a.expected(), 16)).append(",\n                      ")
                    .append(segments(where, about, a.expression())).append("),\n");
            }
            sb.append("            ]");
        }
        return sb.toString();
    }

    private String segments(String where, String about, String expression) {
        try {
            return "[" + JsonPathSegments.parse(expression).stream().map(JsonPathSegments.Segment::python)
                .collect(Collectors.joining(", ")) + "]";
        } catch (JsonPathSegments.Untranslatable e) {
            throw new UsageException(where + about + ": JSONPath " + e.getMessage()
                + " cannot be exported to Locust (supported: names, ['name'], [n], [*], .*, [?(@.field OP value)])");
        }
    }

    /** A credential written as a literal in a header would travel with the file: only ${...} may supply it. */
    private static void checkHeader(String where, String name, String value) {
        boolean credential = CREDENTIAL_HEADERS.contains(name.toLowerCase(Locale.ROOT)) || SECRET.matcher(name).find();
        if (credential && Variables.references(value).isEmpty()) {
            throw new UsageException(where + "header '" + name + "' holds a literal credential, which would be written"
                + " into the Locust file; give it as ${env.NAME} so each worker reads it at run time");
        }
    }

    private static void checkBody(String where, JsonNode body, String at) {
        if (body.isObject()) {
            for (Map.Entry<String, JsonNode> e : body.properties()) {
                String field = at.isEmpty() ? e.getKey() : at + "." + e.getKey();
                JsonNode v = e.getValue();
                if (SECRET.matcher(e.getKey()).find() && v.isTextual() && !v.asText().isEmpty()
                    && Variables.references(v.asText()).isEmpty()) {
                    throw new UsageException(where + "body field '" + field + "' holds a literal secret, which would be"
                        + " written into the Locust file; give it as ${env.NAME} so each worker reads it at run time");
                }
                checkBody(where, v, field);
            }
        } else if (body.isArray()) {
            for (int i = 0; i < body.size(); i++) {
                checkBody(where, body.get(i), at + "[" + i + "]");
            }
        }
    }

    private static String seconds(Duration d) {
        return Double.toString(d.toMillis() / 1000.0);
    }

    private static String indent(String block) {
        return block.lines().map(l -> l.isEmpty() ? l : "    " + l).collect(Collectors.joining("\n", "", "\n"));
    }

    private static String runtime() {
        try (InputStream in = LocustExport.class.getResourceAsStream(RUNTIME)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RUNTIME);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
