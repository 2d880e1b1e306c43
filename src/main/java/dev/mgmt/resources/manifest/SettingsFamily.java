package dev.mgmt.resources.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.json.Json;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One settings PATCH of a kind (a proxy's {@code settings/metadata/}) as apply uses it: which fields of the get
 * shape it writes, and how its body, in the shape its reference page documents, is made from the document.
 *
 * @param part       the part's name, as {@code Parts} knows it ("metadata")
 * @param under      the get-shape object the fields are in ("" for the top level, "routing")
 * @param fields     get-shape field to body field, in body order
 * @param itemFields for a list of objects, the item fields the page takes (the others are the re-parse's)
 * @param replaces   the PATCH replaces the whole setting, so fields the document leaves out keep the live value
 */
public record SettingsFamily(String part, String under, Map<String, String> fields,
                             Map<String, List<String>> itemFields, boolean replaces) {

    /** True when this PATCH writes the change at {@code path} ({@code routing.routingAddressList[0].weight}). */
    public boolean covers(String path) {
        return field(path) != null;
    }

    /** The get-shape field of this setting that holds {@code path}, or null when this PATCH does not write it. */
    private String field(String path) {
        String p = Comparison.unindexed(path);
        for (String f : fields.keySet()) {
            String at = prefix() + f;
            List<String> items = itemFields.get(f);
            if (items == null ? p.equals(at) || p.startsWith(at + ".") : p.equals(at)
                || items.stream().anyMatch(i -> p.equals(at + "." + i) || p.startsWith(at + "." + i + "."))) {
                return f;
            }
        }
        return null;
    }

    /** The get-shape path of a body field, for messages that point into the document. */
    public String docPath(String bodyField) {
        return prefix() + Comparison.docPath(fields, bodyField);
    }

    /**
     * The PATCH body: when the PATCH replaces the setting, all of the document's fields of it over the live ones;
     * else only the fields that change (the others are left as they are, whatever a read shows for them).
     */
    public ObjectNode body(JsonNode document, JsonNode live, List<Change> changes) {
        ObjectNode body = Json.mapper().createObjectNode();
        if (replaces) {
            if (live != null) {
                copy(at(live), body, fields.keySet());
            }
            copy(at(document), body, fields.keySet());
        } else {
            Set<String> changed = new HashSet<>();
            changes.forEach(c -> changed.add(field(c.path())));
            copy(at(document), body, fields.keySet().stream().filter(changed::contains).toList());
        }
        return body;
    }

    private String prefix() {
        return under.isEmpty() ? "" : under + ".";
    }

    private JsonNode at(JsonNode node) {
        return under.isEmpty() ? node : node.path(under);
    }

    private void copy(JsonNode from, ObjectNode body, Collection<String> which) {
        for (String f : which) {
            JsonNode v = from.get(f);
            if (v == null) {
                continue;
            }
            List<String> items = itemFields.get(f);
            body.set(fields.get(f), items == null || !v.isArray() ? v.deepCopy() : projected(v, items));
        }
    }

    private static ArrayNode projected(JsonNode list, List<String> keep) {
        ArrayNode out = Json.mapper().createArrayNode();
        for (JsonNode item : list) {
            if (!item.isObject()) {
                out.add(item.deepCopy());
                continue;
            }
            ObjectNode o = out.addObject();
            keep.stream().filter(item::has).forEach(k -> o.set(k, item.get(k).deepCopy()));
        }
        return out;
    }
}
