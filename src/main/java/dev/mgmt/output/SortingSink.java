package dev.mgmt.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.errors.UsageException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * --sort-by FIELD: holds every item (memory grows with the list), then hands them to the format's
 * sink in ascending order of the field, as kubectl: numbers numerically, strings case-sensitively
 * (code point order), items without the field last, ties in the server's order. A field that no item
 * has is a typing mistake, not an order (kubectl: "couldn't find any field with path"): a usage error.
 */
public final class SortingSink implements ItemSink {
    private final ItemSink inner;
    private final String[] path;
    private final String typed;
    private final List<JsonNode> items = new ArrayList<>();

    /** {@code path} is dot-separated without a leading dot ("name", "a.b"); {@code typed} as given, for errors. */
    public SortingSink(ItemSink inner, String path, String typed) {
        this.inner = inner;
        this.path = path.split("\\.");
        this.typed = typed;
    }

    @Override
    public void item(JsonNode item) {
        items.add(item);
    }

    @Override
    public void finish() {
        if (!items.isEmpty() && items.stream().noneMatch(this::has)) {
            throw new UsageException("--sort-by: couldn't find any field with path '" + typed
                + "' in the " + items.size() + (items.size() == 1 ? " item" : " items") + " listed");
        }
        List<JsonNode> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(this::key, SortingSink::compare));
        for (JsonNode item : sorted) {
            inner.item(item);
        }
        inner.finish();
    }

    /** Whether the item has the field at all: a null value is there, and sorts as missing. */
    private boolean has(JsonNode item) {
        JsonNode n = at(item);
        return n != null && !n.isMissingNode();
    }

    private JsonNode key(JsonNode item) {
        JsonNode n = at(item);
        return n == null || n.isNull() || n.isMissingNode() ? null : n;
    }

    /** What the item holds at the path, or null where a step is not there. */
    private JsonNode at(JsonNode item) {
        JsonNode n = item;
        for (String seg : path) {
            n = n == null ? null : n.get(seg);
        }
        return n;
    }

    static int compare(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return text(a).compareTo(text(b));
    }

    private static String text(JsonNode n) {
        return n.isValueNode() ? n.asText() : n.toString();
    }

    @Override
    public long count() {
        return items.size();
    }

    @Override
    public Set<String> fields() {
        Set<String> inner = this.inner.fields();
        if (inner == null) {
            return null;
        }
        Set<String> all = new HashSet<>(inner);
        all.add(path[0]);
        return all;
    }

    @Override
    public void close() {
        inner.close();
    }
}
