package dev.mgmt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Collects field errors for a request body and raises 400 validation_failed. */
final class Validator {
    private final ObjectNode body;
    private final String prefix;
    private final List<ApiError.FieldError> errors;

    Validator(ObjectNode body) {
        this(body, "", new ArrayList<>());
    }

    private Validator(ObjectNode body, String prefix, List<ApiError.FieldError> errors) {
        this.body = body;
        this.prefix = prefix;
        this.errors = errors;
    }

    /** A validator for a nested object field sharing this one's error list (null node = empty object). */
    Validator nested(String field) {
        JsonNode n = body.get(field);
        return new Validator(n instanceof ObjectNode o ? o : Json.obj(), prefix + field + ".", errors);
    }

    void error(String field, String message) {
        errors.add(new ApiError.FieldError(prefix + field, message));
    }

    private static boolean absent(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode();
    }

    String requireString(String field) {
        JsonNode n = body.get(field);
        if (absent(n) || (n.isTextual() && n.asText().isBlank())) {
            error(field, field + " is required");
            return null;
        }
        if (!n.isTextual()) {
            error(field, field + " must be a string");
            return null;
        }
        return n.asText();
    }

    String optString(String field) {
        JsonNode n = body.get(field);
        if (absent(n)) {
            return null;
        }
        if (!n.isTextual()) {
            error(field, field + " must be a string");
            return null;
        }
        return n.asText();
    }

    String requireEnum(String field, Set<String> values) {
        String v = requireString(field);
        return checkEnum(field, v, values);
    }

    String optEnum(String field, Set<String> values) {
        String v = optString(field);
        return checkEnum(field, v, values);
    }

    private String checkEnum(String field, String v, Set<String> values) {
        if (v != null && !values.contains(v)) {
            error(field, field + " must be one of " + String.join(", ", values.stream().sorted().toList())
                    + " (got '" + v + "')");
            return null;
        }
        return v;
    }

    Boolean optBool(String field) {
        JsonNode n = body.get(field);
        if (absent(n)) {
            return null;
        }
        if (!n.isBoolean()) {
            error(field, field + " must be a boolean");
            return null;
        }
        return n.asBoolean();
    }

    Integer optInt(String field) {
        JsonNode n = body.get(field);
        if (absent(n)) {
            return null;
        }
        if (!n.isIntegralNumber()) {
            error(field, field + " must be an integer");
            return null;
        }
        return n.asInt();
    }

    ObjectNode optObject(String field) {
        JsonNode n = body.get(field);
        if (absent(n)) {
            return null;
        }
        if (!n.isObject()) {
            error(field, field + " must be an object");
            return null;
        }
        return (ObjectNode) n;
    }

    ObjectNode requireObject(String field) {
        JsonNode n = body.get(field);
        if (absent(n)) {
            error(field, field + " is required");
            return null;
        }
        return optObject(field);
    }

    List<String> optStringList(String field) {
        JsonNode n = body.get(field);
        if (absent(n)) {
            return null;
        }
        if (!n.isArray()) {
            error(field, field + " must be an array of strings");
            return null;
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : n) {
            if (!e.isTextual()) {
                error(field, field + " must be an array of strings");
                return null;
            }
            out.add(e.asText());
        }
        return out;
    }

    /** Array of objects; returns validators for each element. */
    List<Validator> optObjectList(String field) {
        JsonNode n = body.get(field);
        List<Validator> out = new ArrayList<>();
        if (absent(n)) {
            return out;
        }
        if (!n.isArray()) {
            error(field, field + " must be an array");
            return out;
        }
        int i = 0;
        for (JsonNode e : n) {
            if (!e.isObject()) {
                error(field + "[" + i + "]", field + "[" + i + "] must be an object");
            } else {
                out.add(new Validator((ObjectNode) e, prefix + field + "[" + i + "].", errors));
            }
            i++;
        }
        return out;
    }

    boolean hasErrorsFor(String field) {
        String f = prefix + field;
        return errors.stream().anyMatch(e -> e.field().equals(f));
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    void throwIfInvalid() {
        if (errors.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder("Validation failed: ");
        for (int i = 0; i < errors.size(); i++) {
            if (i > 0) {
                sb.append("; ");
            }
            sb.append(errors.get(i).message());
        }
        throw new ApiError(400, "validation_failed", sb.toString(), errors);
    }
}
