package dev.mgmt.output;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintWriter;
import java.util.Set;
import java.util.function.Function;

/** -o name: one name per line, for xargs and shell loops, in the form the commands take back. */
public final class NameSink implements ItemSink {
    private final PrintWriter out;
    private final Function<JsonNode, String> name;
    private final Set<String> fields;
    private long count;

    public NameSink(PrintWriter out, Column name) {
        this(out, name::valueOf, name.fields());
    }

    /** @param fields the top-level fields {@code name} reads */
    public NameSink(PrintWriter out, Function<JsonNode, String> name, Set<String> fields) {
        this.out = out;
        this.name = name;
        this.fields = fields;
    }

    @Override
    public void item(JsonNode item) {
        out.println(name.apply(item));
        count++;
    }

    @Override
    public void finish() {
        out.flush();
    }

    @Override
    public Set<String> fields() {
        return fields;
    }

    @Override
    public long count() {
        return count;
    }
}
