package dev.mgmt.report;

import dev.mgmt.text.Clauses;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.errors.ApiError.FieldProblem;
import dev.mgmt.errors.ApiError;
import dev.mgmt.errors.ApiException;
import dev.mgmt.errors.Attempts;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.MgmtException;
import dev.mgmt.errors.NetworkException;
import dev.mgmt.http.ApiRequest;
import dev.mgmt.http.HttpStatusText;
import dev.mgmt.json.Json;
import dev.mgmt.text.Durations;
import dev.mgmt.text.Redactor;
import dev.mgmt.text.TerminalText;
import picocli.CommandLine.Help.Ansi;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a failure to stderr: a one-line headline, the request, then details; with -o json|yaml
 * also the contract's JSON error object as the last line. Everything passes the redactor.
 */
public final class ErrorReporter {
    private final PrintWriter err;
    private final Ansi ansi;
    private final boolean structured;
    private final Redactor redactor;
    private final Glyphs glyphs;
    private final boolean quiet;

    public ErrorReporter(PrintWriter err, boolean color, boolean structured, Redactor redactor) {
        this(err, color, structured, redactor, false);
    }

    public ErrorReporter(PrintWriter err, boolean color, boolean structured, Redactor redactor, boolean unicode) {
        this(err, color, structured, redactor, unicode, false);
    }

    /** @param quiet --quiet: the headline alone (plus the JSON object with -o json|yaml) */
    public ErrorReporter(PrintWriter err, boolean color, boolean structured, Redactor redactor, boolean unicode,
                         boolean quiet) {
        this.quiet = quiet;
        this.err = err;
        this.ansi = color ? Ansi.ON : Ansi.OFF;
        this.structured = structured;
        this.redactor = redactor;
        this.glyphs = new Glyphs(unicode, color);
    }

    /** Reports and returns the exit code. */
    public int report(MgmtException e) {
        return report(e, Checklist.empty());
    }

    /** Reports with the troubleshooting checklist after the details (and in the JSON object). */
    public int report(MgmtException e, Checklist checklist) {
        Report r = describe(e);
        println(ansi.string("@|bold,red error:|@ ") + TerminalText.safe(r.headline));
        for (String line : quiet ? List.<String>of() : r.lines) {
            println("  " + TerminalText.safe(line));
        }
        if (!quiet && !checklist.items().isEmpty()) {
            println("  checklist:");
            for (CheckResult c : checklist.items()) {
                println("  " + glyphs.line(withoutRepeat(c, r.headline)));
            }
        }
        for (String n : quiet ? List.<String>of() : checklist.next()) {
            println("  next: " + n);
        }
        if (!checklist.isEmpty()) {
            ArrayNode arr = r.json.putArray("checklist");
            for (CheckResult c : checklist.items()) {
                arr.addObject().put("check", c.check()).put("result", c.result().json()).put("detail", c.detail());
            }
            if (!checklist.next().isEmpty()) {
                ArrayNode next = r.json.putArray("next");
                checklist.next().forEach(next::add);
            }
        }
        if (structured) {
            println(TerminalText.safe(Json.compact(r.json)));
        }
        err.flush();
        return e.exitCode();
    }

    /** For bugs: the exception type and message, and how to get the stack trace. */
    public int reportBug(Throwable t, boolean showStack) {
        println(ansi.string("@|bold,red error:|@ ") + "internal error: " + TerminalText.safe(String.valueOf(t))
            + " (this is a bug in mgmt" + (showStack ? ")" : "; set MGMT_DEBUG=1 for the stack trace)"));
        if (showStack) {
            java.io.StringWriter sw = new java.io.StringWriter();
            t.printStackTrace(new PrintWriter(sw));
            println(TerminalText.safeLines(sw.toString().stripTrailing()));
        }
        if (structured) {
            ObjectNode json = base(null, "internal_error", t.toString(), ExitCodes.INTERNAL);
            println(TerminalText.safe(Json.compact(json)));
        }
        err.flush();
        return ExitCodes.INTERNAL;
    }

    private record Report(String headline, List<String> lines, ObjectNode json) {
    }

