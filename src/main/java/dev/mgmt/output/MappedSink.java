package dev.mgmt.output;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;
import java.util.function.UnaryOperator;

/** Changes each item before the sink below sees it (get -o yaml adds a document header). */
public final class MappedSink implements ItemSink {
    private final ItemSink below;
    private final UnaryOperator<JsonNode> map;

    public MappedSink(ItemSink below, UnaryOperator<JsonNode> map) {
        this.below = below;
        this.map = map;
    }

    @Override
    public void item(JsonNode item) {
        below.item(map.apply(item));
    }

    @Override
    public void finish() {
        below.finish();
    }

    @Override
    public long count() {
        return below.count();
    }

    @Override
    public Set<String> fields() {
        return below.fields();
    }

    @Override
    public void close() {
        below.close();
    }
}
