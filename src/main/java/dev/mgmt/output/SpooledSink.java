package dev.mgmt.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.MgmtException;
import dev.mgmt.process.Spool;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Holds a sink's output in a {@link Spool} and copies it to stdout only at {@link #finish}, once the
 * whole answer has arrived and checked out: a list that fails part-way (a later page, a failure
 * reported after the items) leaves stdout empty instead of half a table. Memory stays bounded.
 */
public final class SpooledSink implements ItemSink {
    private static final int CHUNK = 16 * 1024;

    private final PrintWriter out;
    private final Spool spool;
    private final PrintWriter held;
    private final ItemSink inner;

    /** @param sink makes the real sink, writing where it is given */
    public SpooledSink(PrintWriter out, Function<PrintWriter, ItemSink> sink) {
        this.out = out;
        try {
            this.spool = Spool.create();
        } catch (IOException e) {
            throw new MgmtException(ExitCodes.USAGE, Spool.failed(e));
        }
        this.held = new PrintWriter(new OutputStreamWriter(spool.out(), StandardCharsets.UTF_8));
        this.inner = sink.apply(held);
    }

    @Override
    public void item(JsonNode item) {
        inner.item(item);
    }

    @Override
    public void finish() {
        inner.finish();
        held.flush();
        if (held.checkError()) {
            close();
            throw new MgmtException(ExitCodes.USAGE, Spool.failed(new IOException("write failed (disk full?)")));
        }
        try (Reader in = new InputStreamReader(spool.in(), StandardCharsets.UTF_8)) {
            char[] chunk = new char[CHUNK];
            for (int n; (n = in.read(chunk)) >= 0; ) {
                out.write(chunk, 0, n);
            }
        } catch (IOException e) {
            throw new MgmtException(ExitCodes.USAGE, Spool.failed(e));
        } finally {
            out.flush();
            close();
        }
    }

    @Override
    public long count() {
        return inner.count();
    }

    @Override
    public void close() {
        try {
            spool.close();
        } catch (IOException ignored) {
            // Already unlinked; this frees the descriptor, best effort.
        }
    }
}
