package dev.mgmt.diagnose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.json.Json;
import dev.mgmt.json.Jwt;
import dev.mgmt.testing.Cli;
import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.SandboxExtension;
import dev.mgmt.testing.TestServer.Reply;
import dev.mgmt.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checklist printed after a failed command, against the sandbox and odd servers. */
class ChecklistTest {
    @RegisterExtension
    static final SandboxExtension sandbox = new SandboxExtension();
    static String url;

    @BeforeAll
    static void start() throws Exception {
        url = sandbox.url();
    }

    @BeforeEach
    void noFaults() {
        sandbox.setFaults("");
    }

    static Cli cli() {
        return Cli.cli().clock(Clock.systemUTC());
    }

    /** The checklist line whose text contains {@code check}, or fails the test. */
    static String line(CliResult r, String check) {
        for (String l : r.err().split("\n")) {
            if (l.contains(check) && (l.contains("[ok]") || l.contains("[FAIL]") || l.contains("[?]"))) {
                return l;
            }
        }
        throw new AssertionError("no checklist line for '" + check + "'\n" + r.describe());
    }

    static void assertLine(CliResult r, String check, String mark, String... contains) {
        String l = line(r, check);
        assertTrue(l.strip().startsWith(mark), "expected " + mark + " in: " + l + "\n" + r.describe());
        for (String c : contains) {
            assertTrue(l.contains(c), "expected '" + c + "' in: " + l + "\n" + r.describe());
        }
    }

    // ---------------------------------------------------------------- 401

    @Test
    void should_name_the_expiry_date_of_an_expired_token() {
        String token = sandbox.expiredToken();
        String exp = Jwt.decode(token).expiresAt().toString();
        CliResult r = cli().run("--url", url, "--token", token, "get", "projects");
        assertEquals(4, r.exitCode(), r.describe());
        assertLine(r, "a token was sent", "[ok]", "from --token");
        assertLine(r, "token is clean", "[ok]", "JWT-shaped");
        assertLine(r, "validity period", "[FAIL]", "expired at " + exp, "sub=admin", "iss=mgmt-sandbox");
        assertLine(r, "agrees with the server", "[ok]");
        assertLine(r, "server accepts the token", "[FAIL]", "token_expired");
        assertTrue(r.err().contains("next: Get a fresh token: mgmt login"), r.describe());
        assertFalse(r.err().contains(token), "the token leaked\n" + r.describe());
    }

    @Test
    void should_say_where_the_token_came_from_and_flag_its_own_bearer_prefix() {
        CliResult r = cli().env("MGMT_TOKEN", "Bearer " + sandbox.adminToken())
            .run("--url", url, "get", "projects");
        assertEquals(4, r.exitCode(), r.describe());
        assertLine(r, "a token was sent", "[ok]", "MGMT_TOKEN");
        assertLine(r, "token is clean", "[FAIL]", "'Bearer ' prefix");
        assertFalse(r.err().contains(sandbox.adminToken()), r.describe());
    }

    @Test
    void should_report_a_token_from_a_file_with_quotes() throws Exception {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("tok", ".txt");
        java.nio.file.Files.writeString(f, "\"" + sandbox.adminToken() + "\"\n");
        CliResult r = cli().run("--url", url, "--token-file", f.toString(), "get", "projects");
        assertEquals(4, r.exitCode(), r.describe());
        assertLine(r, "a token was sent", "[ok]", "--token-file " + f);
        assertLine(r, "token is clean", "[FAIL]", "quotes");
    }

    @Test
    void should_flag_clock_skew_against_the_server_date() {
        Clock behind = Clock.offset(Clock.systemUTC(), java.time.Duration.ofHours(-3));
        CliResult r = Cli.cli().clock(behind).run("--url", url, "--token", sandbox.expiredToken(), "get", "projects");
        assertEquals(4, r.exitCode(), r.describe());
        assertLine(r, "agrees with the server", "[FAIL]", "behind");
        // By this machine's (wrong) clock the token is still valid; the server's clock says expired.
        assertLine(r, "validity period", "[FAIL]", "by the server's clock");
    }

    @Test
    void should_check_the_setup_when_no_token_is_configured_without_contacting_the_server() {
        long before = sandbox.requests().count();
        CliResult r = cli().run("--url", url, "get", "projects");
        assertEquals(4, r.exitCode(), r.describe());
        assertLine(r, "a token is configured", "[FAIL]", "MGMT_TOKEN");
        assertEquals(before, sandbox.requests().count(), "a missing token is bad input: nothing is sent");
    }

    // ---------------------------------------------------------------- 403

