package dev.mgmt.client;

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
import javax.net.ssl.SSLContext;

import static dev.mgmt.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HTTPS against a server with a self-signed certificate made by keytool for this test. */
class TlsTest {
    @TempDir
    static Path dir;
    static HttpsServer server;
    static Path caPem;
    static String url;

    @BeforeAll
    static void start() throws Exception {
        caPem = dir.resolve("ca.pem");
        SSLContext ctx = SelfSignedTls.serverContext(dir, "mgmt-test", "ip:127.0.0.1,dns:localhost", caPem);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ctx));
        server.createContext("/apiops/test/healthcheck/", ex -> {
            byte[] ok = "OK".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/plain");
            ex.sendResponseHeaders(200, ok.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(ok);
            }
        });
        server.start();
        url = "https://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void should_fail_with_exit_10_and_suggest_cacert_for_a_self_signed_certificate() {
        CliResult r = cli().run("--url", url, "--no-retry", "api", "test/healthcheck");
        assertEquals(10, r.exitCode(), r.describe());
        assertTrue(r.err().startsWith("error: TLS handshake with 127.0.0.1:"), r.describe());
        assertTrue(r.err().contains("--cacert"), r.describe());
    }

    @Test
    void should_trust_the_server_with_its_ca_given_by_cacert() {
        CliResult r = cli().run("--url", url, "--cacert", caPem.toString(), "api", "test/healthcheck");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("OK", r.out());
        assertEquals("", r.err());
    }

    @Test
    void should_connect_with_insecure_and_warn_every_time() {
        CliResult r = cli().run("--url", url, "--insecure", "api", "test/healthcheck");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("OK", r.out());
        assertTrue(r.err().startsWith("warning: --insecure"), r.describe());
    }

    @Test
    void should_reject_a_cacert_file_that_is_not_pem(@TempDir Path tmp) throws Exception {
        Path bogus = tmp.resolve("bogus.pem");
        Files.writeString(bogus, "not a certificate");
        CliResult r = cli().run("--url", url, "--cacert", bogus.toString(), "api", "test/healthcheck");
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().contains("--cacert"), r.describe());
        CliResult missing = cli().run("--url", url, "--cacert", tmp.resolve("none.pem").toString(), "api", "test/healthcheck");
        assertEquals(2, missing.exitCode(), missing.describe());
        assertTrue(missing.err().contains("no such file"), missing.describe());
    }

    @Test
    void should_show_the_certificate_in_the_network_checklist() {
        CliResult r = cli().run("--url", url, "--no-retry", "api", "test/healthcheck");
        assertTrue(r.err().contains("mgmt-test"), "the TLS check names the certificate subject: " + r.describe());
    }
}
