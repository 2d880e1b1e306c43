package dev.mgmt.resources.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.json.Json;

import java.util.Iterator;
import java.util.Map;

/** The body a create or update sends for a document: server-made fields dropped, get-shape names translated. */
public final class WriteBody {
    private WriteBody() {
    }

    public static ObjectNode of(Manifest m, boolean update) {
        Shape shape = m.shape();
        ObjectNode body = Json.mapper().createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> it = m.fields().fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (shape.ignored(e.getKey())) {
                continue;
            }
            String field = shape.renames().getOrDefault(e.getKey(), e.getKey());
            if (!body.has(field)) {
                body.set(field, e.getValue());
            }
        }
        if (update) {
            shape.updateExtras().forEach((k, v) -> body.set(k, Json.mapper().valueToTree(v)));
        }
        return body;
    }
}
