package dev.mgmt.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.json.Json;
import dev.mgmt.sandbox.Sandbox;
import dev.mgmt.sandbox.SandboxConfig;
import dev.mgmt.testing.Cli;
import dev.mgmt.testing.CliResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchCommandTest {
    Sandbox sandbox;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(SandboxConfig.defaults());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    Cli cli() {
        return Cli.cli().env("MGMT_URL", sandbox.managerUrl().toString()).env("MGMT_TOKEN", sandbox.adminToken());
    }

    long seen(String method) {
        return sandbox.requests().list().stream().filter(e -> e.method().equals(method)).count();
    }

    @Test
    void should_send_exactly_n_requests_and_report_them_as_json() {
        CliResult r = cli().run("bench", "projects/", "-n", "37", "-c", "4", "-o", "json");
        assertEquals(0, r.exitCode(), r.describe());
        JsonNode j = Json.tryParse(r.outBytes());
        assertEquals(37, j.get("requests").asLong(), r.describe());
        assertEquals(37, j.get("succeeded").asLong());
        assertEquals(0, j.get("failed").asLong());
        assertEquals(37, sandbox.requests().count(), "requests sent == requests the server saw");
        assertEquals("GET", j.get("method").asText());
        assertTrue(j.get("url").asText().endsWith("/apiops/projects/"));
        assertEquals(4, j.get("concurrency").asInt());
        assertEquals(37, j.get("limit").get("requests").asLong());
        assertTrue(j.get("rate_per_second").isNull());
        assertTrue(j.get("throughput_per_second").isNumber());
        JsonNode lat = j.get("latency_ms");
        for (String p : new String[]{"p50", "p90", "p99", "p99_9", "max", "mean"}) {
            assertTrue(lat.get(p).isNumber(), p);
        }
        assertTrue(lat.get("p50").asDouble() <= lat.get("p99").asDouble());
        assertTrue(lat.get("p99").asDouble() <= lat.get("max").asDouble());
        assertEquals(0, j.get("errors").get("by_status").size());
        assertEquals("Bearer " + sandbox.adminToken(), sandbox.requests().last().header("Authorization"));
        assertTrue(sandbox.requests().last().header("User-Agent").contains("(bench)"));
        assertTrue(!r.err().contains(sandbox.adminToken()));
    }

    @Test
    void should_count_injected_errors_by_status_and_code() {
        sandbox.setFaults("status=503@0.5");
        CliResult r = cli().run("bench", "projects/", "-n", "200", "-c", "8", "-o", "json");
        assertEquals(0, r.exitCode(), r.describe());
        JsonNode j = Json.tryParse(r.outBytes());
        long failed = j.get("failed").asLong();
        assertEquals(200, j.get("requests").asLong());
        assertEquals(200, j.get("succeeded").asLong() + failed);
        assertEquals(200, sandbox.requests().count(), "requests sent == requests the server saw");
        assertTrue(failed > 40 && failed < 160, "about half fail: " + failed);
        assertEquals(failed, j.get("errors").get("by_status").get("503").asLong());
        assertEquals(failed, j.get("errors").get("by_code").get("503 server_error").asLong());
    }

    @Test
    void should_print_a_text_report_with_percentiles_and_errors() {
        sandbox.setFaults("burst=500x3");
        CliResult r = cli().run("bench", "projects", "-n", "10");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.out().contains("requests:    10 in"), r.describe());
        assertTrue(r.out().contains("(7 ok, 3 failed)"), r.describe());
        assertTrue(r.out().matches("(?s).*latency: +p50 [0-9.]+ +p90 [0-9.]+ +p99 [0-9.]+ +p99\\.9 [0-9.]+ +max [0-9.]+ ms.*"),
            r.describe());
        assertTrue(r.out().contains("500 internal_error  3"), r.describe());
        assertEquals("", r.err(), r.describe());
    }

    @Test
    void should_exit_with_the_error_class_when_nothing_succeeded() {
        CliResult r = cli().env("MGMT_TOKEN", sandbox.expiredToken()).run("bench", "projects/", "-n", "5");
        assertEquals(4, r.exitCode(), r.describe());
        assertTrue(r.out().contains("401 token_expired"), r.describe());
    }

    @Test
    void should_count_network_failures_and_exit_10_when_nothing_connects() {
        CliResult r = Cli.cli().env("MGMT_URL", "http://127.0.0.1:1/").env("MGMT_TOKEN", "t-123456789")
            .run("bench", "projects/", "-n", "500", "-c", "2");
        assertEquals(10, r.exitCode(), r.describe());
        assertTrue(r.out().contains("(0 ok, 500 failed)"), r.describe());
        assertTrue(r.out().contains("network: connection refused  500"), r.describe());
    }

    @Test
    void should_refuse_mutating_methods_without_yes_mutate() {
        CliResult r = cli().run("bench", "projects/MyProject/apiProxies/petstore-api/", "--method", "DELETE", "-n", "1");
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().contains("--yes-mutate"), r.describe());
        assertEquals(0, sandbox.requests().count(), "nothing was sent");
        CliResult post = cli().run("bench", "projects/", "-X", "post", "-n", "1");
        assertEquals(2, post.exitCode(), post.describe());
        assertEquals(0, sandbox.requests().count(), "nothing was sent");
    }

    @Test
    void should_send_a_mutating_method_with_yes_mutate() {
        CliResult r = cli().run("bench", "projects/MyProject/environmentVariables/bench-var/", "--method", "PUT",
            "--yes-mutate", "--data", "{\"name\":\"bench-var\",\"global\":true}", "-n", "3", "-o", "json");
        assertEquals(3, seen("PUT"), r.describe());
        assertEquals(3, Json.tryParse(r.outBytes()).get("requests").asLong(), r.describe());
    }

    @Test
    void should_reject_bad_limits() {
        assertEquals(2, cli().run("bench", "projects/", "-n", "0").exitCode());
        assertEquals(2, cli().run("bench", "projects/", "-c", "0").exitCode());
        assertEquals(2, cli().run("bench", "projects/", "-d", "2h").exitCode());
        assertEquals(2, cli().run("bench", "projects/", "-d", "soon").exitCode());
        assertEquals(2, cli().run("bench", "projects/", "--rate", "-1").exitCode());
        assertEquals(0, sandbox.requests().count());
    }

    @Test
    void should_pace_a_fixed_rate_run_and_say_it_is_corrected() {
        CliResult r = cli().run("bench", "test/healthcheck", "--rate", "2000", "-n", "20", "-c", "2", "-o", "json");
        assertEquals(0, r.exitCode(), r.describe());
        JsonNode j = Json.tryParse(r.outBytes());
        assertEquals(20, j.get("requests").asLong());
        assertEquals(20, sandbox.requests().count());
        assertTrue(j.get("coordinated_omission_corrected").asBoolean());
        assertEquals(2000.0, j.get("rate_per_second").asDouble());
        assertTrue(j.get("service_time_ms").get("p50").isNumber());
    }

    @Test
    void should_stop_by_itself_after_the_duration() {
        CliResult r = cli().run("bench", "test/healthcheck", "-d", "300ms", "-c", "2", "-o", "json");
        assertEquals(0, r.exitCode(), r.describe());
        JsonNode j = Json.tryParse(r.outBytes());
        assertTrue(j.get("requests").asLong() > 0);
        assertEquals(j.get("requests").asLong(), sandbox.requests().count());
        assertTrue(j.get("limit").get("requests").isNull());
    }

    static final String BODY = "{\"name\":\"bench-var\",\"global\":true,\"globalValue\":\"v1\"}";

    @Test
    void should_send_the_method_path_token_headers_and_body_as_given() {
        CliResult r = cli().run("bench", "projects/MyProject/environmentVariables/bench-var/", "-X", "put", "--yes-mutate",
            "--data", BODY, "-H", "X-Trace: t-42", "-n", "4", "-c", "2");
        // what the sandbox received, whatever it answered (the variable does not exist: 400)
        assertTrue(r.out().contains("requests:    4 in"), r.describe());
        assertEquals(4, sandbox.requests().count());
        for (var e : sandbox.requests().list()) {
            assertEquals("PUT", e.method());
            assertEquals("/apiops/projects/MyProject/environmentVariables/bench-var/", e.path());
            assertEquals("Bearer " + sandbox.adminToken(), e.header("Authorization"));
            assertEquals("t-42", e.header("X-Trace"));
            assertEquals("application/json", e.header("Content-Type"));
            assertEquals(BODY, e.bodyText());
        }
    }

    @Test
    void should_warn_on_stderr_when_the_fixed_rate_is_out_of_reach() {
        // a million requests a second is beyond any in-process sandbox, whatever the machine
        CliResult r = cli().run("bench", "test/healthcheck", "--rate", "1000000", "-n", "300", "-c", "1", "-o", "json");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.err().matches("warning: achieved [0-9]+ req/s of 1000000 req/s target: the client or server is "
            + "saturated \\(more -c, or a lower --rate\\)\\R"), r.describe());
        JsonNode j = Json.tryParse(r.outBytes());
        assertTrue(j.get("achieved_rate_per_second").asDouble() < 950_000, r.describe());
        assertEquals(300, sandbox.requests().count());
    }

    @Test
    void should_go_through_a_proxy_with_java_net_http_and_say_so() {
        // loopback is never proxied: a manager by name, whose requests go to the (absent) proxy
        CliResult r = cli().env("MGMT_URL", "http://manager.invalid/").env("HTTP_PROXY", "http://127.0.0.1:1")
            .run("bench", "projects/", "-n", "3", "-v");
        assertEquals(10, r.exitCode(), r.describe());
        assertTrue(r.err().contains(" over java.net.http"), r.describe());
        assertTrue(r.out().contains("network: connection refused  3"), r.describe());
        assertTrue(!r.err().contains(sandbox.adminToken()), r.describe());
    }

    @Test
    void should_connect_directly_with_httpcore_when_the_proxy_does_not_apply() {
        CliResult r = cli().env("HTTP_PROXY", "http://127.0.0.1:1").run("bench", "projects/", "-n", "3", "-v");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.err().contains(" over httpcore"), r.describe());
        assertEquals(3, sandbox.requests().count());
    }

    @Test
    void should_time_out_a_stalled_response_as_a_network_timeout() throws Exception {
        try (dev.mgmt.testing.TestServer slow = new dev.mgmt.testing.TestServer()) {
            slow.onDelayed("projects/", 3000, dev.mgmt.testing.TestServer.Reply.json(200, "[]"));
            CliResult r = Cli.cli().env("MGMT_URL", slow.url()).env("MGMT_TOKEN", "t-123456789")
                .run("--timeout", "200ms", "bench", "projects/", "-n", "1");
            assertEquals(10, r.exitCode(), r.describe());
            assertTrue(r.out().contains("network: timeout  1"), r.describe());
        }
    }
}
