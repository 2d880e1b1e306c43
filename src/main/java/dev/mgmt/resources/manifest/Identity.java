package dev.mgmt.resources.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.resources.Kind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What tells two objects of a kind apart, as one string: "petstore-api", or "GET /pets" for an endpoint
 * (a path alone names one endpoint per method). Apply, diff and every command's result line name an
 * object this way, so the same endpoint reads the same whichever command touched it.
 */
public final class Identity {
    private Identity() {
    }

    static String of(Shape shape, Kind kind, JsonNode object) {
        return named(object.path(kind.nameField()).asText(""), keyValues(shape.keyFields(), object));
    }

    /** The name a result shows for a body a command sends: its key fields (an endpoint's method), then the name. */
    public static String shown(Kind kind, String name, JsonNode body) {
        return body == null ? name : named(name, keyValues(Shapes.keyFields(kind), body));
    }

    /** The key values that are given (an endpoint's method), then the name; a name alone stays as it is. */
    public static String named(String name, String... keys) {
        return named(name, Arrays.asList(keys));
    }

    private static String named(String name, List<String> keys) {
        StringBuilder sb = new StringBuilder();
        for (String key : keys) {
            if (key != null && !key.isEmpty()) {
                sb.append(key).append(' ');
            }
        }
        return sb.length() == 0 ? name : sb.append(name).toString();
    }

    private static List<String> keyValues(List<String> fields, JsonNode object) {
        List<String> values = new ArrayList<>();
        for (String field : fields) {
            values.add(object.path(field).asText(""));
        }
        return values;
    }

    /** The kind's own name field alone: what paths and bodies name the object by. */
    static String plainName(Kind kind, JsonNode object) {
        return object.path(kind.nameField()).asText("");
    }
}
