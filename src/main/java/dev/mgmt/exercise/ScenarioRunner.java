package dev.mgmt.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.client.ApiClient;
import dev.mgmt.client.ApiPaths;
import dev.mgmt.errors.ApiError;
import dev.mgmt.errors.ApiException;
import dev.mgmt.errors.ErrorDecoder;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.FailureDetector;
import dev.mgmt.errors.MgmtException;
import dev.mgmt.errors.UsageException;
import dev.mgmt.errors.WebPage;
import dev.mgmt.exercise.Scenario.Assertion;
import dev.mgmt.exercise.Scenario.Capture;
import dev.mgmt.exercise.Scenario.Step;
import dev.mgmt.exercise.StepResult.Outcome;
import dev.mgmt.http.ApiRequest;
import dev.mgmt.http.ApiResponse;
import dev.mgmt.json.Json;
import dev.mgmt.report.Checklist;
import dev.mgmt.report.ErrorReporter;
import dev.mgmt.text.Durations;
import dev.mgmt.text.Redactor;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a scenario: the main steps in order until one fails (or all, with keep-going), then every
 * {@code finally} step whatever happened. Each step is one HTTP exchange, never retried, so the
 * expectations see exactly what the server answered.
 */
public final class ScenarioRunner {
    /** A response arrived but did not meet the step's expectations. */
    public static final int EXPECTATION_FAILED = 13;

    /**
     * What a scenario run takes from the command that starts it: the client (built on first use),
     * the redactor that learns captured secrets, and how a failure gets its checklist.
     */
    public record Session(Supplier<ApiClient> client, Redactor redactor,
                          Function<MgmtException, Checklist> checklists, boolean unicode) {
    }

    private final Session session;
    private final Scenario scenario;
    private final Variables vars;
    private final boolean keepGoing;
    private final Consumer<StepResult> listener;
    /** Outcomes so far, by the step's name as written (what {@code if: {passed: ...}} names). */
    private final Map<String, Outcome> outcomes = new HashMap<>();
    /** Which step captures each variable, to say why one is missing. */
    private final Map<String, String> capturedBy = new HashMap<>();
    private boolean interrupted;

    public ScenarioRunner(Session session, Scenario scenario, Variables vars, boolean keepGoing,
                          Consumer<StepResult> listener) {
        this.session = session;
        this.scenario = scenario;
        this.vars = vars;
        this.keepGoing = keepGoing;
        this.listener = listener;
        for (Step s : scenario.steps()) {
            s.captures().keySet().forEach(v -> capturedBy.putIfAbsent(v, s.name()));
        }
        for (Step s : scenario.cleanup()) {
            s.captures().keySet().forEach(v -> capturedBy.putIfAbsent(v, s.name()));
        }
    }

    /**
     * Every ${name} must be defined before it is used: by vars, --var, the settings, the environment,
     * or a capture of an earlier step. Checked before anything is sent; names the step (exit 2).
     */
    public static void checkVariables(Scenario scenario, Variables vars) {
        Set<String> defined = new LinkedHashSet<>(vars.values().keySet());
        for (Step s : scenario.steps()) {
            check(s, "step", vars, defined, scenario);
            defined.addAll(s.captures().keySet());
        }
        for (Step s : scenario.cleanup()) {
            check(s, "finally step", vars, defined, scenario);
            defined.addAll(s.captures().keySet());
        }
    }

    private static void check(Step s, String what, Variables vars, Set<String> defined, Scenario scenario) {
        Set<String> refs = references(s);
        for (String r : refs) {
            boolean ok = Variables.builtIn(r) ? vars.has(r) : defined.contains(r);
            if (!ok) {
                String hint = r.startsWith("env.") ? "set the environment variable " + r.substring(4)
                    : r.equals("project") ? "pass -p/--project or set MGMT_PROJECT"
                    : r.equals("environment") ? "pass -e/--environment or set MGMT_ENVIRONMENT"
                    : "define it under 'vars:', pass --var " + r + "=VALUE, or capture it in an earlier step";
                throw new UsageException(scenario.file() + ":" + s.line() + ": " + what + " '" + s.name()
                    + "' uses undefined variable ${" + r + "}", hint);
            }
        }
    }

    /** Every variable a step uses: in its path, headers, body, expectations and capture expressions. */
    public static Set<String> references(Step s) {
        Set<String> refs = new LinkedHashSet<>(Variables.references(s.path()));
        s.headers().values().forEach(h -> refs.addAll(Variables.references(h)));
        refs.addAll(Variables.references(s.body()));
        for (Assertion a : s.expect().assertions()) {
            refs.addAll(Variables.references(a.expression()));
            refs.addAll(Variables.references(a.expected()));
        }
        for (Capture c : s.captures().values()) {
            refs.addAll(Variables.references(c.expression()));
        }
        return refs;
    }

