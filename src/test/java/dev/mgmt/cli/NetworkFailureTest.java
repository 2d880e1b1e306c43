package dev.mgmt.cli;

import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.RawServer;
import dev.mgmt.testing.ServerTest;
import dev.mgmt.testing.TestServer.Reply;
import org.junit.jupiter.api.Test;

import static dev.mgmt.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** No HTTP answer at all: exit 10 and a message that says what failed on the wire. */
class NetworkFailureTest extends ServerTest {

    @Test
    void should_exit_10_and_say_refused_on_a_closed_port() throws Exception {
        int port = RawServer.closedPort();
        String url = "http://127.0.0.1:" + port;
        CliResult r = cli().run("--url", url, "--no-retry", "api", "projects");
        assertExit(10, r);
        assertStdoutEmpty(r);
        assertTrue(lines(r.err()).get(0).startsWith("error: "), r.describe());
        assertErrContains(r, "refused", "127.0.0.1:" + port, "GET " + url + "/apiops/projects/");
    }

    @Test
    void should_exit_10_with_a_dns_message_for_an_unresolvable_host() {
        CliResult r = cli().run("--url", "http://nonexistent.invalid", "--no-retry", "api", "projects");
        assertExit(10, r);
        assertStdoutEmpty(r);
        assertErrContains(r, "cannot resolve host 'nonexistent.invalid'");
        assertErrLacks(r, "refused");
    }

    @Test
    void should_exit_10_when_the_server_does_not_answer_within_the_timeout() {
        server.onDelayed("projects/", 900, Reply.json(200, "{}"));
        long start = System.nanoTime();
        CliResult r = cli().run("--url", server.url(), "--timeout", "0.2", "--no-retry", "api", "projects");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertExit(10, r);
        assertStdoutEmpty(r);
        assertErrContains(r, "no response from 127.0.0.1:" + server.port(), "--timeout");
        assertTrue(ms < 850, "gave up after " + ms + " ms\n" + r.describe());
    }

    @Test
    void should_exit_10_when_the_connection_is_reset() throws Exception {
        try (RawServer raw = new RawServer(RawServer.Mode.RESET)) {
            CliResult r = cli().run("--url", raw.url(), "--no-retry", "api", "projects");
            assertExit(10, r);
            assertStdoutEmpty(r);
            assertErrContains(r, "closed before the response was complete");
        }
    }

    @Test
    void should_exit_10_when_the_server_closes_without_answering() throws Exception {
        try (RawServer raw = new RawServer(RawServer.Mode.CLOSE_SILENTLY)) {
            CliResult r = cli().run("--url", raw.url(), "--no-retry", "api", "projects");
            assertExit(10, r);
            assertStdoutEmpty(r);
            assertErrContains(r, "closed before the response was complete");
        }
    }

    @Test
    void should_exit_10_when_the_body_is_truncated() throws Exception {
        try (RawServer raw = new RawServer(RawServer.Mode.TRUNCATE)) {
            CliResult r = cli().run("--url", raw.url(), "--no-retry", "api", "projects");
            assertExit(10, r);
            assertStdoutEmpty(r);
            assertErrContains(r, "closed before the response was complete");
        }
    }

    @Test
    void should_write_the_network_error_object_with_o_json() throws Exception {
        int port = RawServer.closedPort();
        CliResult r = cli().run("--url", "http://127.0.0.1:" + port, "--no-retry", "-o", "json", "api", "projects");
        assertExit(10, r);
        var e = errorObject(r);
        assertFalse(e.has("status"), "no HTTP status, no key: " + r.describe());
        assertEquals("network_refused", e.path("error").asText(), r.describe());
        assertEquals(10, e.path("exit_code").asInt(), r.describe());
        assertEquals("GET", e.path("request").path("method").asText(), r.describe());
        assertEquals("http://127.0.0.1:" + port + "/apiops/projects/", e.path("request").path("url").asText(), r.describe());
        assertEquals(1, e.path("attempts").asInt(), r.describe());
    }
}
