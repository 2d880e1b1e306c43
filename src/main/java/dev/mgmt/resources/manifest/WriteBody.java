package dev.mgmt.resources.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.json.Json;
import dev.mgmt.text.Redactor;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The body a create or update sends for a document: server-made fields and those only a settings PATCH
 * writes dropped, get-shape names translated.
 * An update is a PUT, which replaces the object, so it starts from the live object: a field the document
 * leaves out, or a secret it has as null (a list shows secrets so), keeps the manager's value instead
 * of being cleared behind a diff that did not show it.
 */
public final class WriteBody {
    private WriteBody() {
    }

    public static ObjectNode of(Manifest m, boolean update) {
        return of(m, update, null);
    }

    public static ObjectNode of(Manifest m, boolean update, JsonNode live) {
        Shape shape = m.shape();
        ObjectNode body = Json.mapper().createObjectNode();
        if (update && live != null && live.isObject()) {
            copy(shape, live, body, false);
        }
        copy(shape, m.fields(), body, live != null);
        if (update) {
            shape.updateExtras().forEach((k, v) -> body.set(k, Json.mapper().valueToTree(v)));
        }
        return body;
    }

    private static void copy(Shape shape, JsonNode from, ObjectNode body, boolean keepLiveSecrets) {
        Set<String> set = new HashSet<>();
        Iterator<Map.Entry<String, JsonNode>> it = from.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = shape.renames().getOrDefault(e.getKey(), e.getKey());
            boolean hiddenSecret = e.getValue().isNull() && Redactor.isSecretName(e.getKey());
            if (shape.ignored(e.getKey()) || shape.settingsOnly().contains(e.getKey()) || !set.add(field) || keepLiveSecrets && hiddenSecret && body.hasNonNull(field)) {
                continue;
            }
            body.set(field, e.getValue());
        }
    }
}
