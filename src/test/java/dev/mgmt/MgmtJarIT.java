package dev.mgmt;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged jar and the ./mgmt launcher, run as separate processes (after 'package', under failsafe). */
class MgmtJarIT {
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path JAR = ROOT.resolve("target/mgmt.jar");

    record Run(int exit, String out, String err) {
        String describe() {
            return "exit " + exit + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
        }
    }

    @BeforeAll
    static void jarExists() {
        assertTrue(Files.isRegularFile(JAR), "no " + JAR + ": run 'mvn verify' (the jar is built in 'package')");
    }

    private static Run run(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("MGMT_") || k.equalsIgnoreCase("HTTPS_PROXY") || k.equalsIgnoreCase("HTTP_PROXY"));
        env.put("NO_COLOR", "1");
        // No detached cache-training JVM left running after the build.
        env.put("MGMT_JVM_CACHE", "off");
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        CompletableFuture<String> out = read(p.getInputStream());
        CompletableFuture<String> err = read(p.getErrorStream());
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Run(p.exitValue(), out.get(), err.get());
    }

    private static CompletableFuture<String> read(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(unreadable: " + e + ")";
            }
        });
    }

    private static List<String> java(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
            JAR.toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    @Test
    void should_print_the_version_from_the_jar() throws Exception {
        Run r = run(java("--version"));
        assertEquals(0, r.exit(), r.describe());
        assertTrue(r.out().startsWith("mgmt "), r.describe());
        assertFalse(r.out().startsWith("mgmt dev"), "the version was not stamped into the jar\n" + r.describe());
        assertEquals("", r.err(), r.describe());
    }

    @Test
    void should_exit_10_against_a_closed_port() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Run r = run(java("api", "projects/", "--url", "http://127.0.0.1:" + port, "--no-retry"));
        assertEquals(10, r.exit(), r.describe());
        assertEquals("", r.out(), r.describe());
        assertTrue(r.err().startsWith("error: cannot connect to 127.0.0.1:" + port + ": connection refused"), r.describe());
        assertTrue(r.err().contains("GET http://127.0.0.1:" + port + "/apiops/projects/"), r.describe());
    }

    @Test
    void should_exit_2_on_a_usage_error() throws Exception {
        Run r = run(java("api", "FETCH", "projects"));
        assertEquals(2, r.exit(), r.describe());
        assertEquals("", r.out(), r.describe());
        assertTrue(r.err().startsWith("error: "), r.describe());
    }

    @Test
    void should_run_the_launcher_without_rebuilding_a_fresh_jar() throws Exception {
        long before = Files.getLastModifiedTime(JAR).toMillis();
        Run r = run(List.of("bash", ROOT.resolve("mgmt").toString(), "--version"));
        assertEquals(0, r.exit(), r.describe());
        assertTrue(r.out().startsWith("mgmt "), r.describe());
        assertFalse(r.err().contains("building"), "the launcher rebuilt a fresh jar\n" + r.describe());
        assertEquals(before, Files.getLastModifiedTime(JAR).toMillis(), "the jar was rewritten");
    }
}
