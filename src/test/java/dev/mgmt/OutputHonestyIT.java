package dev.mgmt;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the real process does when stdout fails under it: /dev/full (exit 14 and one line), a reader
 * that exits early (quiet, 141), and Ctrl-C in the middle of a 100,000-item listing (stdout ends on
 * a whole line, stderr says how much is missing). The big list is {@link StreamingIT}'s server.
 */
class OutputHonestyIT {

    @BeforeAll
    static void start() throws Exception {
        StreamingIT.start();
    }

    @AfterAll
    static void stop() {
        StreamingIT.stop();
    }

    static ProcessBuilder mgmt(String... args) {
        List<String> cmd = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
            Path.of("target/mgmt.jar").toAbsolutePath().toString(),
            "--url", "http://127.0.0.1:" + StreamingIT.server.getAddress().getPort(), "--token", "honest-token-1234",
            "--no-retry", "--quiet"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("MGMT_"));
        return pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    }

    static CompletableFuture<String> text(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
    }

    static int exit(Process p) throws InterruptedException {
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out");
        }
        return p.exitValue();
    }

    @Test
    void should_exit_14_with_one_line_when_stdout_is_a_full_disk() throws Exception {
        for (String format : new String[] {"json", "name"}) {
            Process p = mgmt("get", "proxies", "-p", "Big", "-o", format)
                .redirectOutput(ProcessBuilder.Redirect.to(new File("/dev/full"))).start();
            CompletableFuture<String> err = text(p.getErrorStream());
            assertEquals(14, exit(p), err.get());
            assertTrue(err.get().startsWith("error: cannot write the result to stdout: No space left on device\n"),
                err.get());
        }
        Process api = mgmt("api", "projects/Big/apiProxies/", "--raw")
            .redirectOutput(ProcessBuilder.Redirect.to(new File("/dev/full"))).start();
        CompletableFuture<String> err = text(api.getErrorStream());
        assertEquals(14, exit(api), err.get());
        assertEquals("error: cannot write the result to stdout: No space left on device\n", err.get());
    }

    /** Like `| head -c 1000`: the reader takes a little and goes away. */
    @Test
    void should_end_quietly_with_141_when_the_reader_goes_away() throws Exception {
        for (String[] args : new String[][] {{"get", "proxies", "-p", "Big", "-o", "json"},
            {"api", "projects/Big/apiProxies/", "--raw"}}) {
            Process p = mgmt(args).start();
            CompletableFuture<String> err = text(p.getErrorStream());
            InputStream out = p.getInputStream();
            assertEquals(1000, out.readNBytes(1000).length, err.getNow("still running"));
            out.close();
            assertEquals(141, exit(p), err.get());
            assertEquals("", err.get());
        }
    }

    /**
     * The test stops reading once the copy has begun, so mgmt is blocked mid-listing when SIGINT
     * arrives; then it drains stdout, as a terminal would.
     */
    @Test
    void should_stop_on_a_whole_line_and_say_so_on_ctrl_c() throws Exception {
        for (String format : new String[] {"json", "yaml"}) {
            Process p = mgmt("get", "proxies", "-p", "Big", "-o", format).start();
            CompletableFuture<String> err = text(p.getErrorStream());
            InputStream in = p.getInputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(in.readNBytes(64 * 1024));
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start();
            assertEquals(0, exit(kill));
            in.transferTo(out);
            String stdout = out.toString(StandardCharsets.UTF_8);
            assertEquals(130, exit(p), err.get());
            assertTrue(stdout.endsWith("\n"), "stdout ends mid-line: ..." + stdout.substring(stdout.length() - 80));
            assertTrue(err.get().matches("(?s)error: interrupted: the output above is incomplete \\([0-9,]+ of 100,000 items\\)\n.*"),
                err.get());
            assertTrue(stdout.length() < 10_000_000, "the listing went on to the end");
        }
    }
}
