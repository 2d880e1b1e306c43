package dev.mgmt.output;

import dev.mgmt.errors.OutputFailure;

import java.io.IOException;
import java.io.OutputStream;

/**
 * stdout that cannot fail silently: PrintWriter swallows IOExceptions (until someone asks
 * checkError), so every write failure is rethrown here as an {@link OutputFailure}, which no
 * writer above catches and the exception handler turns into exit 14 (or a quiet closed pipe).
 */
public final class CheckedOutput extends OutputStream {
    private final OutputStream out;
    private final String where;

    public CheckedOutput(OutputStream out, String where) {
        this.out = out;
        this.where = where;
    }

    @Override
    public void write(int b) {
        try {
            out.write(b);
        } catch (IOException e) {
            throw OutputFailure.writing(where, e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw OutputFailure.writing(where, e);
        }
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw OutputFailure.writing(where, e);
        }
    }

    /** The process's stdout stays open: the process ends it. */
    @Override
    public void close() {
        flush();
    }
}
