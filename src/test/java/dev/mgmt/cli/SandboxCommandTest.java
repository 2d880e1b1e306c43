package dev.mgmt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.json.Json;
import dev.mgmt.testing.CliResult;
import org.junit.jupiter.api.Test;

import static dev.mgmt.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The global --sandbox flag and the 'mgmt sandbox' command. */
class SandboxCommandTest {

    @Test
    void should_answer_get_projects_with_no_server_and_no_config() {
        CliResult r = cli().run("--sandbox", "get", "projects");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.out().startsWith("NAME"), r.describe());
        assertTrue(r.out().contains("MyProject"), r.describe());
        assertEquals("", r.err());
    }

    @Test
    void should_prefer_the_sandbox_over_an_environment_url_and_token() {
        CliResult r = cli().env("MGMT_URL", "http://127.0.0.1:9").env("MGMT_TOKEN", "meant-for-a-real-manager")
            .run("--sandbox", "get", "projects", "-o", "name");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.out().contains("Payments-API"), r.describe());
    }

    @Test
    void should_keep_a_token_given_by_flag_so_bad_tokens_can_be_tried() {
        CliResult r = cli().run("--sandbox", "--token", "not-a-real-token", "--quiet", "get", "projects");
        assertEquals(4, r.exitCode(), r.describe());
        assertTrue(r.err().startsWith("error: 401 invalid_token"), r.describe());
    }

    @Test
    void should_inject_faults_from_the_environment() {
        CliResult r = cli().env("MGMT_SANDBOX_FAULTS", "html502").run("--sandbox", "--no-retry", "--quiet", "get",
            "projects");
        assertEquals(9, r.exitCode(), r.describe());
        assertTrue(r.err().contains("reverse proxy or load balancer"), r.describe());
    }

    @Test
    void should_reject_a_bad_fault_spec_with_exit_2() {
        CliResult r = cli().env("MGMT_SANDBOX_FAULTS", "latency=fast").run("--sandbox", "get", "projects");
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().startsWith("error: invalid MGMT_SANDBOX_FAULTS: "), r.describe());
    }

    @Test
    void should_print_url_credentials_and_tokens_when_run_in_the_foreground() {
        CliResult r = cli().run("sandbox", "--once");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.out().startsWith("mgmt sandbox listening on http://127.0.0.1:"), r.describe());
        assertTrue(r.out().contains("export MGMT_TOKEN=ey"), r.describe());
        assertTrue(r.out().contains("admin:"), r.describe());
    }

    @Test
    void should_reject_bad_sandbox_options() {
        assertEquals(2, cli().run("sandbox", "--once", "--faults", "status=999").exitCode());
        assertEquals(2, cli().run("sandbox", "--once", "--port", "70000").exitCode());
        CliResult data = cli().run("sandbox", "--once", "--data", "/no/such/file.yaml");
        assertEquals(2, data.exitCode(), data.describe());
        assertFalse(data.out().contains("listening"), data.describe());
    }

    @Test
    void should_document_the_fault_grammar_in_help() {
        CliResult r = cli().run("sandbox", "--help");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.out().contains("burst=CODExN"), r.describe());
    }

    @Test
    void should_name_the_sandbox_as_the_source_of_url_and_token() {
        CliResult r = cli().env("MGMT_URL", "http://127.0.0.1:9").run("--sandbox", "config", "view");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("url ") && l.endsWith("--sandbox")), r.describe());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("token ") && l.endsWith("--sandbox")), r.describe());
    }

    @Test
    void should_name_the_sandbox_once_as_the_source_of_the_token() {
        CliResult r = cli().run("--sandbox", "auth", "status", "--offline");
        assertEquals(0, r.exitCode(), r.describe());
        String line = r.out().lines().filter(l -> l.startsWith("Token:")).findFirst().orElseThrow();
        assertTrue(line.endsWith("(--sandbox)"), r.describe());

        CliResult json = cli().run("--sandbox", "auth", "status", "--offline", "-o", "json");
        assertEquals(0, json.exitCode(), json.describe());
        JsonNode token = Json.tryParse(json.outBytes()).path("token");
        assertEquals("sandbox", token.path("source").asText(), json.describe());
        assertEquals("--sandbox", token.path("origin").asText(), json.describe());
    }
}
