package dev.mgmt.client;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.RawServer;
import dev.mgmt.testing.SelfSignedTls;
import dev.mgmt.testing.Tinyproxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLContext;

import static dev.mgmt.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real forward proxy (tinyproxy) with and without Basic auth (issue 13, case 7), for plain HTTP
 * and for HTTPS through a CONNECT tunnel. The manager is addressed by this machine's host name, as
 * mgmt never proxies loopback addresses; the servers listen where that name resolves.
 */
class ForwardProxyIT {
    static final String USER = "alice";
    static final String PASSWORD = "s3cret-proxy-pw";

    @TempDir
    static Path dir;
    static String host;
    static HttpServer http;
    static HttpsServer https;
    static Path caPem;
    static Tinyproxy open;
    static Tinyproxy guarded;

    @BeforeAll
    static void start() throws Exception {
        host = InetAddress.getLocalHost().getHostName();
        InetAddress where = InetAddress.getByName(host);
        Assumptions.assumeFalse(host.equalsIgnoreCase("localhost") || host.startsWith("127."),
            "this machine's host name is a loopback name, which mgmt never proxies");
        // Test traffic stays on this machine's loopback: never reach an interface address.
        Assumptions.assumeTrue(where.isLoopbackAddress(),
            "this machine's host name " + host + " resolves to " + where.getHostAddress() + ", not to loopback");
        http = HttpServer.create(new InetSocketAddress(where, 0), 0);
        http.createContext("/apiops/", ex -> answer(ex, "application/json",
            "{\"status\":\"SUCCESS\",\"resultList\":[{\"name\":\"via-proxy\"}],\"resultCount\":1}"));
        http.start();
        https = tlsServer(where);
        int tlsPort = https.getAddress().getPort();
        open = Tinyproxy.start(dir, null, null, tlsPort);
        guarded = Tinyproxy.start(dir, USER, PASSWORD, tlsPort);
    }

    @AfterAll
    static void stop() {
        for (Tinyproxy p : new Tinyproxy[] {open, guarded}) {
            if (p != null) {
                p.close();
            }
        }
        if (http != null) {
            http.stop(0);
        }
        if (https != null) {
            https.stop(0);
        }
    }

    static HttpsServer tlsServer(InetAddress where) throws Exception {
        caPem = dir.resolve("ca.pem");
        SSLContext ctx = SelfSignedTls.serverContext(dir, "mgmt-proxy-test", "dns:" + host, caPem);
        HttpsServer s = HttpsServer.create(new InetSocketAddress(where, 0), 0);
        s.setHttpsConfigurator(new HttpsConfigurator(ctx));
        s.createContext("/apiops/test/healthcheck/", ex -> answer(ex, "text/plain", "OK"));
        s.start();
        return s;
    }

