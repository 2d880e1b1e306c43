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

    /** Compiles early so a bad expression is a usage error before anything is sent. */
    public static JsonPath compile(String expression) {
        return compile(expression, "-q");
    }

    /** As {@link #compile(String)}, naming {@code option} ("-q", "-o jsonpath") in a usage error. */
    public static JsonPath compile(String expression, String option) {
        checkSize(expression, option);
        checkClosed(expression, option);
        try {
            return JsonPath.compile(expression.startsWith("$") ? expression : "$" + (expression.startsWith(".")
                || expression.startsWith("[") ? "" : ".") + expression);
        } catch (InvalidPathException | IllegalArgumentException e) {
            throw invalid(expression, e, option);
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

    private static UsageException invalid(String expression, RuntimeException e, String option) {
        return new UsageException("invalid " + option + " expression '" + shortened(expression) + "': " + e.getMessage(),
            EXAMPLES);
    }

    /** The compiler recurses once per step, so a generated expression of thousands would overflow the stack. */
    private static void checkSize(String expression, String option) {
        String problem = null;
        if (expression.length() > MAX_LENGTH) {
            problem = "it is longer than " + MAX_LENGTH + " characters";
        } else if (expression.chars().filter(c -> c == '.' || c == '[').count() > MAX_STEPS) {
            problem = "it has more than " + MAX_STEPS + " steps";
        }
        if (problem != null) {
            throw new UsageException("invalid " + option + " expression '" + shortened(expression) + "': " + problem);
        }
    }

    /**
     * The JSONPath compiler takes '$.a[' for a path that selects nothing and fails on '$[' with an index
     * exception: an unclosed bracket, parenthesis or quote is named here instead.
     */
    private static void checkClosed(String expression, String option) {
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
            throw new UsageException("invalid " + option + " expression '" + shortened(expression) + "': "
                + (quote != 0 ? "a quote (" + quote + ")" : "'" + open.peek() + "'") + " is not closed",
                EXAMPLES);
        }
    }

    private static String shortened(String expression) {
        return expression.length() <= 60 ? expression : expression.substring(0, 57) + "...";
    }

    public static JsonNode apply(String expression, JsonNode document) {
        return apply(expression, document, "-q");
    }

    public static JsonNode apply(String expression, JsonNode document, String option) {
        JsonPath path = compile(expression, option);
        try {
            JsonNode result = path.read(document, Holder.CONFIG);
            return result == null ? Json.mapper().nullNode() : result;
        } catch (PathNotFoundException e) {
            return Json.mapper().nullNode();
        } catch (InvalidPathException | IllegalArgumentException e) {
            // Some mistakes (an unknown function) surface only when the path is evaluated.
            throw invalid(expression, e, option);
        }
    }
}
