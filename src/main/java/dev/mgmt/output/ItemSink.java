package dev.mgmt.output;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;

/** Where listed items go as they are parsed: one implementation per output format. */
public interface ItemSink extends AutoCloseable {
    void item(JsonNode item);

    /** Called once after the last item; flushes what was buffered. */
    void finish();

    long count();

    /**
     * The top-level fields of an item this sink reads, or null when it reads all of it: a list
     * reader may leave the others out of the items it builds (for -o name, one field of each).
     */
    default Set<String> fields() {
        return null;
    }

    /** Releases what the sink holds, finished or not (a failed list); nothing to release by default. */
    @Override
    default void close() {
    }
}
