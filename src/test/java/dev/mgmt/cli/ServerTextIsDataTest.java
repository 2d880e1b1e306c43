package dev.mgmt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.ServerTest;
import dev.mgmt.testing.TestServer.Reply;
import org.junit.jupiter.api.Test;

import static dev.mgmt.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hostile server's texts reach stderr as visible escapes, never as control sequences: no title
 * change, no screen clear, no forged lines, in the headline, the checklist, the JSON error and traces.
 */
class ServerTextIsDataTest extends ServerTest {
    /** OSC set-title, CSI clear-screen, an 8-bit CSI, a forged second line, a right-to-left override. */
    private static final String HOSTILE = "bad\\u001b]0;pwned\\u0007 \\u001b[2J\\u009b31m\\n  checklist: ok \\u202etxt";

    @Test
    void should_escape_control_characters_in_the_headline_and_details() {
        server.on("projects/", Reply.json(400, "{\"error\":\"bad_request\",\"error_description\":\"" + HOSTILE + "\"}"));
        CliResult r = cli().run("--url", server.url(), "--no-retry", "api", "projects/");
        assertExit(3, r);
        assertNoControls(r.err());
        String headline = lines(r.err()).get(0);
        assertTrue(headline.startsWith("error: 400 bad_request — bad\\u001b]0;pwned\\u0007 \\u001b[2J\\u009b31m\\u000a"
            + "  checklist: ok \\u202etxt"), r.describe());
    }

    @Test
    void should_keep_the_json_error_object_parseable() throws Exception {
        server.on("projects/", Reply.json(400, "{\"error\":\"bad_request\",\"error_description\":\"" + HOSTILE + "\"}"));
        CliResult r = cli().run("--url", server.url(), "--no-retry", "-o", "json", "api", "projects/");
        assertExit(3, r);
        assertNoControls(r.err());
        String json = r.err().lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow();
        JsonNode node = new ObjectMapper().readTree(json);
        assertEquals("bad\u001b]0;pwned\u0007 \u001b[2J\u009b31m\n  checklist: ok \u202etxt",
            node.get("error_description").asText(), "the JSON still carries the exact text");
    }

    @Test
    void should_escape_header_values_and_bodies_in_traces() {
        server.on("projects/", Reply.of(200, "text/plain", "line one\u001b[2J\rforged")
            .withHeader("X-Evil", "a\u009b2Jb"));
        CliResult r = cli().run("--url", server.url(), "--no-retry", "-vvv", "api", "projects/");
        assertExit(0, r);
        assertNoControls(r.err());
        assertTrue(r.err().contains("a\\u009b2Jb"), r.describe());
        assertTrue(r.err().contains("line one\\u001b[2J\\u000dforged"), r.describe());
    }

    @Test
    void should_refuse_a_header_with_a_raw_escape_and_show_it_escaped() {
        server.on("projects/", Reply.of(200, "text/plain", "ok").withHeader("X-Evil", "a\u001b]0;t\u0007b"));
        CliResult r = cli().run("--url", server.url(), "--no-retry", "--quiet", "api", "projects/");
        assertExit(10, r);
        assertNoControls(r.err());
        assertTrue(r.err().contains("a\\u001b]0;t\\u0007b"), r.describe());
    }

    private static void assertNoControls(String text) {
        for (char c : text.toCharArray()) {
            boolean control = c < 0x20 && c != '\n' || c >= 0x7f && c <= 0x9f || c >= 0x202a && c <= 0x202e;
            assertFalse(control, "raw control character U+" + Integer.toHexString(c) + " in:\n" + text);
        }
    }
}
