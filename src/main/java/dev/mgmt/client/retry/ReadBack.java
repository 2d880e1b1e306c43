package dev.mgmt.client.retry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.json.Json;

import java.net.URI;
import java.util.Map;

/**
 * The read that shows whether a write took effect, supplied by the caller that knows the API's
 * shapes: the URL of the resource a POST creates, and the command a user would type to look.
 *
 * <p>Used twice: when a POST/PATCH failed after it was sent, the error names {@code command} as the
 * way to check; when a retried POST answers 409 duplicate_name, mgmt GETs {@code uri} to see whether
 * its own earlier attempt created the resource.
 *
 * @param uri       the resource to GET, or null when there is none to read (only the command is known)
 * @param command   e.g. {@code mgmt get connection c1 -p P}
 * @param listField when the API has no single-object read: {@code uri} is the list, and the resource
 *                  is the item whose {@code listField} equals {@code name}; null otherwise
 * @param name      the name looked for in the list
 */
public record ReadBack(URI uri, String command, String listField, String name) {

    public ReadBack(URI uri, String command) {
        this(uri, command, null, null);
    }

    /** The resource in a read answer: the body itself, or the list item that carries the name; null if absent. */
    public byte[] pick(byte[] body) {
        JsonNode json = Json.tryParse(body);
        if (listField == null) {
            return body;
        }
        if (json == null) {
            return null;
        }
        JsonNode list = json.isArray() ? json : json.get("resultList");
        if (list == null || !list.isArray()) {
            return null;
        }
        for (JsonNode item : list) {
            if (item.path(listField).isValueNode() && item.path(listField).asText().equals(name)) {
                return Json.compact(item).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /**
     * Compares what a POST sent with what a GET of the resource shows: the first top-level field that
     * both carry as a plain value and that differs, described; null when none differs. Fields the read
     * does not show (passwords, say) are not held against it. A list envelope with one item is unwrapped.
     */
    public static String firstDifference(byte[] sent, byte[] found) {
        JsonNode a = sent == null ? null : Json.tryParse(sent);
        JsonNode b = found == null ? null : Json.tryParse(found);
        if (a == null || !a.isObject() || b == null) {
            return null;
        }
        if (b.has("resultList") && b.get("resultList").isArray() && b.get("resultList").size() == 1) {
            b = b.get("resultList").get(0);
        }
        if (!b.isObject()) {
            return null;
        }
        for (Map.Entry<String, JsonNode> e : a.properties()) {
            JsonNode mine = e.getValue();
            JsonNode theirs = b.get(e.getKey());
            if (mine.isValueNode() && !mine.isNull() && theirs != null && theirs.isValueNode() && !theirs.isNull()
                && !mine.asText().equals(theirs.asText())) {
                return e.getKey() + " is '" + theirs.asText() + "', mgmt sent '" + mine.asText() + "'";
            }
        }
        return null;
    }
}
