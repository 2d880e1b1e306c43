package dev.mgmt.exercise;

import dev.mgmt.http.ApiRequest;
import dev.mgmt.sandbox.Sandbox;
import dev.mgmt.sandbox.SandboxConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The generator's schedule on a fake ticker: real requests to the sandbox over HttpCore, each taking
 * a fixed fake time, so rates, stops and latencies are exact whatever the machine's load.
 */
class LoadGeneratorTest {
    Sandbox sandbox;
    HttpCoreBenchClient client;
    ApiRequest request;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(SandboxConfig.defaults());
        request = new ApiRequest("GET", sandbox.managerUrl().resolve("/apiops/projects/"),
            List.of(new ApiRequest.Header("Authorization", "Bearer " + sandbox.adminToken())), null);
        client = new HttpCoreBenchClient(request, Duration.ofSeconds(5), Duration.ofSeconds(30), null, false);
    }

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    /** Fake nanoseconds: waiting jumps to the deadline, and each request takes {@code perRequest}. */
    static final class FakeTicker implements LoadGenerator.Ticker {
        final AtomicLong now = new AtomicLong(1_000_000_000L);

        @Override
        public long nanoTime() {
            return now.get();
        }

        @Override
        public void awaitNanos(long deadline) {
            now.accumulateAndGet(deadline, Math::max);
        }
    }

    /** The real client, with the fake clock moved on by each exchange. */
    static BenchClient slowedBy(BenchClient real, FakeTicker ticker, Duration perRequest) {
        return new BenchClient() {
            @Override
            public Sender sender() {
                Sender s = real.sender();
                return new Sender() {
                    @Override
                    public Reply send() throws IOException, InterruptedException {
                        Reply r = s.send();
                        ticker.now.addAndGet(perRequest.toNanos());
                        return r;
                    }

                    @Override
                    public void close() {
                        s.close();
                    }
                };
            }

            @Override
            public void close() {
                real.close();
            }
        };
    }

    @Test
    void should_warn_when_the_fixed_rate_is_not_reached_and_stop_at_the_deadline() throws Exception {
        FakeTicker ticker = new FakeTicker();
        LoadGenerator.Plan plan = new LoadGenerator.Plan(1_000_000, Duration.ofSeconds(1), 1, 1000);
        LoadGenerator gen = new LoadGenerator(slowedBy(client, ticker, Duration.ofMillis(2)), request, plan, ticker, null);
        LoadGenerator.Outcome o = gen.run();
        // one worker, 2 ms a request, 1 ms apart: request k goes at 2k ms, and none after the 1 s deadline
        assertEquals(500, o.requests());
        assertEquals(500, o.succeeded());
        assertEquals(500, sandbox.requests().count(), "requests counted == requests the server saw");
        assertEquals(Duration.ofSeconds(1), o.elapsed());
        assertEquals(500.5, o.sendRate(), 0.01);
        assertEquals("warning: achieved 501 req/s of 1000 req/s target: the client or server is saturated "
            + "(more -c, or a lower --rate)", BenchReport.shortfall(plan, o));
        // latency from the intended start (k ms) to the answer (2k + 2 ms); service time is always 2 ms
        assertEquals(501_000, o.latency().getMaxValue(), 501);
        assertEquals(2_000, o.serviceTime().getValueAtPercentile(99.9), 2);
        assertEquals(2_000, o.serviceTime().getMinValue(), 2);
    }

    @Test
    void should_not_warn_when_every_request_went_on_time() throws Exception {
        FakeTicker ticker = new FakeTicker();
        LoadGenerator.Plan plan = new LoadGenerator.Plan(100, Duration.ofSeconds(10), 2, 1000);
        LoadGenerator.Outcome o = new LoadGenerator(client, request, plan, ticker, null).run();
        assertEquals(100, o.requests());
        assertEquals(1000, o.sendRate(), 0.001);
        assertNull(BenchReport.shortfall(plan, o));
        assertEquals(Duration.ofMillis(99), o.elapsed(), "the last of 100 requests 1 ms apart is due at 99 ms");
    }

    @Test
    void should_never_warn_about_a_closed_loop_run() throws Exception {
        FakeTicker ticker = new FakeTicker();
        LoadGenerator.Plan plan = new LoadGenerator.Plan(30, Duration.ofSeconds(1), 3, 0);
        LoadGenerator.Outcome o = new LoadGenerator(slowedBy(client, ticker, Duration.ofMillis(1)), request, plan,
            ticker, null).run();
        assertEquals(30, o.requests());
        assertNull(BenchReport.shortfall(plan, o));
    }

    @Test
    void should_format_the_progress_line_with_elapsed_of_planned_and_the_current_rate() {
        assertEquals("3.5s / 10s  12,345 requests  2 errors  4,012 req/s",
            BenchReport.progressLine(Duration.ofMillis(3500), Duration.ofSeconds(10), 12_345, 0, 2, 4012.4, 0));
        assertEquals("1.0s / 2m  900 requests  0 errors  812 req/s of 1000",
            BenchReport.progressLine(Duration.ofMillis(1000), Duration.ofMinutes(2), 900, 0, 0, 812, 1000));
        assertEquals("0.5s  300 / 5,000 requests  0 errors  600 req/s",
            BenchReport.progressLine(Duration.ofMillis(500), null, 300, 5000, 0, 600, 0));
    }
}