    @Test
    void should_tell_a_missing_role_from_a_bad_token_on_403() {
        CliResult r = cli().run("--url", url, "--token", sandbox.readOnlyToken(), "api", "POST",
            "projects/MyProject/environmentVariables/NEW_VAR/", "-d", "{\"name\":\"NEW_VAR\",\"global\":true,\"globalValue\":\"x\"}");
        assertEquals(5, r.exitCode(), r.describe());
        assertLine(r, "permission this operation needs", "[?]", "project 'MyProject'");
        assertLine(r, "token itself is valid", "[ok]");
        assertLine(r, "a read in the same project works", "[ok]", "role");
    }

    @Test
    void should_name_the_deploy_permission_for_a_deploy() {
        CliResult r = cli().run("--url", url, "--token", sandbox.readOnlyToken(), "api", "POST",
            "projects/MyProject/apiProxies/petstore-api/environments/production/");
        assertEquals(5, r.exitCode(), r.describe());
        assertLine(r, "permission this operation needs", "[?]", "ROLE_DEPLOY_UNDEPLOY_PROXIES");
    }

    // ---------------------------------------------------------------- 404

    @Test
    void should_suggest_project_with_other_case_on_404() {
        CliResult r = cli().run("--url", url, "--token", sandbox.adminToken(), "get", "proxies", "-p", "myproject");
        assertEquals(6, r.exitCode(), r.describe());
        assertLine(r, "leads to the Management API", "[ok]");
        assertLine(r, "project 'myproject' exists", "[FAIL]", "did you mean 'MyProject'", "other case");
    }

    @Test
    void should_walk_to_the_missing_proxy_on_404() {
        CliResult r = cli().run("--url", url, "--token", sandbox.adminToken(), "api",
            "projects/MyProject/apiProxies/Petstore-API/");
        assertEquals(6, r.exitCode(), r.describe());
        assertLine(r, "project 'MyProject' exists", "[ok]");
        assertLine(r, "proxy 'Petstore-API' exists", "[FAIL]", "'petstore-api'");
    }

    /** The checks reuse the command's client: no second client to create, no second connection to open. */
    @Test
    void should_send_the_checks_over_the_commands_connection() throws Exception {
        try (TestServer s = new TestServer()) {
            s.on("projects/", Reply.json(401, "{\"error\":\"invalid_token\",\"error_description\":\"signature\"}"));
            CliResult r = cli().run("--url", s.url(), "--token", "t0k3n", "get", "projects");
            assertEquals(4, r.exitCode(), r.describe());
            assertTrue(s.allRequests().size() > s.requests().size(), "no check sent a request\n" + r.describe());
            Set<Integer> ports = new java.util.HashSet<>();
            s.allRequests().forEach(seen -> ports.add(seen.clientPort()));
            assertEquals(1, ports.size(), "connections: " + ports + "\n" + r.describe());
        }
    }

    @Test
    void should_detect_a_wrong_base_path() {
        CliResult r = cli().run("--url", url + "wrongpath", "--token", sandbox.adminToken(), "get", "projects");
        assertEquals(6, r.exitCode(), r.describe());
        assertLine(r, "leads to the Management API", "[FAIL]", "nothing like the Management API",
            "drop '/wrongpath'");
        assertLine(r, "objects named in the path exist", "[?]", "skipped");
    }

    @Test
    void should_detect_a_server_that_is_not_the_management_api() throws Exception {
        try (TestServer server = new TestServer()) {
            CliResult r = cli().run("--url", server.url(), "--token", "abcdefghijkl", "get", "projects");
            assertEquals(6, r.exitCode(), r.describe());
            assertLine(r, "leads to the Management API", "[FAIL]", "context path", "gateway");
            // the names in the path were never looked at: listing them is no next step
            assertFalse(r.err().contains("List what exists"), r.describe());
            assertTrue(r.err().contains("next: A manager under a context path needs it in the URL"), r.describe());
        }
    }

    // ---------------------------------------------------------------- 400 / 409

    @Test
    void should_map_validation_errors_to_fields() {
        CliResult r = cli().run("--url", url, "--token", sandbox.adminToken(), "api", "POST",
            "projects/MyProject/environmentVariables/NEW_VAR/", "-d", "{\"name\":\"NEW_VAR\"}");
        assertEquals(3, r.exitCode(), r.describe());
        assertLine(r, "well-formed JSON", "[ok]");
        assertLine(r, "field 'environmentValueList'", "[FAIL]", "needs at least one value");
    }

