package dev.mgmt.diagnose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.errors.ApiError;
import dev.mgmt.json.Json;
import dev.mgmt.report.CheckResult;
import dev.mgmt.resources.RequestSchemas;
import dev.mgmt.validate.BodyValidator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** After a 400: the body sent, the fields the server rejected, and the local schema check. */
final class BodyChecks {
    private BodyChecks() {
    }

    static List<CheckResult> bodyJson(Context c, String label) {
        if (c.request == null || !c.request.hasBody()) {
            return List.of();
        }
        String ct = c.request.header("Content-Type");
        if (ct != null && !ct.toLowerCase(Locale.ROOT).contains("json")) {
            return List.of();
        }
        JsonNode json = Json.tryParse(c.request.body());
        return List.of(json == null
            ? CheckResult.fail(label, "the body sent is not valid JSON (" + c.request.body().length + " bytes)")
            : CheckResult.pass(label, "valid JSON " + (json.isObject() ? "object with " + json.size() + " fields" : json.getNodeType().toString().toLowerCase(Locale.ROOT))));
    }

    static List<CheckResult> validationErrors(Context c, String label) {
        ApiError e = c.apiError();
        if (e == null) {
            return List.of();
        }
        if (e.validationErrors().isEmpty()) {
            return List.of(CheckResult.unknown(label, "the server named no fields; its message: " + e.description()));
        }
        List<CheckResult> out = new ArrayList<>();
        for (ApiError.FieldProblem p : e.validationErrors()) {
            out.add(CheckResult.fail("field '" + p.field() + "'", p.message() + typeHint(p.message())));
        }
        return out;
    }

    private static String typeHint(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (m.contains("required") || m.contains("must not be null") || m.contains("missing")) {
            return " (add this field to the body)";
        }
        if (m.contains("one of")) {
            return " (use one of the listed values exactly; they are case-sensitive)";
        }
        if (m.contains("boolean")) {
            return " (a JSON boolean: true or false, without quotes)";
        }
        if (m.contains("number") || m.contains("integer") || m.contains("numeric")) {
            return " (a JSON number, without quotes)";
        }
        if (m.contains("array") || m.contains("list")) {
            return " (a JSON array: [ ... ])";
        }
        if (m.contains("format") || m.contains("invalid")) {
            return " (check the value's format)";
        }
        return "";
    }

    /**
     * The body sent, checked against mgmt's schema for the request's method and path. A server often names
     * only the first field it rejects, and mgmt api and --no-validate send bodies mgmt did not check: this
     * names the other fields wrong. A body that passes says the server goes by rules of its own.
     */
    static List<CheckResult> schema(Context c, String label) {
        if (c.request == null || !c.request.hasBody() || Json.tryParse(c.request.body()) == null) {
            return List.of();
        }
        String schema = RequestSchemas.of(c.request.method(), String.join("/", c.pathSegments()));
        if (schema == null || !BodyValidator.hasSchema(schema)) {
            return List.of();
        }
        ApiError e = c.apiError();
        List<ApiError.FieldProblem> named = e == null ? List.of() : e.validationErrors();
        List<CheckResult> out = new ArrayList<>();
        int problems = 0;
        for (BodyValidator.Problem p : BodyValidator.validate(schema, c.request.body(), false)) {
            problems++;
            if (named.stream().noneMatch(n -> sameField(n.field(), p.field()))) {
                out.add(CheckResult.fail("field '" + p.field() + "'", p.message() + " (by mgmt's " + schema
                    + " schema; the server did not name it)"));
            }
        }
        if (out.isEmpty()) {
            out.add(CheckResult.pass(label, problems == 0
                ? "the body matches mgmt's " + schema + " schema: the server goes by rules of its own (its message "
                    + "above)"
                : "mgmt's " + schema + " schema finds no field the server did not name"));
        }
        return out;
    }

    /** The server's name for a field, which may carry the file and line mgmt put before it. */
    private static boolean sameField(String named, String field) {
        return named.equals(field) || named.endsWith(": " + field);
    }
}
