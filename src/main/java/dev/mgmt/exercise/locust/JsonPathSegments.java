package dev.mgmt.exercise.locust;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.json.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of Jayway's JSONPath that the exported file evaluates itself (an ordinary Locust install
 * has no JSONPath library): names, quoted names, indexes, {@code [*]} and {@code .*}, and filters
 * comparing one field with a literal, {@code [?(@.name == 'x')]}. ${variables} may stand in names and
 * quoted filter values, where they are substituted at run time. Anything else is {@link Untranslatable},
 * naming the feature, so a check is never silently weakened.
 */
final class JsonPathSegments {
    private final String expr;
    private int pos;

    private JsonPathSegments(String expr) {
        this.expr = expr;
    }

    /**
     * One step of the path as a Python tuple: ("field", name), ("index", n), ("all",), or
     * ("filter", fields, op, value, the number literal's text or None).
     */
    record Segment(String python) {
    }

    /** A JSONPath feature outside the exported subset. */
    static final class Untranslatable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Untranslatable(String feature) {
            super(feature);
        }
    }

    static List<Segment> parse(String expression) {
        return new JsonPathSegments(expression.strip()).path();
    }

    private List<Segment> path() {
        if (!expr.startsWith("$")) {
            throw new Untranslatable("a path not starting at $");
        }
        pos = 1;
        List<Segment> out = new ArrayList<>();
        while (pos < expr.length()) {
            char c = expr.charAt(pos);
            if (expr.startsWith("..", pos)) {
                throw new Untranslatable("the deep scan '..'");
            } else if (c == '.') {
                pos++;
                if (peek('*')) {
                    pos++;
                    out.add(new Segment("(\"all\",)"));
                } else {
                    out.add(field(dottedName()));
                }
            } else if (c == '[') {
                pos++;
                out.add(bracket());
            } else {
                throw new Untranslatable("'" + expr.substring(pos) + "'");
            }
        }
        return out;
    }

    private Segment bracket() {
        skipSpaces();
        Segment s;
        if (peek('*')) {
            pos++;
            s = new Segment("(\"all\",)");
        } else if (peek('\'') || peek('"')) {
            String name = quoted();
            skipSpaces();
            if (peek(',')) {
                throw new Untranslatable("several names in one bracket ['a','b']");
            }
            s = field(name);
        } else if (peek('?')) {
            s = filter();
        } else {
            int start = pos;
            while (pos < expr.length() && "-0123456789".indexOf(expr.charAt(pos)) >= 0) {
                pos++;
            }
            String digits = expr.substring(start, pos);
            skipSpaces();
            if (peek(':')) {
                throw new Untranslatable("an array slice [a:b]");
            }
            if (peek(',')) {
                throw new Untranslatable("several indexes in one bracket [0,1]");
            }
            if (!digits.matches("-?[0-9]{1,9}")) {
                throw new Untranslatable(expr.startsWith("${", start) ? "a ${variable} as an index"
                    : "the bracket '[" + rest(start) + "'");
            }
            s = new Segment("(\"index\", " + Integer.parseInt(digits) + ")");
        }
        skipSpaces();
        expect(']');
        return s;
    }

    private Segment filter() {
        pos++;
        expect('(');
        skipSpaces();
        if (!peek('@')) {
            throw new Untranslatable("the filter '" + rest(pos) + "' (only [?(@.field OP value)] is exported)");
        }
        pos++;
        List<String> fields = new ArrayList<>();
        while (peek('.') || peek('[')) {
            if (peek('.')) {
                pos++;
                fields.add(dottedName());
            } else {
                pos++;
                skipSpaces();
                if (!(peek('\'') || peek('"'))) {
                    throw new Untranslatable("the filter '" + rest(pos) + "' (only [?(@.field OP value)] is exported)");
                }
                fields.add(quoted());
                skipSpaces();
                expect(']');
            }
        }
        if (fields.isEmpty()) {
            throw new Untranslatable("a filter on @ itself");
        }
        skipSpaces();
        String op = null;
        for (String o : new String[]{"==", "!=", "<=", ">=", "<", ">"}) {
            if (expr.startsWith(o, pos)) {
                op = o;
                pos += o.length();
                break;
            }
        }
        String value = "None";
        String numberText = "None";
        if (op == null) {
            op = "exists";
        } else {
            skipSpaces();
            int start = pos;
            value = literal();
            String word = expr.substring(start, pos);
            if (word.matches("-?[0-9].*")) {
                // Jayway compares a text field with a number literal as text, in BigDecimal's spelling.
                numberText = PythonLiterals.string(new java.math.BigDecimal(word).toString());
            }
        }
        skipSpaces();
        if (!peek(')')) {
            String more = rest(pos);
            throw new Untranslatable(more.startsWith("&&") || more.startsWith("||")
                ? "a filter combining conditions with && or ||" : "the filter operator or value '" + more + "'");
        }
        pos++;
        return new Segment("(\"filter\", " + PythonLiterals.strings(fields) + ", " + PythonLiterals.string(op)
            + ", " + value + ", " + numberText + ")");
    }

    private String literal() {
        if (peek('\'') || peek('"')) {
            return PythonLiterals.string(quoted());
        }
        int start = pos;
        while (pos < expr.length() && ")&| ".indexOf(expr.charAt(pos)) < 0) {
            pos++;
        }
        String word = expr.substring(start, pos);
        JsonNode n = word.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?|true|false|null")
            ? Json.tryParse(word.getBytes(java.nio.charset.StandardCharsets.UTF_8)) : null;
        if (n == null) {
            throw new Untranslatable(word.contains("${") ? "a ${variable} outside quotes in a filter (write '${name}')"
                : "the filter value '" + word + "' (a quoted text, number, true, false or null is exported)");
        }
        return PythonLiterals.json(n, 0);
    }

    private Segment field(String name) {
        return new Segment("(\"field\", " + PythonLiterals.string(name) + ")");
    }

    /** A name after '.', up to the next '.' or '['; a ${...} inside it is kept whole. */
    private String dottedName() {
        int start = pos;
        while (pos < expr.length() && expr.charAt(pos) != '.' && expr.charAt(pos) != '[') {
            char c = expr.charAt(pos);
            if (expr.startsWith("${", pos)) {
                int end = expr.indexOf('}', pos);
                pos = end < 0 ? expr.length() : end + 1;
                continue;
            }
            if (c == '(') {
                throw new Untranslatable("the function '" + expr.substring(start, pos) + "()'");
            }
            if (c == ' ' || c == ')' || c == ']' || c == '=' || c == '!' || c == '<' || c == '>') {
                break;
            }
            pos++;
        }
        if (pos == start) {
            throw new Untranslatable("an empty name after '.'");
        }
        return expr.substring(start, pos);
    }

    /** A '...' or "..." name or value; a backslash escapes the next character, as in Jayway. */
    private String quoted() {
        char q = expr.charAt(pos++);
        StringBuilder sb = new StringBuilder();
        while (pos < expr.length() && expr.charAt(pos) != q) {
            char c = expr.charAt(pos++);
            if (c == '\\' && pos < expr.length()) {
                c = expr.charAt(pos++);
            }
            sb.append(c);
        }
        if (pos >= expr.length()) {
            throw new Untranslatable("an unterminated quote");
        }
        pos++;
        return sb.toString();
    }

    private boolean peek(char c) {
        return pos < expr.length() && expr.charAt(pos) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw new Untranslatable("'" + rest(pos) + "' where '" + c + "' was expected");
        }
        pos++;
    }

    private void skipSpaces() {
        while (pos < expr.length() && expr.charAt(pos) == ' ') {
            pos++;
        }
    }

    private String rest(int from) {
        String r = expr.substring(Math.min(from, expr.length()));
        return r.length() > 30 ? r.substring(0, 30) + "..." : r;
    }
}