    /** The server names the first field it rejects; mgmt's schema for the request names the others. */
    @Test
    void should_name_the_fields_the_server_left_out_by_the_requests_schema() {
        CliResult r = cli().run("--url", url, "--token", sandbox.adminToken(), "api", "POST",
            "projects/MyProject/apiProxies/url/", "-d", "{\"apiProxyName\":\"y\",\"type\":\"REST\"}");
        assertEquals(3, r.exitCode(), r.describe());
        assertLine(r, "field 'apiProxyCreationType'", "[FAIL]", "is required (add this field");
        assertLine(r, "field 'specUrl'", "[FAIL]", "is required (by mgmt's proxy.create-url schema; the server did not name it)");
        assertEquals(1, r.err().lines().filter(l -> l.contains("field 'apiProxyCreationType'")).count(), r.describe());
    }

    @Test
    void should_say_when_the_schema_finds_no_more_than_the_server() {
        CliResult r = cli().run("--url", url, "--token", sandbox.adminToken(), "api", "POST",
            "projects/MyProject/environmentVariables/NEW_VAR/", "-d", "{\"name\":\"NEW_VAR\"}");
        assertEquals(3, r.exitCode(), r.describe());
        assertLine(r, "local check against the request schema", "[ok]",
            "mgmt's env-var.create schema finds no field the server did not name");
    }

    /** A body mgmt's schema accepts, rejected all the same: the server's rules differ from the documented ones. */
    @Test
    void should_say_the_server_has_rules_of_its_own_when_the_body_matches_the_schema() throws Exception {
        try (TestServer server = new TestServer()) {
            server.on("projects/p/environmentVariables/V/", Reply.json(400,
                "{\"error\":\"validation_failed\",\"error_description\":\"Name reserved\"}"));
            CliResult r = cli().run("--url", server.url(), "--token", "abcdefghijkl", "api", "POST",
                "projects/p/environmentVariables/V/", "-d", "{\"name\":\"V\",\"global\":true,\"globalValue\":\"x\"}");
            assertEquals(3, r.exitCode(), r.describe());
            assertLine(r, "local check against the request schema", "[ok]", "the body matches mgmt's env-var.create schema",
                "rules of its own");
        }
    }

    @Test
    void should_give_type_hints_for_validation_errors() throws Exception {
        try (TestServer server = new TestServer()) {
            server.on("projects/", Reply.json(400, "{\"error\":\"validation_failed\",\"error_description\":\"Validation failed\","
                + "\"validation_errors\":[{\"field\":\"enabled\",\"message\":\"must be a boolean\"},"
                + "{\"field\":\"name\",\"message\":\"Name is required\"}]}"));
            CliResult r = cli().run("--url", server.url(), "--token", "abcdefghijkl", "api", "projects/");
            assertEquals(3, r.exitCode(), r.describe());
            assertLine(r, "field 'enabled'", "[FAIL]", "true or false");
            assertLine(r, "field 'name'", "[FAIL]", "add this field");
        }
    }

    @Test
    void should_show_the_existing_object_on_409() {
        CliResult r = cli().run("--url", url, "--token", sandbox.adminToken(), "api", "POST",
            "projects/MyProject/environmentVariables/BACKEND_BASE_URL/",
            "-d", "{\"name\":\"BACKEND_BASE_URL\",\"global\":true,\"globalValue\":\"x\"}");
        assertEquals(7, r.exitCode(), r.describe());
        assertLine(r, "which name collides", "[FAIL]", "'BACKEND_BASE_URL' is already taken in project 'MyProject'");
        assertLine(r, "the existing object", "[ok]", "name=BACKEND_BASE_URL", "update");
    }

    // ---------------------------------------------------------------- 429 / 5xx

    @Test
    void should_report_what_the_server_asked_on_429() {
        sandbox.setFaults("ratelimit=x1,retry-after=7s");
        CliResult r = cli().run("--url", url, "--token", sandbox.adminToken(), "--no-retry", "get", "projects");
        assertEquals(8, r.exitCode(), r.describe());
        assertLine(r, "how long the server asked to wait", "[FAIL]", "wait 7s", "Retry-After header");
        assertLine(r, "attempts made", "[FAIL]", "1 attempt");
        assertLine(r, "the limit has cleared now", "[ok]");
    }

    @Test
    void should_attribute_an_html_502_to_a_proxy() {
        sandbox.setFaults("html502,path=/projects/");
        CliResult r = cli().run("--url", url, "--token", sandbox.adminToken(), "get", "projects");
        assertEquals(9, r.exitCode(), r.describe());
        assertLine(r, "the Management API answered", "[FAIL]", "reverse proxy", "Server: nginx");
        assertLine(r, "the manager is up right now", "[ok]");
        assertLine(r, "request id", "[?]");
    }

