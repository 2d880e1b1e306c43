package dev.mgmt.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.mgmt.json.Json;
import dev.mgmt.settings.OutputFormat;

import java.io.PrintWriter;

/**
 * -q EXPR: collects the result and prints what the JSONPath expression selects, as JSON, YAML or names.
 * -o jsonpath=EXPR is the same query printed as -o name prints one: a value a line (strings without
 * quotes, objects and arrays as compact JSON), nothing for a selection that is absent.
 * A filter that keeps whole objects ({@code $[?(@.type == "REST")]}) prints them as the format's rows
 * would (a table, -o wide, custom columns, names), as kubectl users expect of a filter.
 */
public final class QuerySink implements ItemSink {
    private final PrintWriter out;
    private final JsonQuery.Expr expression;
    private final OutputFormat format;
    private final boolean single;
    private final ItemSink rows;
    private final ArrayNode items = Json.mapper().createArrayNode();

    public QuerySink(PrintWriter out, JsonQuery.Expr expression, OutputFormat format, boolean single) {
        this(out, expression, format, single, null);
    }

    /** {@code rows}: the sink of the format for a result made of objects, or null to print it as JSON or YAML. */
    public QuerySink(PrintWriter out, JsonQuery.Expr expression, OutputFormat format, boolean single, ItemSink rows) {
        this.out = out;
        this.expression = expression;
        this.format = format;
        this.single = single;
        this.rows = rows;
    }

    @Override
    public void item(JsonNode item) {
        items.add(item);
    }

    @Override
    public void finish() {
        JsonNode doc = single && items.size() == 1 ? items.get(0) : items;
        boolean jsonpath = format == OutputFormat.JSONPATH;
        JsonNode result = JsonQuery.apply(expression, doc);
        if (jsonpath && (result.isNull() || result.isMissingNode())) {
            out.flush();
            return;
        }
        if (rows != null && asRows(result)) {
            for (JsonNode item : result.isArray() ? result : Json.mapper().createArrayNode().add(result)) {
                rows.item(item);
            }
            rows.finish();
            return;
        }
        boolean lines = format == OutputFormat.NAME || jsonpath;
        if (lines && result.isArray()) {
            for (JsonNode n : result) {
                out.println(n.isValueNode() ? n.asText() : Json.compact(n));
            }
        } else if (lines && result.isValueNode()) {
            out.println(result.asText());
        } else if (format == OutputFormat.YAML) {
            // The selection written as -o yaml writes a single object: the same YAML settings.
            ItemSink yaml = StructuredSink.yaml(out, true);
            yaml.item(result);
            yaml.finish();
        } else {
            out.println(jsonpath ? Json.compact(result) : Json.pretty(result));
        }
        out.flush();
    }

    /**
     * Objects, or none at all from a list: a filter that kept nothing, which the format reports as it
     * does an empty list.
     */
    private boolean asRows(JsonNode result) {
        if (result.isObject()) {
            return true;
        }
        if (!result.isArray()) {
            return false;
        }
        if (result.isEmpty()) {
            return !single;
        }
        for (JsonNode n : result) {
            if (!n.isObject()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        if (rows != null) {
            rows.close();
        }
    }

    @Override
    public long count() {
        return items.size();
    }
}
