package dev.mgmt.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.MgmtException;
import dev.mgmt.process.Interrupt;
import dev.mgmt.process.Spool;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Function;

/**
 * Holds a sink's output in a {@link Spool} and copies it to stdout only at {@link #finish}, once the
 * whole answer has arrived and checked out: a list that fails part-way (a later page, a failure
 * reported after the items) leaves stdout empty instead of half a table. Memory stays bounded.
 * Ctrl-C before the copy leaves stdout empty; during it, stdout ends on a whole line. Either way
 * stderr says how much of the list is missing.
 */
public final class SpooledSink implements ItemSink {
    private static final int CHUNK = 16 * 1024;

    private final PrintWriter out;
    private final Interrupt interrupt;
    private final Spool spool;
    private final ItemEnds ends;
    private final OutputStreamWriter encoder;
    private final CountingWriter counted;
    private final ItemSink inner;

    /** @param sink makes the real sink, writing where it is given */
    public SpooledSink(PrintWriter out, Interrupt interrupt, Function<PrintWriter, ItemSink> sink) {
        this.out = out;
        this.interrupt = interrupt;
        try {
            this.spool = Spool.create();
            this.ends = new ItemEnds();
        } catch (IOException e) {
            close();
            throw failed(e);
        }
        this.encoder = new OutputStreamWriter(spool.out(), StandardCharsets.UTF_8);
        this.counted = new CountingWriter(encoder);
        this.inner = sink.apply(new PrintWriter(counted));
    }

    @Override
    public void item(JsonNode item) {
        if (interrupt.requested()) {
            throw new MgmtException(ExitCodes.INTERRUPTED, "interrupted: nothing was written to stdout ("
                + grouped(inner.count()) + " items had arrived)");
        }
        inner.item(item);
        ends.item(counted);
    }

    @Override
    public void finish() {
        inner.finish();
        ends.finish(counted);
        try {
            encoder.flush();
        } catch (IOException e) {
            close();
            throw failed(e);
        }
        if (counted.failed()) {
            close();
            throw failed(new IOException("write failed (disk full?)"));
        }
        try {
            copy();
        } finally {
            close();
        }
    }

    /** Line by line, so that an interrupt stops stdout after a whole one. */
    private void copy() {
        long copied = 0;
        StringBuilder line = new StringBuilder();
        try (Reader in = new InputStreamReader(spool.in(), StandardCharsets.UTF_8);
             ItemEnds.Reader done = ends.reader()) {
            if (interrupt.requested()) {
                throw new MgmtException(ExitCodes.INTERRUPTED, "interrupted: nothing was written to stdout ("
                    + grouped(ends.count()) + " items had arrived)");
            }
            char[] chunk = new char[CHUNK];
            for (int n; (n = in.read(chunk)) >= 0; ) {
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (chunk[i] != '\n') {
                        continue;
                    }
                    line.append(chunk, start, i + 1 - start);
                    out.append(line);
                    copied += line.length();
                    line.setLength(0);
                    start = i + 1;
                    if (interrupt.requested()) {
                        out.flush();
                        throw new MgmtException(ExitCodes.INTERRUPTED, "interrupted: the output above is incomplete ("
                            + grouped(done.completeAt(copied)) + " of " + grouped(ends.count()) + " items)");
                    }
                }
                line.append(chunk, start, n - start);
            }
            out.append(line);
        } catch (IOException e) {
            throw failed(e);
        } finally {
            out.flush();
        }
    }

    /** 1,234 of 100,000: counts people read at a glance. */
    private static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static MgmtException failed(IOException e) {
        return new MgmtException(ExitCodes.OUTPUT_FAILED, Spool.failed(e));
    }

    @Override
    public long count() {
        return inner.count();
    }

    @Override
    public void close() {
        for (java.io.Closeable c : new java.io.Closeable[] {spool, ends}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (IOException ignored) {
                // Already unlinked; this frees the descriptor, best effort.
            }
        }
    }
}
