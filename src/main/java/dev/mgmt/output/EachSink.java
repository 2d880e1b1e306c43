package dev.mgmt.output;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.function.Consumer;

/** Hands each item to a consumer and counts them; nothing is printed, nothing to finish. */
public final class EachSink implements ItemSink {
    private final Consumer<JsonNode> each;
    private long n;

    public EachSink(Consumer<JsonNode> each) {
        this.each = each;
    }

    @Override
    public void item(JsonNode item) {
        each.accept(item);
        n++;
    }

    @Override
    public void finish() {
        // Items are handed on as they come.
    }

    @Override
    public long count() {
        return n;
    }
}