    @Test
    void should_say_the_api_itself_answered_a_json_500_and_quote_request_ids() throws Exception {
        try (TestServer server = new TestServer()) {
            server.on("projects/", Reply.json(500, "{\"error\":\"internal_error\",\"error_description\":\"boom\"}")
                .withHeader("X-Request-Id", "req-4711"));
            server.on("test/healthcheck/", Reply.of(200, "text/plain", "OK"));
            CliResult r = cli().run("--url", server.url(), "--token", "abcdefghijkl", "get", "projects");
            assertEquals(9, r.exitCode(), r.describe());
            assertLine(r, "the Management API answered", "[ok]", "internal_error");
            assertLine(r, "request id", "[ok]", "X-Request-Id: req-4711");
            assertLine(r, "the manager is up right now", "[ok]");
        }
    }

    // ---------------------------------------------------------------- network

    @Test
    void should_pinpoint_a_dead_port() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliResult r = cli().run("--url", "http://127.0.0.1:" + port, "--token", "abcdefghijkl", "get", "projects");
        assertEquals(10, r.exitCode(), r.describe());
        assertLine(r, "proxy variables in effect", "[ok]", "none set");
        assertLine(r, "host name resolves", "[ok]", "IP address");
        assertLine(r, "TCP connection", "[FAIL]", "refused");
        assertLine(r, "TLS handshake", "[ok]", "not used: the URL is plain http://");
    }

    @Test
    void should_report_proxy_variables() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliResult r = cli().env("HTTPS_PROXY", "http://proxy.example:3128")
            .run("--url", "http://127.0.0.1:" + port, "--token", "abcdefghijkl", "get", "projects");
        assertLine(r, "proxy variables in effect", "[ok]", "proxy.example:3128", "reached directly");
    }

    // ---------------------------------------------------------------- output

    @Test
    void should_suppress_the_checklist_with_quiet() {
        CliResult r = cli().run("--quiet", "--url", url, "--token", sandbox.expiredToken(), "get", "projects");
        assertEquals(4, r.exitCode(), r.describe());
        assertFalse(r.err().contains("checklist"), r.describe());
        assertFalse(r.err().contains("[FAIL]"), r.describe());
        assertTrue(r.err().startsWith("error: 401"), r.describe());
    }

    @Test
    void should_put_the_checklist_into_the_json_error_object() {
        CliResult r = cli().run("-o", "json", "--url", url, "--token", sandbox.expiredToken(), "get", "projects");
        assertEquals(4, r.exitCode(), r.describe());
        String[] lines = r.err().strip().split("\n");
        JsonNode json = Json.tryParse(lines[lines.length - 1].getBytes(StandardCharsets.UTF_8));
        assertNotNull(json, r.describe());
        assertEquals(401, json.get("status").asInt());
        JsonNode list = json.get("checklist");
        assertTrue(list.isArray() && list.size() >= 5, r.describe());
        for (JsonNode item : list) {
            assertTrue(item.get("check").isTextual(), item.toString());
            assertTrue(Set.of("pass", "fail", "unknown").contains(item.get("result").asText()), item.toString());
            assertTrue(item.get("detail").isTextual(), item.toString());
        }
        assertEquals("fail", list.get(2).get("result").asText(), list.toString());
        assertTrue(list.get(2).get("detail").asText().contains("expired at"), list.toString());
        assertFalse(r.err().contains(sandbox.expiredToken()), r.describe());
    }

    @Test
    void should_use_unicode_glyphs_on_a_utf8_terminal_only() {
        CliResult utf = cli().terminal(false, true).env("LANG", "en_US.UTF-8").env("NO_COLOR", "1")
            .run("--url", url, "--token", sandbox.expiredToken(), "get", "projects");
        assertTrue(utf.err().contains("✓ a token was sent"), utf.describe());
        assertTrue(utf.err().contains("✗ token is within its validity period"), utf.describe());
        CliResult plain = cli().terminal(false, true).env("LANG", "C").env("NO_COLOR", "1")
            .run("--url", url, "--token", sandbox.expiredToken(), "get", "projects");
        assertTrue(plain.err().contains("[ok] a token was sent"), plain.describe());
        assertFalse(plain.err().contains("✓"), plain.describe());
    }

    @Test
    void should_colour_glyphs_only_when_colour_is_on() {
        CliResult r = cli().run("--color", "always", "--url", url, "--token", sandbox.expiredToken(), "get", "projects");
        assertTrue(r.err().contains("\u001b["), r.describe());
        assertTrue(r.err().contains("[FAIL]"), r.describe());
    }
}
