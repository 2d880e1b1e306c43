package dev.mgmt.cli;

import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.RawServer.Mode;
import dev.mgmt.testing.RawServer;
import dev.mgmt.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static dev.mgmt.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A body cut off, reset or stalled after the headers (issue 13, cases 5 and 6): retried where a
 * GET is safe to repeat, never half-printed, and bounded by --timeout as a whole.
 */
class BodyFaultTest extends ServerTest {
    static final int ITEMS = 2000;
    static final String LIST = RawServer.proxies(ITEMS);

    static CliResult get(RawServer raw, String... more) {
        List<String> args = new ArrayList<>(List.of("--url", raw.url(), "--token", "body-fault-token", "get", "proxies",
            "-p", "P"));
        args.addAll(List.of(more));
        return cli().run(args.toArray(String[]::new));
    }

    @Test
    void should_retry_a_list_reset_late_and_print_it_once() throws Exception {
        try (RawServer raw = new RawServer(Mode.RESET_LATE).body(LIST).recoverAfter(1)) {
            CliResult r = get(raw, "-o", "name");
            assertExit(0, r);
            assertEquals(2, raw.requests(), r.describe());
            List<String> names = lines(r.out());
            assertEquals(ITEMS, names.size(), "each name once, none from the cut attempt");
            assertEquals("proxy-0", names.get(0));
            assertEquals("proxy-" + (ITEMS - 1), names.get(ITEMS - 1));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"table", "wide", "json", "yaml", "name", "query"})
    void should_print_nothing_when_a_list_is_cut_late(String format) throws Exception {
        try (RawServer raw = new RawServer(Mode.RESET_LATE).body(LIST)) {
            CliResult r = format.equals("query") ? get(raw, "--no-retry", "--quiet", "-q", "$[*].name")
                : get(raw, "--no-retry", "--quiet", "-o", format);
            assertExit(10, r);
            assertStdoutEmpty(r);
            assertTrue(lines(r.err()).get(0).startsWith("error: connection to 127.0.0.1:"), r.describe());
            assertErrContains(r, "closed before the response was complete");
        }
    }

    @Test
    void should_give_up_on_a_list_cut_every_time_after_the_retries() throws Exception {
        try (RawServer raw = new RawServer(Mode.RESET_LATE).body(LIST)) {
            CliResult r = get(raw, "--retries", "2", "--quiet");
            assertExit(10, r);
            assertStdoutEmpty(r);
            assertEquals(3, raw.requests(), r.describe());
            assertErrContains(r, "closed before the response was complete");
        }
    }

    @Test
    void should_not_retry_a_post_whose_answer_is_cut() throws Exception {
        try (RawServer raw = new RawServer(Mode.RESET_LATE).body(LIST)) {
            CliResult r = cli().run("--url", raw.url(), "--token", "body-fault-token", "api", "POST",
                "projects", "-d", "{\"name\":\"p\"}");
            assertExit(10, r);
            assertStdoutEmpty(r);
            long posts = raw.requestLines().stream().filter(l -> l.startsWith("POST ")).count();
            assertEquals(1, posts, "a POST may have been applied: " + r.describe());
            assertErrContains(r, "not retried: POST");
        }
    }

    @Test
    void should_exit_10_when_the_answer_stalls_after_the_headers() throws Exception {
        try (RawServer raw = new RawServer(Mode.STALL_AFTER_HEADERS)) {
            long start = System.nanoTime();
            CliResult r = cli().run("--url", raw.url(), "--timeout", "0.3", "--no-retry", "--quiet", "api", "projects");
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertExit(10, r);
            assertStdoutEmpty(r);
            assertEquals("error: the answer from 127.0.0.1:" + raw.port() + " stalled after 0 bytes (--timeout 300ms)",
                lines(r.err()).get(0), r.describe());
            assertTrue(ms < 5000, "gave up after " + ms + " ms");
        }
    }

    @Test
    void should_exit_10_and_count_the_bytes_when_a_list_stalls_mid_body() throws Exception {
        try (RawServer raw = new RawServer(Mode.STALL_MID_BODY).body(LIST)) {
            CliResult r = get(raw, "--timeout", "0.3", "--no-retry", "--quiet");
            assertExit(10, r);
            assertStdoutEmpty(r);
            int half = LIST.getBytes(StandardCharsets.UTF_8).length / 2;
            assertErrContains(r, "stalled after " + half + " bytes (--timeout 300ms)");
        }
    }

    @Test
    void should_retry_a_get_that_stalled() throws Exception {
        try (RawServer raw = new RawServer(Mode.STALL_MID_BODY).body(LIST).recoverAfter(1)) {
            CliResult r = get(raw, "--timeout", "0.3", "-o", "name");
            assertExit(0, r);
            assertEquals(2, raw.requests(), r.describe());
            assertEquals(ITEMS, lines(r.out()).size(), r.describe());
        }
    }

    @Test
    void should_bound_the_checklist_probes_when_the_answer_stalls() throws Exception {
        try (RawServer raw = new RawServer(Mode.STALL_AFTER_HEADERS)) {
            long start = System.nanoTime();
            CliResult r = cli().run("--url", raw.url(), "--timeout", "0.3", "--no-retry", "api", "projects");
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertExit(10, r);
            assertErrContains(r, "stalled after 0 bytes", "(the check's limit 300ms)");
            assertTrue(ms < 5000, "command and checklist took " + ms + " ms");
        }
    }

    @Test
    void should_bound_doctor_when_the_answer_stalls() throws Exception {
        try (RawServer raw = new RawServer(Mode.STALL_AFTER_HEADERS)) {
            long start = System.nanoTime();
            CliResult r = cli().run("--url", raw.url(), "--token", "body-fault-token", "--timeout", "0.3", "doctor");
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertExit(10, r);
            assertTrue((r.out() + r.err()).contains("stalled after 0 bytes (the check's limit 300ms)"), r.describe());
            assertTrue(ms < 10_000, "doctor took " + ms + " ms");
        }
    }
}
