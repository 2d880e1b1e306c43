package dev.mgmt.client.retry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.json.Json;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
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
 * @param readAs    body fields the read shows under another name ({@code apiProxyDescription} → {@code description})
 */
public record ReadBack(URI uri, String command, String listField, String name, Map<String, String> readAs) {

    public ReadBack {
        readAs = Map.copyOf(readAs);
    }

    public ReadBack(URI uri, String command) {
        this(uri, command, null, null, Map.of());
    }

    public ReadBack(URI uri, String command, String listField, String name) {
        this(uri, command, listField, name, Map.of());
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
     * What the read shows of the fields a body set: how many could be compared, and those that differ,
     * e.g. {@code description ('a' here, 'b' on the manager)}. Fields the read does not show (passwords,
     * say) are not held against it; nested objects are compared field by field, lists of plain values
     * as wholes. A list envelope with one item is unwrapped.
     */
    public Comparison compare(byte[] sent, byte[] found) {
        JsonNode a = sent == null ? null : Json.tryParse(sent);
        JsonNode b = found == null ? null : Json.tryParse(found);
        Comparison c = new Comparison(new ArrayList<>());
        if (b != null && b.has("resultList") && b.get("resultList").isArray() && b.get("resultList").size() == 1) {
            b = b.get("resultList").get(0);
        }
        if (a != null && a.isObject() && b != null && b.isObject()) {
            compare("", a, b, c);
        }
        return c;
    }

    private void compare(String prefix, JsonNode mine, JsonNode theirs, Comparison c) {
        for (Map.Entry<String, JsonNode> e : mine.properties()) {
            String field = prefix.isEmpty() ? readAs.getOrDefault(e.getKey(), e.getKey()) : e.getKey();
            JsonNode m = e.getValue();
            JsonNode t = theirs.get(field);
            if (m.isNull() || t == null || t.isNull()) {
                continue;
            }
            if (m.isObject() && t.isObject()) {
                compare(prefix + field + ".", m, t, c);
            } else if (m.isValueNode() && t.isValueNode() || plainList(m) && plainList(t)) {
                c.count();
                String here = shown(m);
                String there = shown(t);
                if (!here.equals(there)) {
                    c.differing().add(prefix + field + " (" + here + " here, " + there + " on the manager)");
                }
            }
        }
    }

    private static boolean plainList(JsonNode n) {
        if (!n.isArray()) {
            return false;
        }
        for (JsonNode item : n) {
            if (!item.isValueNode()) {
                return false;
            }
        }
        return true;
    }

    /** 'text' for a plain value; [a, b] for a list of them. */
    private static String shown(JsonNode n) {
        if (n.isValueNode()) {
            return "'" + n.asText() + "'";
        }
        List<String> items = new ArrayList<>();
        n.forEach(i -> items.add(i.asText()));
        return items.toString();
    }

    /** The outcome of {@link #compare}: {@code compared} fields were seen on both sides. */
    public static final class Comparison {
        private final List<String> differing;
        private int compared;

        Comparison(List<String> differing) {
            this.differing = differing;
        }

        void count() {
            compared++;
        }

        public int compared() {
            return compared;
        }

        public List<String> differing() {
            return differing;
        }
    }
}
