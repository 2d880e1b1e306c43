package dev.mgmt.output;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.function.UnaryOperator;

/** Changes each item before the sink below sees it (get -o yaml adds a document header). */
public final class MappedSink extends ForwardingSink {
    private final UnaryOperator<JsonNode> map;

    public MappedSink(ItemSink below, UnaryOperator<JsonNode> map) {
        super(below);
        this.map = map;
    }

    @Override
    public void item(JsonNode item) {
        below.item(map.apply(item));
    }
}
