package dev.mgmt.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.output.Column;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What tells two objects of a kind apart, as one string: "petstore-api", or "GET /pets" for an endpoint
 * (a path alone names one endpoint per method). Apply, diff, every command's result line and -o name
 * name an object this way, and every command taking a NAME accepts it back ({@link NameArgument}).
 */
public final class Identity {
    private Identity() {
    }

    /** The identity of an object as the server or a manifest holds it. */
    public static String of(Kind kind, JsonNode object) {
        return named(plainName(kind, object), keyValues(kind.keyFields(), object));
    }

    /** The name a result shows for a body a command sends: its key fields (an endpoint's method), then the name. */
    public static String shown(Kind kind, String name, JsonNode body) {
        return body == null ? name : named(name, keyValues(kind.keyFields(), body));
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

    /** How an item is named when read (for -o name, for matching a NAME), and the top-level fields that takes. */
    public record Key(Function<JsonNode, String> of, Set<String> fields) {
    }

    /** An item's identity: its name, with the key values before it where the kind has them. */
    public static Key whole(Kind kind) {
        return kind.keyFields().isEmpty() ? plain(kind)
            : new Key(item -> of(kind, item), new HashSet<>(kind.identityFields()));
    }

    /** An item's name alone. */
    public static Key plain(Kind kind) {
        Column name = Column.of("NAME", kind.nameField());
        return new Key(name::valueOf, name.fields());
    }

    /** The kind's own name field alone: what paths and bodies name the object by. */
    public static String plainName(Kind kind, JsonNode object) {
        return object.path(kind.nameField()).asText("");
    }
}
