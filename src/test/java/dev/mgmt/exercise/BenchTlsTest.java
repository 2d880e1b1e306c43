package dev.mgmt.exercise;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.SelfSignedTls;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

import static dev.mgmt.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bench's HttpCore client over HTTPS: mgmt's trust (--cacert, --insecure) and the host name check. */
class BenchTlsTest {
    @TempDir
    static Path dir;
    static HttpsServer named;
    static HttpsServer misnamed;
    static Path namedCa;
    static Path misnamedCa;
    /** Requests the misnamed server answered. */
    static final AtomicInteger misnamedAnswered = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        namedCa = dir.resolve("a/ca.pem");
        misnamedCa = dir.resolve("b/ca.pem");
        named = server(SelfSignedTls.serverContext(dir.resolve("a"), "mgmt-test", "ip:127.0.0.1,dns:localhost", namedCa),
            new AtomicInteger());
        misnamed = server(SelfSignedTls.serverContext(dir.resolve("b"), "other", "dns:other.example", misnamedCa),
            misnamedAnswered);
    }

    static HttpsServer server(SSLContext ctx, AtomicInteger answered) throws Exception {
        HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.setHttpsConfigurator(new HttpsConfigurator(ctx));
        s.createContext("/apiops/test/healthcheck/", ex -> {
            answered.incrementAndGet();
            byte[] ok = "OK".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, ok.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(ok);
            }
        });
        s.start();
        return s;
    }

    static String url(HttpsServer s) {
        return "https://127.0.0.1:" + s.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        named.stop(0);
        misnamed.stop(0);
    }

    @Test
    void should_bench_over_https_with_the_ca_given_by_cacert() {
        CliResult r = cli().run("--url", url(named), "--cacert", namedCa.toString(), "bench", "test/healthcheck",
            "-n", "20", "-c", "2");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.out().contains("(20 ok, 0 failed)"), r.describe());
    }

    @Test
    void should_fail_every_request_when_the_certificate_is_not_trusted() {
        CliResult r = cli().run("--url", url(named), "bench", "test/healthcheck", "-n", "3");
        assertEquals(10, r.exitCode(), r.describe());
        assertTrue(r.out().contains("(0 ok, 3 failed)"), r.describe());
    }

    @Test
    void should_check_the_host_name_unless_insecure() {
        int before = misnamedAnswered.get();
        CliResult checked = cli().run("--url", url(misnamed), "--cacert", misnamedCa.toString(), "bench",
            "test/healthcheck", "-n", "3");
        assertEquals(10, checked.exitCode(), checked.describe());
        assertTrue(checked.out().contains("(0 ok, 3 failed)"), checked.describe());
        assertEquals(before, misnamedAnswered.get(), "no request reached a server with another host's certificate");
        CliResult insecure = cli().run("--url", url(misnamed), "--insecure", "bench", "test/healthcheck", "-n", "3");
        assertEquals(0, insecure.exitCode(), insecure.describe());
        assertTrue(insecure.out().contains("(3 ok, 0 failed)"), insecure.describe());
        assertTrue(insecure.err().startsWith("warning: --insecure"), insecure.describe());
    }
}
