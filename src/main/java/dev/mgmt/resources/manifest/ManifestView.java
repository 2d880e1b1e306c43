package dev.mgmt.resources.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.json.Json;
import dev.mgmt.resources.Kind;
import dev.mgmt.resources.Scope;
import dev.mgmt.resources.Target;

import java.util.Iterator;
import java.util.Map;

/**
 * A live object as a document apply takes back: {@code kind}, {@code project} and {@code proxy} first (as
 * the scope needs them), then the object as the server sent it. Server-made fields stay visible; apply
 * ignores them.
 */
public final class ManifestView {
    private ManifestView() {
    }

    public static ObjectNode of(Target target, JsonNode live) {
        Kind kind = target.kind();
        ObjectNode doc = Json.mapper().createObjectNode();
        doc.put("kind", kind.singular());
        if (kind.scope() != Scope.GLOBAL && target.project() != null) {
            doc.put("project", target.project());
        }
        if (kind.scope() == Scope.PROXY && target.proxy() != null) {
            doc.put("proxy", target.proxy());
        }
        if (live == null || !live.isObject()) {
            return doc;
        }
        Iterator<Map.Entry<String, JsonNode>> it = live.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!ManifestParser.HEADER.contains(e.getKey())) {
                doc.set(e.getKey(), e.getValue());
            }
        }
        return doc;
    }
}
