package dev.mgmt.cli;

import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.ServerTest;
import dev.mgmt.testing.TestServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.mgmt.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the token comes from, and that it never shows up in what mgmt prints. */
class TokenTest extends ServerTest {
    static final String TOKEN = "tok-SECRET-abcdef123456";
    static final String MASKED = "****3456";
    static final String OK = "{\"status\":\"SUCCESS\",\"resultList\":[],\"resultCount\":0}";

    private String sentToken() {
        return server.last().headers().getFirst("Authorization");
    }

    @Test
    void should_send_the_token_from_the_flag() {
        server.on("projects/", Reply.json(200, OK));
        CliResult r = cli().run("--url", server.url(), "--token", TOKEN, "api", "projects");
        assertExit(0, r);
        assertEquals("Bearer " + TOKEN, sentToken());
    }

    @Test
    void should_read_the_token_file_and_trim_it(@TempDir Path dir) throws Exception {
        server.on("projects/", Reply.json(200, OK));
        Path f = dir.resolve("token");
        Files.writeString(f, "  " + TOKEN + " \r\n\n");
        CliResult r = cli().run("--url", server.url(), "--token-file", f.toString(), "api", "projects");
        assertExit(0, r);
        assertEquals("Bearer " + TOKEN, sentToken());
    }

    @Test
    void should_read_the_token_from_stdin_with_token_file_dash() {
        server.on("projects/", Reply.json(200, OK));
        CliResult r = cli().stdin(TOKEN + "\n").run("--url", server.url(), "--token-file", "-", "api", "projects");
        assertExit(0, r);
        assertEquals("Bearer " + TOKEN, sentToken());
    }

    @Test
    void should_take_the_token_from_MGMT_TOKEN() {
        server.on("projects/", Reply.json(200, OK));
        CliResult r = cli().env("MGMT_TOKEN", TOKEN).run("--url", server.url(), "api", "projects");
        assertExit(0, r);
        assertEquals("Bearer " + TOKEN, sentToken());
    }

    @Test
    void should_take_the_token_from_MGMT_TOKEN_FILE(@TempDir Path dir) throws Exception {
        server.on("projects/", Reply.json(200, OK));
        Path f = dir.resolve("token");
        Files.writeString(f, TOKEN + "\n");
        CliResult r = cli().env("MGMT_TOKEN_FILE", f.toString()).run("--url", server.url(), "api", "projects");
        assertExit(0, r);
        assertEquals("Bearer " + TOKEN, sentToken());
    }

    @Test
    void should_let_the_flag_beat_the_environment(@TempDir Path dir) throws Exception {
        server.on("projects/", Reply.json(200, OK));
        Path f = dir.resolve("token");
        Files.writeString(f, "from-token-file-1234");
        CliResult r = cli().env("MGMT_TOKEN", "from-env-0000").env("MGMT_TOKEN_FILE", f.toString())
            .run("--url", server.url(), "--token", TOKEN, "api", "projects");
        assertExit(0, r);
        assertEquals("Bearer " + TOKEN, sentToken());

        CliResult r2 = cli().env("MGMT_TOKEN", "from-env-0000")
            .run("--url", server.url(), "--token-file", f.toString(), "api", "projects");
        assertExit(0, r2);
        assertEquals("Bearer from-token-file-1234", sentToken());
    }

    @Test
    void should_prefer_MGMT_TOKEN_over_MGMT_TOKEN_FILE(@TempDir Path dir) throws Exception {
        server.on("projects/", Reply.json(200, OK));
        Path f = dir.resolve("token");
        Files.writeString(f, "from-token-file-1234");
        CliResult r = cli().env("MGMT_TOKEN", TOKEN).env("MGMT_TOKEN_FILE", f.toString())
            .run("--url", server.url(), "api", "projects");
        assertExit(0, r);
        assertEquals("Bearer " + TOKEN, sentToken());
    }

    // --- redaction ---

    static Stream<Arguments> replies() {
        String echo = "Token " + TOKEN + " is invalid";
        return Stream.of(
            Arguments.of("success", Reply.json(200, OK), 0),
            Arguments.of("401", Reply.json(401, "{\"error\":\"invalid_token\",\"error_description\":\"Token is invalid or expired\"}"), 4),
            Arguments.of("401 echoing the token", Reply.json(401, "{\"error\":\"invalid_token\",\"error_description\":\"" + echo + "\"}"), 4),
            Arguments.of("400 echoing in validation", Reply.json(400, "{\"error\":\"validation_failed\",\"error_description\":\"bad\","
                + "\"validation_errors\":[{\"field\":\"Authorization\",\"message\":\"Bearer " + TOKEN + " rejected\"}]}"), 3),
            Arguments.of("403 plain text echo", Reply.of(403, "text/plain", "Forbidden for " + TOKEN), 5),
            Arguments.of("500 html echo", Reply.html(500, "<html><head><title>Error " + TOKEN + "</title></head><body>"
                + TOKEN + "</body></html>"), 9),
            Arguments.of("200 FAILURE echo", Reply.json(200, "{\"status\":\"FAILURE\",\"message\":\"" + echo + "\"}"), 11),
            Arguments.of("problem+json echo", Reply.of(401, "application/problem+json",
                "{\"title\":\"Unauthorized\",\"detail\":\"" + echo + "\"}"), 4),
            Arguments.of("binary echo", Reply.bytes(500, "application/octet-stream",
                ("\u0000\u0001" + TOKEN).getBytes(java.nio.charset.StandardCharsets.UTF_8)), 9),
            Arguments.of("echo in a header", Reply.json(401, "{\"error\":\"invalid_token\",\"error_description\":\"no\"}")
                .withHeader("X-Debug-Token", TOKEN).withHeader("WWW-Authenticate", "Bearer error=\"" + TOKEN + "\""), 4));
    }

