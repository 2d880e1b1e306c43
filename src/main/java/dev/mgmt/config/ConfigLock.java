package dev.mgmt.config;

import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.MgmtException;
import dev.mgmt.errors.UsageException;
import dev.mgmt.process.Sleeper;
import dev.mgmt.text.Durations;
import dev.mgmt.text.TerminalText;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Serialises the writers of one config file across processes with an advisory lock on a file next
 * to it ({@code config.yaml.lock}). The lock file holds who has it, so a run that waits can say what
 * it waits for. It is never deleted: a writer that deleted it could let the next two lock two
 * different files. Readers take no lock, since every write is an atomic rename.
 */
final class ConfigLock implements AutoCloseable {
    /** Writers hold the lock for milliseconds; a wait this long means something is stuck. */
    static final Duration PATIENCE = Duration.ofSeconds(10);
    static final Duration NOTICE_AFTER = Duration.ofSeconds(1);
    private static final Duration POLL = Duration.ofMillis(20);
    private static final int HOLDER_MAX_BYTES = 200;

    private final FileChannel channel;
    private final FileLock lock;

    private ConfigLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static Path lockFile(Path configFile) {
        return configFile.resolveSibling(configFile.getFileName() + ".lock");
    }

    /**
     * Waits (at most {@link #PATIENCE}) for the lock, then records {@code holder} in it.
     * {@code notice} hears once that the run is waiting, and for whom.
     */
    static ConfigLock acquire(Path configFile, String holder, Clock clock, Sleeper sleeper, Consumer<String> notice)
        throws IOException {
        Path lockFile = lockFile(configFile);
        FileChannel ch = FileChannel.open(lockFile,
            Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE),
            ConfigWriter.privateFile());
        try {
            Instant start = clock.instant();
            boolean told = false;
            while (true) {
                FileLock lock = tryLock(ch);
                if (lock != null) {
                    ch.truncate(0);
                    ch.write(ByteBuffer.wrap((holder + "\n").getBytes(StandardCharsets.UTF_8)), 0);
                    return new ConfigLock(ch, lock);
                }
                Duration waited = Duration.between(start, clock.instant());
                if (waited.compareTo(PATIENCE) >= 0) {
                    throw new UsageException("config file " + configFile + " is being changed by " + holder(ch)
                        + "; gave up waiting after " + Durations.human(waited),
                        "Run the command again when that one has finished. The lock (" + lockFile
                            + ") goes away by itself when the process holding it ends.");
                }
                if (!told && waited.compareTo(NOTICE_AFTER) >= 0) {
                    notice.accept("waiting for " + holder(ch) + " to finish changing " + configFile);
                    told = true;
                }
                sleeper.sleep(POLL);
            }
        } catch (InterruptedException e) {
            ch.close();
            Thread.currentThread().interrupt();
            throw new MgmtException(ExitCodes.INTERRUPTED, "interrupted while waiting to change " + configFile);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Null while another process holds it, or another run in this JVM (tests run several at once). */
    private static FileLock tryLock(FileChannel ch) throws IOException {
        try {
            return ch.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** "pid 1234 (mgmt login)" as the holder wrote it, or a neutral name between two holders. */
    private static String holder(FileChannel ch) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(HOLDER_MAX_BYTES);
            ch.read(buf, 0);
            String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "another mgmt run" : TerminalText.safe(text);
        } catch (IOException e) {
            return "another mgmt run";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0);
            lock.release();
        } finally {
            channel.close();
        }
    }

}
