package dev.mgmt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.UsageException;
import dev.mgmt.exercise.ExerciseReports;
import dev.mgmt.exercise.PermissionReport;
import dev.mgmt.exercise.PermissionRequirements;
import dev.mgmt.exercise.Scenario;
import dev.mgmt.exercise.ScenarioParser;
import dev.mgmt.exercise.ScenarioRunner;
import dev.mgmt.exercise.Smoke;
import dev.mgmt.exercise.StepResult;
import dev.mgmt.exercise.Variables;
import dev.mgmt.exercise.locust.LocustExport;
import dev.mgmt.json.Json;
import dev.mgmt.process.Interrupt;
import dev.mgmt.report.Glyphs;
import dev.mgmt.report.Result;
import dev.mgmt.resources.Permissions;
import dev.mgmt.run.Invocation;
import dev.mgmt.settings.OutputFormat;
import dev.mgmt.settings.Settings;
import dev.mgmt.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code mgmt exercise SCENARIO.yaml} and {@code mgmt exercise --smoke}. */
@Command(footerHeading = "%nExamples:%n", footer = {
        "  mgmt exercise --smoke -p MyProject",
        "  mgmt exercise --smoke -p MyProject --require read,proxy:write -o json",
        "  mgmt exercise examples/proxy-lifecycle.yaml -p MyProject -e staging",
        "  mgmt --sandbox exercise examples/read-only.yaml -p MyProject -e production",
        "  mgmt exercise examples/read-only.yaml -p MyProject --export locust > locustfile.py"},
    name = "exercise",
    description = {
        "Run a scenario of requests with expectations, or with --smoke a read-only sweep and permission matrix.",
        "A scenario is a CI check that this manager and token can do what a pipeline needs; --smoke sweeps",
        "every list endpoint for -p/-e and prints a permission matrix:",
        "per kind, read (the list) and write, found by a write whose body cannot be valid (403: denied,",
        "400: allowed; nothing can be created; see the README's table of probes).",
        "",
        "Results go to stdout: one line per step (-o json: one JSON summary; the step lines then go to stderr).",
        "A failed step's decoded error and troubleshooting checklist go to stderr. Each step is one exchange,",
        "never retried. 'finally:' steps always run (Ctrl-C too: then exit 130); 'if: {passed: STEP}' sends a step",
        "only when that earlier step passed. Scenario format: see examples/ and the README.",
        "With --export locust nothing is sent: stdout gets the scenario as a Locust file for load from many",
        "machines (exit 2 names any step feature it cannot translate)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        " 0:every step passed (--smoke: every endpoint readable; with --require: all it names allowed)",
        " 2:the scenario is invalid (unknown key, bad JSONPath, undefined variable; the line is named)",
        "3-12:the first failed step's error, as for any command (e.g. 6 for 404, 10 network)",
        "13:a response arrived but did not meet the expectations (status, error code, body, latency),"
            + " or no step ran (every one skipped)",
        "5, 13:with --smoke --require, 5 (4 for 401) when a required permission is denied, else 13 when one was"
            + " not checked or its answer was unknown",
        "130:interrupted (Ctrl-C); the finally steps were still sent and the reports written"},
    sortOptions = false)
public final class ExerciseCommand extends BaseCommand {

    /** --export prints the load-test file itself. */
    @Override
    PrintedFormats printedFormats() {
        return export != null ? PrintedFormats.TEXT : PrintedFormats.REPORT;
    }

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", description = "Scenario file (YAML or JSON).")
    Path scenarioFile;

    @Option(names = "--smoke",
        description = "Read every list endpoint for -p/-e, probe writes harmlessly, print what the token may read and write.")
    boolean smoke;

    @Option(names = "--var", paramLabel = "NAME=VALUE", description = "Set a scenario variable (repeatable; beats 'vars:').")
    List<String> varArgs = new ArrayList<>();

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write the results as JUnit XML to FILE.")
    Path junit;