    static final List<List<String>> MODES = List.of(
        List.of(), List.of("-v"), List.of("-vv"), List.of("-vvv"), List.of("--curl"), List.of("-o", "json"),
        List.of("-o", "yaml", "-vvv", "--curl"));

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void should_never_print_the_token_at_any_verbosity(String name, Reply reply, int exit) {
        server.on("projects/", reply);
        for (List<String> mode : MODES) {
            List<String> args = new ArrayList<>(List.of("--url", server.url(), "--no-retry", "--token", TOKEN));
            args.addAll(mode);
            args.addAll(List.of("api", "projects"));
            CliResult r = cli().run(args.toArray(new String[0]));
            String what = name + " " + mode + "\n" + r.describe();
            assertEquals(exit, r.exitCode(), what);
            assertFalse(r.err().contains(TOKEN), "token on stderr: " + what);
            assertFalse(r.err().contains("SECRET"), "part of the token on stderr: " + what);
            if (exit != 0) {
                assertFalse(r.out().contains(TOKEN), "token on stdout: " + what);
            }
            if (mode.contains("-vv") || mode.contains("-vvv")) {
                assertTrue(r.err().contains("> Authorization: Bearer " + MASKED), "masked header missing: " + what);
            }
            if (mode.contains("--curl")) {
                assertTrue(r.err().contains("-H \"Authorization: Bearer $MGMT_TOKEN\""), "curl token variable missing: " + what);
            }
            if (mode.contains("-o") && exit != 0) {
                assertFalse(errorObject(r).toString().contains(TOKEN), what);
            }
        }
    }

    @Test
    void should_mask_the_token_from_the_environment_and_a_file_too(@TempDir Path dir) throws Exception {
        server.on("projects/", Reply.json(401, "{\"error\":\"invalid_token\",\"error_description\":\"bad " + TOKEN + "\"}"));
        CliResult r = cli().env("MGMT_TOKEN", TOKEN).run("--url", server.url(), "-vvv", "--curl", "api", "projects");
        assertExit(4, r);
        assertErrLacks(r, TOKEN);
        assertErrContains(r, MASKED);

        Path f = dir.resolve("token");
        Files.writeString(f, TOKEN + "\n");
        CliResult r2 = cli().run("--url", server.url(), "--token-file", f.toString(), "-vvv", "api", "projects");
        assertExit(4, r2);
        assertErrLacks(r2, TOKEN);
        assertErrContains(r2, MASKED);
    }

    @Test
    void should_redact_the_token_in_a_traced_request_body() {
        server.on("projects/", Reply.json(200, OK));
        CliResult r = cli().run("--url", server.url(), "--token", TOKEN, "-vvv", "--curl", "api", "projects",
            "-d", "{\"note\":\"" + TOKEN + "\"}");
        assertExit(0, r);
        assertErrLacks(r, TOKEN);
        assertEquals("{\"note\":\"" + TOKEN + "\"}", server.last().bodyText(), "the body itself is sent unchanged");
    }

    @Test
    void should_print_a_curl_command_that_uses_the_MGMT_TOKEN_variable() {
        server.on("projects/", Reply.json(200, OK));
        CliResult r = cli().run("--url", server.url(), "--token", TOKEN, "--curl", "api", "projects");
        assertExit(0, r);
        String curl = lines(r.err()).get(0);
        assertEquals("curl -sS '" + server.url() + "/apiops/projects/' -H 'Accept: application/json'"
            + " -H \"Authorization: Bearer $MGMT_TOKEN\"", curl, r.describe());
    }

    @Test
    void should_warn_when_sending_a_token_over_plain_http_to_another_host() {
        CliResult r = cli().run("--url", "http://nonexistent.invalid", "--token", TOKEN, "--no-retry", "api", "projects");
        assertErrContains(r, "warning: sending the token over plain http://");
        assertErrLacks(r, TOKEN);
    }

    @Test
    void should_not_warn_about_plain_http_on_loopback() {
        server.on("projects/", Reply.json(200, OK));
        CliResult r = cli().run("--url", server.url(), "--token", TOKEN, "api", "projects");
        assertExit(0, r);
        assertEquals("", r.err(), r.describe());
    }
}
