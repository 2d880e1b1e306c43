package dev.mgmt.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.MgmtException;
import dev.mgmt.errors.OutputFailure;
import dev.mgmt.process.Interrupt;
import dev.mgmt.process.Spool;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
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
    /**
     * Bytes per write to stdout: a system call per 16 KiB, not per line, and small enough that a
     * Ctrl-C during the copy stops it within a chunk or two (a terminal sees each chunk at once).
     */
    private static final int CHUNK = 16 * 1024;

    private final PrintWriter out;
    private final OutputStream stdout;
    private final Interrupt interrupt;
    private final Spool spool;
    private final ItemEnds ends;
    private final CountingWriter counted;
    private final ItemSink inner;

    /**
     * @param out    stdout as text, flushed before the copy
     * @param stdout the bytes under {@code out}, where the copy goes
     * @param sink   makes the real sink, writing where it is given
     */
    public SpooledSink(PrintWriter out, OutputStream stdout, Interrupt interrupt, Function<PrintWriter, ItemSink> sink) {
        this.out = out;
        this.stdout = stdout;
        this.interrupt = interrupt;
        try {
            this.spool = Spool.create();
            this.ends = new ItemEnds();
        } catch (IOException e) {
            close();
            throw failed(e);
        }
        this.counted = new CountingWriter(spool.out());
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
            counted.complete();
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

    /**
     * Bytes as they are in the spool (already UTF-8: no decoding, no second encoding), a chunk per
     * write. The interrupt is checked at every line end, so that stdout stops after a whole line;
     * what follows the last line end of a chunk waits for the next one.
     */
    private void copy() {
        long copied = 0;
        out.flush();
        try (InputStream in = spool.in();
             ItemEnds.Reader done = ends.reader()) {
            if (interrupt.requested()) {
                throw new MgmtException(ExitCodes.INTERRUPTED, "interrupted: nothing was written to stdout ("
                    + grouped(ends.count()) + " items had arrived)");
            }
            byte[] chunk = new byte[CHUNK];
            int held = 0;
            for (int n; (n = in.read(chunk, held, chunk.length - held)) >= 0; ) {
                int end = held + n;
                int whole = 0;
                for (int i = held; i < end; i++) {
                    if (chunk[i] != '\n') {
                        continue;
                    }
                    whole = i + 1;
                    if (interrupt.requested()) {
                        emit(chunk, whole);
                        copied += whole;
                        flushStdout();
                        throw new MgmtException(ExitCodes.INTERRUPTED, "interrupted: the output above is incomplete ("
                            + grouped(done.completeAt(copied)) + " of " + grouped(ends.count()) + " items)");
                    }
                }
                if (whole == 0 && end == chunk.length) {
                    whole = end; // a line longer than a chunk goes out in pieces; an interrupt still waits for its end
                }
                if (whole > 0) {
                    emit(chunk, whole);
                    copied += whole;
                    System.arraycopy(chunk, whole, chunk, 0, end - whole);
                }
                held = end - whole;
            }
            emit(chunk, held);
        } catch (IOException e) {
            throw failed(e);
        } finally {
            flushStdout();
        }
    }

    /** stdout is {@link CheckedOutput} (which fails as exit 14 or a quiet closed pipe); anything else is made to fail the same way. */
    private void emit(byte[] b, int len) {
        try {
            stdout.write(b, 0, len);
        } catch (IOException e) {
            throw OutputFailure.writing("stdout", e);
        }
    }

    private void flushStdout() {
        try {
            stdout.flush();
        } catch (IOException e) {
            throw OutputFailure.writing("stdout", e);
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
    public java.util.Set<String> fields() {
        return inner.fields();
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
