package dev.mgmt.process;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Room for what may be too big for memory until it is known to be complete: written once, then read
 * from the start. The first {@value #IN_MEMORY} bytes are held in memory, so a small answer never
 * touches the disk (a temporary file's random name alone costs the JVM its whole secure-random set-up);
 * beyond that, everything moves to a temporary file. The file leaves its directory as soon as it is
 * open (the open channel keeps its data), so no way out of mgmt, not even a kill, leaves it behind;
 * where the system cannot remove an open file, it goes on close (or at exit).
 */
public final class Spool implements Closeable {
    static final int IN_MEMORY = 256 * 1024;
    private static final int BUFFER = 64 * 1024;

    private final int limit;
    private byte[] held = new byte[8 * 1024];
    private int size;
    private FileChannel channel;
    private Path leftover;
    private OutputStream file;
    private final OutputStream out = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (file == null && size + len <= limit) {
                if (size + len > held.length) {
                    held = Arrays.copyOf(held, Math.min(limit, Math.max(held.length * 2, size + len)));
                }
                System.arraycopy(b, off, held, size, len);
                size += len;
                return;
            }
            if (file == null) {
                spill();
            }
            file.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            if (file != null) {
                file.flush();
            }
        }
    };

    private Spool(int limit) {
        this.limit = limit;
    }

    /** A spool that moves to a file past {@value #IN_MEMORY} bytes. */
    public static Spool create() {
        return new Spool(IN_MEMORY);
    }

    /** For tests: a spool that moves to a file past {@code limit} bytes. */
    static Spool create(int limit) {
        return new Spool(limit);
    }

    /** Created with the owner's permissions only: the data may be the user's objects. */
    private void spill() throws IOException {
        Path path = Files.createTempFile("mgmt-", ".spool");
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            Files.deleteIfExists(path);
            throw e;
        }
        try {
            Files.delete(path);
        } catch (IOException e) {
            path.toFile().deleteOnExit();
            leftover = path;
        }
        file = new BufferedOutputStream(Channels.newOutputStream(new Unclosable(channel)), BUFFER);
        file.write(held, 0, size);
        held = null;
    }

    /** Whether the content went to a file (for tests). */
    boolean onDisk() {
        return channel != null;
    }

    /** The headline for a spool that could not be made or written (no space, no temporary directory). */
    public static String failed(IOException e) {
        return "cannot hold the answer in a temporary file in " + System.getProperty("java.io.tmpdir") + ": "
            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    /** Where the content is written; the spool closes it. */
    public OutputStream out() {
        return out;
    }

    /** Reads what was written, from the start; writing ends here. */
    public InputStream in() throws IOException {
        if (file == null) {
            return new ByteArrayInputStream(held, 0, size);
        }
        file.flush();
        channel.position(0);
        return new BufferedInputStream(Channels.newInputStream(new Unclosable(channel)), BUFFER);
    }

    @Override
    public void close() throws IOException {
        held = null;
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } finally {
            if (leftover != null) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    /** The streams over the channel must not close it: the spool does, once. */
    private static final class Unclosable implements ByteChannel {
        private final FileChannel channel;

        Unclosable(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return channel.read(dst);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return channel.write(src);
        }

        @Override
        public boolean isOpen() {
            return channel.isOpen();
        }

        @Override
        public void close() {
            // The spool owns the channel.
        }
    }
}