    /**
     * The main steps, then the finally steps whatever happened before them: a failure, a bug in one
     * step, or an interrupt (Ctrl-C), after which the remaining main steps are skipped.
     */
    public List<StepResult> run() {
        List<StepResult> results = new ArrayList<>();
        String stop = null;
        for (Step s : scenario.steps()) {
            StepResult r = stop != null ? skipped(s, "step", stop) : attempt(s, "step");
            // Thread.interrupted() clears the flag, so the finally steps can still be sent.
            if (r.exitCode() == ExitCodes.INTERRUPTED | Thread.interrupted()) {
                interrupted = true;
                stop = "skipped: interrupted";
            } else if (r.outcome() == Outcome.FAILED && !keepGoing && stop == null) {
                stop = "skipped: an earlier step failed";
            }
            record(s, r, results);
        }
        for (Step s : scenario.cleanup()) {
            StepResult r = attempt(s, "finally");
            interrupted |= r.exitCode() == ExitCodes.INTERRUPTED | Thread.interrupted();
            record(s, r, results);
        }
        return results;
    }

    /** Whether the run was interrupted (Ctrl-C): the exit code is then 130, whatever else failed. */
    public boolean interrupted() {
        return interrupted;
    }

    private void record(Step s, StepResult r, List<StepResult> results) {
        outcomes.put(s.name(), r.outcome());
        results.add(r);
        listener.accept(r);
    }

    /** One step, unless its condition or a variable it needs says it cannot run; never throws. */
    private StepResult attempt(Step s, String phase) {
        try {
            if (s.onlyIf() != null && outcomes.get(s.onlyIf().passed()) != Outcome.PASSED) {
                return skipped(s, phase, "skipped: '" + s.onlyIf().passed() + "' " + spoken(outcomes.get(s.onlyIf().passed())));
            }
            for (String name : references(s)) {
                if (!vars.has(name)) {
                    String by = capturedBy.get(name);
                    return skipped(s, phase, "skipped: ${" + name + "} was never captured"
                        + (by == null ? "" : " ('" + by + "' " + spoken(outcomes.get(by)) + ")"));
                }
            }
            return runStep(s, phase);
        } catch (RuntimeException e) {
            // A bug met in one step must not cost the run its cleanup or its report.
            return failed(s, phase, s.path(), 0, null, List.of("internal error: " + e.getMessage()), "",
                ExitCodes.INTERNAL);
        }
    }

    private static String spoken(Outcome o) {
        return o == Outcome.FAILED ? "failed" : o == Outcome.SKIPPED ? "was skipped" : "did not run";
    }

    private StepResult skipped(Step s, String phase, String why) {
        return StepResult.skipped(displayName(s), phase, s.method(), s.path(), why);
    }

    /** The step's name with the variables known so far expanded; as written when one is missing. */
    private String displayName(Step s) {
        try {
            return vars.expand(s.name());
        } catch (Variables.Undefined e) {
            return s.name();
        }
    }

    private StepResult runStep(Step raw, String phase) {
        Step s = raw.withName(displayName(raw));
        String path = vars.expand(s.path());
        List<ApiRequest.Header> headers = new ArrayList<>();
        byte[] body = null;
        for (Map.Entry<String, String> h : s.headers().entrySet()) {
            headers.add(new ApiRequest.Header(h.getKey(), vars.expand(h.getValue())));
        }
        if (s.body() != null) {
            body = Json.compact(vars.expand(s.body())).getBytes(StandardCharsets.UTF_8);
            if (headers.stream().noneMatch(h -> h.name().equalsIgnoreCase("Content-Type"))) {
                headers.add(new ApiRequest.Header("Content-Type", "application/json"));
            }
        }
        ApiClient client = session.client().get();
        String relative;
        try {
            relative = ApiPaths.normalizeUserPath(path, false);
        } catch (UsageException e) {
            return failed(s, phase, path, 0, null, List.of(e.getMessage()), "", ExitCodes.USAGE);
        }
        ApiRequest request = client.request(s.method(), client.base().resolve(relative), headers, body);
        ApiResponse response;
        try {
            response = client.send(request);
        } catch (MgmtException e) {
            return failed(s, phase, relative, 0, null, List.of(e.getMessage()), report(e), e.exitCode());
        }
        return judge(s, phase, relative, response);
    }

