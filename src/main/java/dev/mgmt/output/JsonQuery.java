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

    /** Compiles early so a bad expression is a usage error before anything is sent. */
    public static JsonPath compile(String expression) {
        try {
            return JsonPath.compile(expression.startsWith("$") ? expression : "$" + (expression.startsWith(".")
                || expression.startsWith("[") ? "" : ".") + expression);
        } catch (InvalidPathException | IllegalArgumentException e) {
            throw new UsageException("invalid -q expression '" + expression + "': " + e.getMessage(),
                "JSONPath examples: '$[*].name', '$[?(@.type == \"REST\")].name', '.name'");
        }
    }

    public static JsonNode apply(String expression, JsonNode document) {
        JsonPath path = compile(expression);
        try {
            JsonNode result = path.read(document, Holder.CONFIG);
            return result == null ? Json.mapper().nullNode() : result;
        } catch (PathNotFoundException e) {
            return Json.mapper().nullNode();
        }
    }
}
