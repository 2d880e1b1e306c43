package dev.mgmt.cli;

import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.ServerTest;
import dev.mgmt.testing.TestServer.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.mgmt.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 16: how {@code mgmt api} reads its method, refuses extra arguments, and -X, -i, -q, -o. */
class ApiMethodAndFlagsTest extends ServerTest {
    static final String TOKEN = "tok-SECRET-123456789";

    @BeforeEach
    void replies() {
        server.on("projects/", Reply.json(200, "{\"status\":\"SUCCESS\",\"resultList\":[{\"name\":\"demo\"},{\"name\":\"pay\"}],\"resultCount\":2}"));
        server.on("projects/X/", Reply.json(200, "{\"status\":\"SUCCESS\",\"name\":\"X\"}"));
    }

    private static CliResult api(String... args) {
        List<String> all = new ArrayList<>(List.of("--url", server.url(), "--token", TOKEN, "api"));
        all.addAll(List.of(args));
        return cli().run(all.toArray(String[]::new));
    }

    /** Exit 2, one "error: " line on stderr naming the problem, nothing on stdout, no request at all. */
    private static void assertUsage(CliResult r, String message) {
        assertExit(2, r);
        assertTrue(r.err().startsWith("error: "), r.describe());
        assertErrContains(r, message);
        assertEquals(1, lines(r.err().strip()).size(), "one line: " + r.describe());
        assertStdoutEmpty(r);
        assertNothingSent(r);
    }

    @Test
    void should_send_the_method_word_in_any_case() {
        for (String word : List.of("PUT", "put", "Put")) {
            server.reset();
            server.on("projects/X/", Reply.json(200, "{\"status\":\"SUCCESS\"}"));
            CliResult r = api(word, "projects/X", "-d", "{\"name\":\"x\"}");
            assertEquals(0, r.exitCode(), r.describe());
            assertEquals("PUT", server.last().method(), word);
            assertEquals("/apiops/projects/X/", server.last().rawPath(), word);
        }
    }

    @Test
    void should_refuse_a_field_after_the_path_with_a_hint_for_d() {
        CliResult r = api("PUT", "projects/X", "name=x");
        assertUsage(r, "unexpected argument 'name=x' after PATH 'projects/X'");
        assertTrue(r.err().contains("-d '{"), r.describe());
    }

    @Test
    void should_refuse_an_extra_argument_after_the_path() {
        assertUsage(api("GET", "projects/", "extra"), "unexpected argument 'extra' after PATH 'projects/'");
        assertUsage(api("projects/", "extra"), "unexpected argument 'extra' after PATH 'projects/'");
    }

    @Test
    void should_refuse_a_method_word_without_a_path() {
        assertUsage(api("delete"), "missing PATH after the method DELETE");
    }

    @Test
    void should_refuse_an_unknown_method_word() {
        assertUsage(api("FETCH", "projects/"), "unknown HTTP method 'FETCH'");
    }

    @Test
    void should_take_the_method_from_X_or_method_in_any_case() {
        CliResult x = api("-X", "delete", "projects/X");
        assertEquals(0, x.exitCode(), x.describe());
        assertEquals("DELETE", server.last().method());
        CliResult longForm = api("projects/X", "--method", "Patch", "-d", "{}");
        assertEquals(0, longForm.exitCode(), longForm.describe());
        assertEquals("PATCH", server.last().method());
    }

    @Test
    void should_accept_X_and_a_method_word_that_agree() {
        CliResult r = api("-X", "PUT", "put", "projects/X", "-d", "{}");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("PUT", server.last().method());
    }

    @Test
    void should_refuse_X_and_a_method_word_that_disagree() {
        assertUsage(api("-X", "POST", "PUT", "projects/X"), "conflicting methods: -X POST and PUT");
    }

    @Test
    void should_refuse_an_unknown_method_given_with_X() {
        assertUsage(api("-X", "FOO", "projects/"), "unknown HTTP method 'FOO' (from -X)");
        assertUsage(api("--method", "", "projects/"), "unknown HTTP method ''");
    }

