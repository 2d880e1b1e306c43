package dev.mgmt.output;

import java.io.IOException;
import java.io.Writer;

/**
 * Counts the characters a sink wrote, so {@link ItemEnds} knows where each item ends. Flushes stop
 * here: a sink may flush after every item (to make the count exact) without a system call each time.
 * PrintWriter above would swallow a failed write, so it is remembered for {@link #failed()}.
 */
final class CountingWriter extends Writer {
    private final Writer out;
    /** Enough for the rows a table holds back to size its columns (see {@link TableSink}). */
    static final int LINES_KEPT = 1024;

    private final long[] lineEnds = new long[LINES_KEPT];
    private long lines;
    private long written;
    private boolean failed;

    CountingWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        try {
            out.write(buf, off, len);
            for (int i = off; i < off + len; i++) {
                if (buf[i] == '\n') {
                    lineEnds[(int) (lines++ % LINES_KEPT)] = written + i - off + 1;
                }
            }
            written += len;
        } catch (IOException e) {
            failed = true;
            throw e;
        }
    }

    long written() {
        return written;
    }

    /** Where the {@code back}-th last line ended (0: the last one), or -1 when it is no longer kept. */
    long lineEnd(int back) {
        return back < Math.min(lines, LINES_KEPT) ? lineEnds[(int) ((lines - 1 - back) % LINES_KEPT)] : -1;
    }

    boolean failed() {
        return failed;
    }

    @Override
    public void flush() {
        // The spool is flushed once, when the list is complete.
    }

    @Override
    public void close() {
        // The spool owns the stream.
    }
}
