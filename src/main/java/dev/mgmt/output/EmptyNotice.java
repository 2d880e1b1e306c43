package dev.mgmt.output;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintWriter;
import java.util.Set;

/**
 * A table with no row says so on stderr instead (kubectl's "No resources found"): an empty stdout, or
 * a header alone, reads as a failure to a person. Scripts see an empty stdout and exit 0 either way.
 */
public final class EmptyNotice implements ItemSink {
    private final ItemSink inner;
    private final PrintWriter err;
    private final String line;

    public EmptyNotice(ItemSink inner, PrintWriter err, String line) {
        this.inner = inner;
        this.err = err;
        this.line = line;
    }

    @Override
    public void item(JsonNode item) {
        inner.item(item);
    }

    @Override
    public void finish() {
        inner.finish();
        if (inner.count() == 0) {
            err.println(line);
            err.flush();
        }
    }

    @Override
    public long count() {
        return inner.count();
    }

    @Override
    public Set<String> fields() {
        return inner.fields();
    }

    @Override
    public void close() {
        inner.close();
    }
}