    @Test
    void should_print_status_line_and_headers_before_the_body_with_i() {
        server.on("projects/", Reply.json(200, "{\"status\":\"SUCCESS\",\"resultList\":[],\"resultCount\":0}")
            .withHeader("X-Request-Id", "r-42"));
        CliResult r = api("-i", "projects/");
        assertEquals(0, r.exitCode(), r.describe());
        String out = r.out();
        assertTrue(out.startsWith("HTTP/1.1 200 OK\n"), r.describe());
        assertTrue(out.toLowerCase().contains("x-request-id: r-42\n"), r.describe());
        int blank = out.indexOf("\n\n");
        assertTrue(blank > 0 && out.indexOf("\"status\": \"SUCCESS\"") > blank, "headers, blank line, body: " + out);
        CliResult longForm = api("--include", "projects/");
        assertTrue(longForm.out().startsWith("HTTP/1.1 200 OK\n"), longForm.describe());
    }

    @Test
    void should_never_print_the_token_with_i_even_when_a_header_echoes_it() {
        server.on("projects/", Reply.json(200, "{\"echo\":\"" + TOKEN + "\"}")
            .withHeader("X-Echo-Authorization", "Bearer " + TOKEN));
        CliResult r = api("-i", "-vv", "projects/");
        assertEquals(0, r.exitCode(), r.describe());
        assertFalse(r.out().contains(TOKEN) || r.err().contains(TOKEN), r.describe());
        assertTrue(r.out().contains("****6789"), r.describe());
    }

    @Test
    void should_filter_the_json_result_with_q() {
        CliResult r = api("projects/", "-q", "$.resultList[*].name");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("[\n  \"demo\",\n  \"pay\"\n]", r.out().strip(), r.describe());
    }

    @Test
    void should_refuse_an_invalid_q_before_sending() {
        CliResult r = api("projects/", "-q", "$[");
        assertExit(2, r);
        assertTrue(r.err().startsWith("error: invalid -q expression"), r.describe());
        assertNothingSent(r);
    }

    @Test
    void should_refuse_q_with_raw_or_output_file() {
        assertUsage(api("projects/", "-q", ".name", "--raw"), "-q cannot be combined with --raw");
        assertUsage(api("projects/", "-q", ".name", "--output-file", "x.json"), "-q cannot be combined with --output-file");
    }

    @Test
    void should_exit_12_when_q_meets_a_body_that_is_not_json() {
        server.on("test/healthcheck", Reply.of(200, "text/plain", "OK"));
        CliResult r = api("test/healthcheck", "--exact-path", "-q", ".name");
        assertEquals(12, r.exitCode(), r.describe());
        assertTrue(r.err().contains("-q needs a JSON response"), r.describe());
        assertEquals("", r.out(), r.describe());
    }

    @Test
    void should_honour_o_json_and_o_yaml() {
        CliResult json = api("projects/X", "-o", "json");
        assertEquals(0, json.exitCode(), json.describe());
        assertTrue(json.out().contains("\"name\": \"X\""), json.describe());
        CliResult yaml = api("projects/X", "-o", "yaml");
        assertEquals(0, yaml.exitCode(), yaml.describe());
        assertTrue(yaml.out().contains("name: X"), yaml.describe());
        assertFalse(yaml.out().contains("{"), yaml.describe());
        CliResult both = api("projects/", "-o", "yaml", "-q", "$.resultList[*].name");
        assertEquals("- demo\n- pay", both.out().strip(), both.describe());
    }

    @Test
    void should_refuse_o_formats_that_do_not_apply() {
        for (String f : List.of("table", "wide", "name")) {
            server.reset();
            assertUsage(api("projects/", "-o", f), "-o " + f + " does not apply to 'mgmt api'");
        }
    }

    @Test
    void should_ignore_a_table_default_from_MGMT_OUTPUT() {
        CliResult r = cli().env("MGMT_OUTPUT", "table").run("--url", server.url(), "--token", TOKEN, "api", "projects/X");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.out().contains("\"name\": \"X\""), r.describe());
    }

    @Test
    void should_list_the_new_flags_and_examples_in_help() {
        CliResult r = cli().run("api", "--help");
        assertEquals(0, r.exitCode(), r.describe());
        for (String s : List.of("-X, --method=METHOD", "-i, --include", "-q, --query=EXPR", "-o, --output=FORMAT",
            "Examples:", "mgmt api -X DELETE")) {
            assertTrue(r.out().contains(s), s + " in " + r.out());
        }
    }
}
