package dev.mgmt.exercise;

import dev.mgmt.errors.ApiError;
import dev.mgmt.errors.ErrorDecoder;
import dev.mgmt.http.ApiRequest;
import dev.mgmt.http.ApiResponse;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends one request over and over with {@code concurrency} requests in flight on one shared HttpClient.
 * Closed loop by default: that many chains of sendAsync, each sending its next request from the
 * previous one's completion (no thread per request, no thread hop with the client's direct executor); with a rate, request i is due at start + i/rate and its latency
 * is measured from that intended time, so a stalled server shows up in the percentiles instead of
 * silently lowering the send rate (coordinated omission). Stops at the request limit or the deadline,
 * whichever comes first. Success bodies are discarded unread; only error bodies are decoded.
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

    /** What a run measured. Latencies are in microseconds. */
    public record Outcome(long requests, long succeeded, Duration elapsed, Histogram latency, Histogram serviceTime,
                          Map<String, Long> errorsByStatus, Map<String, Long> errorsByKind) {
        public long failed() {
            return requests - succeeded;
        }

        public double throughput() {
            double s = elapsed.toNanos() / 1e9;
            return s <= 0 ? 0 : requests / s;
        }
    }

    /** Live counters for a progress line. */
    public static final class Progress {
        final LongAdder done = new LongAdder();
        final LongAdder errors = new LongAdder();
        volatile long startNanos = System.nanoTime();

        public long done() {
            return done.sum();
        }

        public long errors() {
            return errors.sum();
        }

        public Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - startNanos);
        }
    }

    private final HttpClient client;
    private final HttpRequest request;
    private final ApiRequest described;
    private final Plan plan;
    private final Progress progress = new Progress();
    private final Recorder latency = new Recorder(HIGHEST_US, 3);
    private final Recorder service = new Recorder(HIGHEST_US, 3);
    private final Map<String, LongAdder> byStatus = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byKind = new ConcurrentHashMap<>();
    private final LongAdder succeeded = new LongAdder();
    private final AtomicLong next = new AtomicLong();
    private final java.util.function.Consumer<String> firstErrors;
    private final java.util.Set<String> seen = ConcurrentHashMap.newKeySet();

    /**
     * @param firstErrors told once about each new kind of error (for -v); may be null
     */
    public LoadGenerator(HttpClient client, HttpRequest request, ApiRequest described, Plan plan,
                         java.util.function.Consumer<String> firstErrors) {
        this.client = client;
        this.request = request;
        this.described = described;
        this.plan = plan;
        this.firstErrors = firstErrors;
    }

    public Progress progress() {
        return progress;
    }

    public Outcome run() throws InterruptedException {
        long start = System.nanoTime();
        progress.startNanos = start;
        long end = start + plan.duration().toNanos();
        if (plan.rate() <= 0) {
            // closed loop: each of the c chains sends the next request from the previous one's completion
            java.util.concurrent.CountDownLatch chains = new java.util.concurrent.CountDownLatch(plan.concurrency());
            for (int w = 0; w < plan.concurrency(); w++) {
                issue(end, chains);
            }
            chains.await();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            Histogram lat = latency.getIntervalHistogram();
            Histogram svc = service.getIntervalHistogram();
            return new Outcome(lat.getTotalCount(), succeeded.sum(), elapsed, lat, svc, sorted(byStatus), sorted(byKind));
        }
        Thread[] workers = new Thread[plan.concurrency()];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new Thread(() -> work(start, end), "mgmt-bench-" + w);
            workers[w].setDaemon(true);
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
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        Histogram lat = latency.getIntervalHistogram();
        Histogram svc = service.getIntervalHistogram();
        return new Outcome(lat.getTotalCount(), succeeded.sum(), elapsed, lat, svc, sorted(byStatus), sorted(byKind));
    }

    private void work(long start, long end) {
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
                long wait;
                while ((wait = intended - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                }
            } else {
                intended = System.nanoTime();
                if (intended >= end) {
                    return;
                }
            }
            long sent = System.nanoTime();
            try {
                HttpResponse<byte[]> r = client.send(request, info -> info.statusCode() >= 200 && info.statusCode() <= 299
                    ? HttpResponse.BodySubscribers.replacing(null)
                    : HttpResponse.BodySubscribers.ofByteArray());
                long done = System.nanoTime();
                record(intended, sent, done);
                int st = r.statusCode();
                if (st >= 200 && st <= 299) {
                    succeeded.increment();
                } else {
                    ApiResponse resp = new ApiResponse(described, st, r.headers(), r.body() == null ? new byte[0] : r.body(),
                        Duration.ofNanos(done - sent));
                    ApiError e = ErrorDecoder.decode(resp);
                    error(Integer.toString(st), st + " " + (e.code() != null ? e.code() : codeless(e)), e.description());
                }
            } catch (IOException e) {
                record(intended, sent, System.nanoTime());
                error("network", networkKind(e), e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Sends the chain's next request. A future that is already complete (a refused connection fails at
     * once) is handled in this loop rather than by recursion, so a long run of instant failures cannot
     * overflow the stack.
     */
    private void issue(long end, java.util.concurrent.CountDownLatch chains) {
        while (true) {
            long i = next.getAndIncrement();
            long sent = System.nanoTime();
            if (i >= plan.maxRequests() || sent >= end) {
                chains.countDown();
                return;
            }
            java.util.concurrent.CompletableFuture<HttpResponse<byte[]>> f = client.sendAsync(request, HANDLER);
            if (!f.isDone()) {
                f.whenComplete((r, t) -> {
                    completed(sent, r, t);
                    issue(end, chains);
                });
                return;
            }
            HttpResponse<byte[]> r = null;
            Throwable t = null;
            try {
                r = f.join();
            } catch (RuntimeException e) {
                t = e;
            }
            completed(sent, r, t);
        }
    }

    private void completed(long sent, HttpResponse<byte[]> r, Throwable t) {
        long done = System.nanoTime();
        record(sent, sent, done);
        if (t == null) {
            outcome(r, sent, done);
        } else {
            Throwable c = (t instanceof java.util.concurrent.CompletionException) && t.getCause() != null ? t.getCause() : t;
            error("network", networkKind(c), c.toString());
        }
    }

    private static final HttpResponse.BodyHandler<byte[]> HANDLER = info -> info.statusCode() >= 200
        && info.statusCode() <= 299 ? HttpResponse.BodySubscribers.replacing(null) : HttpResponse.BodySubscribers.ofByteArray();

    private void outcome(HttpResponse<byte[]> r, long sent, long done) {
        int st = r.statusCode();
        if (st >= 200 && st <= 299) {
            succeeded.increment();
        } else {
            ApiResponse resp = new ApiResponse(described, st, r.headers(), r.body() == null ? new byte[0] : r.body(),
                Duration.ofNanos(done - sent));
            ApiError e = ErrorDecoder.decode(resp);
            error(Integer.toString(st), st + " " + (e.code() != null ? e.code() : codeless(e)), e.description());
        }
    }

    private static String networkKind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return "network: connect timeout";
            }
            if (t instanceof HttpTimeoutException) {
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
