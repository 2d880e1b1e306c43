package dev.mgmt.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import dev.mgmt.json.LocatedBody;

import java.util.ArrayList;
import java.util.List;

/** Turns the validator's messages into a field, a few plain words, and the line where the field is. */
final class ProblemWording {
    private ProblemWording() {
    }

    static BodyValidator.Problem toProblem(ValidationMessage m, JsonNode schemaRoot, LocatedBody parsed) {
        List<Object> path = elements(m.getInstanceLocation());
        String type = m.getType() == null ? "" : m.getType();
        JsonNode keyword = keywordNode(schemaRoot, m);
        JsonNode instance = parsed.root().at(LocatedBody.pointer(path));
        BodyValidator.Problem either = eitherOf(m, schemaRoot, path, parsed);
        if (either != null) {
            return either;
        }
        String message;
        switch (type) {
            case "required" -> {
                List<Object> child = new ArrayList<>(path);
                child.add(m.getProperty());
                return new BodyValidator.Problem(field(child), "is required", parsed.line(path));
            }
            case "type" -> message = "must be " + expectedTypes(keyword) + ", got " + typeOf(instance);
            case "enum" -> message = "must be one of " + join(keyword);
            case "const" -> message = "must be " + text(keyword);
            case "minItems" -> message = keyword.asInt() == 1 ? "must not be empty"
                : "must have at least " + keyword.asInt() + " items";
            case "maxItems" -> message = "must have at most " + keyword.asInt() + " items";
            case "minLength" -> message = keyword.asInt() == 1 ? "must not be empty"
                : "must be at least " + keyword.asInt() + " characters long";
            case "maxLength" -> message = "must be at most " + keyword.asInt() + " characters long";
            case "minProperties" -> message = "must set at least " + keyword.asInt()
                + (keyword.asInt() == 1 ? " field" : " fields");
            case "minimum" -> message = "must be at least " + text(keyword);
            case "maximum" -> message = "must be at most " + text(keyword);
            case "pattern" -> message = "must match " + text(keyword);
            case "additionalProperties" -> {
                List<Object> child = new ArrayList<>(path);
                child.add(m.getProperty());
                return new BodyValidator.Problem(field(child), "is not a known field", parsed.line(child));
            }
            case "anyOf", "oneOf" -> message = alternatives(type, keyword, m);
            case "not" -> message = "has a value that is not allowed";
            default -> {
                String text = m.getMessage();
                int colon = text.indexOf(": ");
                message = colon >= 0 && text.startsWith("/") || colon >= 0 && text.startsWith("$")
                    ? text.substring(colon + 2) : text;
            }
        }
        return new BodyValidator.Problem(field(path), message, parsed.line(path));
    }

    /**
     * A failed anyOf/oneOf whose branches each only list required fields (e.g. "publicKey or secretKey") is
     * reported once, as the choice, instead of as each branch's missing fields.
     */
    private static BodyValidator.Problem eitherOf(ValidationMessage m, JsonNode schemaRoot, List<Object> path, LocatedBody parsed) {
        if (m.getSchemaLocation() == null || m.getSchemaLocation().getFragment() == null) {
            return null;
        }
        List<Object> frag = elements(m.getSchemaLocation().getFragment());
        for (int i = frag.size() - 1; i >= 0; i--) {
            Object e = frag.get(i);
            if ("anyOf".equals(e) || "oneOf".equals(e)) {
                JsonNode branches = schemaRoot.at(LocatedBody.pointer(frag.subList(0, i + 1)));
                String message = alternatives(e.toString(), branches, m);
                return message.startsWith("needs ") ? new BodyValidator.Problem(field(path), message, parsed.line(path)) : null;
            }
        }
        return null;
    }

    /** For anyOf/oneOf whose branches are just "required" lists, say which fields are wanted. */
    private static String alternatives(String type, JsonNode keyword, ValidationMessage m) {
        if (keyword != null && keyword.isArray()) {
            List<String> fields = new ArrayList<>();
            for (JsonNode branch : keyword) {
                JsonNode r = branch.get("required");
                if (r == null || branch.size() != 1) {
                    fields = null;
                    break;
                }
                List<String> all = new ArrayList<>();
                r.forEach(x -> all.add(x.asText()));
                fields.add(String.join(" and ", all));
            }
            if (fields != null && !fields.isEmpty()) {
                return ("oneOf".equals(type) ? "needs exactly one of " : "needs at least one of ") + String.join(", ", fields);
            }
        }
        return "anyOf".equals(type) ? "matches none of the allowed forms" : "must match exactly one allowed form";
    }

    private static JsonNode keywordNode(JsonNode schemaRoot, ValidationMessage m) {
        if (m.getSchemaLocation() != null && m.getSchemaLocation().getFragment() != null) {
            JsonNode n = schemaRoot.at(LocatedBody.pointer(elements(m.getSchemaLocation().getFragment())));
            if (!n.isMissingNode()) {
                return n;
            }
        }
        return m.getSchemaNode() == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : m.getSchemaNode();
    }

    private static String expectedTypes(JsonNode keyword) {
        List<String> types = new ArrayList<>();
        if (keyword.isArray()) {
            keyword.forEach(t -> {
                if (!"null".equals(t.asText())) {
                    types.add(t.asText());
                }
            });
        } else {
            types.add(keyword.asText());
        }
        List<String> withArticles = types.stream().map(ProblemWording::article).toList();
        return String.join(" or ", withArticles);
    }

    private static String article(String type) {
        return switch (type) {
            case "integer", "object", "array" -> "an " + type;
            default -> "a " + type;
        };
    }

    private static String typeOf(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        return switch (n.getNodeType()) {
            case STRING, BINARY -> "string";
            case NUMBER -> n.isIntegralNumber() ? "integer" : "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            case ARRAY -> "array";
            case OBJECT, POJO -> "object";
            default -> n.getNodeType().name().toLowerCase();
        };
    }

    private static String join(JsonNode values) {
        List<String> out = new ArrayList<>();
        if (values != null && values.isArray()) {
            values.forEach(v -> {
                if (!v.isNull()) {
                    out.add(text(v));
                }
            });
        }
        return String.join(", ", out);
    }

    private static String text(JsonNode v) {
        return v == null ? "" : v.isTextual() ? v.asText() : v.toString();
    }

    /** The validator's path as names and indexes. */
    static List<Object> elements(JsonNodePath p) {
        List<Object> out = new ArrayList<>();
        if (p != null) {
            for (int i = 0; i < p.getNameCount(); i++) {
                out.add(p.getElement(i));
            }
        }
        return out;
    }

    /** A path as the server names a field: {@code a.b[0].c}; the body itself for an empty one. */
    static String field(List<Object> path) {
        if (path.isEmpty()) {
            return BodyValidator.ROOT;
        }
        StringBuilder sb = new StringBuilder();
        for (Object e : path) {
            if (e instanceof Integer) {
                sb.append('[').append(e).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(e);
            }
        }
        return sb.toString();
    }
}
