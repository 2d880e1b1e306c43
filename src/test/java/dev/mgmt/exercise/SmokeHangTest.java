package dev.mgmt.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.json.Json;
import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.RawServer;
import org.junit.jupiter.api.Test;

import static dev.mgmt.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * exercise --smoke against a manager that hangs: once it stops answering, the remaining probes are not
 * sent (so the run costs one --timeout and one short health check, not one --timeout per probe); a single
 * endpoint that hangs costs only its own probes.
 */
class SmokeHangTest {

    private static CliResult smoke(RawServer server, String... more) {
        String[] args = new String[6 + more.length];
        System.arraycopy(new String[] {"--timeout", "300ms", "exercise", "--smoke", "-p", "P"}, 0, args, 0, 6);
        System.arraycopy(more, 0, args, 6, more.length);
        return cli().env("MGMT_URL", server.url()).env("MGMT_TOKEN", "t-123456789").run(args);
    }

    @Test
    void should_send_nothing_more_once_the_manager_stops_answering() throws Exception {
        try (RawServer server = new RawServer(RawServer.Mode.NO_ANSWER).answerFirst(4)) {
            CliResult r = smoke(server);
            assertEquals(10, r.exitCode(), r.describe());
            // 4 answered, the 5th hung, then one health check that hung too: nothing after it.
            assertEquals(6, server.requests(), String.join("\n", server.requestLines()));
            assertEquals("GET /apiops/test/healthcheck/ HTTP/1.1", server.requestLines().get(5));
            String why = "not sent: the manager stopped answering at GET environments/P (nor did its health check "
                + "answer within 300ms)";
            assertTrue(r.out().contains("[FAIL] environments of P"), r.describe());
            assertTrue(r.out().contains("not checked: proxies, endpoints, policies, connections, credentials, access, "),
                r.describe());
            assertTrue(r.out().contains("(" + why + ")\n"), r.describe());
            assertTrue(r.out().contains("\nproxies       unknown      unknown"), r.describe());
            assertTrue(r.out().contains("unknown      - (" + why + ")"), "a probe never sent shows no request\n" + r.describe());
            assertFalse(r.out().contains("-> not sent"), r.describe());
            assertTrue(r.out().contains("\nendpoints     not checked  not checked  - (" + why + ")"), r.describe());
            assertTrue(r.err().contains("error: the manager stopped answering at GET environments/P (nor did its "
                + "health check answer within 300ms); the probes after it were not sent\n"), r.describe());
        }
    }

    @Test
    void should_mark_the_probes_not_sent_as_unknown_in_json() throws Exception {
        try (RawServer server = new RawServer(RawServer.Mode.NO_ANSWER).answerFirst(4)) {
            CliResult r = smoke(server, "-o", "json", "--require", "proxy:write");
            assertEquals(10, r.exitCode(), r.describe());
            assertEquals(6, server.requests(), String.join("\n", server.requestLines()));
            JsonNode j = Json.tryParse(r.outBytes());
            assertEquals(10, j.get("exit_code").asInt(), r.describe());
            JsonNode proxies = j.get("permissions").get("kinds").get(2);
            assertEquals("proxy", proxies.get("kind").asText());
            assertEquals("unknown", proxies.get("write").get("result").asText(), r.describe());
            assertTrue(proxies.get("write").get("detail").asText().startsWith("not sent: the manager stopped answering"
                + " at GET environments/P "), r.describe());
        }
    }

    @Test
    void should_go_on_when_only_one_endpoint_hangs() throws Exception {
        try (RawServer server = new RawServer(RawServer.Mode.NO_ANSWER).misbehaveOn("/keys/")) {
            CliResult r = smoke(server);
            assertEquals(10, r.exitCode(), "the endpoint that hung is a network failure\n" + r.describe());
            assertTrue(r.out().contains("[FAIL] keys"), r.describe());
            assertTrue(r.out().contains("[ok]   jwks"), "the sweep went on after the health check answered\n"
                + r.describe());
            assertTrue(r.out().contains("\njwks          allowed"), r.describe());
            long keyReads = server.requestLines().stream().filter(l -> l.startsWith("GET /apiops/projects/P/keys/ "))
                .count();
            assertEquals(1, keyReads, "the read that hung is not sent again for the matrix\n" + r.describe());
            assertTrue(!r.err().contains("stopped answering"), r.describe());
        }
    }
}
