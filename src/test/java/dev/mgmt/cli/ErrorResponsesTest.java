package dev.mgmt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.ServerTest;
import dev.mgmt.testing.TestServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.mgmt.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How every failed response is reported: exit code, headline, request line, details; stdout stays empty. */
class ErrorResponsesTest extends ServerTest {

    private CliResult get(String path, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("--url", server.url(), "--no-retry", "api", path));
        args.addAll(List.of(extra));
        return cli().run(args.toArray(new String[0]));
    }

    @ParameterizedTest(name = "{0} {1} -> exit {2}")
    @CsvSource({
        "400, bad_request,          3, General validation error",
        "400, validation_failed,    3, Validation failed: name is required",
        "400, invalid_parameter,    3, Invalid parameter value",
        "401, unauthorized_client,  4, Invalid credentials",
        "401, invalid_token,        4, Token is invalid or expired",
        "401, token_expired,        4, Token has expired",
        "403, forbidden,            5, You do not have permission to perform this action",
        "403, access_denied,        5, Access denied for this resource",
        "404, not_found,            6, Project 'MyProject' not found",
        "404, resource_not_found,   6, Specific resource not found",
        "409, conflict,             7, Resource conflict",
        "409, duplicate_name,       7, API Proxy with name 'MyAPI' already exists",
        "429, rate_limit_exceeded,  8, Rate limit exceeded. Please try again later.",
        "500, internal_error,       9, An unexpected error occurred. Please try again later.",
        "500, server_error,         9, Unexpected server error",
    })
    void should_exit_with_the_contract_code_and_show_status_code_description_and_request(
        int status, String code, int exit, String description) {
        server.on("projects/", Reply.json(status,
            "{\"error\":\"" + code + "\",\"error_description\":\"" + description + "\"}"));
        CliResult r = get("projects");
        assertExit(exit, r);
        assertStdoutEmpty(r);
        List<String> lines = lines(r.err());
        assertEquals("error: " + status + " " + code + " — " + description, lines.get(0), r.describe());
        assertEquals("  GET " + server.url() + "/apiops/projects/", lines.get(1), r.describe());
        assertEquals(1, server.requests().size(), r.describe());
    }

    @Test
    void should_exit_6_and_show_description_on_404_not_found() {
        server.on("projects/Nope/", Reply.json(404, "{\"error\":\"not_found\",\"error_description\":\"Project 'Nope' not found\"}"));
        CliResult r = get("projects/Nope");
        assertExit(6, r);
        assertStdoutEmpty(r);
        assertTrue(r.err().startsWith("error: 404 not_found — Project 'Nope' not found\n"), r.describe());
    }

    @Test
    void should_list_validation_errors_as_field_colon_message() {
        server.on("projects/", Reply.json(400, "{\"error\":\"validation_failed\",\"error_description\":\"Validation failed\","
            + "\"validation_errors\":[{\"field\":\"name\",\"message\":\"Name is required\"},"
            + "{\"field\":\"email\",\"message\":\"Invalid email format\"}]}"));
        CliResult r = get("projects");
        assertExit(3, r);
        assertStdoutEmpty(r);
        assertErrContains(r, "error: 400 validation_failed — Validation failed", "name: Name is required",
            "email: Invalid email format");
        assertTrue(r.err().indexOf("name: Name is required") < r.err().indexOf("email: Invalid email format"), r.describe());
    }

    @Test
    void should_show_retry_after_from_the_body_on_429() {
        server.on("projects/", Reply.json(429, "{\"error\":\"rate_limit_exceeded\","
            + "\"error_description\":\"Rate limit exceeded. Please try again later.\",\"retry_after\":60}"));
        CliResult r = get("projects");
        assertExit(8, r);
        assertStdoutEmpty(r);
        assertErrContains(r, "error: 429 rate_limit_exceeded — Rate limit exceeded.", "retry after 1m");
    }

    @Test
    void should_show_retry_after_from_the_header_on_429() {
        server.on("projects/", Reply.json(429, "{\"error\":\"rate_limit_exceeded\",\"error_description\":\"Slow down\"}")
            .withHeader("Retry-After", "17"));
        CliResult r = get("projects");
        assertExit(8, r);
        assertErrContains(r, "error: 429 rate_limit_exceeded — Slow down", "retry after 17s");
    }

    // --- other shapes ---

    @Test
    void should_decode_rfc9457_problem_json() {
        server.on("projects/", Reply.of(404, "application/problem+json",
            "{\"type\":\"https://example.com/probs/missing\",\"title\":\"Not Found\",\"status\":404,"
                + "\"detail\":\"Project 'X' does not exist\",\"instance\":\"/apiops/projects/X\"}"));
        CliResult r = get("projects");
        assertExit(6, r);
        assertStdoutEmpty(r);
        assertTrue(lines(r.err()).get(0).startsWith("error: 404 "), r.describe());
        assertErrContains(r, "Not Found", "Project 'X' does not exist", "instance: /apiops/projects/X");
    }

    @Test
    void should_decode_spring_default_error_json() {
        server.on("projects/", Reply.json(500, "{\"timestamp\":\"2026-11-25T10:00:00.000+00:00\",\"status\":500,"
            + "\"error\":\"Internal Server Error\",\"message\":\"NullPointerException in ProjectService\",\"path\":\"/apiops/projects/\"}"));
        CliResult r = get("projects");
        assertExit(9, r);
        assertStdoutEmpty(r);
        assertTrue(lines(r.err()).get(0).startsWith("error: 500 "), r.describe());
        assertErrContains(r, "NullPointerException in ProjectService", "/apiops/projects/");
    }

    static final String NGINX_502 = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
        + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>\r\n";

    @Test
    void should_report_an_nginx_html_502_as_a_proxy_answer_without_dumping_the_page() {
        server.on("projects/", Reply.html(502, NGINX_502).withHeader("Server", "nginx/1.25.3"));
        CliResult r = get("projects");
        assertExit(9, r);
        assertStdoutEmpty(r);
        String headline = lines(r.err()).get(0);
        assertTrue(headline.startsWith("error: 502 "), r.describe());
        assertTrue(headline.contains("502 Bad Gateway"), r.describe());
        assertTrue(headline.contains("proxy"), r.describe());
        assertErrContains(r, "nginx");
        assertErrLacks(r, "<html", "<center>", "<title>");
    }

    @Test
    void should_show_the_html_page_at_vvv() {
        server.on("projects/", Reply.html(502, NGINX_502).withHeader("Server", "nginx/1.25.3"));
        CliResult r = get("projects", "-vvv");
        assertExit(9, r);
        assertErrContains(r, "<center><h1>502 Bad Gateway</h1></center>");
    }

    @Test
    void should_report_an_empty_body_by_status() {
        server.on("projects/", new Reply(503, java.util.Map.of(), new byte[0]));
        CliResult r = get("projects");
        assertExit(9, r);
        assertStdoutEmpty(r);
        assertTrue(lines(r.err()).get(0).startsWith("error: 503 Service Unavailable — "), r.describe());
        assertErrContains(r, "empty body", "  GET " + server.url() + "/apiops/projects/");
    }

    @Test
    void should_show_the_first_line_of_a_plain_text_body() {
        server.on("projects/", Reply.of(500, "text/plain", "Backend database unavailable\nstack line 1\nstack line 2"));
        CliResult r = get("projects");
        assertExit(9, r);
        assertStdoutEmpty(r);
        assertEquals("error: 500 Internal Server Error — Backend database unavailable", lines(r.err()).get(0), r.describe());
    }

    @Test
    void should_describe_an_undecodable_binary_body_with_status_type_and_an_escaped_excerpt() {
        byte[] body = new byte[300];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) i;
        }
        server.on("projects/", Reply.bytes(500, "application/octet-stream", body));
        CliResult r = get("projects");
        assertExit(9, r);
        assertStdoutEmpty(r);
        assertTrue(lines(r.err()).get(0).startsWith("error: 500 "), r.describe());
        assertErrContains(r, "application/octet-stream", "300 bytes", "\\x00\\x01\\x02", "\\xc7...");
        assertErrLacks(r, "\\xc8", "\u0000", "\u0001");
    }

    @Test
    void should_not_follow_a_redirect_and_exit_12() {
        server.on("projects/", Reply.of(302, "text/html", "").withHeader("Location", server.url() + "/apiops/elsewhere/"));
        server.on("elsewhere/", Reply.json(200, "{\"status\":\"SUCCESS\"}"));
        CliResult r = get("projects");
        assertExit(12, r);
        assertStdoutEmpty(r);
        assertTrue(lines(r.err()).get(0).startsWith("error: 302 Found"), r.describe());
        assertEquals(1, server.requests().size(), "the redirect must not be followed\n" + r.describe());
        assertErrContains(r, server.url() + "/apiops/elsewhere/");
    }

    @ParameterizedTest
    @ValueSource(ints = {405, 418})
    void should_exit_12_on_other_unexpected_statuses(int status) {
        server.on("projects/", Reply.json(status, "{\"error\":\"weird\",\"error_description\":\"not for you\"}"));
        CliResult r = get("projects");
        assertExit(12, r);
        assertStdoutEmpty(r);
        assertEquals("error: " + status + " weird — not for you", lines(r.err()).get(0), r.describe());
    }

    // --- 2xx that reports failure ---

    @Test
    void should_exit_11_when_a_200_says_status_failure() {
        server.on("projects/", Reply.json(200, "{\"status\":\"FAILURE\",\"error_description\":\"Project is locked by another user\"}"));
        CliResult r = get("projects");
        assertExit(11, r);
        assertStdoutEmpty(r);
        assertErrContains(r, "Project is locked by another user", "GET " + server.url() + "/apiops/projects/");
    }

    @Test
    void should_exit_11_when_a_200_says_success_false() {
        server.on("projects/", Reply.json(200, "{\"success\":false,\"message\":\"Quota exhausted\"}"));
        CliResult r = get("projects");
        assertExit(11, r);
        assertStdoutEmpty(r);
        assertErrContains(r, "Quota exhausted");
    }

    @Test
    void should_exit_11_and_name_the_failed_deployment_items() {
        server.on("deploy/", Reply.json(200, "{\"deploymentResult\":{\"deploymentResults\":["
            + "{\"environmentName\":\"prod\",\"success\":false,\"message\":\"pod crashloop\"},"
            + "{\"environmentName\":\"dev\",\"success\":true}]}}"));
        CliResult r = get("deploy");
        assertExit(11, r);
        assertStdoutEmpty(r);
        assertErrContains(r, "deployment failed", "prod", "pod crashloop");
        assertErrLacks(r, "failed: dev");
    }

    // --- -o json / -o yaml ---

    @ParameterizedTest
    @ValueSource(strings = {"json", "yaml"})
    void should_write_the_json_error_object_on_stderr_with_structured_output(String format) {
        server.on("projects/", Reply.json(404, "{\"error\":\"not_found\",\"error_description\":\"Project 'MyProject' not found\"}"));
        CliResult r = get("projects", "-o", format);
        assertExit(6, r);
        assertStdoutEmpty(r);
        JsonNode e = errorObject(r);
        assertEquals(404, e.path("status").asInt(), r.describe());
        assertEquals("not_found", e.path("error").asText(), r.describe());
        assertEquals("Project 'MyProject' not found", e.path("error_description").asText(), r.describe());
        assertEquals(6, e.path("exit_code").asInt(), r.describe());
        assertEquals("GET", e.path("request").path("method").asText(), r.describe());
        assertEquals(server.url() + "/apiops/projects/", e.path("request").path("url").asText(), r.describe());
        assertEquals(1, e.path("attempts").asInt(), r.describe());
        assertTrue(e.path("checklist").isArray(), r.describe());
        assertTrue(r.err().startsWith("error: 404 not_found"), r.describe());
    }

    @Test
    void should_write_the_json_error_object_when_MGMT_OUTPUT_is_json() {
        server.on("projects/", Reply.json(409, "{\"error\":\"duplicate_name\",\"error_description\":\"exists\"}"));
        CliResult r = cli().env("MGMT_OUTPUT", "json").run("--url", server.url(), "--no-retry", "api", "projects");
        assertExit(7, r);
        assertEquals("duplicate_name", errorObject(r).path("error").asText(), r.describe());
        assertEquals(7, errorObject(r).path("exit_code").asInt(), r.describe());
    }

    @Test
    void should_put_validation_errors_and_retry_after_into_the_json_error_object() {
        server.on("projects/", Reply.json(400, "{\"error\":\"validation_failed\",\"error_description\":\"Validation failed\","
            + "\"validation_errors\":[{\"field\":\"name\",\"message\":\"Name is required\"}]}"));
        CliResult r = get("projects", "-o", "json");
        JsonNode e = errorObject(r);
        assertEquals("name", e.path("validation_errors").path(0).path("field").asText(), r.describe());
        assertEquals("Name is required", e.path("validation_errors").path(0).path("message").asText(), r.describe());

        server.on("projects/", Reply.json(429, "{\"error\":\"rate_limit_exceeded\",\"error_description\":\"x\"}")
            .withHeader("Retry-After", "30"));
        CliResult r2 = get("projects", "-o", "json");
        assertExit(8, r2);
        assertEquals(30, errorObject(r2).path("retry_after").asInt(), r2.describe());
    }

    @Test
    void should_give_an_error_code_in_the_json_object_even_when_the_server_gave_none() {
        server.on("projects/", Reply.html(502, NGINX_502));
        CliResult r = get("projects", "-o", "json");
        assertExit(9, r);
        JsonNode e = errorObject(r);
        assertEquals(502, e.path("status").asInt(), r.describe());
        assertEquals("bad_gateway", e.path("error").asText(), r.describe());
        assertEquals(9, e.path("exit_code").asInt(), r.describe());

        server.on("projects/", Reply.json(200, "{\"status\":\"FAILURE\"}"));
        CliResult r2 = get("projects", "-o", "json");
        assertExit(11, r2);
        assertEquals(11, errorObject(r2).path("exit_code").asInt(), r2.describe());
        assertEquals(200, errorObject(r2).path("status").asInt(), r2.describe());
    }

    @Test
    void should_write_no_json_error_object_with_table_output() {
        server.on("projects/", Reply.json(404, "{\"error\":\"not_found\",\"error_description\":\"gone\"}"));
        CliResult r = get("projects");
        assertErrLacks(r, "\"exit_code\"");
    }
}
