package dev.mgmt;

import dev.mgmt.sandbox.Sandbox;
import dev.mgmt.sandbox.SandboxConfig;
import dev.mgmt.testing.JarRuns;
import dev.mgmt.testing.JarRuns.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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

    /** A JVM that cannot run mgmt is named in one line, exit 1; a JAVA_HOME older than 17 is passed over. */
    @Test
    void should_name_a_java_that_cannot_run_mgmt(@TempDir Path dir) throws Exception {
        Path old = dir.resolve("jdk-11");
        Path java = fakeJdk(old, "11.0.2", "11.0.2+9", "echo 'not this one'");
        String launcher = ROOT.resolve("mgmt").toString();

        assertRefused(launcher, "MGMT_JAVA", dir + "/nope/java", "mgmt: MGMT_JAVA=" + dir + "/nope/java is not an"
            + " executable file; point it at the bin/java of a JDK 17 or newer, or unset it\n");
        assertRefused(launcher, "MGMT_JAVA", java.toString(), "mgmt: MGMT_JAVA=" + java + " is Java 11; mgmt needs 17"
            + " or newer: set MGMT_JAVA to the bin/java of a newer JDK\n");

        Run passedOver = JarRuns.start(List.of(launcher, "--version"), null, Map.of("JAVA_HOME", old.toString()))
            .await(Duration.ofSeconds(30));
        assertEquals(0, passedOver.exit(), passedOver.describe());
        assertTrue(passedOver.out().startsWith("mgmt "), passedOver.describe());
        assertFalse(passedOver.out().contains("not this one"), passedOver.describe());
    }

    private static void assertRefused(String launcher, String var, String value, String message) throws Exception {
        Run r = JarRuns.start(List.of(launcher, "--version"), null, Map.of(var, value)).await(Duration.ofSeconds(30));
        assertEquals(1, r.exit(), r.describe());
        assertEquals("", r.out(), r.describe());
        assertEquals(message, r.err(), r.describe());
    }

    /** Cron jobs and systemd units may run it with no HOME, or no environment at all (env -i). */
    @Test
    void should_run_the_launcher_without_home_or_path() throws Exception {
        for (List<String> env : List.of(List.of("env", "-u", "HOME"), List.of("env", "-i"))) {
            List<String> command = new java.util.ArrayList<>(env);
            command.addAll(List.of(ROOT.resolve("mgmt").toString(), "--version"));
            Run r = run(command);
            assertEquals(0, r.exit(), env + "\n" + r.describe());
            assertTrue(r.out().startsWith("mgmt "), env + "\n" + r.describe());
            assertEquals("", r.err(), env + "\n" + r.describe());
        }
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

    /**
     * JDK 25+: version and help run with the small cache, everything else with the one trained on requests
     * (a run loads every class of its cache at start-up). A copy of the launcher and the jar, so the test
     * trains caches of its own; -Xlog:aot=info, given last, names the cache each run opened.
     */
    @Test
    void should_train_both_caches_and_give_each_run_the_one_for_its_command(@TempDir Path dir) throws Exception {
        Path jdk = newestJdk(25);
        Assumptions.assumeTrue(jdk != null, "no JDK 25 or newer in /usr/lib/jvm: the AOT caches need one");
        Files.createDirectories(dir.resolve("target"));
        Files.copy(ROOT.resolve("mgmt"), dir.resolve("mgmt"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(JAR, dir.resolve("target/mgmt.jar"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        Map<String, String> vars = Map.of("MGMT_JAVA", jdk.resolve("bin/java").toString(), "MGMT_JVM_CACHE", "sync");
        Run trained = JarRuns.start(List.of(dir.resolve("mgmt").toString(), "--version"), null, vars)
            .await(Duration.ofSeconds(120));
        assertEquals(0, trained.exit(), trained.describe());
        assertEquals("", trained.err(), "training printed something\n" + trained.describe());
        List<String> caches;
        try (var files = Files.list(dir.resolve("target/jvm-cache"))) {
            caches = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".aot")).sorted().toList();
        }
        assertEquals(2, caches.size(), caches.toString());
        assertTrue(caches.get(0).endsWith(".meta.aot") && caches.get(1).endsWith(".work.aot"), caches.toString());
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults())) {
            Map<String, String> logged = Map.of("MGMT_JAVA", vars.get("MGMT_JAVA"), "MGMT_JVM_CACHE", "auto",
                "MGMT_JAVA_OPTS", "-Xlog:aot=info -Xlog:class+load=info", "MGMT_URL", sandbox.managerUrl().toString(),
                "MGMT_TOKEN", sandbox.adminToken());
            for (List<String> args : List.of(List.of("--version"), List.of("--help"), List.of("help", "get"),
                List.of("completion", "bash"), List.of("get", "projects"), List.of("get", "project", "nosuch"),
                List.of("get", "projects", "--url", "http://127.0.0.1:1", "--no-retry"), List.of("-p", "x", "--help"),
                List.of("get", "--help"), List.of("-p", "x", "get", "project", "-h"))) {
                List<String> command = new java.util.ArrayList<>(List.of(dir.resolve("mgmt").toString()));
                command.addAll(args);
                Run r = JarRuns.start(command, null, logged).await(Duration.ofSeconds(60));
                // Help, wherever its flag is, prints what mgmt knows by itself.
                boolean help = args.contains("--help") || args.contains("-h");
                String expected = !help && (args.get(0).startsWith("-p") || args.get(0).equals("get"))
                    ? ".work.aot" : ".meta.aot";
                // The JVM logs to stdout.
                String opened = r.out().lines().filter(l -> l.contains("Opened AOT cache")).findFirst().orElse("");
                assertTrue(opened.contains(dir.resolve("target/jvm-cache").toString()) && opened.contains(expected),
                    args + " did not run with the " + expected + " cache\n" + r.describe());
                // A class the cache lacks is read from the jar, which then is opened and checked: ~1.5 ms.
                List<String> fromJar = r.out().lines().filter(l -> l.contains("source: file:")).toList();
                assertEquals(List.of(), fromJar, args + " loaded classes its cache lacks");
            }
        }
    }

    /**
     * The launcher picks the small cache by the same guess as {@code Subcommands.offline}, which decides in Java
     * whether to warm up the HTTP client; "explain" is the one offline command that prints from the catalog, so
     * it runs with the request cache. A JDK home whose java prints its arguments, and caches newer than the jar,
     * so that nothing is trained.
     */
    @Test
    void should_pick_the_small_cache_exactly_when_the_run_is_offline_but_explain(@TempDir Path dir) throws Exception {
        Path jdk = dir.resolve("jdk");
        Path fakeJava = fakeJdk(jdk, "25.0.0", "25.0.0+1", "printf '%s\\n' \"$@\"");
        Files.createDirectories(dir.resolve("target/jvm-cache"));
        Files.copy(ROOT.resolve("mgmt"), dir.resolve("mgmt"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        Files.writeString(dir.resolve("target/mgmt.jar"), "not read");
        Files.setLastModifiedTime(dir.resolve("target/mgmt.jar"), java.nio.file.attribute.FileTime.fromMillis(0));
        String key = jdk.toString().replaceAll("[^A-Za-z0-9._-]", "_") + "--25.0.0_1";
        for (String profile : List.of("work", "meta")) {
            Files.writeString(dir.resolve("target/jvm-cache/mgmt-" + key + "." + profile + ".aot"), "");
        }
        Map<String, String> vars = Map.of("MGMT_JAVA", fakeJava.toString(), "MGMT_JVM_CACHE", "auto");
        for (List<String> args : List.<List<String>>of(List.of(), List.of("--help"), List.of("-h"), List.of("--version"),
            List.of("-V"), List.of("help"), List.of("help", "get"), List.of("completion", "fish"), List.of("options"),
            List.of("explain", "token_expired"), List.of("get", "projects"), List.of("get", "--help"),
            List.of("get", "project", "x", "-h"), List.of("-p", "x", "--help"), List.of("-v", "get", "projects"),
            List.of("api", "--", "--help"), List.of("get", "projects", "-o", "json"), List.of("--sandbox", "get", "-h"),
            List.of(""), List.of("sandbox"), List.of("bench", "--help"))) {
            List<String> command = new java.util.ArrayList<>(List.of(dir.resolve("mgmt").toString()));
            command.addAll(args);
            Run r = JarRuns.start(command, null, vars).await(Duration.ofSeconds(30));
            assertEquals(0, r.exit(), args + "\n" + r.describe());
            List<String> passed = r.out().lines().toList();
            assertEquals(args, passed.subList(passed.indexOf("-jar") + 2, passed.size()), r.describe());
            boolean meta = passed.stream().anyMatch(a -> a.startsWith("-XX:AOTCache=") && a.endsWith(".meta.aot"));
            boolean work = passed.stream().anyMatch(a -> a.startsWith("-XX:AOTCache=") && a.endsWith(".work.aot"));
            assertTrue(meta != work, args + " ran with no cache, or two\n" + r.describe());
            String[] argv = args.toArray(String[]::new);
            boolean expected = dev.mgmt.cli.Subcommands.offline(argv) && !(argv.length > 0 && argv[0].equals("explain"));
            assertEquals(expected, meta, args + ": the launcher and Subcommands.offline guess differently\n"
                + r.describe());
        }
    }

    /** A JDK home the launcher takes at its release file's word, whose bin/java is this shell line; returns it. */
    private static Path fakeJdk(Path home, String version, String runtime, String javaLine) throws Exception {
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_RUNTIME_VERSION=\"" + runtime
            + "\"\nJAVA_VERSION=\"" + version + "\"\n");
        Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n" + javaLine + "\n");
        assertTrue(java.toFile().setExecutable(true), "cannot make " + java + " executable");
        return java;
    }

    /** The newest JDK of at least this feature version under /usr/lib/jvm, or null. */
    private static Path newestJdk(int atLeast) throws Exception {
        Path best = null;
        int bestVersion = 0;
        try (var homes = Files.list(Path.of("/usr/lib/jvm"))) {
            for (Path home : homes.toList()) {
                Path release = home.resolve("release");
                if (!Files.isExecutable(home.resolve("bin/java")) || !Files.isReadable(release)) {
                    continue;
                }
                for (String line : Files.readAllLines(release)) {
                    if (line.startsWith("JAVA_VERSION=\"")) {
                        int v = Integer.parseInt(line.substring(14).split("[^0-9]")[0]);
                        if (v >= atLeast && v > bestVersion) {
                            best = home;
                            bestVersion = v;
                        }
                    }
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
        return best;
    }

    @Test
    void should_run_through_a_chain_of_symlinks_from_elsewhere(@TempDir Path dir) throws Exception {
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
