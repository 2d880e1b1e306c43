package dev.mgmt;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A list of 100,000 proxies through the packaged jar in a JVM limited to 32 MB of heap: the list
 * streams from the socket to stdout, so it fits; collecting the whole tree (as -q must) does not,
 * which shows the limit is tight enough to catch a regression to tree parsing.
 */
class StreamingIT {
    static final int ITEMS = 100_000;
    static final String HEAP = "-Xmx32m";
    static HttpServer server;
    static byte[] body;

    @BeforeAll
    static void start() throws Exception {
        StringBuilder sb = new StringBuilder(ITEMS * 160).append("{\"status\":\"SUCCESS\",\"resultList\":[");
        for (int i = 0; i < ITEMS; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"name\":\"proxy-").append(i).append("\",\"description\":\"Generated proxy number ").append(i)
                .append(" for the streaming test\",\"type\":\"REST\",\"relativePath\":\"/p").append(i)
                .append("\",\"soapToRest\":false}");
        }
        sb.append("],\"resultCount\":").append(ITEMS).append('}');
        body = sb.toString().getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/apiops/projects/Big/apiProxies/", ex -> {
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream os = ex.getResponseBody()) {
                for (int off = 0; off < body.length; off += 64 * 1024) {
                    os.write(body, off, Math.min(64 * 1024, body.length - off));
                }
            } catch (java.io.IOException ignored) {
                // The client may stop reading early when it fails; nothing to do.
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        server = null;
    }

    record Result(int exit, long lines, String err) {
    }

    static Result run(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP, "-XX:+UseSerialGC", "-jar",
            Path.of("target/mgmt.jar").toAbsolutePath().toString(),
            "--url", "http://127.0.0.1:" + server.getAddress().getPort(), "--token", "streaming-token-1234",
            "--no-retry", "--quiet"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("MGMT_"));
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                return e.toString();
            }
        });
        long lines = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            while (r.readLine() != null) {
                lines++;
            }
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out");
        }
        return new Result(p.exitValue(), lines, err.get());
    }

    @Test
    void should_stream_100k_names_in_32_mb_of_heap() throws Exception {
        Result r = run("get", "proxies", "-p", "Big", "-o", "name");
        assertEquals(0, r.exit(), r.err());
        assertEquals(ITEMS, r.lines(), r.err());
    }

    @Test
    void should_stream_a_100k_table_in_32_mb_of_heap() throws Exception {
        Result r = run("get", "proxies", "-p", "Big");
        assertEquals(0, r.exit(), r.err());
        assertEquals(ITEMS + 1, r.lines(), r.err());
    }

    @Test
    void should_not_fit_when_the_whole_tree_is_kept_which_proves_the_limit_bites() throws Exception {
        Result r = run("get", "proxies", "-p", "Big", "-q", "$[*].name", "-o", "name");
        assertNotEquals(0, r.exit(), "collecting 100k items in " + HEAP + " was expected to fail; raise ITEMS");
    }
}
