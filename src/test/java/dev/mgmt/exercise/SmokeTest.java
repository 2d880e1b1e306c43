package dev.mgmt.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.json.Json;
import dev.mgmt.resources.Kinds;
import dev.mgmt.testing.Cli;
import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmokeTest {
    @RegisterExtension
    static final SandboxExtension sandbox = new SandboxExtension();

    static Cli cli(String token) {
        return sandbox.cli().env("MGMT_TOKEN", token);
    }

    @Test
    void should_read_every_list_endpoint_with_the_admin_token() {
        CliResult r = cli(sandbox.adminToken()).run("exercise", "--smoke", "-p", "MyProject", "-e", "production");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.out().contains("[ok]   health check"), r.describe());
        assertTrue(r.out().contains("test/hello/x/"), r.describe());
        for (var k : Kinds.all()) {
            if (k.singular().equals("report")) {
                assertFalse(r.out().contains(k.plural()), "admin-only reports are not part of the sweep\n" + r.describe());
                continue;
            }
            assertTrue(r.out().contains("[ok]   " + k.plural() + " "), k.plural() + "\n" + r.describe());
        }
        assertTrue(r.out().contains("environment production in MyProject"), r.describe());
        assertTrue(r.out().contains("cannot read: none"), r.describe());
        assertFalse(r.out().contains("not checked:"), r.describe());
        assertFalse(r.out().contains("[FAIL]"), r.describe());
        assertEquals("", r.err(), r.describe());
    }

    @Test
    void should_show_that_the_read_only_token_can_read_everything_as_json() {
        CliResult r = cli(sandbox.readOnlyToken()).run("exercise", "--smoke", "-p", "MyProject", "-e", "staging", "-o", "json");
        assertEquals(0, r.exitCode(), r.describe());
        JsonNode j = Json.tryParse(r.outBytes());
        assertEquals("MyProject", j.get("project").asText());
        assertEquals("staging", j.get("environment").asText());
        assertEquals(0, j.get("exit_code").asInt());
        JsonNode endpoints = j.get("endpoints");
        assertEquals(j.get("summary").get("total").asInt(), endpoints.size());
        assertEquals(endpoints.size(), j.get("summary").get("ok").asInt());
        assertEquals(0, j.get("cannot_read").size());
        for (JsonNode e : endpoints) {
            assertEquals("ok", e.get("result").asText(), e.toString());
            assertEquals(200, e.get("status").asInt(), e.toString());
        }
    }

    @Test
    void should_report_unauthorized_endpoints_and_exit_4_with_an_expired_token() {
        CliResult r = cli(sandbox.expiredToken()).run("exercise", "--smoke", "-p", "MyProject");
        assertEquals(4, r.exitCode(), r.describe());
        assertTrue(r.out().contains("[ok]   health check"), r.describe());
        assertTrue(r.out().contains("[FAIL] token check"), r.describe());
        assertTrue(r.out().contains("401 not authenticated"), r.describe());
        assertTrue(r.out().contains("can read:    health check\n"), r.describe());
    }

    @Test
    void should_report_a_missing_project_and_an_unknown_environment() {
        CliResult r = cli(sandbox.adminToken()).run("exercise", "--smoke", "-p", "NoSuchProject");
        assertTrue(r.exitCode() == 6 || r.exitCode() == 3, r.describe());
        assertTrue(r.out().contains("[FAIL] proxies"), r.describe());
        CliResult e = cli(sandbox.adminToken()).run("exercise", "--smoke", "-p", "MyProject", "-e", "nope");
        assertEquals(6, e.exitCode(), e.describe());
        assertTrue(e.out().contains("has no environment 'nope'"), e.describe());
    }

    @Test
    void should_skip_project_endpoints_without_a_project() {
        CliResult r = cli(sandbox.adminToken()).run("exercise", "--smoke");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.out().contains("skipped: no project: pass -p/--project"), r.describe());
        assertTrue(r.out().contains("cannot read: none\n"), r.describe());
        assertTrue(r.out().contains("not checked: proxies, "), r.describe());
        assertTrue(r.out().contains(", jwks (no project: pass -p/--project)\n"), r.describe());
        assertFalse(r.out().contains("cannot read: -"), r.describe());

        JsonNode j = Json.tryParse(cli(sandbox.adminToken()).run("exercise", "--smoke", "-o", "json").outBytes());
        assertEquals(j.get("summary").get("skipped").asInt(), j.get("not_checked").size());
        assertEquals("no project: pass -p/--project", j.get("not_checked").get(0).get("reason").asText());
    }

    @Test
    void should_refuse_an_empty_name_before_sending_anything() {
        String[][] cases = {
            {"-p", "", "error: -p/--project is empty: give a project name (mgmt get projects)"},
            {"--proxy", "", "error: --proxy is empty: give an API proxy name (mgmt get proxies -p PROJECT)"},
            {"-e", " ", "error: -e/--environment is empty: give an environment name (mgmt get environments)"},
        };
        for (String[] c : cases) {
            int before = sandbox.requests().count();
            CliResult r = c[0].equals("-p") ? cli(sandbox.adminToken()).run("exercise", "--smoke", c[0], c[1])
                : cli(sandbox.adminToken()).run("exercise", "--smoke", "-p", "MyProject", c[0], c[1]);
            assertEquals(2, r.exitCode(), r.describe());
            assertEquals(c[2] + "\n", r.err(), r.describe());
            assertEquals("", r.out(), r.describe());
            assertEquals(before, sandbox.requests().count(), "nothing is sent for " + c[0] + " '" + c[1] + "'");
        }
        int before = sandbox.requests().count();
        CliResult noProject = cli(sandbox.adminToken()).run("exercise", "--smoke", "--proxy", "petstore-api");
        assertEquals(2, noProject.exitCode(), noProject.describe());
        assertEquals("error: --proxy needs -p/--project (an API proxy belongs to a project)\n", noProject.err(),
            noProject.describe());
        assertEquals(before, sandbox.requests().count(), "nothing is sent for --proxy without -p");
    }

    @Test
    void should_refuse_an_unknown_proxy_with_the_closest_name_before_probing_anything_on_it() {
        int before = sandbox.requests().count();
        CliResult r = cli(sandbox.adminToken()).run("exercise", "--smoke", "-p", "MyProject", "--proxy", "petstore-ap");
        assertEquals(6, r.exitCode(), r.describe());
        assertEquals("error: --proxy: no API proxy named 'petstore-ap' in project 'MyProject'; did you mean "
            + "'petstore-api'?\n", r.err(), r.describe());
        assertEquals("", r.out(), r.describe());
        var sent = sandbox.requests().list().subList(before, sandbox.requests().count());
        assertEquals(List.of("GET /apiops/projects/MyProject/apiProxies/"),
            sent.stream().map(e -> e.method() + " " + e.path()).toList(), "only the proxy list is read; no write probe");
    }

    @Test
    void should_read_the_proxy_list_once_when_the_proxy_is_there() {
        int before = sandbox.requests().count();
        CliResult r = cli(sandbox.adminToken()).run("exercise", "--smoke", "-p", "MyProject", "--proxy", "Address");
        assertEquals(0, r.exitCode(), r.describe());
        long lists = sandbox.requests().list().subList(before, sandbox.requests().count()).stream()
            .filter(e -> e.method().equals("GET") && e.path().equals("/apiops/projects/MyProject/apiProxies/")).count();
        assertEquals(1, lists, r.describe());
    }
}
