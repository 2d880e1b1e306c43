package dev.mgmt.exercise;

import dev.mgmt.text.Clauses;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.exercise.StepResult.Outcome;
import dev.mgmt.json.Json;
import dev.mgmt.report.Glyphs;
import dev.mgmt.report.Result;
import dev.mgmt.text.Durations;
import dev.mgmt.text.Redactor;
import dev.mgmt.text.TerminalText;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** How scenario and smoke results are shown: step lines, the summary, JSON and JUnit XML. */
public final class ExerciseReports {
    private ExerciseReports() {
    }

    /** "✓ list proxies  GET projects/MyProject/apiProxies/  200  12 ms" ([ok]/[FAIL]/[skip] off a UTF-8 terminal). */
    public static String stepLine(StepResult r, Glyphs glyphs, int nameWidth) {
        String mark;
        if (r.outcome() == Outcome.SKIPPED) {
            mark = glyphs.unicode() ? "-" : "[skip]";
        } else {
            mark = glyphs.mark(r.outcome() == Outcome.PASSED ? Result.PASS : Result.FAIL);
        }
        int markWidth = glyphs.unicode() ? 1 : r.outcome() == Outcome.PASSED ? 4 : 6;
        String pad = " ".repeat(Math.max(1, 7 - markWidth));
        String name = (r.phase().equals("finally") ? "finally: " : "") + r.name();
        StringBuilder sb = new StringBuilder(mark).append(pad).append(name);
        if (r.outcome() != Outcome.SKIPPED) {
            sb.append(" ".repeat(Math.max(0, nameWidth - name.length())));
        }
        if (r.outcome() == Outcome.SKIPPED) {
            return sb.append("  (").append(TerminalText.safe(Clauses.join(r.failures()))).append(')').toString();
        }
        sb.append("  ").append(r.method()).append(' ').append(r.path());
        sb.append("  ").append(r.status() > 0 ? Integer.toString(r.status()) : "no response");
        if (r.elapsed() != null) {
            sb.append("  ").append(Durations.human(r.elapsed()));
        }
        return sb.toString();
    }

    /** The width of the longest step name as shown (finally steps prefixed), capped so lines stay readable. */
    public static int nameWidth(Scenario sc) {
        int w = 0;
        for (Scenario.Step s : sc.steps()) {
            w = Math.max(w, s.name().length());
        }
        for (Scenario.Step s : sc.cleanup()) {
            w = Math.max(w, s.name().length() + "finally: ".length());
        }
        return Math.min(w, 48);
    }

    public static String summaryLine(List<StepResult> results, Duration total) {
        long passed = results.stream().filter(r -> r.outcome() == Outcome.PASSED).count();
        long failed = results.stream().filter(r -> r.outcome() == Outcome.FAILED).count();
        long skipped = results.stream().filter(r -> r.outcome() == Outcome.SKIPPED).count();
        String counts = passed + " passed, " + failed + " failed, " + skipped + " skipped in " + Durations.human(total);
        String notRun = notRun(results);
        if (notRun != null) {
            return "NOT RUN: " + notRun + " (" + counts + ")";
        }
        return (failed == 0 ? "PASSED" : "FAILED") + ": " + counts;
    }

    /**
     * "0 of 3 steps ran: REASONS" when every main step was skipped, else null: a run that sent none of its
     * checks proves nothing, so it must not read as passed (finally steps are cleanup, not checks).
     */
    public static String notRun(List<StepResult> results) {
        List<StepResult> main = results.stream().filter(r -> r.phase().equals("step")).toList();
        if (main.isEmpty() || main.stream().anyMatch(r -> r.outcome() != Outcome.SKIPPED)) {
            return null;
        }
        Set<String> why = new LinkedHashSet<>();
        main.forEach(r -> r.failures().forEach(f -> why.add(f.replaceFirst("^skipped: ", ""))));
        return "0 of " + main.size() + (main.size() == 1 ? " step" : " steps") + " ran: " + String.join("; ", why);
    }

    /**
     * The exit code of the first failed step (main steps before finally steps); else 13 when no main step ran
     * (nothing met the expectations, since nothing was checked); else 0.
     */
    public static int exitCode(List<StepResult> results) {
        for (StepResult r : results) {
            if (r.outcome() == Outcome.FAILED) {
                return r.exitCode() == 0 ? ExitCodes.INTERNAL : r.exitCode();
            }
        }
        return notRun(results) != null ? ScenarioRunner.EXPECTATION_FAILED : ExitCodes.OK;
    }

    public static ObjectNode json(Scenario sc, List<StepResult> results, Duration total, int exit) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("scenario", sc.name());
        o.put("file", sc.file().toString());
        o.put("passed", exit == 0);
        o.put("exit_code", exit);
        o.put("elapsed_ms", round(total));
        String notRun = notRun(results);
        if (notRun != null) {
            o.put("not_run", notRun);
        }
        ObjectNode counts = o.putObject("counts");
        for (Outcome out : Outcome.values()) {
            counts.put(out.name().toLowerCase(Locale.ROOT), results.stream().filter(r -> r.outcome() == out).count());
        }
        ArrayNode steps = o.putArray("steps");
        for (StepResult r : results) {
            ObjectNode s = steps.addObject();
            s.put("name", r.name());
            s.put("phase", r.phase());
            s.put("result", r.outcome().name().toLowerCase(Locale.ROOT));
            s.put("method", r.method());
            s.put("path", r.path());
            if (r.status() > 0) {
                s.put("status", r.status());
            } else {
                s.putNull("status");
            }
            if (r.elapsed() != null) {
                s.put("elapsed_ms", round(r.elapsed()));
            }
            if (!r.failures().isEmpty()) {
                ArrayNode f = s.putArray(r.outcome() == Outcome.SKIPPED ? "reasons" : "failures");
                r.failures().forEach(f::add);
            }
            if (r.outcome() == Outcome.FAILED) {
                s.put("exit_code", r.exitCode());
            }
        }
        return o;
    }

    private static double round(Duration d) {
        return Math.round(d.toNanos() / 1e4) / 100.0;
    }

    public static void junit(Path file, String suite, List<StepResult> results, Instant started, Duration total,
                             Redactor redactor) {
        JUnitReport.write(file, suite, results, started, total, redactor);
    }

    public static String smokeResult(Smoke.Row r) {
        switch (r.verdict()) {
            case OK:
                return "OK" + (r.items() == null ? "" : " (" + r.items() + (r.items() == 1 ? " item)" : " items)"));
            case FORBIDDEN:
                return "403 missing permission — " + r.detail();
            case UNAUTHORIZED:
                return "401 not authenticated — " + r.detail();
            case NOT_FOUND:
                return "404 not found — " + r.detail();
            case SKIPPED:
                return "skipped: " + r.detail();
            default:
                return "error — " + r.detail();
        }
    }
}
