package dev.mgmt.cli;

import com.sun.net.httpserver.HttpExchange;
import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.TestServer;
import dev.mgmt.testing.TestServer.Reply;
import dev.mgmt.testing.TestServer.Seen;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static dev.mgmt.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code get connections} without {@code --type}: the first type's list alone, the other 13 side by side,
 * printed in type order; with -v or --curl one by one, as the trace needs; a failure is the one the requests
 * one by one would report.
 */
class ConnectionTypesAheadTest {
    private static final List<String> TYPES = List.of("email", "kafka", "elasticsearch", "rabbitMq", "ftp", "graylog",
        "syslog", "webhook", "logback", "activeMq", "snmp", "linux-script", "database", "ldap");
    private static final String PATH = "projects/P/connections/";

    private TestServer server;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = new TestServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliResult run(String... args) {
        List<String> all = new ArrayList<>(List.of("--url", server.url(), "--token", "t0k3n", "--retries", "2"));
        all.addAll(List.of(args));
        return cli().run(all.toArray(new String[0]));
    }

    private static String type(HttpExchange ex) {
        String q = ex.getRequestURI().getRawQuery();
        return q == null ? "" : q.substring(q.indexOf('=') + 1);
    }

    /** Answers each type with one connection named after it, or with what {@code special} says for that ask. */
    private void answer(CountDownLatch together, Function<String, Reply> special) {
        server.on(PATH, ex -> {
            String type = type(ex);
            int now = inFlight.incrementAndGet();
            mostInFlight.accumulateAndGet(now, Math::max);
            try {
                if (together != null && !type.equals("email")) {
                    together.countDown();
                    together.await(10, TimeUnit.SECONDS); // the first two of the others, at the same time
                }
                asked.computeIfAbsent(type, t -> new AtomicInteger()).incrementAndGet();
                Reply r = special.apply(type);
                TestServer.send(ex, r != null ? r : Reply.json(200, "{\"resultList\":[{\"name\":\"c-" + type
                    + "\",\"type\":\"" + type + "\"}]}"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ex.close();
            } finally {
                inFlight.decrementAndGet();
            }
        });
    }

    private static String allNames() {
        StringBuilder sb = new StringBuilder();
        TYPES.forEach(t -> sb.append("c-").append(t).append('\n'));
        return sb.toString();
    }

    private List<String> typesAsked() {
        List<String> out = new ArrayList<>();
        for (Seen s : server.requests()) {
            out.add(s.rawQuery().substring(s.rawQuery().indexOf('=') + 1));
        }
        return out;
    }

    @Test
    void should_ask_the_first_type_alone_then_the_others_side_by_side_and_print_in_type_order() {
        answer(new CountDownLatch(2), t -> null);
        CliResult r = run("get", "connections", "-p", "P", "-o", "name");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals(allNames(), r.out(), r.describe());
        assertEquals("", r.err(), r.describe());
        List<String> asked = typesAsked();
        assertEquals(14, asked.size(), asked.toString());
        assertEquals("email", asked.get(0), "the first type goes alone: " + asked);
        assertEquals(new java.util.HashSet<>(TYPES), new java.util.HashSet<>(asked), asked.toString());
        assertTrue(mostInFlight.get() >= 2, "never two requests at once: " + mostInFlight.get());
    }

    @Test
    void should_ask_one_type_after_another_when_tracing() {
        answer(null, t -> null);
        CliResult r = run("-v", "get", "connections", "-p", "P", "-o", "name");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals(allNames(), r.out(), r.describe());
        assertEquals(TYPES, typesAsked());
        List<String> traced = r.err().lines().filter(l -> l.startsWith("> GET ")).map(l -> l.substring(l.indexOf('=') + 1))
            .toList();
        assertEquals(TYPES, traced, r.describe());
        // One by one, the client reuses its one connection; side by side would have opened more.
        assertEquals(1, server.requests().stream().map(Seen::clientPort).distinct().count(), r.describe());
        assertEquals(1, mostInFlight.get());
    }

    @Test
    void should_send_nothing_more_when_the_first_type_is_refused() {
        answer(null, t -> Reply.json(401, "{\"error\":\"invalid_token\",\"error_description\":\"Token is invalid\"}"));
        CliResult r = run("get", "connections", "-p", "P", "-o", "name");
        assertEquals(4, r.exitCode(), r.describe());
        assertEquals("", r.out(), r.describe());
        assertTrue(r.err().startsWith("error: 401 invalid_token"), r.describe());
        assertEquals(List.of("email"), typesAsked());
    }

    @Test
    void should_ask_again_in_its_turn_a_type_whose_early_answer_failed() {
        AtomicInteger ftp = new AtomicInteger();
        answer(new CountDownLatch(2), t -> t.equals("ftp") && ftp.incrementAndGet() == 1
            ? Reply.json(503, "{\"error\":\"unavailable\"}") : null);
        CliResult r = run("get", "connections", "-p", "P", "-o", "name");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals(allNames(), r.out(), r.describe());
        assertFalse(r.err().contains("retrying"), "the early answer is nobody's retry\n" + r.describe());
        assertEquals(2, asked.get("ftp").get());
        assertEquals(15, typesAsked().size());
    }

    /**
     * Each type but the first is rate-limited the first time it is asked, then answered. Asked ahead, that 429
     * is nobody's to report; asked in its turn, it is the usual retry line. Six go out at once, and once one of
     * them has failed nothing more is sent ahead: so at most 6 types are asked ahead, and at least 7 in their
     * turn, each with its retry line (sending on regardless: 13 ahead, no retry line at all).
     */
    @Test
    void should_send_nothing_more_ahead_once_an_early_answer_failed() {
        Map<String, AtomicInteger> times = new ConcurrentHashMap<>();
        answer(null, t -> !t.equals("email") && times.computeIfAbsent(t, x -> new AtomicInteger()).incrementAndGet() == 1
            ? Reply.json(429, "{\"error\":\"rate_limited\"}") : null);
        CliResult r = run("get", "connections", "-p", "P", "-o", "name");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals(allNames(), r.out(), r.describe());
        long retried = r.err().lines().filter(l -> l.startsWith("retrying in ")).count();
        long ahead = 13 - retried;
        assertTrue(ahead >= 1 && ahead <= 6, ahead + " types asked ahead\n" + r.describe());
        assertEquals(1 + 13 * 2, typesAsked().size(), typesAsked().toString());
    }

    @Test
    void should_fail_as_one_by_one_would_when_a_later_type_is_forbidden() {
        answer(null, t -> t.equals("ftp")
            ? Reply.json(403, "{\"error\":\"forbidden\",\"error_description\":\"No access to ftp\"}") : null);
        CliResult ahead = run("get", "connections", "-p", "P", "-o", "name");
        CliResult oneByOne = run("-v", "get", "connections", "-p", "P", "-o", "name");
        assertEquals(5, ahead.exitCode(), ahead.describe());
        assertEquals(oneByOne.exitCode(), ahead.exitCode());
        assertEquals(oneByOne.out(), ahead.out(), ahead.describe());
        assertTrue(ahead.err().startsWith("error: 403 forbidden — No access to ftp"), ahead.describe());
        assertTrue(ahead.err().contains("type=ftp"), ahead.describe());
    }
}
