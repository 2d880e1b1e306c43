package dev.mgmt.diagnose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.errors.ApiError;
import dev.mgmt.json.Json;
import dev.mgmt.report.CheckResult;

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

    static List<CheckResult> schema(Context c) {
        return c.request == null ? List.of() : c.schema.check(c.request);
    }
}
