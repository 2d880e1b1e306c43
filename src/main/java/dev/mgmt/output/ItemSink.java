package dev.mgmt.output;

import com.fasterxml.jackson.databind.JsonNode;

/** Where listed items go as they are parsed: one implementation per output format. */
public interface ItemSink extends AutoCloseable {
    void item(JsonNode item);

    /** Called once after the last item; flushes what was buffered. */
    void finish();

    long count();

    /** Releases what the sink holds, finished or not (a failed list); nothing to release by default. */
    @Override
    default void close() {
    }
}
