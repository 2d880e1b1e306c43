package dev.mgmt.real;

import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.Nginx;
import dev.mgmt.testing.SandboxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static dev.mgmt.real.Expect.contains;
import static dev.mgmt.real.Expect.exit;
import static dev.mgmt.real.Expect.headline;
import static dev.mgmt.real.Expect.lacks;
import static dev.mgmt.testing.Cli.cli;

/**
 * A real nginx in front of the sandbox, producing its own 502, 504, 413 and 301 pages: mgmt must name
 * what answered and exit with the contract's code, never dumping the page.
 */
class ReverseProxyIT {
    @RegisterExtension
    static final SandboxExtension sandbox = new SandboxExtension();

    @TempDir
    static Path dir;
    private static Nginx nginx;
    private static int proxyPort;
    private static int deadUpstreamPort;
    private static int redirectPort;

    @BeforeAll
    static void start() throws IOException {
        proxyPort = Nginx.freePort();
        deadUpstreamPort = Nginx.freePort();
        redirectPort = Nginx.freePort();
        int closed = Nginx.freePort();
        String upstream = "http://127.0.0.1:" + sandbox.sandbox().port();
        nginx = Nginx.start(dir.resolve("nginx"),
            "  server {\n"
                + "    listen 127.0.0.1:" + proxyPort + ";\n"
                + "    client_max_body_size 1k;\n"
                + "    location / { proxy_pass " + upstream + "; proxy_read_timeout 1s; }\n"
                + "  }\n"
                + "  server {\n"
                + "    listen 127.0.0.1:" + deadUpstreamPort + ";\n"
                + "    location / { proxy_pass http://127.0.0.1:" + closed + "; }\n"
                + "  }\n"
                + "  server {\n"
                + "    listen 127.0.0.1:" + redirectPort + ";\n"
                + "    location / { return 301 https://manager.example$request_uri; }\n"
                + "  }\n",
            proxyPort, deadUpstreamPort, redirectPort);
    }

    @AfterAll
    static void stop() {
        if (nginx != null) {
            nginx.close();
        }
    }

    private static CliResult mgmt(int port, String... args) {
        return cli().env("MGMT_URL", "http://127.0.0.1:" + port + "/").env("MGMT_TOKEN", sandbox.adminToken())
            .config(dir.resolve("config.yaml")).run(args);
    }

    private static void noPageNoToken(CliResult r) {
        lacks(r.err(), r, "<html", "<center>", sandbox.adminToken());
        lacks(r.out(), r, "<html");
    }

    @Test
    void throughTheProxyTheApiAnswers() {
        CliResult r = mgmt(proxyPort, "get", "projects");
        exit(r, 0);
        contains(r.out(), r, "MyProject");
    }

    @Test
    void upstreamPortClosedIsNginxs502() {
        CliResult r = mgmt(deadUpstreamPort, "--no-retry", "get", "projects");
        exit(r, 9);
        contains(headline(r), r, "502 Bad Gateway", "an HTML error page (\"502 Bad Gateway\") from nginx",
            "a reverse proxy or load balancer answered, not the Management API");
        noPageNoToken(r);
    }

    @Test
    void slowUpstreamIsNginxs504() {
        sandbox.setFaults("latency=3s");
        try {
            CliResult r = mgmt(proxyPort, "--no-retry", "--quiet", "get", "projects");
            exit(r, 9);
            contains(headline(r), r, "504 Gateway Time-out", "from nginx",
                "a reverse proxy or load balancer answered, not the Management API");
            noPageNoToken(r);
        } finally {
            sandbox.setFaults("");
        }
    }

    @Test
    void bodyOverTheProxysLimitIsNginxs413() {
        String big = "{\"name\":\"" + "x".repeat(2048) + "\"}";
        CliResult r = mgmt(proxyPort, "api", "POST", "projects/", "-d", big);
        exit(r, 12);
        contains(headline(r), r, "413 Request Entity Too Large", "from nginx");
        noPageNoToken(r);
    }

    @Test
    void redirectIsReportedNotFollowed() {
        CliResult r = mgmt(redirectPort, "get", "projects");
        exit(r, 12);
        contains(headline(r), r, "301 Moved Permanently to https://manager.example/apiops/projects/");
        contains(r.err(), r, "mgmt does not follow redirects");
        noPageNoToken(r);
    }
}
