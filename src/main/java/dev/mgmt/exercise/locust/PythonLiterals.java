package dev.mgmt.exercise.locust;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Python source literals for scenario text and JSON values. Strings come out as pure ASCII with
 * escapes, so a name holding quotes, backslashes, newlines or any Unicode (even outside the BMP,
 * which Python spells {@code \U0001F600}, not as two surrogate escapes) reads back exactly.
 */
final class PythonLiterals {
    /** Values whose one-line form is longer than this are written one item a line. */
    private static final int LINE = 88;

    private PythonLiterals() {
    }

    static String string(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        sb.append((char) c);
                    } else if (c < 0x100) {
                        sb.append(String.format("\\x%02x", c));
                    } else if (c < 0x10000) {
                        sb.append(String.format("\\u%04x", c));
                    } else {
                        sb.append(String.format("\\U%08x", c));
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    static String strings(List<String> items) {
        return "[" + String.join(", ", items.stream().map(PythonLiterals::string).toList()) + "]";
    }

    /** A JSON value as the Python value json.loads would give; nested, indented by {@code indent} spaces. */
    static String json(JsonNode n, int indent) {
        String flat = flat(n);
        if (flat.length() + indent <= LINE || !(n.isContainerNode() && !n.isEmpty())) {
            return flat;
        }
        String pad = " ".repeat(indent + 4);
        StringBuilder sb = new StringBuilder(n.isObject() ? "{\n" : "[\n");
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sb.append(pad).append(string(e.getKey())).append(": ").append(json(e.getValue(), indent + 4)).append(",\n");
            }
        } else {
            for (JsonNode item : n) {
                sb.append(pad).append(json(item, indent + 4)).append(",\n");
            }
        }
        return sb.append(" ".repeat(indent)).append(n.isObject() ? "}" : "]").toString();
    }

    private static String flat(JsonNode n) {
        if (n.isTextual()) {
            return string(n.asText());
        }
        if (n.isBoolean()) {
            return n.asBoolean() ? "True" : "False";
        }
        if (n.isNull() || n.isMissingNode()) {
            return "None";
        }
        if (n.isNumber()) {
            // Python reads Java's number forms (1, -2.5, 1.0E10) as the same numbers.
            return n.isIntegralNumber() ? n.bigIntegerValue().toString() : n.asText();
        }
        if (n.isObject()) {
            StringBuilder sb = new StringBuilder("{");
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sb.append(string(e.getKey())).append(": ").append(flat(e.getValue()));
                if (it.hasNext()) {
                    sb.append(", ");
                }
            }
            return sb.append('}').toString();
        }
        if (n.isArray()) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < n.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(flat(n.get(i)));
            }
            return sb.append(']').toString();
        }
        throw new IllegalArgumentException("not a JSON value: " + n.getNodeType());
    }
}
