package dev.mgmt.output;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Set;

/**
 * Passes on only the items whose top-level field holds one text (get endpoints --method GET). It sits above
 * the output's own sinks, so an empty result still says so, and the field is read even when the output
 * prints others only.
 */
public final class FilteredSink extends ForwardingSink {
    private final String field;
    private final String value;

    public FilteredSink(ItemSink below, String field, String value) {
        super(below);
        this.field = field;
        this.value = value;
    }

    @Override
    public void item(JsonNode item) {
        if (value.equals(item.path(field).asText(null))) {
            below.item(item);
        }
    }

    @Override
    public Set<String> fields() {
        Set<String> read = below.fields();
        if (read == null || read.contains(field)) {
            return read;
        }
        Set<String> more = new HashSet<>(read);
        more.add(field);
        return more;
    }
}
