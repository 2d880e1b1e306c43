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
        checkSize(expression);
        try {
            return JsonPath.compile(expression.startsWith("$") ? expression : "$" + (expression.startsWith(".")
                || expression.startsWith("[") ? "" : ".") + expression);
        } catch (InvalidPathException | IllegalArgumentException e) {
            throw invalid(expression, e);
        }
    }

    private static UsageException invalid(String expression, RuntimeException e) {
        return new UsageException("invalid -q expression '" + shortened(expression) + "': " + e.getMessage(),
            "JSONPath examples: '$[*].name', '$[?(@.type == \"REST\")].name', '.name'");
    }

    /** The compiler recurses once per step, so a generated expression of thousands would overflow the stack. */
    private static void checkSize(String expression) {
        String problem = null;
        if (expression.length() > MAX_LENGTH) {
            problem = "it is longer than " + MAX_LENGTH + " characters";
        } else if (expression.chars().filter(c -> c == '.' || c == '[').count() > MAX_STEPS) {
            problem = "it has more than " + MAX_STEPS + " steps";
        }
        if (problem != null) {
            throw new UsageException("invalid -q expression '" + shortened(expression) + "': " + problem);
        }
    }

    private static String shortened(String expression) {
        return expression.length() <= 60 ? expression : expression.substring(0, 57) + "...";
    }

    public static JsonNode apply(String expression, JsonNode document) {
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
