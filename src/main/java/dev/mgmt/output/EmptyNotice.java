package dev.mgmt.output;

import java.io.PrintWriter;

/**
 * A table with no row says so on stderr instead (kubectl's "No resources found"): an empty stdout, or
 * a header alone, reads as a failure to a person. Scripts see an empty stdout and exit 0 either way.
 */
public final class EmptyNotice extends ForwardingSink {
    private final PrintWriter err;
    private final String line;

    public EmptyNotice(ItemSink inner, PrintWriter err, String line) {
        super(inner);
        this.err = err;
        this.line = line;
    }

    @Override
    public void finish() {
        below.finish();
        if (below.count() == 0) {
            err.println(line);
            err.flush();
        }
    }
}