    @Option(names = "--keep-going", description = "Run the remaining steps after one fails (finally steps always run).")
    boolean keepGoing;

    @Option(names = "--export", paramLabel = "FORMAT", completionCandidates = ExportFormats.class,
        description = "Print the scenario as a load-test file instead of running it: locust (runs on many machines;"
            + " see the README).")
    String export;

    @Option(names = "--proxy", paramLabel = "NAME",
        description = "--smoke: the API proxy whose endpoints and policies to read (default: the first one listed).")
    String proxy;

    @Option(names = "--require", paramLabel = "WHAT",
        description = "--smoke: exit 0 only if these permissions are confirmed: read, write, KIND:read, KIND:write "
            + "(comma-separated, repeatable); denied exits 5, not checked or unknown 13.")
    List<String> require = new ArrayList<>();

    static final class ExportFormats implements Iterable<String> {
        static final List<String> ALL = List.of("locust");

        @Override
        public java.util.Iterator<String> iterator() {
            return ALL.iterator();
        }
    }

    @Override
    public Integer call() {
        Invocation inv = invocation();
        if (!require.isEmpty() && !smoke) {
            throw new UsageException("--require applies to --smoke only (a scenario states its own expectations)");
        }
        if (smoke == (scenarioFile != null)) {
            throw new UsageException(smoke ? "give either a SCENARIO file or --smoke, not both"
                : "missing SCENARIO file (or --smoke for the built-in read-only sweep)",
                "Examples: mgmt exercise examples/read-only.yaml; mgmt exercise --smoke -p MyProject -e production");
        }
        if (export != null && (smoke || junit != null)) {
            throw new UsageException("--export takes a SCENARIO file and writes only the exported file (no "
                + (smoke ? "--smoke" : "--junit") + ")");
        }
        if (export != null && !ExportFormats.ALL.contains(export)) {
            throw new UsageException("unknown --export format '" + export + "': expected locust");
        }
        return smoke ? smoke(inv) : scenario(inv);
    }

