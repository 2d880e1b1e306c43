package dev.mgmt.resources.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.resources.Kind;

/** What tells two objects of a kind apart, as one string: "petstore-api", or "GET /pets" for an endpoint. */
final class Identity {
    private Identity() {
    }

    static String of(Shape shape, Kind kind, JsonNode object) {
        StringBuilder sb = new StringBuilder();
        for (String key : shape.keyFields()) {
            sb.append(object.path(key).asText("")).append(' ');
        }
        return sb.append(object.path(kind.nameField()).asText("")).toString();
    }

    /** The kind's own name field alone: what paths and bodies name the object by. */
    static String plainName(Kind kind, JsonNode object) {
        return object.path(kind.nameField()).asText("");
    }
}
