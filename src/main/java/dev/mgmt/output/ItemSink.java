package dev.mgmt.output;

import com.fasterxml.jackson.databind.JsonNode;

/** Where listed items go as they are parsed: one implementation per output format. */
public interface ItemSink {
    void item(JsonNode item);

    /** Called once after the last item; flushes what was buffered. */
    void finish();

    long count();
}
