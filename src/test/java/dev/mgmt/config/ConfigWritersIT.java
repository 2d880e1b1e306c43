package dev.mgmt.config;

import dev.mgmt.testing.JarRuns;
import dev.mgmt.testing.JarRuns.Run;
import dev.mgmt.testing.SandboxExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Writers of one config file started at the same time, as real processes of the packaged jar:
 * every one succeeds and no change is lost (they used to rename their copies over each other).
 */
class ConfigWritersIT {
    private static final int WRITERS = 8;
    private static final Duration LIMIT = Duration.ofSeconds(120);

    @RegisterExtension
    static final SandboxExtension sandbox = new SandboxExtension();

    @TempDir
    Path dir;

    @BeforeAll
    static void jarExists() {
        assertTrue(Files.isRegularFile(JarRuns.JAR), "no " + JarRuns.JAR + ": run 'mvn verify' (the jar is built in 'package')");
    }

    private Path config() {
        return dir.resolve("config.yaml");
    }

    private static List<Run> runAll(List<JarRuns.Started> started) throws Exception {
        List<Run> runs = new ArrayList<>();
        for (JarRuns.Started s : started) {
            runs.add(s.await(LIMIT));
        }
        return runs;
    }

    @Test
    void should_keep_every_context_when_eight_set_context_run_at_once() throws Exception {
        List<JarRuns.Started> started = new ArrayList<>();
        for (int i = 1; i <= WRITERS; i++) {
            started.add(JarRuns.start(JarRuns.java("--config", config().toString(), "config", "set-context", "ctx" + i,
                "--url", "https://manager" + i + ".example.com"), null));
        }
        List<Run> runs = runAll(started);
        String yaml = Files.readString(config(), StandardCharsets.UTF_8);
        for (int i = 1; i <= WRITERS; i++) {
            Run r = runs.get(i - 1);
            assertEquals(0, r.exit(), "ctx" + i + ": " + r.describe());
            assertTrue(r.err().contains("Context \"ctx" + i + "\" created"), r.describe());
            assertTrue(yaml.contains("  ctx" + i + ":\n    url: https://manager" + i + ".example.com\n"),
                "ctx" + i + " was lost:\n" + yaml);
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config())));
    }

    @Test
    void should_keep_every_change_when_login_use_context_and_set_context_run_at_once() throws Exception {
        Files.writeString(config(), "current-context: base\ncontexts:\n  base:\n    url: " + sandbox.url() + "\n");
        Files.setPosixFilePermissions(config(), PosixFilePermissions.fromString("rw-------"));
        Path password = dir.resolve("password");
        Files.writeString(password, sandbox.sandbox().adminPassword() + "\n");
        List<JarRuns.Started> started = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            started.add(JarRuns.start(JarRuns.java("--config", config().toString(), "--context", "login" + i, "login",
                "--url", sandbox.url(), "--username", "admin", "--password-stdin"), password.toFile()));
        }
        for (int i = 1; i <= 3; i++) {
            started.add(JarRuns.start(JarRuns.java("--config", config().toString(), "config", "set-context", "set" + i,
                "--url", "https://set" + i + ".example.com"), null));
        }
        started.add(JarRuns.start(JarRuns.java("--config", config().toString(), "config", "use-context", "base"), null));
        started.add(JarRuns.start(JarRuns.java("--config", config().toString(), "config", "set-context", "base",
            "-p", "payments"), null));
        List<Run> runs = runAll(started);
        for (Run r : runs) {
            assertEquals(0, r.exit(), r.describe());
        }
        String yaml = Files.readString(config(), StandardCharsets.UTF_8);
        for (int i = 1; i <= 3; i++) {
            assertTrue(yaml.contains("  login" + i + ":\n    url: " + sandbox.url()), "login" + i + " was lost:\n" + yaml);
            assertTrue(yaml.contains("  set" + i + ":\n    url: https://set" + i + ".example.com\n"), "set" + i + " was lost:\n" + yaml);
        }
        assertTrue(yaml.contains("    project: payments\n"), "the change to base was lost:\n" + yaml);
        assertTrue(yaml.contains("current-context: base\n"), yaml);
        assertEquals(3, yaml.lines().filter(l -> l.strip().startsWith("token: ")).count(), yaml);
    }
}
