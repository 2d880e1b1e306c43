package dev.mgmt.cli;

import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.mgmt.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input is a usage error (exit 2) with a one-line headline, and nothing reaches the server. */
class InvalidInputTest extends ServerTest {

    /** Exit 2, stdout empty, no request, and a first stderr line "error: ..." holding every part. */
    private static void assertUsageError(CliResult r, String... parts) {
        assertExit(2, r);
        assertStdoutEmpty(r);
        assertNothingSent(r);
        String headline = lines(r.err()).get(0);
        assertTrue(headline.startsWith("error: "), r.describe());
        for (String p : parts) {
            assertTrue(headline.contains(p), "headline should contain '" + p + "'\n" + r.describe());
        }
    }

    @Test
    void should_reject_a_url_without_scheme() {
        CliResult r = cli().run("--url", "127.0.0.1:" + server.port(), "api", "projects");
        assertUsageError(r, "no scheme", "https://127.0.0.1:" + server.port());
    }

    @Test
    void should_reject_a_url_with_another_scheme() {
        assertUsageError(cli().run("--url", "ftp://127.0.0.1:" + server.port(), "api", "projects"), "scheme must be http or https");
    }

    @Test
    void should_reject_a_non_numeric_port() {
        assertUsageError(cli().run("--url", "http://127.0.0.1:80a", "api", "projects"), "bad port", "80a");
    }

    @Test
    void should_reject_a_port_out_of_range() {
        assertUsageError(cli().run("--url", "http://127.0.0.1:99999", "api", "projects"), "bad port", "99999");
        assertUsageError(cli().run("--url", "http://127.0.0.1:0", "api", "projects"), "bad port");
    }

    @Test
    void should_reject_spaces_in_the_url() {
        assertUsageError(cli().run("--url", server.url() + "/my manager", "api", "projects"), "whitespace");
    }

    @Test
    void should_reject_credentials_query_or_fragment_in_the_url() {
        assertUsageError(cli().run("--url", "http://user:pw@127.0.0.1:" + server.port(), "api", "projects"), "credentials");
        assertUsageError(cli().run("--url", server.url() + "/?x=1", "api", "projects"), "query");
    }

    @Test
    void should_ask_for_a_url_when_none_is_given() {
        assertUsageError(cli().run("api", "projects"), "no manager URL");
    }

    @Test
    void should_reject_an_unknown_option() {
        CliResult r = cli().run("--url", server.url(), "api", "projects", "--bogus");
        assertUsageError(r, "--bogus");
    }

    @Test
    void should_reject_an_unknown_method() {
        assertUsageError(cli().run("--url", server.url(), "api", "FETCH", "projects"), "unknown HTTP method 'FETCH'");
    }

    @Test
    void should_reject_a_full_url_as_path() {
        assertUsageError(cli().run("--url", server.url(), "api", server.url() + "/apiops/projects/"), "full URL");
    }

    @Test
    void should_reject_invalid_json_in_d_naming_line_and_column() {
        CliResult r = cli().run("--url", server.url(), "api", "projects", "-d", "{\n  \"name\": ,\n}");
        assertUsageError(r, "invalid JSON", "line 2, column");
    }

    @Test
    void should_reject_trailing_content_after_the_json_value() {
        assertUsageError(cli().run("--url", server.url(), "api", "projects", "-d", "{} {}"), "invalid JSON");
    }

    @Test
    void should_reject_a_missing_data_file() {
        CliResult r = cli().run("--url", server.url(), "api", "projects", "-d", "@/nonexistent/dir/body.json");
        assertUsageError(r, "/nonexistent/dir/body.json", "no such file");
    }

    @Test
    void should_reject_a_bad_header() {
        assertUsageError(cli().run("--url", server.url(), "api", "projects", "-H", "NoColonHere"), "invalid header");
        assertUsageError(cli().run("--url", server.url(), "api", "projects", "-H", "Bad Name: x"), "invalid header name");
    }

    @Test
    void should_reject_a_bad_output_format() {
        assertUsageError(cli().run("--url", server.url(), "-o", "xml", "api", "projects"), "xml", "-o");
    }

    @Test
    void should_reject_a_bad_color() {
        assertUsageError(cli().run("--url", server.url(), "--color", "sometimes", "api", "projects"), "--color", "sometimes");
    }

    @Test
    void should_reject_a_bad_timeout() {
        assertUsageError(cli().run("--url", server.url(), "--timeout", "abc", "api", "projects"), "--timeout", "abc");
        assertUsageError(cli().run("--url", server.url(), "--timeout", "0", "api", "projects"), "--timeout");
        assertUsageError(cli().run("--url", server.url(), "--timeout", "-1", "api", "projects"), "--timeout");
        assertUsageError(cli().env("MGMT_TIMEOUT", "soon").run("--url", server.url(), "api", "projects"), "MGMT_TIMEOUT");
    }

    @Test
    void should_reject_bad_retries() {
        assertUsageError(cli().run("--url", server.url(), "--retries", "many", "api", "projects"), "--retries");
    }

    @Test
    void should_reject_an_empty_token_file(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("token");
        Files.writeString(f, "  \n\n");
        assertUsageError(cli().run("--url", server.url(), "--token-file", f.toString(), "api", "projects"), "empty");
    }

    @Test
    void should_reject_a_missing_token_file() {
        assertUsageError(cli().run("--url", server.url(), "--token-file", "/nonexistent/token", "api", "projects"),
            "/nonexistent/token", "no such file");
    }

    @Test
    void should_reject_a_token_that_spans_several_lines() {
        assertUsageError(cli().stdin("abc\ndef\n").run("--url", server.url(), "--token-file", "-", "api", "projects"),
            "several lines");
    }

    @Test
    void should_reject_a_bad_MGMT_OUTPUT() {
        assertUsageError(cli().env("MGMT_OUTPUT", "bogus").run("--url", server.url(), "api", "projects"),
            "bogus", "MGMT_OUTPUT");
    }

    @Test
    void should_reject_a_bad_proxy_variable() {
        assertUsageError(cli().env("HTTPS_PROXY", "http://:nope").run("--url", server.url(), "api", "projects"),
            "HTTPS_PROXY");
    }

    @Test
    void should_reject_query_with_api_raw() {
        assertUsageError(cli().run("--url", server.url(), "-q", "$.x", "api", "projects", "--raw"), "-q cannot be combined with --raw");
    }

    @Test
    void should_report_usage_errors_as_a_json_object_with_o_json() {
        CliResult r = cli().run("--url", server.url(), "-o", "json", "api", "FETCH", "projects");
        assertExit(2, r);
        var e = errorObject(r);
        assertFalse(e.has("status"), "no HTTP status, no key: " + r.describe());
        assertTrue("usage_error".equals(e.path("error").asText()), r.describe());
        assertTrue(e.path("exit_code").asInt() == 2, r.describe());
    }
}
