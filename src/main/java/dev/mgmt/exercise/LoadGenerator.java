package dev.mgmt.exercise;

import dev.mgmt.errors.ApiError;
import dev.mgmt.errors.ErrorDecoder;
import dev.mgmt.http.ApiRequest;
import dev.mgmt.http.ApiResponse;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Sends one request over and over from {@code concurrency} worker threads, each with its own
 * keep-alive connection and one request in flight. Closed loop by default: a worker sends its next
 * request when the previous one is answered. With a rate, request i is due at start + i/rate and its
 * latency is measured from that intended time, so a stalled server shows up in the percentiles
 * instead of silently lowering the send rate (coordinated omission). Stops at the request limit or
 * the deadline, whichever comes first. Per request, only the histograms and two counters are touched.
 */
public final class LoadGenerator {
    /** Latencies above this are recorded as this (an hour, in microseconds). */
    static final long HIGHEST_US = 3_600_000_000L;

    /**
     * @param maxRequests stop after this many requests
     * @param duration    stop sending once this much time has passed
     * @param concurrency in-flight requests (workers)
     * @param rate        requests per second for an open-loop run; 0 for a closed loop
     */
    public record Plan(long maxRequests, Duration duration, int concurrency, double rate) {
    }

    /**
     * What a run measured. Latencies are in microseconds. {@code sendRate} is the rate requests were
     * really sent at: for a fixed-rate run, the requests over the time until the last one's send (plus
     * one period), below the plan's rate when the workers could not keep up; else the throughput.
     */
    public record Outcome(long requests, long succeeded, Duration elapsed, Histogram latency, Histogram serviceTime,
                          Map<String, Long> errorsByStatus, Map<String, Long> errorsByKind, double sendRate) {
        public long failed() {
            return requests - succeeded;
        }

        public double throughput() {
            double s = elapsed.toNanos() / 1e9;
            return s <= 0 ? 0 : requests / s;
        }
    }

    /** The generator's time: monotonic nanoseconds, and a wait until a given reading. */
    public interface Ticker {
        long nanoTime();

        /** Returns once {@link #nanoTime} has reached {@code deadline}, or at once if it has. */
        void awaitNanos(long deadline) throws InterruptedException;

        Ticker SYSTEM = new Ticker() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void awaitNanos(long deadline) throws InterruptedException {
                long wait;
                while ((wait = deadline - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                }
            }
        };
    }

    /** Live counters for a progress line. */
    public static final class Progress {
        final LongAdder done = new LongAdder();
        final LongAdder errors = new LongAdder();
        private final Ticker ticker;
        volatile long startNanos;

        Progress(Ticker ticker) {
            this.ticker = ticker;
            this.startNanos = ticker.nanoTime();
        }

        public long done() {
            return done.sum();
        }

        public long errors() {
            return errors.sum();
        }

        public Duration elapsed() {
            return Duration.ofNanos(ticker.nanoTime() - startNanos);
        }
    }

    private final BenchClient client;
    private final ApiRequest described;
    private final Plan plan;
    private final Ticker ticker;
    private final Progress progress;
    private final Recorder latency = new Recorder(HIGHEST_US, 3);
    private final Recorder service = new Recorder(HIGHEST_US, 3);
    private final Map<String, LongAdder> byStatus = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byKind = new ConcurrentHashMap<>();
    private final LongAdder succeeded = new LongAdder();
    private final AtomicLong next = new AtomicLong();
    private final AtomicLong lastSent = new AtomicLong(Long.MIN_VALUE);
    private final Consumer<String> firstErrors;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    /**
     * @param firstErrors told once about each new kind of error (for -v); may be null
     */
    LoadGenerator(BenchClient client, ApiRequest described, Plan plan, Ticker ticker, Consumer<String> firstErrors) {
        this.client = client;
        this.described = described;
        this.plan = plan;
        this.ticker = ticker;
        this.progress = new Progress(ticker);
        this.firstErrors = firstErrors;
    }

    public Progress progress() {
        return progress;
    }

    public Plan plan() {
        return plan;
    }

