package dev.mgmt;

import dev.mgmt.testing.JarRuns;
import dev.mgmt.testing.JarRuns.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged jar and the ./mgmt launcher, run as separate processes (after 'package', under failsafe). */
class MgmtJarIT {
    static final Path ROOT = JarRuns.ROOT;
    static final Path JAR = JarRuns.JAR;

    @BeforeAll
    static void jarExists() {
        assertTrue(Files.isRegularFile(JAR), "no " + JAR + ": run 'mvn verify' (the jar is built in 'package')");
    }

    private static Run run(List<String> command) throws Exception {
        return JarRuns.start(command, null).await(Duration.ofSeconds(60));
    }

    @Test
    void should_print_the_version_from_the_jar() throws Exception {
        Run r = run(JarRuns.java("--version"));
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
        Run r = run(JarRuns.java("api", "projects/", "--url", "http://127.0.0.1:" + port, "--no-retry"));
        assertEquals(10, r.exit(), r.describe());
        assertEquals("", r.out(), r.describe());
        assertTrue(r.err().startsWith("error: cannot connect to 127.0.0.1:" + port + ": connection refused"), r.describe());
        assertTrue(r.err().contains("GET http://127.0.0.1:" + port + "/apiops/projects/"), r.describe());
    }

    /** A coloured run with its class-load log: {@code env NO_COLOR= java [-Dos.name=OS] -jar mgmt.jar ...}. */
    private static Run colouredRun(Path log, String osName, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("env", "NO_COLOR="));
        cmd.addAll(JarRuns.java(args));
        int at = cmd.indexOf("-jar");
        cmd.add(at, "-Xlog:class+load=info:file=" + log);
        if (osName != null) {
            cmd.add(at, "-Dos.name=" + osName);
        }
        return run(cmd);
    }

    @Test
    void should_load_no_jansi_class_outside_windows() throws Exception {
        Path log = Files.createTempFile("mgmt-classes", ".log");
        Run r = colouredRun(log, null, "--sandbox", "--color=always", "get", "projects");
        assertEquals(0, r.exit(), r.describe());
        assertTrue(r.out().contains("\u001b["), "colour was asked for\n" + r.describe());
        String classes = Files.readString(log);
        assertTrue(classes.contains("dev.mgmt.Main "), classes.length() + " bytes of log");
        assertFalse(classes.contains("org.fusesource"), "a Jansi class was loaded on Linux");
        Files.delete(log);
    }

    @Test
    void should_ask_jansi_on_windows_and_keep_a_redirected_stream_as_it_is() throws Exception {
        // Jansi cannot load its Windows library here: the run must go on, escapes intact in the pipe.
        // (No network: with os.name faked, the JDK's own socket options look for Windows classes.)
        Path log = Files.createTempFile("mgmt-classes", ".log");
        Run r = colouredRun(log, "Windows 11", "--color=always", "get", "projects", "-o", "bogus");
        assertEquals(2, r.exit(), r.describe());
        assertTrue(r.err().startsWith("\u001b[1m\u001b[31merror:"), "--color=always keeps its escapes in a pipe\n"
            + r.describe());
        assertTrue(Files.readString(log).contains("org.fusesource.jansi.AnsiConsole"), "Jansi was not asked");
        Files.delete(log);
    }

    @Test
    void should_exit_2_on_a_usage_error() throws Exception {
        Run r = run(JarRuns.java("api", "FETCH", "projects"));
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

    /** The launcher finds its checkout from the path it was started by, without forking for the usual forms. */
    @Test
    void should_find_its_checkout_however_it_is_named() throws Exception {
        String name = ROOT.getFileName().toString();
        long before = Files.getLastModifiedTime(JAR).toMillis();
        // Not "exec PATH": bash's exec hands the script an absolute path, which would test nothing.
        for (String form : List.of("cd " + ROOT + " && ./mgmt", "cd " + ROOT + " && bash mgmt",
            "cd " + ROOT.getParent() + " && " + name + "/mgmt", "cd " + ROOT.getParent() + " && ./" + name + "/mgmt",
            "cd " + ROOT + "/src && ../mgmt", "cd " + ROOT + "/src && ./../mgmt", "cd / && PATH=" + ROOT + ":$PATH mgmt")) {
            Run r = run(List.of("bash", "-c", form + " --version"));
            assertEquals(0, r.exit(), form + "\n" + r.describe());
            assertTrue(r.out().startsWith("mgmt "), form + "\n" + r.describe());
            assertFalse(r.err().contains("building"), "the launcher looked for the build elsewhere: " + form + "\n" + r.describe());
        }
        assertEquals(before, Files.getLastModifiedTime(JAR).toMillis(), "the jar was rewritten");
    }

    @Test
    void should_run_through_a_chain_of_symlinks_from_elsewhere() throws Exception {
        Path dir = Files.createTempDirectory("mgmt-link");
        Files.createDirectories(dir.resolve("bin"));
        Files.createDirectories(dir.resolve("lib"));
        Files.createSymbolicLink(dir.resolve("lib/mgmt"), ROOT.resolve("mgmt"));
        Files.createSymbolicLink(dir.resolve("bin/mgmt"), Path.of("../lib/mgmt"));
        long before = Files.getLastModifiedTime(JAR).toMillis();
        Run r = run(List.of(dir.resolve("bin/mgmt").toString(), "--version"));
        assertEquals(0, r.exit(), r.describe());
        assertTrue(r.out().startsWith("mgmt "), r.describe());
        assertFalse(r.err().contains("building"), "the launcher looked for the build next to the link\n" + r.describe());
        assertFalse(Files.exists(dir.resolve("bin/target")), "a target/ was left next to the link");
        assertFalse(Files.exists(dir.resolve("lib/target")), "a target/ was left next to the link");
        assertEquals(before, Files.getLastModifiedTime(JAR).toMillis(), "the jar was rewritten");
    }

    /** A real pseudo-terminal of 50 columns (util-linux script): the table fits it, read from the terminal. */
    @Test
    void should_fit_tables_to_the_real_terminal_width() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")),
            "needs /usr/bin/script (Debian package bsdutils)");
        String launcher = ROOT.resolve("mgmt").toString();
        Run r = run(List.of("/usr/bin/script", "-qec",
            "stty cols 50 rows 30; unset COLUMNS; exec " + launcher + " --sandbox get proxies -p MyProject -o wide",
            "/dev/null"));
        assertEquals(0, r.exit(), r.describe());
        String plain = r.out().replaceAll("\u001B\\[[0-9;]*m", "").replace("\r", "");
        assertTrue(plain.contains("NAME"), r.describe());
        for (String line : plain.split("\n")) {
            assertTrue(line.codePointCount(0, line.length()) <= 50, "wider than the terminal: '" + line + "'\n" + plain);
        }
    }
}
