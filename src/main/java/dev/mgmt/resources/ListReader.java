package dev.mgmt.resources;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a list response as a stream: each {@code resultList} item is handed over as soon as it
 * is parsed, so a list of 100,000 items never sits in memory as one tree. Everything outside
 * {@code resultList} (status, success, resultCount) is kept; a body without a list is one item.
 */
public final class ListReader {

    /** What surrounded the items. */
    public record Envelope(ObjectNode fields, boolean hadList, long items) {
    }

    private ListReader() {
    }

    public static Envelope read(InputStream in, Consumer<JsonNode> items) throws IOException {
        return read(in, items, null);
    }

    /**
     * @param only the top-level fields of each item to keep (see {@code ItemSink.fields}), or null
     *             for whole items; the others are still parsed (a broken body fails as before) but
     *             no tree is built for them
     */
    public static Envelope read(InputStream in, Consumer<JsonNode> items, Set<String> only) throws IOException {
        try (JsonParser p = Json.factory().createParser(in)) {
            JsonToken first = p.nextToken();
            ObjectNode fields = JsonNodeFactory.instance.objectNode();
            if (first == null) {
                return new Envelope(fields, false, 0);
            }
            if (first == JsonToken.START_ARRAY) {
                return new Envelope(fields, true, streamArray(p, items, only));
            }
            if (first != JsonToken.START_OBJECT) {
                throw new IOException("expected a JSON object or array, found " + first);
            }
            long count = 0;
            boolean hadList = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("resultList") && value == JsonToken.START_ARRAY) {
                    hadList = true;
                    count += streamArray(p, items, only);
                } else {
                    fields.set(name, Json.readTree(p));
                }
            }
            return new Envelope(fields, hadList, count);
        }
    }

    private static long streamArray(JsonParser p, Consumer<JsonNode> items, Set<String> only) throws IOException {
        long n = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonNode item = only != null && p.currentToken() == JsonToken.START_OBJECT ? projected(p, only) : Json.readTree(p);
            items.accept(item);
            n++;
        }
        return n;
    }

    /** The item's object with only the {@code only} fields, as {@link Json#readTree} builds them (a repeated key: the last). */
    private static JsonNode projected(JsonParser p, Set<String> only) throws IOException {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (only.contains(name)) {
                o.set(name, Json.readTree(p));
            } else {
                p.skipChildren();
            }
        }
        return o;
    }
}
