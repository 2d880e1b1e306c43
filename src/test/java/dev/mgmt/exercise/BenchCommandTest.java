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
}
