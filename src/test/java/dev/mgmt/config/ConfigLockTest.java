package dev.mgmt.config;

import dev.mgmt.testing.Cli;
import dev.mgmt.testing.CliResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import static dev.mgmt.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Writers of one config file wait for each other and re-read it under the lock. The other writer
 * is played by this test holding the lock file; the waits run on fake time.
 */
class ConfigLockTest {
    private static final String HOLDER = "pid 4242 (mgmt login)";

    @TempDir
    Path dir;

    private FileChannel held;
    private FileLock lock;

    private Path file() {
        return dir.resolve("config.yaml");
    }

    private Path lockFile() {
        return dir.resolve("config.yaml.lock");
    }

    private Cli mgmt() {
        return cli().config(file());
    }

    private void write(String yaml) throws IOException {
        Files.writeString(file(), yaml, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-------"));
    }

    private void holdLock() throws IOException {
        held = FileChannel.open(lockFile(), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        lock = held.lock();
        held.write(ByteBuffer.wrap((HOLDER + "\n").getBytes(StandardCharsets.UTF_8)), 0);
    }

    private void releaseLock() throws IOException {
        if (held != null && held.isOpen()) {
            lock.release();
            held.close();
        }
    }

    @AfterEach
    void release() throws IOException {
        releaseLock();
        Thread.interrupted();
    }

    @Test
    void should_wait_for_the_writer_holding_the_lock_and_keep_its_change() throws IOException {
        write("current-context: a\ncontexts:\n  a:\n    url: https://a.example.com\n");
        holdLock();
        // The other writer adds 'other' while holding the lock, then lets go after 1.2 s.
        Cli cli = mgmt().onSleep((i, d) -> {
            if (i == 60) {
                try {
                    write("current-context: a\ncontexts:\n  a:\n    url: https://a.example.com\n"
                        + "  other:\n    url: https://other.example.com\n");
                    releaseLock();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        CliResult r = cli.run("config", "set-context", "b", "--url", "https://b.example.com");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.err().startsWith("waiting for " + HOLDER + " to finish changing " + file() + "\n"), r.describe());
        String yaml = Files.readString(file());
        assertTrue(yaml.contains("other:") && yaml.contains("https://other.example.com"), "the other writer's change was lost:\n" + yaml);
        assertTrue(yaml.contains("b:") && yaml.contains("https://b.example.com"), yaml);
        assertTrue(yaml.contains("current-context: a"), yaml);
    }

    @Test
    void should_give_up_after_a_bounded_wait_naming_who_holds_the_lock() throws IOException {
        String before = "current-context: a\ncontexts:\n  a:\n    url: https://a.example.com\n";
        write(before);
        holdLock();
        Cli cli = mgmt();
        CliResult r = cli.run("config", "use-context", "a");
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().contains("error: config file " + file() + " is being changed by " + HOLDER
            + "; gave up waiting after 10s\n"), r.describe());
        assertEquals(1, r.err().lines().filter(l -> l.startsWith("error: ")).count(), r.describe());
        assertEquals(before, Files.readString(file()), "nothing is written without the lock");
        Duration waited = cli.sleeps().stream().reduce(Duration.ZERO, Duration::plus);
        assertEquals(Duration.ofSeconds(10), waited);
    }

    @Test
    void should_end_with_130_when_interrupted_while_waiting() throws IOException {
        write("contexts:\n  a:\n    url: https://a.example.com\n");
        holdLock();
        CliResult r = mgmt().onSleep((i, d) -> {
            throw new InterruptedException();
        }).run("config", "delete-context", "a");
        assertEquals(130, r.exitCode(), r.describe());
        assertTrue(r.err().startsWith("error: interrupted while waiting to change " + file()), r.describe());
        assertTrue(Files.readString(file()).contains("a:"), "nothing deleted");
    }

    @Test
    void should_leave_a_private_empty_lock_file_next_to_the_config() throws IOException {
        CliResult r = mgmt().run("config", "set-context", "a", "--url", "https://a.example.com");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(lockFile())));
        assertEquals("", Files.readString(lockFile()), "the holder is cleared on release");
        assertFalse(r.err().contains("waiting"), r.describe());
    }

    @Test
    void should_lock_next_to_the_real_file_when_the_config_is_a_symbolic_link() throws IOException {
        Path real = Files.createDirectories(dir.resolve("dotfiles")).resolve("mgmt.yaml");
        Files.writeString(real, "contexts:\n  a:\n    url: https://a.example.com\n");
        Files.createSymbolicLink(file(), real);
        CliResult r = mgmt().run("config", "use-context", "a");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(Files.isSymbolicLink(file()), "the link is kept");
        assertTrue(Files.exists(dir.resolve("dotfiles").resolve("mgmt.yaml.lock")));
        assertTrue(Files.readString(real).contains("current-context: a"));
    }
}
