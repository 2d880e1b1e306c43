package dev.mgmt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.json.Json;
import dev.mgmt.sandbox.RequestLog;
import dev.mgmt.sandbox.Sandbox;
import dev.mgmt.sandbox.SandboxConfig;
import dev.mgmt.testing.Cli;
import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.SandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.mgmt.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The retry engine end to end: mgmt in-process against the sandbox's injected faults, counting the
 * requests the server saw. The fake sleeper records the waits; nothing really sleeps.
 *
 * <p>Counting note: java.net.http itself silently resends a GET once when the connection is dropped
 * before any response header arrives, so each mgmt attempt of a GET against reset=before-headers shows
 * up as two requests at the server.
 */
class RetryCliTest {
    @RegisterExtension
    static final SandboxExtension sandbox = new SandboxExtension(c -> c.withSleeper(d -> { }));

    @BeforeEach
    void clear() {
        sandbox.setFaults("");
        sandbox.requests().clear();
    }

    private static CliResult run(Cli cli, String... args) {
        List<String> all = new ArrayList<>(List.of("--url", sandbox.url(),
            "--token", sandbox.adminToken()));
        all.addAll(List.of(args));
        return cli.run(all.toArray(new String[0]));
    }

    private static int seen() {
        return sandbox.ownRequests().size();
    }


    private static long retryLines(CliResult r) {
        return r.err().lines().filter(l -> l.startsWith("retrying in ")).count();
    }

    private static JsonNode jsonError(CliResult r) {
        String last = r.err().strip().lines().reduce((a, b) -> b).orElse("");
        return Json.tryParse(last.getBytes(StandardCharsets.UTF_8));
    }

    private static String connection(String name, String description) {
        return "{\"name\":\"" + name + "\",\"type\":\"webhook\",\"description\":\"" + description + "\"}";
    }

    // ---------------------------------------------------------------- recovering

    @Test
    void should_recover_from_a_burst_of_500s() {
        sandbox.setFaults("burst=500x3");
        Cli cli = cli();
        CliResult r = run(cli, "api", "projects/");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals(4, seen());
        assertEquals(3, retryLines(r), r.describe());
        assertTrue(r.err().contains("retrying in 250ms (attempt 2 of 4): 500 Internal Server Error"), r.describe());
        assertTrue(r.err().contains("(attempt 4 of 4)"), r.describe());
        assertEquals(List.of(250L, 500L, 1000L), cli.sleepMillis(), "half of each ceiling with random 0.5");
        assertTrue(r.out().contains("MyProject"), r.describe());
    }

    @Test
    void should_wait_as_long_as_retry_after_says() {
        sandbox.setFaults("burst=503x1,retry-after=2s,retry-after-body=off");
        Cli cli = cli();
        CliResult r = run(cli, "api", "projects/");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals(2, seen());
        assertEquals(List.of(Duration.ofSeconds(2)), cli.sleeps());
        assertTrue(r.err().contains("retrying in 2s (attempt 2 of 4): 503 Service Unavailable"), r.describe());
    }

    @Test
    void should_wait_as_long_as_the_body_retry_after_says() {
        sandbox.setFaults("ratelimit=x1,retry-after=3s,retry-after-header=off");
        Cli cli = cli();
        CliResult r = run(cli, "api", "projects/");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals(2, seen());
        assertEquals(List.of(Duration.ofSeconds(3)), cli.sleeps());
        assertTrue(r.err().contains("429 Too Many Requests"), r.describe());
    }

    @Test
    void should_retry_streamed_lists_too() {
        sandbox.setFaults("burst=502x2");
        Cli cli = cli();
        CliResult r = run(cli, "get", "proxies", "-p", "MyProject");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals(3, seen());
        assertTrue(r.out().contains("petstore-api"), r.describe());
        assertEquals(2, cli.sleeps().size());
    }