    private int scenario(Invocation inv) {
        Scenario sc = ScenarioParser.parse(scenarioFile);
        Map<String, String> cliVars = new LinkedHashMap<>();
        for (String v : varArgs) {
            int eq = v.indexOf('=');
            if (eq <= 0 || !Variables.isName(v.substring(0, eq))) {
                throw new UsageException("invalid --var '" + v + "': expected NAME=VALUE");
            }
            String reserved = Variables.notSettable(v.substring(0, eq));
            if (reserved != null) {
                throw new UsageException("invalid --var '" + v + "': " + reserved);
            }
            cliVars.put(v.substring(0, eq), v.substring(eq + 1));
        }
        Settings s = inv.settings();
        // What each run starts from, as templates: vars: as written (they may use ${run.id}), the rest literal.
        Map<String, String> defaults = new LinkedHashMap<>(sc.vars());
        if (s.project().isSet()) {
            defaults.put("project", Variables.literal(s.project().value()));
        }
        if (s.environment().isSet()) {
            defaults.put("environment", Variables.literal(s.environment().value()));
        }
        cliVars.forEach((k, v) -> defaults.put(k, Variables.literal(v)));
        if (export != null) {
            inv.out().print(LocustExport.export(sc, defaults, keepGoing, s.connectTimeout().value(),
                s.timeout().value()));
            inv.out().flush();
            return 0;
        }
        Variables vars = new Variables(inv.env()::var);
        defaults.forEach((k, v) -> vars.put(k, vars.expand(v)));
        ScenarioRunner.checkVariables(sc, vars);
        if (junit != null && junit.toAbsolutePath().getParent() != null
            && !java.nio.file.Files.isDirectory(junit.toAbsolutePath().getParent())) {
            throw new UsageException("cannot write --junit file '" + junit + "': no such directory");
        }
        OutputFormat format = s.output().value();
        boolean structured = format.structured();
        PrintWriter lines = structured ? inv.err() : inv.out();
        boolean terminal = structured ? inv.env().stderrTerminal() : inv.env().stdoutTerminal();
        Glyphs glyphs = new Glyphs(Glyphs.unicodeTerminal(inv.env(), terminal),
            structured ? inv.colorOnStderr() : inv.colorOnStdout());
        Instant started = inv.env().clock().instant();
        long t0 = System.nanoTime();
        lines.println(inv.redactor().redact("scenario " + sc.name() + " (" + sc.steps().size() + " steps"
            + (sc.cleanup().isEmpty() ? "" : ", " + sc.cleanup().size() + " finally") + ") against "
            + inv.client().base().uri()));
        lines.flush();
        int width = ExerciseReports.nameWidth(sc);
        ScenarioRunner runner = new ScenarioRunner(new ScenarioRunner.Session(inv::client, inv.redactor(),
            inv::checklistFor, inv.unicodeOnStderr()), sc, vars, keepGoing, r -> {
            lines.println(inv.redactor().redact(ExerciseReports.stepLine(r, glyphs, width)));
            for (String f : r.failures()) {
                if (r.outcome() == StepResult.Outcome.FAILED) {
                    lines.println("      " + TerminalText.safe(inv.redactor().redact(f)));
                }
            }
            lines.flush();
            if (!r.report().isEmpty()) {
                inv.err().print(r.report());
                inv.err().flush();
            }
        });
        // Ctrl-C skips the remaining main steps, but the finally steps (each bounded by the request
        // timeouts) and the reports still happen before the process ends with 130.
        Duration perStep = s.timeout().value().plus(s.connectTimeout().value());
        try (Interrupt.Hold ignored = inv.env().interrupt().interruptsThisThread(
            perStep.multipliedBy(sc.cleanup().size() + 1L))) {
            List<StepResult> results = runner.run();
            Duration total = Duration.ofNanos(System.nanoTime() - t0);
            int exit = runner.interrupted() ? ExitCodes.INTERRUPTED : ExerciseReports.exitCode(results);
            lines.println(inv.redactor().redact(ExerciseReports.summaryLine(results, total)
                + (runner.interrupted() ? " (interrupted)" : "")));
            lines.flush();
            if (junit != null) {
                ExerciseReports.junit(junit, sc.name(), results, started, total, inv.redactor());
            }
            if (structured) {
                ObjectNode json = ExerciseReports.json(sc, results, total, exit);
                print(inv, format, json);
            }
            return exit;
        }
    }

