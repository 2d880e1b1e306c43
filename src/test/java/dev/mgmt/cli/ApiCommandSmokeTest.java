package dev.mgmt.cli;

import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.TestServer.Reply;
import dev.mgmt.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.mgmt.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiCommandSmokeTest {
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.reset();
    }

    @Test
    void should_pretty_print_json_and_exit_0() {
        server.on("projects/", Reply.json(200, "{\"status\":\"SUCCESS\",\"resultList\":[{\"name\":\"demo\"}],\"resultCount\":1}"));
        CliResult r = cli().run("--url", server.url(), "--token", "tok-123456789", "api", "projects");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.out().contains("\"name\": \"demo\""), r.describe());
        assertEquals("Bearer tok-123456789", server.last().headers().getFirst("Authorization"));
        assertEquals("", r.err());
    }

    @Test
    void should_accept_global_options_before_and_after_the_command() {
        server.on("projects/", Reply.json(200, "{\"status\":\"SUCCESS\",\"resultList\":[],\"resultCount\":0}"));
        CliResult before = cli().run("-v", "--url", server.url(), "api", "projects/");
        CliResult after = cli().run("api", "projects/", "--url", server.url(), "-vv");
        assertEquals(0, before.exitCode(), before.describe());
        assertTrue(before.err().contains("> GET " + server.url() + "/apiops/projects/"), before.describe());
        assertEquals(0, after.exitCode(), after.describe());
        assertTrue(after.err().contains("> Accept: application/json"), after.describe());
    }

    @Test
    void should_mask_the_token_when_a_success_body_echoes_it_but_keep_raw_exact() {
        String token = "tok-ECHOED-9876543210";
        server.on("test/hello/me/", Reply.json(200, "{\"greeting\":\"hello\",\"yourToken\":\"" + token + "\"}"));
        CliResult r = cli().run("--url", server.url(), "--token", token, "api", "test/hello/me");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(!r.out().contains(token) && r.out().contains("****3210"), r.describe());
        CliResult raw = cli().run("--url", server.url(), "--token", token, "api", "test/hello/me", "--raw");
        assertTrue(raw.out().contains(token), "--raw prints the body byte for byte: " + raw.describe());
    }
}