    private Report describe(MgmtException e) {
        List<String> lines = new ArrayList<>();
        if (e instanceof ApiException) {
            ApiException ae = (ApiException) e;
            ApiError error = ae.error();
            String headline = Clauses.join(error.origin() == ApiError.Origin.FAILURE_IN_SUCCESS
                ? error.description()
                : statusLabel(error) + " — " + error.description(), ae.hint()) + attemptsSuffix(ae.retry());
            lines.add(ae.request().line());
            if (!error.validationErrors().isEmpty()) {
                lines.add("validation errors:");
                for (FieldProblem p : error.validationErrors()) {
                    lines.add("  " + p.field() + ": " + p.message());
                }
            }
            if (error.retryAfter() != null) {
                lines.add("server asks to retry after " + Durations.human(error.retryAfterDuration()));
            }
            lines.addAll(error.notes());
            lines.addAll(ae.retry().notes());
            ObjectNode json = base(error.status(), codeFor(error), error.description(), e.exitCode());
            if (ae.hint() != null) {
                json.put("hint", ae.hint());
            }
            request(json, ae.request());
            retry(json, ae.retry());
            if (!error.validationErrors().isEmpty()) {
                ArrayNode ve = json.putArray("validation_errors");
                for (FieldProblem p : error.validationErrors()) {
                    ve.addObject().put("field", p.field()).put("message", p.message());
                }
            }
            if (error.retryAfter() != null) {
                double ra = error.retryAfter();
                if (ra == Math.rint(ra)) {
                    json.put("retry_after", (long) ra);
                } else {
                    json.put("retry_after", ra);
                }
            }
            List<String> details = new ArrayList<>(error.notes());
            details.addAll(ae.retry().notes());
            addDetails(json, details);
            json.putArray("checklist");
            return new Report(headline, lines, json);
        }
        if (e instanceof NetworkException) {
            NetworkException ne = (NetworkException) e;
            lines.add(ne.request().line());
            lines.addAll(ne.retry().notes());
            for (String d : ne.details()) {
                lines.add("hint: " + d);
            }
            ObjectNode json = base(null, "network_" + ne.kind().name().toLowerCase(java.util.Locale.ROOT),
                ne.getMessage(), ne.exitCode());
            request(json, ne.request());
            retry(json, ne.retry());
            List<String> details = new ArrayList<>(ne.retry().notes());
            details.addAll(ne.details());
            addDetails(json, details);
            json.putArray("checklist");
            return new Report(ne.getMessage() + attemptsSuffix(ne.retry()), lines, json);
        }
        for (String d : e.details()) {
            lines.add(d);
        }
        String code = e.exitCode() == ExitCodes.USAGE ? "usage_error"
            : e.exitCode() == ExitCodes.UNAUTHORIZED ? "no_token"
            : e.exitCode() == ExitCodes.NOT_FOUND ? "not_found"
            : e.exitCode() == ExitCodes.CONFLICT ? "conflict"
            : e.exitCode() == ExitCodes.INTERRUPTED ? "interrupted"
            : e.exitCode() == ExitCodes.OUTPUT_FAILED ? "output_failed" : "error";
        ObjectNode json = base(null, code, e.getMessage(), e.exitCode());
        addDetails(json, e.details());
        return new Report(e.getMessage(), lines, json);
    }

    /** " (after 4 attempts over 3.5 s)" when the request was retried; the headline stays one line. */
    private static String attemptsSuffix(Attempts a) {
        if (a.count() <= 1) {
            return "";
        }
        return " (after " + a.count() + " attempts"
            + (a.elapsed() == null ? "" : " over " + Durations.human(a.elapsed())) + ")";
    }

    /** attempts, total time, and whether the change may or may not have been applied. */
    private static void retry(ObjectNode json, Attempts a) {
        json.put("attempts", a.count());
        if (a.elapsed() != null) {
            json.put("elapsed_seconds", a.elapsed().toMillis() / 1000.0);
        }
        if (a.outcomeUnknown()) {
            json.put("outcome", "unknown");
            if (!a.verifyCommand().isBlank()) {
                json.put("verify", a.verifyCommand());
            }
        }
    }

    /** "404 not_found" when the API gave a code, else "502 Bad Gateway". */
    private static String statusLabel(ApiError error) {
        if (error.code() != null) {
            return error.status() + " " + error.code();
        }
        String reason = HttpStatusText.of(error.status());
        return reason.isEmpty() ? "HTTP " + error.status() : error.status() + " " + reason;
    }

    /** The API's code, or one derived from the status so scripts always find a string. */
    private static String codeFor(ApiError error) {
        if (error.code() != null) {
            return error.code();
        }
        if (error.origin() == ApiError.Origin.FAILURE_IN_SUCCESS) {
            return "operation_failed";
        }
        String reason = HttpStatusText.of(error.status());
        return reason.isEmpty() ? "http_" + error.status()
            : reason.toLowerCase(java.util.Locale.ROOT).replace(' ', '_');
    }

    /** {@code status} is the HTTP answer's, null for an error mgmt found itself: then there is no "status" key. */
    private static ObjectNode base(Integer status, String code, String description, int exitCode) {
        ObjectNode json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        if (status != null) {
            json.put("status", status);
        }
        json.put("error", code);
        json.put("error_description", description);
        json.put("exit_code", exitCode);
        return json;
    }

    private static void request(ObjectNode json, ApiRequest request) {
        json.putObject("request").put("method", request.method()).put("url", request.uri().toString());
    }

    private static void addDetails(ObjectNode json, List<String> details) {
        if (!details.isEmpty()) {
            ArrayNode arr = json.putArray("details");
            details.forEach(arr::add);
        }
    }

    /**
     * A checklist line that restates the headline's suggestion ("; did you mean 'x'?") drops it:
     * the finding is said once, and the check still says how it was found.
     */
    private static CheckResult withoutRepeat(CheckResult c, String headline) {
        String d = c.detail();
        int at = d == null ? -1 : d.indexOf("did you mean '");
        if (at < 0) {
            return c;
        }
        int end = d.indexOf("'?", at + 14);
        if (end < 0 || !headline.contains(d.substring(at, end + 2))) {
            return c;
        }
        int start = d.lastIndexOf("; ", at) == at - 2 ? at - 2 : at;
        String rest = (d.substring(0, start) + d.substring(end + 2)).strip();
        return new CheckResult(c.check(), c.result(), rest, c.elapsed(), c.exit());
    }

    private void println(String s) {
        err.println(redactor.redact(s));
    }
}
