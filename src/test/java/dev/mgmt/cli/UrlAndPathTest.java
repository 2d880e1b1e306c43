package dev.mgmt.cli;

import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.ServerTest;
import dev.mgmt.testing.TestServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.mgmt.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The path the server sees for every form of --url and of PATH. */
class UrlAndPathTest extends ServerTest {
    private static final String OK = "{\"status\":\"SUCCESS\",\"resultList\":[],\"resultCount\":0}";

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "/apiops", "/apiops/", "//", "/apiops//"})
    void should_reach_apiops_projects_for_every_form_of_the_manager_url(String suffix) {
        server.on("projects/", Reply.json(200, OK));
        CliResult r = cli().run("--url", server.url() + suffix, "api", "projects");
        assertExit(0, r);
        assertEquals("/apiops/projects/", server.last().rawPath(), r.describe());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/manager", "/manager/", "/manager/apiops", "/manager/apiops/"})
    void should_keep_a_context_path_before_apiops(String suffix) {
        server.onRaw("/manager/apiops/projects/", Reply.json(200, OK));
        CliResult r = cli().run("--url", server.url() + suffix, "api", "projects");
        assertExit(0, r);
        assertEquals("/manager/apiops/projects/", server.last().rawPath(), r.describe());
    }

    @Test
    void should_take_the_url_from_MGMT_URL_and_let_the_flag_win() {
        server.on("projects/", Reply.json(200, OK));
        CliResult r = cli().env("MGMT_URL", server.url()).run("api", "projects");
        assertExit(0, r);
        CliResult r2 = cli().env("MGMT_URL", "http://nonexistent.invalid").run("--url", server.url(), "api", "projects");
        assertExit(0, r2);
        assertEquals(2, server.requests().size());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "projects                    | /apiops/projects/",
        "projects/                   | /apiops/projects/",
        "/projects                   | /apiops/projects/",
        "apiops/projects             | /apiops/projects/",
        "/apiops/projects/           | /apiops/projects/",
        "projects/My Project         | /apiops/projects/My%20Project/",
        "projects/a%23b              | /apiops/projects/a%23b/",
        "projects/a%2Fb              | /apiops/projects/a%2Fb/",
        "projects/Caf\u00e9          | /apiops/projects/Caf%C3%A9/",
        "projects/\u65e5\u672c       | /apiops/projects/%E6%97%A5%E6%9C%AC/",
        "projects/100%               | /apiops/projects/100%25/",
        "projects/a\"b               | /apiops/projects/a%22b/",
        "test/hello/x                | /apiops/test/hello/x/",
    })
    void should_percent_encode_the_typed_path_and_add_the_trailing_slash(String typed, String expected) {
        CliResult r = cli().run("--url", server.url(), "--no-retry", "api", typed);
        assertEquals(1, server.requests().size(), r.describe());
        assertEquals(expected, server.last().rawPath(), r.describe());
    }

    @Test
    void should_refuse_a_raw_hash_and_suggest_percent_23() {
        CliResult r = cli().run("--url", server.url(), "api", "projects/a#b");
        assertExit(2, r);
        assertNothingSent(r);
        assertErrContains(r, "%23");
    }

    @Test
    void should_send_the_path_as_typed_with_exact_path() {
        server.on("test/healthcheck", Reply.of(200, "text/plain", "OK"));
        CliResult r = cli().run("--url", server.url(), "api", "test/healthcheck", "--exact-path");
        assertExit(0, r);
        assertEquals("/apiops/test/healthcheck", server.last().rawPath(), r.describe());
    }

    @Test
    void should_preserve_the_query_and_put_the_slash_before_it() {
        server.on("projects/", Reply.json(200, OK));
        CliResult r = cli().run("--url", server.url(), "api", "projects?limit=5&name=My Project");
        assertExit(0, r);
        assertEquals("/apiops/projects/", server.last().rawPath(), r.describe());
        assertEquals("limit=5&name=My%20Project", server.last().rawQuery(), r.describe());
    }

    @Test
    void should_send_no_query_when_none_was_typed() {
        server.on("projects/", Reply.json(200, OK));
        CliResult r = cli().run("--url", server.url(), "api", "projects");
        assertExit(0, r);
        assertNull(server.last().rawQuery(), r.describe());
    }

    @Test
    void should_accept_the_method_in_any_case() {
        server.on("projects/x/", Reply.json(200, OK));
        CliResult r = cli().run("--url", server.url(), "api", "delete", "projects/x");
        assertExit(0, r);
        assertEquals("DELETE", server.last().method(), r.describe());
    }

    @Test
    void should_send_standard_headers() {
        server.on("projects/", Reply.json(200, OK));
        CliResult r = cli().run("--url", server.url(), "--token", "tok-123456789", "api", "projects");
        assertExit(0, r);
        assertEquals("application/json", server.last().headers().getFirst("Accept"));
        assertEquals("Bearer tok-123456789", server.last().headers().getFirst("Authorization"));
        String ua = server.last().headers().getFirst("User-Agent");
        assertEquals(true, ua != null && ua.startsWith("mgmt/"), ua);
    }

    @Test
    void should_send_no_authorization_header_without_a_token() {
        server.on("projects/", Reply.json(200, OK));
        CliResult r = cli().run("--url", server.url(), "api", "projects");
        assertExit(0, r);
        assertNull(server.last().headers().getFirst("Authorization"), r.describe());
    }
}
