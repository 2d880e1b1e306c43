package dev.mgmt.output;

import dev.mgmt.process.Spool;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * Where each item's text ends in a spool, so that a copy cut short can say how many items it
 * printed whole. Kept in a spool of its own: memory must not grow with the list. Items whose text
 * appears together (a table holds rows back to size its columns) end at the last lines of that
 * text, one line each; beyond the lines kept, where the text ends, so the count never says more
 * than what was printed.
 */
final class ItemEnds implements Closeable {
    private final Spool spool;
    private final DataOutputStream out;
    private long items;
    private long pending;
    private long last;

    ItemEnds() throws IOException {
        this.spool = Spool.create();
        this.out = new DataOutputStream(spool.out());
    }

    /** @param text what the sink wrote so far, this item included */
    void item(CountingWriter text) {
        pending++;
        if (text.written() > last) {
            record(text);
        }
    }

    void finish(CountingWriter text) {
        record(text);
    }

    private void record(CountingWriter text) {
        long end = text.written();
        try {
            for (; pending > 0; pending--) {
                long line = pending == 1 ? end : text.lineEnd((int) pending - 1);
                out.writeLong(line > last ? line : end);
                items++;
            }
        } catch (IOException e) {
            throw SpooledSink.failed(e);
        }
        last = end;
    }

    long count() {
        return items;
    }

    Reader reader() throws IOException {
        return new Reader(new DataInputStream(spool.in()));
    }

    @Override
    public void close() throws IOException {
        spool.close();
    }

    /** Reads the ends in order, as the copy moves forward. */
    static final class Reader implements Closeable {
        private final DataInputStream in;
        private long complete;
        private long next = -1;

        private Reader(DataInputStream in) {
            this.in = in;
        }

        /** How many items end at or before {@code copied} characters. */
        long completeAt(long copied) throws IOException {
            try {
                while (true) {
                    if (next < 0) {
                        next = in.readLong();
                    }
                    if (next > copied) {
                        return complete;
                    }
                    complete++;
                    next = -1;
                }
            } catch (EOFException end) {
                return complete;
            }
        }

        @Override
        public void close() {
            // The spool owns the channel.
        }
    }
}
