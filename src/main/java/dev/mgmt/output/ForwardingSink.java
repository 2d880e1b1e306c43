package dev.mgmt.output;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;

/** A sink in front of another: passes everything on; a subclass changes what it needs to. */
abstract class ForwardingSink implements ItemSink {
    protected final ItemSink below;

    ForwardingSink(ItemSink below) {
        this.below = below;
    }

    @Override
    public void item(JsonNode item) {
        below.item(item);
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
