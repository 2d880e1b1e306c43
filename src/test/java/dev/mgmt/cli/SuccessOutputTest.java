package dev.mgmt.cli;

import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.ServerTest;
import dev.mgmt.testing.TestServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.mgmt.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a successful response prints, and where. */
class SuccessOutputTest extends ServerTest {

    private static byte[] binary() {
        byte[] b = new byte[1024];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }

    @Test
    void should_pretty_print_json_on_stdout_and_keep_stderr_empty() {
        server.on("projects/", Reply.json(200, "{\"status\":\"SUCCESS\",\"resultList\":[{\"name\":\"demo\",\"id\":7}],\"resultCount\":1}"));
        CliResult r = cli().run("--url", server.url(), "api", "projects");
        assertExit(0, r);
        assertEquals("", r.err(), r.describe());
        String expected = String.join(System.lineSeparator(),
            "{",
            "  \"status\": \"SUCCESS\",",
            "  \"resultList\": [",
            "    {",
            "      \"name\": \"demo\",",
            "      \"id\": 7",
            "    }",
            "  ],",
            "  \"resultCount\": 1",
            "}") + System.lineSeparator();
        assertEquals(expected, r.out(), r.describe());
    }

    @Test
    void should_print_the_exact_bytes_with_raw() {
        String body = "{\"status\":\"SUCCESS\",   \"resultList\":[],\n\"name\":\"Caf\u00e9\"}";
        server.on("projects/", Reply.json(200, body));
        CliResult r = cli().run("--url", server.url(), "api", "projects", "--raw");
        assertExit(0, r);
        assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), r.outBytes(), r.describe());
        assertEquals("", r.err(), r.describe());
    }

    @Test
    void should_pass_plain_text_through() {
        server.on("test/healthcheck", Reply.of(200, "text/plain", "OK"));
        CliResult r = cli().run("--url", server.url(), "api", "test/healthcheck", "--exact-path");
        assertExit(0, r);
        assertEquals("OK", r.out(), r.describe());
        assertEquals("", r.err(), r.describe());
    }

    @Test
    void should_end_plain_text_with_a_newline_on_a_terminal() {
        server.on("test/healthcheck/", Reply.of(200, "text/plain", "OK"));
        CliResult r = cli().terminal(true, true).run("--url", server.url(), "api", "test/healthcheck");
        assertExit(0, r);
        assertEquals("OK" + System.lineSeparator(), r.out(), r.describe());
    }

    @Test
    void should_print_the_exact_bytes_of_non_utf8_text_with_raw() {
        byte[] body = {'c', 'a', 'f', (byte) 0xe9, '\n'};
        server.on("export/", Reply.bytes(200, "text/plain; charset=ISO-8859-1", body));
        CliResult r = cli().run("--url", server.url(), "api", "export", "--raw");
        assertExit(0, r);
        assertArrayEquals(body, r.outBytes(), r.describe());
    }

    @Test
    void should_write_binary_byte_exact_when_stdout_is_not_a_terminal() {
        byte[] body = binary();
        server.on("export/", Reply.bytes(200, "application/zip", body));
        CliResult r = cli().run("--url", server.url(), "api", "export");
        assertExit(0, r);
        assertArrayEquals(body, r.outBytes(), r.describe());
        assertEquals("", r.err(), r.describe());
    }

    @Test
    void should_refuse_binary_with_exit_2_and_a_hint_when_stdout_is_a_terminal() {
        server.on("export/", Reply.bytes(200, "application/zip", binary()));
        CliResult r = cli().terminal(true, false).run("--url", server.url(), "api", "export");
        assertExit(2, r);
        assertStdoutEmpty(r);
        assertTrue(r.err().startsWith("error: the response is binary"), r.describe());
        assertErrContains(r, "1024 bytes", "application/zip", "--output-file");
    }

    @Test
    void should_write_the_body_to_output_file_and_nothing_to_stdout(@TempDir Path dir) throws Exception {
        byte[] body = binary();
        server.on("export/", Reply.bytes(200, "application/zip", body));
        Path file = dir.resolve("export.zip");
        CliResult r = cli().terminal(true, true).run("--url", server.url(), "api", "export", "--output-file", file.toString());
        assertExit(0, r);
        assertStdoutEmpty(r);
        assertArrayEquals(body, Files.readAllBytes(file), r.describe());
    }

    @Test
    void should_write_json_to_output_file_as_received(@TempDir Path dir) throws Exception {
        String body = "{\"a\":1}";
        server.on("projects/", Reply.json(200, body));
        Path file = dir.resolve("out.json");
        CliResult r = cli().run("--url", server.url(), "api", "projects", "--output-file", file.toString());
        assertExit(0, r);
        assertStdoutEmpty(r);
        assertEquals(body, Files.readString(file), r.describe());
    }

    @Test
    void should_exit_14_when_the_output_file_cannot_be_written(@TempDir Path dir) {
        server.on("projects/", Reply.json(200, "{\"a\":1}"));
        String file = dir.resolve("no/such/dir/out.json").toString();
        CliResult r = cli().run("--url", server.url(), "api", "projects", "--output-file", file);
        assertExit(14, r);
        assertErrContains(r, "cannot write the result to --output-file '" + file + "'");
    }

    @Test
    void should_exit_12_when_a_2xx_declares_json_but_the_body_is_not_json() {
        server.on("projects/", Reply.json(200, "{\"status\":\"SUCCESS\", oops"));
        CliResult r = cli().run("--url", server.url(), "api", "projects");
        assertExit(12, r);
        assertStdoutEmpty(r);
        assertErrContains(r, "not valid JSON", "GET " + server.url() + "/apiops/projects/");
    }

    @Test
    void should_print_nothing_for_204_no_content() {
        server.on("projects/demo/", new Reply(204, java.util.Map.of(), new byte[0]));
        CliResult r = cli().run("--url", server.url(), "api", "DELETE", "projects/demo");
        assertExit(0, r);
        assertStdoutEmpty(r);
        assertEquals("DELETE", server.last().method());
    }

    @Test
    void should_post_inline_json_with_d_and_default_to_post() {
        server.on("projects/", Reply.json(201, "{\"status\":\"SUCCESS\"}"));
        CliResult r = cli().run("--url", server.url(), "api", "projects", "-d", "{\"name\":\"demo\"}");
        assertExit(0, r);
        assertEquals("POST", server.last().method(), r.describe());
        assertEquals("{\"name\":\"demo\"}", server.last().bodyText());
        assertEquals("application/json", server.last().headers().getFirst("Content-Type"));
    }

    @Test
    void should_read_the_body_from_a_file(@TempDir Path dir) throws Exception {
        server.on("projects/", Reply.json(200, "{\"status\":\"SUCCESS\"}"));
        Path f = dir.resolve("p.json");
        Files.writeString(f, "{\"name\":\"from file\"}");
        CliResult r = cli().run("--url", server.url(), "api", "PUT", "projects", "-d", "@" + f);
        assertExit(0, r);
        assertEquals("PUT", server.last().method());
        assertEquals("{\"name\":\"from file\"}", server.last().bodyText());
    }

    @Test
    void should_read_the_body_from_stdin() {
        server.on("projects/", Reply.json(200, "{\"status\":\"SUCCESS\"}"));
        CliResult r = cli().stdin("{\"name\":\"from stdin\"}").run("--url", server.url(), "api", "projects", "-d", "@-");
        assertExit(0, r);
        assertEquals("POST", server.last().method());
        assertEquals("{\"name\":\"from stdin\"}", server.last().bodyText());
    }

    @Test
    void should_convert_a_yaml_file_to_json(@TempDir Path dir) throws Exception {
        server.on("projects/", Reply.json(200, "{\"status\":\"SUCCESS\"}"));
        Path f = dir.resolve("p.yaml");
        Files.writeString(f, "name: demo\ntags:\n  - a\n");
        CliResult r = cli().run("--url", server.url(), "api", "projects", "-d", "@" + f);
        assertExit(0, r);
        assertEquals("{\"name\":\"demo\",\"tags\":[\"a\"]}", server.last().bodyText(), r.describe());
    }

    @Test
    void should_send_user_headers_and_non_json_bodies_as_given() {
        server.on("projects/", Reply.json(200, "{\"status\":\"SUCCESS\"}"));
        CliResult r = cli().run("--url", server.url(), "api", "projects", "-H", "Content-Type: text/plain",
            "-H", "X-Trace: abc", "-d", "not json");
        assertExit(0, r);
        assertEquals("not json", server.last().bodyText());
        assertEquals("text/plain", server.last().headers().getFirst("Content-Type"));
        assertEquals("abc", server.last().headers().getFirst("X-Trace"));
    }
}