    public Outcome run() throws InterruptedException {
        long start = ticker.nanoTime();
        progress.startNanos = start;
        long end = start + plan.duration().toNanos();
        Thread[] workers = new Thread[plan.concurrency()];
        Throwable[] crashed = new Throwable[1];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new Thread(() -> work(start, end), "mgmt-bench-" + w);
            workers[w].setDaemon(true);
            workers[w].setUncaughtExceptionHandler((t, e) -> crashed[0] = e);
            workers[w].start();
        }
        try {
            for (Thread t : workers) {
                t.join();
            }
        } catch (InterruptedException e) {
            for (Thread t : workers) {
                t.interrupt();
            }
            throw e;
        }
        if (crashed[0] != null) {
            throw new IllegalStateException("a bench worker failed: " + crashed[0], crashed[0]);
        }
        Duration elapsed = Duration.ofNanos(ticker.nanoTime() - start);
        Histogram lat = latency.getIntervalHistogram();
        Histogram svc = service.getIntervalHistogram();
        long n = lat.getTotalCount();
        double seconds = elapsed.toNanos() / 1e9;
        double sendRate = plan.rate() <= 0 ? (seconds <= 0 ? 0 : n / seconds)
            : n == 0 ? 0 : n / ((lastSent.get() - start) / 1e9 + 1 / plan.rate());
        return new Outcome(n, succeeded.sum(), elapsed, lat, svc, sorted(byStatus), sorted(byKind), sendRate);
    }

    private void work(long start, long end) {
        try (BenchClient.Sender sender = client.sender()) {
            work(sender, start, end);
        }
    }

    private void work(BenchClient.Sender sender, long start, long end) {
        double periodNanos = plan.rate() > 0 ? 1e9 / plan.rate() : 0;
        while (!Thread.currentThread().isInterrupted()) {
            long i = next.getAndIncrement();
            if (i >= plan.maxRequests()) {
                return;
            }
            long intended;
            if (periodNanos > 0) {
                intended = start + (long) (i * periodNanos);
                if (intended >= end) {
                    return;
                }
                try {
                    ticker.awaitNanos(intended);
                } catch (InterruptedException e) {
                    return;
                }
            } else {
                intended = ticker.nanoTime();
                if (intended >= end) {
                    return;
                }
            }
            long sent = intended;
            if (periodNanos > 0) {
                sent = ticker.nanoTime();
                if (sent >= end) {
                    // behind schedule at the deadline: the requests still due are not sent (the run
                    // would last as long as the backlog), and the achieved rate says so
                    return;
                }
                lastSent.accumulateAndGet(sent, Math::max);
            }
            try {
                BenchClient.Reply r = sender.send();
                long done = ticker.nanoTime();
                record(intended, sent, done);
                if (BenchClient.Reply.success(r.status())) {
                    succeeded.increment();
                } else {
                    failed(r, done - sent);
                }
            } catch (IOException e) {
                record(intended, sent, ticker.nanoTime());
                error("network", networkKind(e), e.toString());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void failed(BenchClient.Reply r, long nanos) {
        int st = r.status();
        ApiResponse resp = new ApiResponse(described, st, r.headers(), r.body(), Duration.ofNanos(nanos));
        ApiError e = ErrorDecoder.decode(resp);
        error(Integer.toString(st), st + " " + (e.code() != null ? e.code() : codeless(e)), e.description());
    }

    private static String networkKind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return "network: connect timeout";
            }
            if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
                return "network: timeout";
            }
            if (t instanceof ConnectException) {
                return "network: connection refused";
            }
        }
        return "network: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    private static String codeless(ApiError e) {
        switch (e.origin()) {
            case HTML_PAGE: return "(HTML page)";
            case EMPTY: return "(empty body)";
            case TEXT: return "(text body)";
            default: return "(no error code)";
        }
    }

    private void record(long intended, long sent, long done) {
        latency.recordValue(Math.min(HIGHEST_US, Math.max(0, (done - intended) / 1000)));
        service.recordValue(Math.min(HIGHEST_US, Math.max(0, (done - sent) / 1000)));
        progress.done.increment();
    }

    private void error(String status, String kind, String description) {
        progress.errors.increment();
        byStatus.computeIfAbsent(status, k -> new LongAdder()).increment();
        byKind.computeIfAbsent(kind, k -> new LongAdder()).increment();
        if (firstErrors != null && seen.add(kind)) {
            firstErrors.accept(kind + ": " + description);
        }
    }

    private static Map<String, Long> sorted(Map<String, LongAdder> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
