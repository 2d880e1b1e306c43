package dev.mgmt.process;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
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

/**
 * A temporary file for what is too big for memory until it is known to be complete: written once,
 * then read from the start. The file leaves its directory as soon as it is open (the open channel
 * keeps its data), so no way out of mgmt, not even a kill, leaves it behind; where the system
 * cannot remove an open file, it goes on close (or at exit).
 */
public final class Spool implements Closeable {
    private static final int BUFFER = 64 * 1024;

    private final FileChannel channel;
    private final Path leftover;
    private final OutputStream out;

    private Spool(FileChannel channel, Path leftover) {
        this.channel = channel;
        this.leftover = leftover;
        this.out = new BufferedOutputStream(Channels.newOutputStream(new Unclosable(channel)), BUFFER);
    }

    /** Created with the owner's permissions only: the data may be the user's objects. */
    public static Spool create() throws IOException {
        Path file = Files.createTempFile("mgmt-", ".spool");
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        try {
            Files.delete(file);
            return new Spool(channel, null);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
            return new Spool(channel, file);
        }
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
        out.flush();
        channel.position(0);
        return new BufferedInputStream(Channels.newInputStream(new Unclosable(channel)), BUFFER);
    }

    @Override
    public void close() throws IOException {
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