    @Test
    void should_show_each_attempt_in_the_trace() {
        sandbox.setFaults("burst=503x1,retry-after=1s");
        CliResult r = run(cli(), "-v", "api", "projects/");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.err().contains("/apiops/projects/   (attempt 2)"), r.describe());
        assertTrue(r.err().contains("* attempt 1 failed: 503 Service Unavailable"), r.describe());
        assertTrue(r.err().contains("* succeeded on attempt 2"), r.describe());
    }

    @Test
    void should_not_print_retries_when_quiet() {
        sandbox.setFaults("burst=500x2");
        CliResult r = run(cli(), "--quiet", "api", "projects/");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals(3, seen());
        assertEquals("", r.err());
    }

    // ---------------------------------------------------------------- giving up

    @Test
    void should_exit_9_after_the_retries_naming_attempts_and_time() {
        sandbox.setFaults("status=500");
        Cli cli = cli();
        CliResult r = run(cli, "-o", "json", "api", "projects/");
        assertEquals(9, r.exitCode(), r.describe());
        assertEquals(4, seen());
        assertTrue(r.err().contains("(after 4 attempts over 1.8s)"), r.describe());
        JsonNode json = jsonError(r);
        assertEquals(4, json.path("attempts").asInt(), r.describe());
        assertEquals(1.75, json.path("elapsed_seconds").asDouble(), 1e-9, r.describe());
        assertEquals(9, json.path("exit_code").asInt());
    }

    @Test
    void should_exit_8_when_still_rate_limited() {
        sandbox.setFaults("ratelimit=1,retry-after=1s");
        Cli cli = cli();
        CliResult r = run(cli, "-o", "json", "api", "projects/");
        assertEquals(8, r.exitCode(), r.describe());
        assertEquals(4, seen());
        assertEquals(List.of(1000L, 1000L, 1000L), cli.sleepMillis());
        assertTrue(r.err().contains("429 rate_limit_exceeded"), r.describe());
        assertTrue(r.err().contains("after 4 attempts over 3s"), r.describe());
        assertEquals(4, jsonError(r).path("attempts").asInt(), r.describe());
    }

    @Test
    void should_make_one_attempt_with_no_retry() {
        sandbox.setFaults("status=503");
        CliResult r = run(cli(), "--no-retry", "api", "projects/");
        assertEquals(9, r.exitCode(), r.describe());
        assertEquals(1, seen());
        assertTrue(r.err().contains("not retried: retries are off"), r.describe());
    }

    @Test
    void should_make_one_attempt_with_retries_0() {
        sandbox.setFaults("status=503");
        Cli cli = cli();
        CliResult r = run(cli, "--retries", "0", "-o", "json", "api", "projects/");
        assertEquals(9, r.exitCode(), r.describe());
        assertEquals(1, seen());
        assertEquals(List.of(), cli.sleeps());
        assertEquals(1, jsonError(r).path("attempts").asInt());
    }

    @Test
    void should_honour_mgmt_retries_from_the_environment() {
        sandbox.setFaults("status=500");
        CliResult r = run(cli().env("MGMT_RETRIES", "1"), "api", "projects/");
        assertEquals(9, r.exitCode(), r.describe());
        assertEquals(2, seen());
    }

    @Test
    void should_stop_when_the_server_asks_for_more_than_the_time_budget() {
        sandbox.setFaults("status=503,retry-after=120s");
        Cli cli = cli();
        CliResult r = run(cli, "--retry-max-time", "60", "api", "projects/");
        assertEquals(9, r.exitCode(), r.describe());
        assertEquals(1, seen());
        assertEquals(List.of(), cli.sleeps());
        assertTrue(r.err().contains("server asks to retry in 2m, beyond --retry-max-time 1m"), r.describe());
    }

    @Test
    void should_not_retry_a_404() {
        CliResult r = run(cli(), "api", "projects/NoSuchProject/apiProxies/");
        assertEquals(6, r.exitCode(), r.describe());
        assertEquals(1, seen());
    }

    // ---------------------------------------------------------------- the network

    @Test
    void should_retry_a_connection_reset_and_recover() {
        sandbox.setFaults("reset=after-headers");
        Cli cli = cli().onSleep((i, d) -> sandbox.setFaults(""));
        CliResult r = run(cli, "api", "projects/");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals(2, seen());
        assertTrue(r.err().contains("(attempt 2 of 4): connection closed before the response was complete"), r.describe());
    }

    @Test
    void should_give_up_on_resets_before_headers_with_exit_10() {
        sandbox.setFaults("reset=before-headers");
        CliResult r = run(cli(), "-o", "json", "api", "projects/");
        assertEquals(10, r.exitCode(), r.describe());
        // 4 attempts by mgmt; java.net.http resends each GET once after a reset before headers.
        assertEquals(8, seen());
        assertEquals(4, jsonError(r).path("attempts").asInt(), r.describe());
        assertTrue(r.err().contains("after 4 attempts"), r.describe());
    }

    @Test
    void should_retry_connection_refused_even_for_a_post() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Cli cli = cli();
        CliResult r = cli.run("--url", "http://127.0.0.1:" + port, "--token", "t0k3n-abcdef", "-o", "json",
            "api", "POST", "projects/MyProject/connections/x/", "-d", connection("x", "d"));
        assertEquals(10, r.exitCode(), r.describe());
        assertEquals(3, cli.sleeps().size(), "nothing was sent, so a POST is safe to retry");
        assertEquals(4, jsonError(r).path("attempts").asInt());
        assertFalse(r.err().contains("may or may not"), r.describe());
    }

    @Test
    void should_retry_a_timeout() throws Exception {
        AtomicInteger slow = new AtomicInteger(1);
        try (Sandbox slowBox = Sandbox.start(SandboxConfig.defaults().withFaults("latency=1s")
            .withSleeper(d -> {
                if (slow.getAndDecrement() > 0) {
                    Thread.sleep(1500);
                }
            }))) {
            Cli cli = cli();
            CliResult r = cli.run("--url", slowBox.managerUrl().toString(), "--token", slowBox.adminToken(),
                "--timeout", "0.3", "api", "projects/");
            assertEquals(0, r.exitCode(), r.describe());
            assertEquals(2, SandboxExtension.ownRequests(slowBox).size());
            assertTrue(r.err().contains("no response within the request timeout"), r.describe());
        }
    }

    // ---------------------------------------------------------------- writes

    @Test
    void should_not_retry_a_post_that_lost_its_connection_and_say_it_may_have_been_applied() {
        sandbox.setFaults("reset=after-headers,method=POST");
        CliResult r = run(cli(), "-o", "json", "api", "POST", "projects/MyProject/connections/lost1/",
            "-d", connection("lost1", "first"));
        assertEquals(10, r.exitCode(), r.describe());
        assertEquals(1, seen());
        assertTrue(r.err().contains("may or may not have been applied; check with: "
            + "mgmt get connection lost1 -p MyProject"), r.describe());
        assertTrue(r.err().contains("--retry-non-idempotent"), r.describe());
        JsonNode json = jsonError(r);
        assertEquals("unknown", json.path("outcome").asText(), r.describe());
        assertEquals("mgmt get connection lost1 -p MyProject", json.path("verify").asText());
        sandbox.requests().clear();
        CliResult check = run(cli(), "get", "connection", "lost1", "-p", "MyProject");
        assertEquals(0, check.exitCode(), "the named check works, and shows it was applied: " + check.describe());
    }

    @Test
    void should_not_retry_a_post_after_a_503() {
        sandbox.setFaults("status=503,method=POST");
        CliResult r = run(cli(), "api", "POST", "projects/MyProject/connections/c503/", "-d", connection("c503", "x"));
        assertEquals(9, r.exitCode(), r.describe());
        assertEquals(1, seen());
        assertTrue(r.err().contains("not retried: POST is not idempotent"), r.describe());
    }

    @Test
    void should_retry_a_post_when_opted_in() {
        sandbox.setFaults("burst=503x2,method=POST");
        CliResult r = run(cli(), "--retry-non-idempotent", "api", "POST", "projects/MyProject/connections/opt1/",
            "-d", connection("opt1", "x"));
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals(3, seen());
        sandbox.requests().clear();
        assertEquals(0, run(cli(), "api", "projects/MyProject/connections/opt1/").exitCode());
    }

    @Test
    void should_recognise_its_own_earlier_post_in_a_409_after_a_retry() {
        sandbox.setFaults("reset=after-headers,method=POST");
        Cli cli = cli().onSleep((i, d) -> sandbox.setFaults(""));
        CliResult r = run(cli, "--retry-non-idempotent", "api", "POST", "projects/MyProject/connections/mine1/",
            "-d", connection("mine1", "created once"));
        assertEquals(0, r.exitCode(), r.describe());
        List<RequestLog.Entry> log = sandbox.ownRequests();
        assertEquals(List.of("POST", "POST", "GET"), log.stream().map(RequestLog.Entry::method).toList());
        assertEquals("/apiops/projects/MyProject/connections/mine1/", log.get(2).path());
        assertTrue(r.err().contains("POST answered 409 duplicate_name on attempt 2"), r.describe());
        assertTrue(r.err().contains("projects/MyProject/connections/mine1/ holds what mgmt sent: applied by an earlier "
            + "attempt of this command (connection closed before the response was complete)"),
            r.describe());
        assertTrue(r.out().contains("created once"), r.describe());
    }

    @Test
    void should_reconcile_through_the_list_when_the_api_has_no_single_read() {
        sandbox.setFaults("reset=after-headers,method=POST");
        Cli cli = cli().onSleep((i, d) -> sandbox.setFaults(""));
        CliResult r = run(cli, "--retry-non-idempotent", "api", "POST", "projects/MyProject/apiProxyGroups/",
            "-d", "{\"name\":\"grp1\",\"description\":\"mine\",\"clientRoute\":{\"relativePathList\":[\"/grp1\"]}}");
        assertEquals(0, r.exitCode(), r.describe());
        List<RequestLog.Entry> log = sandbox.ownRequests();
        assertEquals(List.of("POST", "POST", "GET"), log.stream().map(RequestLog.Entry::method).toList());
        assertEquals("/apiops/projects/MyProject/apiProxyGroups/", log.get(2).path());
        assertTrue(r.err().contains("'grp1' in projects/MyProject/apiProxyGroups/ holds what mgmt sent"), r.describe());
        assertTrue(r.out().contains("\"grp1\""), r.describe());
    }

    @Test
    void should_name_the_check_for_a_lost_post_to_a_collection() {
        sandbox.setFaults("reset=after-headers,method=POST");
        CliResult r = run(cli(), "api", "POST", "projects/MyProject/apiProxyGroups/", "-d", "{\"name\":\"grp2\"}");
        assertEquals(10, r.exitCode(), r.describe());
        assertEquals(1, seen());
        assertTrue(r.err().contains("check with: mgmt get proxy-group grp2 -p MyProject"), r.describe());
    }

    @Test
    void should_report_a_real_conflict_when_the_existing_resource_differs() {
        assertEquals(0, run(cli(), "api", "POST", "projects/MyProject/connections/theirs1/",
            "-d", connection("theirs1", "someone else's")).exitCode());
        sandbox.requests().clear();
        sandbox.setFaults("burst=500x1,method=POST");
        CliResult r = run(cli(), "--retry-non-idempotent", "api", "POST", "projects/MyProject/connections/theirs1/",
            "-d", connection("theirs1", "mine"));
        assertEquals(7, r.exitCode(), r.describe());
        assertEquals(3, seen());
        assertTrue(r.err().contains("409 duplicate_name"), r.describe());
        assertTrue(r.err().contains("exists with different values: description ('mine' here, 'someone else's' on "
            + "the manager); a real conflict, not mgmt's earlier attempt"), r.describe());
        assertFalse(r.err().contains("may or may not"), "the read settled it: " + r.describe());
    }

    @Test
    void should_treat_a_404_after_a_lost_delete_as_done() {
        assertEquals(0, run(cli(), "api", "POST", "projects/MyProject/apiProxyGroups/", "-d",
            "{\"name\":\"gone1\",\"clientRoute\":{\"relativePathList\":[\"/gone1\"]}}")
            .exitCode());
        sandbox.requests().clear();
        sandbox.setFaults("reset=after-headers,method=DELETE");
        Cli cli = cli().onSleep((i, d) -> sandbox.setFaults(""));
        CliResult r = run(cli, "api", "DELETE", "projects/MyProject/apiProxyGroups/gone1/");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals(2, seen());
        assertTrue(r.err().contains("the earlier attempt (connection closed before the response was complete) had "
            + "already deleted projects/MyProject/apiProxyGroups/gone1/"), r.describe());
        assertEquals("", r.out());
    }

    @Test
    void should_treat_the_apis_400_not_found_after_a_lost_delete_as_done() {
        assertEquals(0, run(cli(), "api", "POST", "projects/MyProject/connections/gone2/",
            "-d", connection("gone2", "to delete")).exitCode());
        sandbox.requests().clear();
        sandbox.setFaults("reset=after-headers,method=DELETE");
        Cli cli = cli().onSleep((i, d) -> sandbox.setFaults(""));
        CliResult r = run(cli, "api", "DELETE", "projects/MyProject/connections/gone2/");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals(2, seen());
        assertTrue(r.err().contains("DELETE answered 400 on attempt 2 (Connection (name: gone2) was not found!)"),
            r.describe());
    }

    @Test
    void should_keep_a_404_after_a_503_as_not_found() {
        sandbox.setFaults("burst=503x1,method=DELETE");
        CliResult r = run(cli(), "api", "DELETE", "projects/NoSuchProject/environmentVariables/never1/");
        assertEquals(6, r.exitCode(), r.describe());
        assertEquals(2, seen());
        assertFalse(r.err().contains("already deleted"), r.describe());
    }

    // ---------------------------------------------------------------- Ctrl-C

    @Test
    void should_stop_at_once_when_interrupted_during_a_wait() {
        sandbox.setFaults("status=503");
        Cli cli = cli().onSleep((i, d) -> {
            throw new InterruptedException();
        });
        CliResult r = run(cli, "api", "projects/");
        Thread.interrupted();
        assertEquals(130, r.exitCode(), r.describe());
        assertEquals(1, seen());
        assertTrue(r.err().contains("interrupted while waiting to retry"), r.describe());
    }

    @Test
    void should_count_down_long_waits_when_stderr_is_a_terminal() {
        sandbox.setFaults("burst=503x1,retry-after=5s");
        Cli cli = cli().terminal(false, true);
        CliResult r = run(cli, "--color", "never", "api", "projects/");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals(List.of(1000L, 1000L, 1000L, 1000L, 1000L), cli.sleepMillis());
        assertTrue(r.err().contains("\rretrying in 5s (attempt 2 of 4)"), r.describe());
        assertTrue(r.err().contains("\rretrying in 1s (attempt 2 of 4)"), r.describe());
    }
}
