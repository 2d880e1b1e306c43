package dev.mgmt.output;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintWriter;

/** -o name: one name per line, for xargs and shell loops. */
public final class NameSink implements ItemSink {
    private final PrintWriter out;
    private final Column name;
    private long count;

    public NameSink(PrintWriter out, Column name) {
        this.out = out;
        this.name = name;
    }

    @Override
    public void item(JsonNode item) {
        out.println(name.valueOf(item));
        count++;
    }

    @Override
    public void finish() {
        out.flush();
    }

    @Override
    public java.util.Set<String> fields() {
        return name.fields();
    }

    @Override
    public long count() {
        return count;
    }
}
