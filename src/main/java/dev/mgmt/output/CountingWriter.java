package dev.mgmt.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * Encodes a sink's text as UTF-8 into the spool and counts the bytes, so {@link ItemEnds} knows
 * where each item ends and the copy to stdout can move bytes without decoding them again. The
 * bytes are those {@code OutputStreamWriter} would give (an unpaired surrogate becomes {@code ?}).
 * Flushes stop here: a sink may flush after every item without a system call each time.
 * PrintWriter above would swallow a failed write, so it is remembered for {@link #failed()}.
 */
final class CountingWriter extends Writer {
    /** Enough for the rows a table holds back to size its columns (see {@link TableSink}). */
    static final int LINES_KEPT = 1024;
    private static final int BUFFER = 16 * 1024;

    private final OutputStream out;
    private final byte[] buf = new byte[BUFFER];
    private int used;
    /** A high surrogate whose low half has not been written yet (0: none). */
    private char high;

    private final long[] lineEnds = new long[LINES_KEPT];
    private long lines;
    private long written;
    private boolean failed;

    CountingWriter(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        for (int i = off, end = off + len; i < end; i++) {
            put(cbuf[i]);
        }
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        for (int i = off, end = off + len; i < end; i++) {
            put(s.charAt(i));
        }
    }

    @Override
    public void write(int c) throws IOException {
        put((char) c);
    }

    private void put(char c) throws IOException {
        if (used > BUFFER - 4) {
            drain();
        }
        if (high != 0) {
            char h = high;
            high = 0;
            if (Character.isLowSurrogate(c)) {
                int cp = Character.toCodePoint(h, c);
                buf[used++] = (byte) (0xf0 | cp >> 18);
                buf[used++] = (byte) (0x80 | cp >> 12 & 0x3f);
                buf[used++] = (byte) (0x80 | cp >> 6 & 0x3f);
                buf[used++] = (byte) (0x80 | cp & 0x3f);
                written += 4;
                return;
            }
            unpaired();
            if (used > BUFFER - 4) {
                drain();
            }
        }
        if (c < 0x80) {
            buf[used++] = (byte) c;
            written++;
            if (c == '\n') {
                lineEnds[(int) (lines++ % LINES_KEPT)] = written;
            }
        } else if (c < 0x800) {
            buf[used++] = (byte) (0xc0 | c >> 6);
            buf[used++] = (byte) (0x80 | c & 0x3f);
            written += 2;
        } else if (Character.isHighSurrogate(c)) {
            high = c;
        } else if (Character.isLowSurrogate(c)) {
            unpaired();
        } else {
            buf[used++] = (byte) (0xe0 | c >> 12);
            buf[used++] = (byte) (0x80 | c >> 6 & 0x3f);
            buf[used++] = (byte) (0x80 | c & 0x3f);
            written += 3;
        }
    }

    /** What the JDK's UTF-8 encoder writes for half a surrogate pair. */
    private void unpaired() {
        buf[used++] = '?';
        written++;
    }

    private void drain() throws IOException {
        try {
            out.write(buf, 0, used);
            used = 0;
        } catch (IOException e) {
            failed = true;
            throw e;
        }
    }

    /** Bytes written so far. */
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

    /** Once, when the list is complete: what is held goes to the spool (a half pair as {@code ?}). */
    void complete() throws IOException {
        if (high != 0) {
            high = 0;
            unpaired();
        }
        drain();
        out.flush();
    }

    @Override
    public void flush() {
        // The spool is written once, when the list is complete (see complete()).
    }

    @Override
    public void close() {
        // The spool owns the stream.
    }
}