    private int smoke(Invocation inv) {
        Settings s = inv.settings();
        String project = s.project().value();
        String environment = s.environment().value();
        ScopeNames.requireName(project, "-p/--project", "a project name (mgmt get projects)");
        ScopeNames.requireName(environment, "-e/--environment", "an environment name (mgmt get environments)");
        ScopeNames.requireProxy(proxy, project);
        if (environment != null && project == null) {
            throw new UsageException("-e/--environment needs -p/--project for --smoke (environments are checked per project)");
        }
        PermissionRequirements required = PermissionRequirements.parse(require);
        Smoke sweep = new Smoke(inv.client(), s.timeout().value(), project, environment, proxy);
        sweep.requireProxy();
        List<Smoke.Row> rows = sweep.run();
        List<Permissions.Row> permissions = new Permissions(sweep.exchange(), project, proxy).run();
        PermissionRequirements.Verdict verdict = required.check(permissions);
        int swept = Smoke.exitCode(rows);
        // A manager that could not be reached leaves every permission unknown: say so with the network's code, as
        // the sweep would, rather than 13 (which CI reads as "the token may not").
        int exit = sweep.stopped() != null ? ExitCodes.NETWORK
            : required.isEmpty() || verdict.exit() == ScenarioRunner.EXPECTATION_FAILED && swept == ExitCodes.NETWORK
            ? swept : verdict.exit();
        if (sweep.stopped() != null) {
            inv.err().println("error: " + TerminalText.safe(sweep.stopped()) + "; the probes after it were not sent");
        }
        PermissionReport.warnings(permissions).forEach(w -> inv.err().println(TerminalText.safe(w)));
        verdict.lines().forEach(l -> inv.err().println("error: " + TerminalText.safe(l)));
        inv.err().flush();
        OutputFormat format = s.output().value();
        if (format.structured()) {
            ObjectNode json = Smoke.json(rows, inv.client().base().uri().toString(), project, environment);
            json.set("permissions", PermissionReport.json(permissions));
            json.put("exit_code", exit);
            print(inv, format, json);
            return exit;
        }
        Glyphs glyphs = new Glyphs(Glyphs.unicodeTerminal(inv.env(), inv.env().stdoutTerminal()), inv.colorOnStdout());
        PrintWriter out = inv.out();
        out.println("read-only sweep of " + inv.client().base().uri()
            + (project == null ? "" : " for project " + project) + (environment == null ? "" : ", environment " + environment));
        int lw = "ENDPOINT".length();
        int w = "PATH".length();
        for (Smoke.Row r : rows) {
            lw = Math.max(lw, r.label().length());
            w = Math.max(w, r.path().length());
        }
        String fmt = "%s%s %-" + lw + "s  %-" + w + "s  %-6s %s";
        int markCol = glyphs.unicode() ? 1 : 6;
        out.println(String.format(Locale.ROOT, fmt, "", " ".repeat(markCol), "ENDPOINT", "PATH", "STATUS", "RESULT"));
        int[] counts = new int[Smoke.Verdict.values().length];
        for (Smoke.Row r : rows) {
            counts[r.verdict().ordinal()]++;
            Result res = r.verdict() == Smoke.Verdict.OK ? Result.PASS
                : r.verdict() == Smoke.Verdict.SKIPPED ? Result.UNKNOWN : Result.FAIL;
            int markWidth = glyphs.unicode() ? 1 : res == Result.PASS ? 4 : res == Result.FAIL ? 6 : 3;
            out.println(String.format(Locale.ROOT, fmt, glyphs.mark(res), " ".repeat(Math.max(0, markCol - markWidth)),
                r.label(), r.path(), r.status() == 0 ? "-" : Integer.toString(r.status()), ExerciseReports.smokeResult(r)));
        }
        out.println();
        out.println(String.format(Locale.ROOT, "%d endpoints: %d readable, %d forbidden (403), %d unauthorized (401), "
                + "%d not found (404), %d errors, %d skipped", rows.size(), counts[0], counts[2], counts[1], counts[3],
            counts[4], counts[5]));
        List<String> can = new ArrayList<>();
        List<String> cannot = new ArrayList<>();
        for (Smoke.Row r : rows) {
            if (r.verdict() == Smoke.Verdict.OK) {
                can.add(r.label());
            } else if (r.verdict() != Smoke.Verdict.SKIPPED) {
                cannot.add(r.label() + " (" + (r.status() > 0 ? r.status() : r.verdict().json()) + ")");
            }
        }
        out.println("can read:    " + (can.isEmpty() ? "nothing" : String.join(", ", can)));
        out.println("cannot read: " + (cannot.isEmpty() ? "none" : String.join(", ", cannot)));
        Smoke.notChecked(rows).forEach((why, labels) ->
            out.println("not checked: " + String.join(", ", labels) + " (" + why + ")"));
        out.println();
        PermissionReport.table(out, permissions);
        out.flush();
        return exit;
    }

    private static void print(Invocation inv, OutputFormat format, JsonNode json) {
        if (format == OutputFormat.YAML) {
            try {
                inv.out().print(new YAMLMapper().writeValueAsString(json));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            inv.out().println(inv.redactor().redact(Json.pretty(json)));
        }
        inv.out().flush();
    }
}
