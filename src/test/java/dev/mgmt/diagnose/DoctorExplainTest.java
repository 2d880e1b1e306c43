package dev.mgmt.diagnose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.json.Json;
import dev.mgmt.report.CheckResult;
import dev.mgmt.report.Checklist;
import dev.mgmt.sandbox.Sandbox;
import dev.mgmt.sandbox.SandboxConfig;
import dev.mgmt.testing.Cli;
import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.SandboxExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** mgmt doctor against a healthy and a broken setup; mgmt explain for every documented code. */
class DoctorExplainTest {
    @RegisterExtension
    static final SandboxExtension sandbox = new SandboxExtension();
    static String url;

    @BeforeAll
    static void start() throws Exception {
        url = sandbox.url();
    }

    static Cli cli() {
        return Cli.cli().clock(Clock.systemUTC());
    }

    static String firstNotPassing(CliResult r) {
        for (String l : r.out().split("\n")) {
            if (l.strip().startsWith("[FAIL]") || l.strip().startsWith("[?]")) {
                return l;
            }
        }
        throw new AssertionError("every step passed\n" + r.describe());
    }

    @Test
    void should_pass_every_step_on_a_healthy_sandbox() {
        CliResult r = cli().env("MGMT_TOKEN", sandbox.adminToken())
            .run("--url", url, "doctor", "-p", "MyProject", "-e", "production");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.out().contains("All "), r.describe());
        assertTrue(r.out().matches("(?s).*url\\s+http://127\\.0\\.0\\.1:\\d+/\\s+--url.*"), r.describe());
        assertTrue(r.out().contains("MGMT_TOKEN"), r.describe());
        assertTrue(r.out().contains("[ok] project 'MyProject' (--project) exists"), r.describe());
        assertTrue(r.out().contains("[ok] environment 'production'"), r.describe());
        assertTrue(r.out().contains("[ok] clock skew"), r.describe());
        assertTrue(r.out().matches("(?s).*\\(\\d+(\\.\\d)?m?s\\).*"), r.describe());
        assertFalse(r.out().contains(sandbox.adminToken()), r.describe());
    }

    @Test
    void should_fail_at_clock_skew_when_the_server_clock_is_two_hours_ahead() throws Exception {
        try (Sandbox skewed = Sandbox.start(SandboxConfig.defaults().withFaults("skew=+2h"))) {
            CliResult r = cli().run("--url", skewed.managerUrl().toString(), "--token", skewed.adminToken(),
                "doctor");
            assertTrue(r.exitCode() != 0, r.describe());
            assertFalse(r.out().contains("[ok] clock skew"), r.describe());
            String skew = r.out().lines().filter(l -> l.contains("clock skew")).findFirst().orElse("");
            assertTrue(skew.strip().startsWith("[FAIL]"), r.describe());
            // Date has whole seconds, so two hours ahead may read as 1h 59m
            assertTrue(skew.matches(".*(2h|1h 59m) behind the server's.*"), r.describe());
        }
    }

    @Test
    void should_fail_at_tcp_for_a_dead_port() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliResult r = cli().run("--url", "http://127.0.0.1:" + port, "--token", sandbox.adminToken(), "doctor");
        assertEquals(10, r.exitCode(), r.describe());
        assertTrue(firstNotPassing(r).contains("TCP connect"), r.describe());
        // Doctor does not stop: the token is still decoded locally.
        assertTrue(r.out().contains("[ok] token validity (local decode)"), r.describe());
    }

    @Test
    void should_fail_at_health_for_a_wrong_path() {
        CliResult r = cli().run("--url", url + "wrongpath", "--token", sandbox.adminToken(), "doctor");
        assertEquals(6, r.exitCode(), r.describe());
        String first = firstNotPassing(r);
        assertTrue(first.contains("Management API health") && first.contains("drop '/wrongpath'"), r.describe());
    }

    @Test
    void should_fail_at_the_token_for_a_bad_token() {
        CliResult r = cli().run("--url", url, "--token", sandbox.expiredToken(), "doctor");
        assertEquals(4, r.exitCode(), r.describe());
        assertTrue(firstNotPassing(r).contains("token validity"), r.describe());
        assertTrue(r.out().contains("[FAIL] token accepted"), r.describe());
    }

    @Test
    void should_fail_at_the_project_when_it_is_missing() {
        CliResult r = cli().run("--url", url, "--token", sandbox.adminToken(), "doctor", "-p", "payments-api");
        assertEquals(6, r.exitCode(), r.describe());
        assertTrue(firstNotPassing(r).contains("did you mean 'Payments-API'"), r.describe());
    }

    @Test
    void should_report_a_missing_token_with_exit_4() {
        CliResult r = cli().run("--url", url, "doctor");
        assertEquals(4, r.exitCode(), r.describe());
        assertTrue(firstNotPassing(r).contains("token configured"), r.describe());
    }

    @Test
    void should_write_json_for_ci() {
        CliResult r = cli().run("--url", url, "--token", sandbox.adminToken(), "doctor", "-o", "json");
        assertEquals(0, r.exitCode(), r.describe());
        JsonNode json = Json.tryParse(r.out().getBytes(StandardCharsets.UTF_8));
        assertNotNull(json, r.describe());
        assertTrue(json.get("ok").asBoolean());
        assertEquals("--url", json.at("/settings/url/origin").asText());
        assertEquals("flag", json.at("/settings/url/source").asText());
        assertTrue(json.get("checks").size() >= 10);
        for (JsonNode c : json.get("checks")) {
            assertEquals("pass", c.get("result").asText(), c.toString());
            assertTrue(c.has("elapsed_ms"));
        }
        assertFalse(r.out().contains(sandbox.adminToken()), r.describe());
    }

    // ---------------------------------------------------------------- explain

    static final List<String> DOCUMENTED = List.of("bad_request", "validation_failed", "invalid_parameter",
        "unauthorized_client", "invalid_token", "token_expired", "forbidden", "access_denied", "not_found",
        "resource_not_found", "conflict", "duplicate_name", "rate_limit_exceeded", "internal_error", "server_error");

    @Test
    void should_explain_every_documented_code_offline() {
        for (String code : DOCUMENTED) {
            CliResult r = Cli.cli().run("--url", "http://127.0.0.1:1", "explain", code);
            assertEquals(0, r.exitCode(), code + "\n" + r.describe());
            assertTrue(r.out().startsWith(code + " — HTTP "), r.describe());
            assertTrue(r.out().contains("Checklist"), r.describe());
            assertTrue(r.out().contains("Next:"), r.describe());
            assertEquals("", r.err(), r.describe());
        }
    }

    @Test
    void should_explain_a_status_with_its_codes_and_checklist() {
        CliResult r = Cli.cli().run("explain", "404");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.out().startsWith("HTTP 404 Not Found (exit 6)"), r.describe());
        assertTrue(r.out().contains("resource_not_found"), r.describe());
        assertTrue(r.out().contains("1. the URL leads to the Management API"), r.describe());
        CliResult bad = Cli.cli().run("explain", "502");
        assertEquals(0, bad.exitCode(), bad.describe());
        assertTrue(bad.out().contains("reverse proxy"), bad.describe());
    }

    @Test
    void should_list_everything_without_an_argument() {
        CliResult r = Cli.cli().run("explain");
        assertEquals(0, r.exitCode(), r.describe());
        for (String code : DOCUMENTED) {
            assertTrue(r.out().contains(code), code + "\n" + r.describe());
        }
        assertTrue(r.out().contains("network"), r.describe());
    }

    @Test
    void should_suggest_the_closest_code_for_an_unknown_one() {
        CliResult r = Cli.cli().run("explain", "invalid_tokn");
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().contains("did you mean 'invalid_token'"), r.describe());
        assertEquals("", r.out());
        assertEquals(2, Cli.cli().run("explain", "418").exitCode());
    }

    @Test
    void should_explain_as_json() {
        CliResult r = Cli.cli().run("explain", "token_expired", "-o", "json");
        assertEquals(0, r.exitCode(), r.describe());
        JsonNode json = Json.tryParse(r.out().getBytes(StandardCharsets.UTF_8));
        assertNotNull(json, r.describe());
        assertEquals(401, json.get("status").asInt());
        assertEquals(4, json.get("exit_code").asInt());
        assertTrue(json.get("checklist").size() >= 4);
    }

    @Test
    void every_catalog_check_has_an_implementation() {
        for (Catalog.Topic t : Catalog.get().topics()) {
            for (Catalog.Item i : t.checks()) {
                List<CheckResult> r = Checks.run(i.id(), i.label(), emptyContext());
                for (CheckResult c : r) {
                    assertFalse(c.detail().startsWith("no check implemented"), t.id() + "/" + i.id());
                }
            }
        }
    }

    private static Context emptyContext() {
        dev.mgmt.settings.Settings s = new dev.mgmt.settings.SettingsResolver(new dev.mgmt.cli.GlobalOptions(),
            new dev.mgmt.process.Env(java.util.Map.of(), null, null, null, false, false, false, Clock.systemUTC()),
            k -> null).resolve();
        return new Context(new dev.mgmt.process.Env(java.util.Map.of(), null, null, null, false, false, false, Clock.systemUTC()),
            s, null, "no manager URL", null, null, null, java.time.Duration.ofSeconds(1), null, null, null, 1);
    }
}