    static void answer(com.sun.net.httpserver.HttpExchange ex, String type, String body) throws java.io.IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(200, b.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(b);
        }
    }

    static String httpUrl() {
        return "http://" + host + ":" + http.getAddress().getPort();
    }

    static String httpsUrl() {
        return "https://" + host + ":" + https.getAddress().getPort();
    }

    static String proxy(Tinyproxy p, String user, String password) {
        return "http://" + (user == null ? "" : user + ":" + password + "@") + p.address();
    }

    static CliResult viaHttp(String proxyUrl, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("--url", httpUrl(), "--no-retry"));
        all.addAll(List.of(args));
        return cli().env("HTTP_PROXY", proxyUrl).run(all.toArray(String[]::new));
    }

    static CliResult viaHttps(String proxyUrl, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("--url", httpsUrl(), "--cacert", caPem.toString(),
            "--no-retry"));
        all.addAll(List.of(args));
        return cli().env("HTTPS_PROXY", proxyUrl).run(all.toArray(String[]::new));
    }

    static void assertNoPassword(CliResult r) {
        assertFalse(r.out().contains(PASSWORD) || r.err().contains(PASSWORD), "the proxy password leaked: " + r.describe());
    }

    @Test
    void should_go_through_a_proxy_without_auth_and_say_so_at_v() {
        CliResult r = viaHttp(proxy(open, null, null), "-v", "api", "projects");
        assertEquals(0, r.exitCode(), r.describe() + open.log());
        assertTrue(r.out().contains("via-proxy"), r.describe());
        assertTrue(r.err().contains("* via proxy " + open.address()), r.describe());
    }

    @Test
    void should_send_the_credentials_from_http_proxy_and_mask_them_in_every_trace() {
        CliResult r = viaHttp(proxy(guarded, USER, PASSWORD), "-vvv", "--curl", "api", "projects");
        assertEquals(0, r.exitCode(), r.describe() + guarded.log());
        assertTrue(r.out().contains("via-proxy"), r.describe());
        assertTrue(r.err().contains("* via proxy " + guarded.address()), r.describe());
        assertNoPassword(r);
    }

    @Test
    void should_say_the_proxy_requires_authentication_over_http() {
        CliResult r = viaHttp(proxy(guarded, null, null), "--quiet", "api", "projects");
        assertEquals(10, r.exitCode(), r.describe());
        assertEquals("", r.out());
        assertEquals("error: the proxy " + guarded.address() + " requires authentication", r.err().lines().findFirst()
            .orElse(""), r.describe());
    }

    @Test
    void should_say_the_proxy_refused_the_credentials_over_http() {
        CliResult r = viaHttp(proxy(guarded, USER, "wrong-password"), "-vv", "api", "projects");
        assertEquals(10, r.exitCode(), r.describe());
        assertTrue(r.err().contains("\nerror: the proxy " + guarded.address() + " refused the credentials for " + USER
            + "\n"), r.describe());
        assertFalse(r.err().contains("wrong-password"), r.describe());
    }

    @Test
    void should_tunnel_https_through_an_authenticating_proxy() {
        CliResult r = viaHttps(proxy(guarded, USER, PASSWORD), "-vv", "--curl", "api", "test/healthcheck");
        assertEquals(0, r.exitCode(), r.describe() + guarded.log());
        assertEquals("OK", r.out());
        assertTrue(r.err().contains("* via proxy " + guarded.address()), r.describe());
        assertNoPassword(r);
    }

    @Test
    void should_say_the_proxy_requires_authentication_for_https() {
        CliResult r = viaHttps(proxy(guarded, null, null), "--quiet", "api", "test/healthcheck");
        assertEquals(10, r.exitCode(), r.describe());
        assertEquals("error: the proxy " + guarded.address() + " requires authentication", r.err().lines().findFirst()
            .orElse(""), r.describe());
    }

    @Test
    void should_say_the_proxy_refused_the_credentials_for_https() {
        CliResult r = viaHttps(proxy(guarded, USER, "wrong-password"), "api", "test/healthcheck");
        assertEquals(10, r.exitCode(), r.describe());
        assertTrue(r.err().startsWith("error: the proxy " + guarded.address() + " refused the credentials for " + USER
            + "\n"), r.describe());
        assertTrue(r.err().contains("hint: Check the user and password in HTTPS_PROXY"), r.describe());
        assertFalse(r.err().contains("wrong-password"), r.describe());
    }

    @Test
    void should_name_the_proxy_when_it_refuses_the_connection() throws Exception {
        String down = "http://127.0.0.1:" + RawServer.closedPort();
        CliResult r = viaHttps(down, "--quiet", "api", "test/healthcheck");
        assertEquals(10, r.exitCode(), r.describe());
        assertTrue(r.err().startsWith("error: cannot connect to the proxy " + down.substring(7)
            + " (HTTPS_PROXY): connection refused"), r.describe());
        assertFalse(r.err().contains("Is the manager running"), r.describe());
    }

    @Test
    void should_name_the_proxy_as_the_first_failure_in_doctor() {
        CliResult r = viaHttps(proxy(guarded, null, null), "--token", "proxy-doctor-token", "doctor");
        assertEquals(10, r.exitCode(), r.describe());
        String all = r.out() + r.err();
        int proxyStep = all.indexOf("the proxy " + guarded.address() + " requires authentication");
        int firstFail = all.indexOf("[FAIL]");
        assertTrue(proxyStep > 0 && firstFail >= 0 && all.lastIndexOf('\n', proxyStep) <= firstFail
            && firstFail < proxyStep, "the proxy step is the first failure: " + r.describe());
    }
}
