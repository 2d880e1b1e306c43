package dev.mgmt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.json.Json;
import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.ServerTest;
import dev.mgmt.testing.TestServer.Reply;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;

import static dev.mgmt.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VersionCommandTest extends ServerTest {

    @Test
    void should_show_the_client_and_that_the_manager_answers() {
        server.on("test/healthcheck/", Reply.of(200, "text/plain", "OK").withHeader("Server", "nginx/1.22.1"));
        CliResult r = cli().run("--url", server.url(), "version");
        assertExit(0, r);
        assertTrue(r.out().startsWith("mgmt "), r.describe());
        assertTrue(r.out().contains("\nJava " + System.getProperty("java.version") + " ("), r.describe());
        assertTrue(r.out().contains("Manager " + server.url() + " answers (GET test/healthcheck: 200 in "), r.describe());
        assertTrue(r.out().contains(", Server: nginx/1.22.1)"), r.describe());
        assertEquals("", r.err(), r.describe());
    }

    @Test
    void should_give_scripts_json() {
        server.on("test/healthcheck/", Reply.of(200, "text/plain", "OK"));
        CliResult r = cli().run("--url", server.url(), "version", "-o", "json");
        assertExit(0, r);
        JsonNode j = Json.tryParse(r.outBytes());
        assertEquals(System.getProperty("java.version"), j.path("client").path("java").asText(), r.describe());
        assertFalse(j.path("client").path("version").asText().isEmpty(), r.describe());
        assertTrue(j.path("manager").path("answers").asBoolean(), r.describe());
        assertEquals(200, j.path("manager").path("status").asInt(), r.describe());
    }

    @Test
    void should_send_nothing_with_client_or_without_a_manager() {
        CliResult client = cli().run("--url", server.url(), "version", "--client");
        assertExit(0, client);
        assertNothingSent(client);
        assertFalse(client.out().contains("Manager"), client.describe());
        CliResult none = cli().run("version");
        assertExit(0, none);
        assertFalse(none.out().contains("Manager"), none.describe());
    }

    @Test
    void should_exit_12_when_something_else_answers_at_the_url() {
        server.on("test/healthcheck/", Reply.html(404, "<html><body>Not Found</body></html>"));
        CliResult r = cli().run("--url", server.url(), "version");
        assertExit(12, r);
        assertTrue(r.out().startsWith("mgmt "), "the client part is still printed\n" + r.describe());
        assertErrContains(r, "error: manager " + server.url() + ": HTTP 404: not the Management API's health check");
    }

    @Test
    void should_exit_10_when_nothing_listens() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CliResult r = cli().run("--url", "http://127.0.0.1:" + port + "/", "--no-retry", "version", "-o", "json");
        assertExit(10, r);
        JsonNode j = Json.tryParse(r.outBytes());
        assertFalse(j.path("manager").path("answers").asBoolean(), r.describe());
        assertTrue(j.path("manager").path("detail").asText().contains("connection refused"), r.describe());
    }
}
