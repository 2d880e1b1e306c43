package dev.mgmt.client.retry;

import dev.mgmt.errors.ApiException;
import dev.mgmt.errors.ErrorDecoder;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.MgmtException;
import dev.mgmt.errors.NetworkException.Kind;
import dev.mgmt.errors.NetworkException;
import dev.mgmt.http.ApiRequest;
import dev.mgmt.http.ApiResponse;
import dev.mgmt.testing.FakeTime;
import dev.mgmt.text.Redactor;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryLoopTest {
    private static final URI URL = URI.create("http://127.0.0.1:1/apiops/projects/");
    private static final ApiRequest GET = new ApiRequest("GET", URL, List.of(), null);
    private static final ApiRequest POST = new ApiRequest("POST", URL, List.of(), "{}".getBytes(StandardCharsets.UTF_8));
    private static final ApiRequest DELETE = new ApiRequest("DELETE", URL, List.of(), null);

    private final FakeTime time = FakeTime.at("2026-11-25T10:00:00Z");
    private final StringWriter err = new StringWriter();

    // ---------------------------------------------------------------- helpers

    private RetryLoop loop(int retries, Duration maxTime, boolean nonIdempotent, DoubleSupplier random) {
        return loop(retries, maxTime, nonIdempotent, random, false, false);
    }

    private RetryLoop loop(int retries, Duration maxTime, boolean nonIdempotent, DoubleSupplier random,
                           boolean quiet, boolean terminal) {
        RetryNotifier notifier = new RetryNotifier(new PrintWriter(err, true), quiet, terminal, null, new Redactor());
        return new RetryLoop(new RetryPolicy(retries, maxTime, nonIdempotent, Backoff.defaults()), time, time, random,
            notifier);
    }

    private RetryLoop defaults(DoubleSupplier random) {
        return loop(3, Duration.ofSeconds(60), false, random);
    }

    private static DoubleSupplier draws(double... values) {
        Deque<Double> q = new ArrayDeque<>();
        for (double v : values) {
            q.add(v);
        }
        return () -> q.isEmpty() ? 1.0 : q.poll();
    }

    static ApiException status(ApiRequest request, int status, Map<String, String> headers, String body) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        headers.forEach((k, v) -> h.put(k, List.of(v)));
        ApiResponse r = new ApiResponse(request, status, HttpHeaders.of(h, (a, b) -> true),
            body.getBytes(StandardCharsets.UTF_8), Duration.ofMillis(5));
        return new ApiException(ExitCodes.forStatus(status), ErrorDecoder.decode(r), r, 1);
    }

    static ApiException status(ApiRequest request, int status) {
        return status(request, status, Map.of("Content-Type", "application/json"),
            "{\"error\":\"server_error\",\"error_description\":\"boom\"}");
    }

    static NetworkException net(ApiRequest request, Kind kind) {
        return new NetworkException(kind, kind + " happened", request, 1, List.of(), null);
    }

    /** Fails with the given failures in turn, then succeeds with "ok"; counts attempts. */
    static class Script implements RetryLoop.Exchange<String> {
        final Deque<MgmtException> failures;
        final List<Integer> attempts = new ArrayList<>();
        final List<String> reconciled = new ArrayList<>();
        RetryLoop.Reconciliation<String> reconciliation;

        Script(MgmtException... failures) {
            this.failures = new ArrayDeque<>(List.of(failures));
        }

        @Override
        public String attempt(int n) {
            attempts.add(n);
            MgmtException f = failures.poll();
            if (f != null) {
                throw f;
            }
            return "ok";
        }

        @Override
        public RetryLoop.Reconciliation<String> reconcile(MgmtException failure, MgmtException earlier, int n) {
            reconciled.add(RetryNotifier.cause(failure) + " after " + RetryNotifier.cause(earlier));
            return reconciliation;
        }

        @Override
        public String verifyCommand() {
            return "mgmt api GET projects/";
        }
    }

    private static <T extends Throwable> T fails(Class<T> type, RetryLoop loop, ApiRequest request, Script script) {
        return assertThrows(type, () -> loop.run(request, script));
    }

    // ---------------------------------------------------------------- backoff

    @Test
    void should_double_the_ceiling_from_half_a_second_up_to_the_cap() {
        Backoff b = Backoff.defaults();
        assertEquals(List.of(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 20000L, 20000L),
            List.of(0, 1, 2, 3, 4, 5, 6, 7).stream().map(n -> b.ceiling(n).toMillis()).toList());
        assertEquals(20000L, b.ceiling(500).toMillis());
        assertEquals(0L, b.delay(3, 0.0).toMillis());
        assertEquals(1300L, b.delay(2, 0.65).toMillis());
    }

    @Test
    void should_wait_a_random_share_of_each_ceiling_exactly() {
        Script s = new Script(status(GET, 500), status(GET, 502), status(GET, 504));
        assertEquals("ok", defaults(draws(0.1, 0.9, 0.3)).run(GET, s));
        assertEquals(List.of(50L, 900L, 600L), time.sleepMillis());
        assertEquals(List.of(1, 2, 3, 4), s.attempts);
    }

    @Test
    void should_cap_the_delay_at_20_seconds() {
        MgmtException[] f = new MgmtException[8];
        for (int i = 0; i < f.length; i++) {
            f[i] = status(GET, 503, Map.of(), "");
        }
        Script s = new Script(f);
        assertEquals("ok", loop(8, Duration.ofSeconds(600), false, () -> 1.0).run(GET, s));
        assertEquals(List.of(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 20000L, 20000L), time.sleepMillis());
    }

    @Test
    void should_print_one_line_per_retry() {
        Script s = new Script(status(GET, 503, Map.of(), ""), net(GET, Kind.RESET));
        defaults(draws(1.0, 0.65)).run(GET, s);
        assertEquals("retrying in 500ms (attempt 2 of 4): 503 Service Unavailable\n"
            + "retrying in 650ms (attempt 3 of 4): connection closed before the response was complete\n",
            err.toString().replace("\r\n", "\n"));
    }

    @Test
    void should_print_nothing_when_quiet() {
        Script s = new Script(status(GET, 503, Map.of(), ""));
        loop(3, Duration.ofSeconds(60), false, () -> 1.0, true, false).run(GET, s);
        assertEquals("", err.toString());
        assertEquals(List.of(500L), time.sleepMillis());
    }

    // ---------------------------------------------------------------- server hints

    @Test
    void should_honour_retry_after_in_seconds() {
        Script s = new Script(status(GET, 503, Map.of("Retry-After", "2"), ""));
        defaults(() -> 0.0).run(GET, s);
        assertEquals(List.of(2000L), time.sleepMillis());
        assertTrue(err.toString().contains("retrying in 2s (attempt 2 of 4): 503 Service Unavailable"), err.toString());
    }

    @Test
    void should_honour_retry_after_as_an_http_date() {
        Script s = new Script(status(GET, 503, Map.of("Retry-After", "Wed, 25 Nov 2026 10:00:07 GMT",
            "Date", "Wed, 25 Nov 2026 10:00:02 GMT"), ""));
        defaults(() -> 0.0).run(GET, s);
        assertEquals(List.of(5000L), time.sleepMillis());
    }

    @Test
    void should_honour_retry_after_in_the_body() {
        Script s = new Script(status(GET, 429, Map.of("Content-Type", "application/json"),
            "{\"error\":\"rate_limit_exceeded\",\"error_description\":\"slow down\",\"retry_after\":3}"));
        defaults(() -> 0.0).run(GET, s);
        assertEquals(List.of(3000L), time.sleepMillis());
    }

    @Test
    void should_let_a_hint_exceed_the_backoff_cap_when_it_fits_the_budget() {
        Script s = new Script(status(GET, 503, Map.of("Retry-After", "45"), ""));
        defaults(() -> 1.0).run(GET, s);
        assertEquals(List.of(45000L), time.sleepMillis());
    }

    @Test
    void should_stop_and_say_so_when_the_hint_is_beyond_the_budget() {
        Script s = new Script(status(GET, 503, Map.of("Retry-After", "120"), ""));
        ApiException e = fails(ApiException.class, defaults(() -> 1.0), GET, s);
        assertEquals(List.of(), time.sleeps());
        assertEquals(1, e.attempts());
        assertEquals(List.of("not retried: server asks to retry in 2m, beyond --retry-max-time 1m"), e.retry().notes());
    }

    @Test
    void should_count_time_already_spent_against_a_hint() {
        Script s = new Script(status(GET, 503, Map.of("Retry-After", "30"), ""),
            status(GET, 503, Map.of("Retry-After", "40"), ""));
        ApiException e = fails(ApiException.class, defaults(() -> 1.0), GET, s);
        assertEquals(List.of(30000L), time.sleepMillis());
        assertEquals(2, e.attempts());
        assertEquals(Duration.ofSeconds(30), e.retry().elapsed());
        assertEquals(List.of("gave up: server asks to retry in 40s, beyond --retry-max-time 1m (30s already spent)"),
            e.retry().notes());
    }

    // ---------------------------------------------------------------- budget and counts

    @Test
    void should_give_up_after_the_retries_with_attempts_and_time() {
        Script s = new Script(status(GET, 500), status(GET, 500), status(GET, 500), status(GET, 500));
        ApiException e = fails(ApiException.class, defaults(() -> 1.0), GET, s);
        assertEquals(4, e.attempts());
        assertEquals(ExitCodes.SERVER_ERROR, e.exitCode());
        assertEquals(Duration.ofMillis(3500), e.retry().elapsed());
        assertEquals(List.of(), e.retry().notes());
        assertFalse(e.retry().outcomeUnknown(), "a GET changes nothing");
    }

    @Test
    void should_shorten_the_last_wait_to_the_time_left_and_then_stop() {
        Script s = new Script(status(GET, 500), status(GET, 500), status(GET, 500), status(GET, 500));
        ApiException e = fails(ApiException.class, loop(3, Duration.ofSeconds(1), false, () -> 1.0), GET, s);
        assertEquals(List.of(500L, 500L), time.sleepMillis());
        assertEquals(3, e.attempts());
        assertEquals(List.of("gave up: --retry-max-time 1s reached"), e.retry().notes());
    }

    @Test
    void should_count_request_time_against_the_budget() {
        Script s = new Script(status(GET, 500), status(GET, 500)) {
            @Override
            public String attempt(int n) {
                time.advance(Duration.ofSeconds(61));
                return super.attempt(n);
            }
        };
        ApiException e = fails(ApiException.class, defaults(() -> 1.0), GET, s);
        assertEquals(1, e.attempts());
        assertEquals(List.of("not retried: --retry-max-time 1m reached"), e.retry().notes());
    }

    @Test
    void should_make_one_attempt_when_retries_are_off() {
        Script s = new Script(status(GET, 503, Map.of(), ""));
        ApiException e = fails(ApiException.class, loop(0, Duration.ofSeconds(60), false, () -> 1.0), GET, s);
        assertEquals(List.of(1), s.attempts);
        assertEquals(List.of("not retried: retries are off (--no-retry / --retries 0)"), e.retry().notes());
    }

    // ---------------------------------------------------------------- what is retryable

    @Test
    void should_retry_every_transient_status() {
        for (int st : new int[]{408, 429, 500, 502, 503, 504}) {
            Script s = new Script(status(GET, st, Map.of(), ""));
            assertEquals("ok", defaults(() -> 0.0).run(GET, s), "status " + st);
            assertEquals(2, s.attempts.size(), "status " + st);
        }
    }

    @Test
    void should_not_retry_other_client_errors() {
        for (int st : new int[]{400, 401, 403, 404, 405, 409, 422}) {
            Script s = new Script(status(GET, st, Map.of(), ""));
            ApiException e = fails(ApiException.class, defaults(() -> 0.0), GET, s);
            assertEquals(1, s.attempts.size(), "status " + st);
            assertEquals(1, e.attempts());
        }
        assertEquals(List.of(), time.sleeps());
    }

    @Test
    void should_retry_network_failures_but_not_tls_or_unknown_ones() {
        for (Kind k : new Kind[]{Kind.REFUSED, Kind.RESET, Kind.TIMEOUT, Kind.CONNECT_TIMEOUT}) {
            Script s = new Script(net(GET, k));
            assertEquals("ok", defaults(() -> 0.0).run(GET, s), k.name());
        }
        for (Kind k : new Kind[]{Kind.TLS, Kind.OTHER, Kind.DNS}) {
            Script s = new Script(net(GET, k));
            fails(NetworkException.class, defaults(() -> 0.0), GET, s);
            assertEquals(1, s.attempts.size(), k.name());
        }
    }

    @Test
    void should_retry_a_temporary_dns_failure() {
        NetworkException dns = new NetworkException(Kind.DNS, "cannot resolve", GET, 1, List.of(),
            new java.net.UnknownHostException("mgr.example: Temporary failure in name resolution"));
        Script s = new Script(dns);
        assertEquals("ok", defaults(() -> 0.0).run(GET, s));
    }

    @Test
    void should_not_retry_usage_errors() {
        Script s = new Script(new dev.mgmt.errors.UsageException("bad"));
        fails(dev.mgmt.errors.UsageException.class, defaults(() -> 0.0), GET, s);
        assertEquals(1, s.attempts.size());
    }

    // ---------------------------------------------------------------- methods

    @Test
    void should_not_retry_a_post_after_a_5xx_unless_opted_in() {
        Script s = new Script(status(POST, 503, Map.of(), ""));
        ApiException e = fails(ApiException.class, defaults(() -> 0.0), POST, s);
        assertEquals(1, s.attempts.size());
        assertEquals("not retried: POST is not idempotent and a second attempt could apply it twice "
            + "(--retry-non-idempotent allows it)", e.retry().notes().get(0));
        assertFalse(e.retry().outcomeUnknown(), "a 503 was not processed");

        Script opted = new Script(status(POST, 503, Map.of(), ""));
        assertEquals("ok", loop(3, Duration.ofSeconds(60), true, () -> 0.0).run(POST, opted));
    }

    @Test
    void should_not_retry_a_patch_unless_opted_in() {
        ApiRequest patch = new ApiRequest("PATCH", URL, List.of(), new byte[0]);
        Script s = new Script(status(patch, 502, Map.of(), ""));
        ApiException e = fails(ApiException.class, defaults(() -> 0.0), patch, s);
        assertEquals(1, s.attempts.size());
        assertTrue(e.retry().outcomeUnknown(), "a 502 may have reached the server");
    }

    @Test
    void should_always_retry_a_post_that_was_never_sent() {
        Script s = new Script(net(POST, Kind.REFUSED), net(POST, Kind.CONNECT_TIMEOUT));
        assertEquals("ok", defaults(() -> 0.0).run(POST, s));
        assertEquals(3, s.attempts.size());
    }

    @Test
    void should_say_a_post_that_lost_its_connection_may_or_may_not_have_been_applied() {
        for (Kind k : new Kind[]{Kind.RESET, Kind.TIMEOUT}) {
            Script s = new Script(net(POST, k));
            NetworkException e = fails(NetworkException.class, defaults(() -> 0.0), POST, s);
            assertEquals(1, s.attempts.size());
            assertTrue(e.retry().outcomeUnknown());
            assertEquals("mgmt api GET projects/", e.retry().verifyCommand());
            String notes = String.join("\n", e.retry().notes());
            assertTrue(notes.contains("may or may not have been applied; check with: mgmt api GET projects/"), notes);
            assertTrue(notes.contains("not retried: POST is not idempotent"), notes);
        }
    }

    @Test
    void should_retry_a_post_that_lost_its_connection_when_opted_in() {
        Script s = new Script(net(POST, Kind.RESET));
        assertEquals("ok", loop(3, Duration.ofSeconds(60), true, () -> 0.0).run(POST, s));
    }

    @Test
    void should_keep_the_doubt_when_a_later_attempt_fails_plainly() {
        Script s = new Script(net(DELETE, Kind.TIMEOUT), status(DELETE, 503, Map.of(), ""),
            status(DELETE, 503, Map.of(), ""), status(DELETE, 503, Map.of(), ""));
        ApiException e = fails(ApiException.class, defaults(() -> 0.0), DELETE, s);
        assertTrue(e.retry().outcomeUnknown());
        assertTrue(e.retry().notes().get(0).startsWith("an earlier attempt failed after it was sent"), e.retry().notes().toString());
    }

    // ---------------------------------------------------------------- reconciling

    @Test
    void should_reconcile_only_after_an_attempt_that_may_have_been_applied() {
        Script plain = new Script(status(DELETE, 503, Map.of(), ""), status(DELETE, 404, Map.of(), ""));
        fails(ApiException.class, defaults(() -> 0.0), DELETE, plain);
        assertEquals(List.of(), plain.reconciled, "a 503 deleted nothing, so the 404 is real");

        Script doubtful = new Script(net(DELETE, Kind.RESET), status(DELETE, 404, Map.of(), ""));
        doubtful.reconciliation = RetryLoop.Reconciliation.success("deleted earlier");
        assertEquals("deleted earlier", defaults(() -> 0.0).run(DELETE, doubtful));
        assertEquals(List.of("404 Not Found after connection closed before the response was complete"), doubtful.reconciled);
    }

    @Test
    void should_add_reconciliation_notes_to_the_final_error() {
        Script s = new Script(status(POST, 500), status(POST, 409, Map.of(), ""));
        s.reconciliation = RetryLoop.Reconciliation.notes("the name is taken by something else");
        ApiException e = fails(ApiException.class, loop(3, Duration.ofSeconds(60), true, () -> 0.0), POST, s);
        assertEquals(ExitCodes.CONFLICT, e.exitCode());
        assertEquals("the name is taken by something else", e.retry().notes().get(0));
    }

    // ---------------------------------------------------------------- waiting

    @Test
    void should_stop_at_once_when_interrupted_during_a_wait() {
        time.onSleep((i, d) -> {
            throw new InterruptedException();
        });
        Script s = new Script(status(GET, 503, Map.of(), ""), status(GET, 503, Map.of(), ""));
        MgmtException e = fails(MgmtException.class, defaults(() -> 1.0), GET, s);
        Thread.interrupted();
        assertEquals(ExitCodes.INTERRUPTED, e.exitCode());
        assertEquals(List.of(1), s.attempts, "nothing more is sent");
        assertTrue(e.getMessage().contains("nothing more was sent"), e.getMessage());
    }

    @Test
    void should_count_down_long_waits_on_a_terminal() {
        Script s = new Script(status(GET, 503, Map.of("Retry-After", "4.5"), ""));
        loop(3, Duration.ofSeconds(60), false, () -> 0.0, false, true).run(GET, s);
        assertEquals(List.of(1000L, 1000L, 1000L, 1000L, 500L), time.sleepMillis());
        String out = err.toString();
        assertTrue(out.startsWith("\rretrying in 4.5s (attempt 2 of 4): 503 Service Unavailable"), out);
        assertTrue(out.contains("\rretrying in 3.5s"), out);
        assertTrue(out.contains("\rretrying in 500ms"), out);
        assertTrue(out.endsWith("\n"), out);
    }

    @Test
    void should_not_count_down_short_waits_or_off_a_terminal() {
        Script s = new Script(status(GET, 503, Map.of("Retry-After", "3"), ""));
        loop(3, Duration.ofSeconds(60), false, () -> 0.0, false, true).run(GET, s);
        Script s2 = new Script(status(GET, 503, Map.of("Retry-After", "10"), ""));
        loop(3, Duration.ofSeconds(60), false, () -> 0.0, false, false).run(GET, s2);
        assertEquals(List.of(3000L, 10000L), time.sleepMillis());
        assertFalse(err.toString().contains("\r"), err.toString());
    }

    @Test
    void should_return_the_same_result_object() {
        Object result = new Object();
        RetryLoop.Exchange<Object> once = n -> result;
        assertSame(result, defaults(() -> 0.0).run(GET, once));
        assertNull(once.verifyCommand());
    }
}
