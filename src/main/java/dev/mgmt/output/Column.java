package dev.mgmt.output;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A table column: a header and where its value lives in an item. A path is dot-separated; a
 * segment ending in {@code []} walks every element of an array ({@code envList[].name} gives
 * "prod,test"). Several paths may be given: the first one present wins (the API names some
 * fields differently in lists and single objects).
 */
public record Column(String header, List<String> paths, String missing) {

    /** {@code missing} is what a cell shows when no path is present ("" for mgmt's columns, "<none>" for custom-columns). */
    public Column(String header, List<String> paths) {
        this(header, paths, "");
    }

    public static Column of(String header, String... paths) {
        return new Column(header, List.of(paths));
    }

    /** Index of the first column that shows {@code field} (a kind's name field), or 0 when none does. */
    public static int indexOf(List<Column> columns, String field) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).paths().contains(field)) {
                return i;
            }
        }
        return 0;
    }

    /** The top-level fields the paths start at: all a value needs of an item. */
    public Set<String> fields() {
        return fields(List.of(this));
    }

    public static Set<String> fields(List<Column> columns) {
        Set<String> fields = new HashSet<>();
        for (Column c : columns) {
            for (String path : c.paths) {
                int dot = path.indexOf('.');
                String first = dot < 0 ? path : path.substring(0, dot);
                fields.add(first.endsWith("[]") ? first.substring(0, first.length() - 2) : first);
            }
        }
        return fields;
    }

    public String valueOf(JsonNode item) {
        for (String path : paths) {
            if (path.indexOf('.') < 0 && !path.endsWith("[]")) {
                // One plain field (a name, most columns): what the general walk below gives for it,
                // without its lists, sets and joins for every item.
                JsonNode child = item.get(path);
                if (child != null && !child.isNull() && !child.isMissingNode()) {
                    return text(child);
                }
                continue;
            }
            List<JsonNode> found = new ArrayList<>();
            collect(item, path.split("\\."), 0, found);
            if (!found.isEmpty()) {
                Set<String> parts = new LinkedHashSet<>();
                for (JsonNode n : found) {
                    parts.add(text(n));
                }
                parts.remove("");
                return String.join(",", parts);
            }
        }
        return missing;
    }

    private static void collect(JsonNode node, String[] segments, int i, List<JsonNode> out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (i == segments.length) {
            out.add(node);
            return;
        }
        String seg = segments[i];
        boolean each = seg.endsWith("[]");
        String field = each ? seg.substring(0, seg.length() - 2) : seg;
        JsonNode child = node.get(field);
        if (child == null || child.isNull()) {
            return;
        }
        if (each && child.isArray()) {
            for (JsonNode element : child) {
                collect(element, segments, i + 1, out);
            }
        } else {
            collect(child, segments, i + 1, out);
        }
    }

    private static String text(JsonNode n) {
        if (n.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode e : n) {
                parts.add(text(e));
            }
            return String.join(",", parts);
        }
        if (n.isObject()) {
            return n.toString();
        }
        return n.asText();
    }
}
