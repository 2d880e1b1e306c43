package dev.mgmt.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import dev.mgmt.errors.UsageException;
import dev.mgmt.json.Json;

import java.util.regex.Pattern;

/** JSONPath (Jayway) over Jackson trees, for -q. */
public final class JsonQuery {
    private JsonQuery() {
    }

    private static final class Holder {
        static final Configuration CONFIG = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(Json.mapper()))
            .mappingProvider(new JacksonMappingProvider(Json.mapper()))
            .options(Option.SUPPRESS_EXCEPTIONS)
            .build();
    }

    /** Far beyond a hand-written query; below what the JSONPath compiler's recursion survives. */
    static final int MAX_LENGTH = 1000;
    static final int MAX_STEPS = 100;

    /**
     * An expression as the user typed it, the option it came with, and the JSONPath it means there: errors
     * quote what was typed, never the form it was turned into ({@code {.items[*]}} is {@code $[*]}).
     */
    public record Expr(String typed, String option, String path) {
        public static Expr query(String typed) {
            return new Expr(typed, "-q", typed);
        }

        public static Expr jsonpath(String typed) {
            return new Expr(typed, "-o jsonpath", fromKubectl(typed));
        }
    }

    /** Compiles -q early so a bad expression is a usage error before anything is sent. */
    public static JsonPath compile(String expression) {
        return compile(Expr.query(expression));
    }

    /** As {@link #compile(String)}, naming the expression's option ("-q", "-o jsonpath") in a usage error. */
    public static JsonPath compile(Expr e) {
        String path = e.path();
        checkSize(e);
        checkClosed(e);
        try {
            return JsonPath.compile(path.startsWith("$") ? path : "$" + (path.startsWith(".")
                || path.startsWith("[") ? "" : ".") + path);
        } catch (InvalidPathException | IllegalArgumentException x) {
            throw invalid(e, x);
        }
    }

    /**
     * kubectl's form of -o jsonpath: {@code {.items[*].name}}. The braces are stripped, and as mgmt's
     * list document is the JSON array itself, a leading {@code .items} (kubectl's list wrapper) means it.
     */
    public static String fromKubectl(String expression) {
        String e = expression.strip();
        if (e.startsWith("{") && e.endsWith("}")) {
            e = e.substring(1, e.length() - 1).strip();
        }
        if (e.equals(".items") || e.startsWith(".items[") || e.startsWith(".items.")) {
            e = "$" + e.substring(".items".length());
        }
        return e;
    }

    private static final String EXAMPLES = "JSONPath examples: '$[*].name', '$[?(@.type == \"REST\")].name', '.name'";

    private static UsageException invalid(Expr e, RuntimeException x) {
        return new UsageException(invalid(e) + problem(x), EXAMPLES);
    }

    /** "starting at position 3", ". position: 21", "on position 5", "at character position: 7". */
    private static final Pattern POSITION = Pattern.compile("\\.? ?(?:(?:starting )?(?:at|on) (?:character )?)?position:? \\d+");

    /**
     * What a JSONPath compile error says, for the user. The compiler's positions count in the JSONPath the typed text was turned into ('$' or '$.' in
     * front, kubectl's braces and '.items' taken off, a scenario's ${var} made 'x'), or in a path
     * nested in a filter, so they would
     * point at the wrong character of what was typed: they are left out, the message quotes the
     * expression as typed. A filter error's position counts in the filter it quotes, which is as typed.
     */
    public static String problem(RuntimeException compileError) {
        return withoutPosition(String.valueOf(compileError.getMessage()));
    }

    private static String withoutPosition(String message) {
        if (message.startsWith("Failed to parse filter")) {
            return message.strip();
        }
        return POSITION.matcher(message).replaceAll("").strip();
    }

    private static String invalid(Expr e) {
        return "invalid " + e.option() + " expression '" + shortened(e.typed()) + "': ";
    }

    /** The compiler recurses once per step, so a generated expression of thousands would overflow the stack. */
    private static void checkSize(Expr e) {
        String expression = e.path();
        String problem = null;
        if (expression.length() > MAX_LENGTH) {
            problem = "it is longer than " + MAX_LENGTH + " characters";
        } else if (expression.chars().filter(c -> c == '.' || c == '[').count() > MAX_STEPS) {
            problem = "it has more than " + MAX_STEPS + " steps";
        }
        if (problem != null) {
            throw new UsageException(invalid(e) + problem);
        }
    }

    /**
     * The JSONPath compiler takes '$.a[' for a path that selects nothing and fails on '$[' with an index
     * exception: an unclosed bracket, parenthesis or quote is named here instead.
     */
    private static void checkClosed(Expr e) {
        String expression = e.path();
        java.util.ArrayDeque<Character> open = new java.util.ArrayDeque<>();
        char quote = 0;
        for (char c : expression.toCharArray()) {
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[' || c == '(') {
                open.push(c);
            } else if ((c == ']' || c == ')') && !open.isEmpty() && open.peek() == (c == ']' ? '[' : '(')) {
                open.pop();
            }
        }
        if (quote != 0 || !open.isEmpty()) {
            throw new UsageException(invalid(e)
                + (quote != 0 ? "a quote (" + quote + ")" : "'" + open.peek() + "'") + " is not closed",
                EXAMPLES);
        }
    }

    private static String shortened(String expression) {
        return expression.length() <= 60 ? expression : expression.substring(0, 57) + "...";
    }

    public static JsonNode apply(String expression, JsonNode document) {
        return apply(Expr.query(expression), document);
    }

    public static JsonNode apply(Expr expression, JsonNode document) {
        JsonPath path = compile(expression);
        try {
            JsonNode result = path.read(document, Holder.CONFIG);
            return result == null ? Json.mapper().nullNode() : result;
        } catch (PathNotFoundException e) {
            return Json.mapper().nullNode();
        } catch (InvalidPathException | IllegalArgumentException e) {
            // Some mistakes (an unknown function) surface only when the path is evaluated.
            throw invalid(expression, e);
        }
    }
}