    private StepResult judge(Step s, String phase, String path, ApiResponse response) {
        int status = response.status();
        Duration elapsed = response.elapsed();
        List<String> failures = new ArrayList<>();
        ApiError decoded = response.isSuccess() ? null : ErrorDecoder.decode(response);
        if (!s.expect().accepts(status)) {
            if (decoded != null) {
                ApiException e = new ApiException(ExitCodes.forStatus(status), decoded, response, 1);
                failures.add("expected status " + s.expect().describeStatuses() + ", got " + status
                    + (decoded.code() != null ? " " + decoded.code() : "") + ": " + decoded.description());
                return failed(s, phase, path, status, elapsed, failures, report(e), e.exitCode());
            }
            failures.add("expected status " + s.expect().describeStatuses() + ", got " + status);
            return failed(s, phase, path, status, elapsed, failures, "", EXPECTATION_FAILED);
        }
        JsonNode json = Json.tryParse(response.body());
        if (response.isSuccess() && s.expect().defaultStatus()) {
            ApiError page = WebPage.inspect(response);
            if (page != null) {
                ApiException e = WebPage.failure(response, page, 1);
                failures.add(page.description());
                return failed(s, phase, path, status, elapsed, failures, report(e), e.exitCode());
            }
            ApiError failure = FailureDetector.inspect(status, json);
            if (failure != null) {
                ApiException e = new ApiException(ExitCodes.REPORTED_FAILURE, failure, response, 1);
                failures.add(failure.description());
                return failed(s, phase, path, status, elapsed, failures, report(e), e.exitCode());
            }
        }
        if (s.expect().error() != null) {
            String code = decoded == null ? null : decoded.code();
            if (!s.expect().error().equals(code)) {
                failures.add("expected error " + s.expect().error() + ", got " + (code == null ? "none" : code));
            }
        }
        if (s.expect().maxLatency() != null && elapsed.compareTo(s.expect().maxLatency()) > 0) {
            failures.add("took " + Durations.human(elapsed) + ", more than the ceiling of "
                + Durations.human(s.expect().maxLatency()));
        }
        boolean needsJson = !s.expect().assertions().isEmpty() || !s.captures().isEmpty();
        if (needsJson && json == null) {
            failures.add("the response body is not JSON (" + (response.mediaType().isEmpty() ? "no content type"
                : response.mediaType()) + ", " + response.body().length + " bytes)");
        } else if (needsJson) {
            for (Assertion a : s.expect().assertions()) {
                String why;
                try {
                    JsonNode expected = a.expected().isTextual() && a.op() != Scenario.Op.MATCHES
                        ? vars.expand(a.expected()) : a.expected();
                    why = Matchers.check(a, vars.expand(a.expression()), expected, json);
                } catch (IllegalArgumentException e) {
                    why = e.getMessage();
                }
                if (why != null) {
                    failures.add("line " + a.line() + ": " + why);
                }
            }
            if (failures.isEmpty()) {
                for (Capture c : s.captures().values()) {
                    String expr = vars.expand(c.expression());
                    JsonNode v = Matchers.select(expr, json);
                    if (v == null) {
                        failures.add("line " + c.line() + ": capture '" + c.variable() + "': " + expr + " matched nothing");
                        continue;
                    }
                    String value = Matchers.captured(v, c.path().isDefinite());
                    if (Redactor.isSecretName(c.variable())) {
                        session.redactor().register(value);
                    }
                    vars.put(c.variable(), value);
                }
            }
        }
        if (!failures.isEmpty()) {
            return failed(s, phase, path, status, elapsed, failures, "", EXPECTATION_FAILED);
        }
        return new StepResult(s.name(), phase, Outcome.PASSED, s.method(), path, status, elapsed, List.of(), "", 0);
    }

    private static StepResult failed(Step s, String phase, String path, int status, Duration elapsed,
                                     List<String> failures, String report, int exit) {
        return new StepResult(s.name(), phase, Outcome.FAILED, s.method(), path, status, elapsed, failures, report, exit);
    }

    /** The decoded error and its checklist, as ErrorReporter prints it (plain text; --quiet: no checklist). */
    private String report(MgmtException e) {
        Checklist checklist = session.checklists().apply(e);
        StringWriter sw = new StringWriter();
        new ErrorReporter(new PrintWriter(sw), false, false, session.redactor(), session.unicode()).report(e, checklist);
        return sw.toString();
    }
}
