package dev.mgmt.client;

import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.TestServer.Reply;
import dev.mgmt.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.mgmt.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HTTP_PROXY / NO_PROXY: the test server plays the forward proxy for a manager that does not resolve. */
class ProxyVariablesTest {
    static TestServer proxy;

    @BeforeAll
    static void start() throws Exception {
        proxy = new TestServer();
        proxy.on("projects/", Reply.json(200, "{\"status\":\"SUCCESS\",\"resultList\":[],\"resultCount\":0}"));
    }

    @AfterAll
    static void stop() {
        proxy.close();
    }

    @Test
    void should_send_through_http_proxy() {
        CliResult r = cli().env("HTTP_PROXY", proxy.url()).run("--url", "http://manager.invalid", "--no-retry",
            "api", "projects");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("manager.invalid", proxy.last().headers().getFirst("Host"));
    }

    @Test
    void should_accept_the_lower_case_variable_too() {
        CliResult r = cli().env("http_proxy", proxy.url()).run("--url", "http://manager.invalid", "--no-retry",
            "api", "projects");
        assertEquals(0, r.exitCode(), r.describe());
    }

    @Test
    void should_go_direct_for_hosts_in_no_proxy() {
        CliResult r = cli().env("HTTP_PROXY", proxy.url()).env("NO_PROXY", "example.org,.invalid")
            .run("--url", "http://manager.invalid", "--no-retry", "--quiet", "api", "projects");
        assertEquals(10, r.exitCode(), r.describe());
        assertTrue(r.err().contains("cannot resolve host 'manager.invalid'"), r.describe());
    }

    @Test
    void should_reject_a_malformed_proxy_variable() {
        CliResult r = cli().env("HTTPS_PROXY", "http://:bad").run("--url", "https://manager.invalid", "api", "projects");
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().contains("invalid HTTPS_PROXY"), r.describe());
    }
}
