package dev.mgmt.exercise;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.UsageException;
import dev.mgmt.http.ApiRequest;
import dev.mgmt.json.Json;
import dev.mgmt.text.Durations;
import org.HdrHistogram.Histogram;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** How a bench run is shown: text for people, JSON for machines, a live line on a terminal. */
public final class BenchReport {
    private BenchReport() {
    }

    public static Duration parseDuration(String text) {
        try {
            return Durations.parse(text, Durations.Bare.SECONDS, false);
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid duration '" + text + "': expected e.g. 500ms, 10s, 2m");
        }
    }

    public static void text(PrintWriter out, ApiRequest request, LoadGenerator.Plan plan, LoadGenerator.Outcome o) {
        out.println(request.method() + " " + request.uri() + "  (" + plan.concurrency() + " in flight"
            + (plan.rate() > 0 ? ", " + num(plan.rate()) + " req/s fixed rate" : "") + ")");
        out.println(String.format(Locale.ROOT, "requests:    %d in %.2f s (%d ok, %d failed)", o.requests(),
            o.elapsed().toNanos() / 1e9, o.succeeded(), o.failed()));
        out.println(String.format(Locale.ROOT, "throughput:  %.1f req/s", o.throughput()));
        if (plan.rate() > 0) {
            out.println(String.format(Locale.ROOT, "rate:        %.1f of %s req/s sent", o.sendRate(), num(plan.rate())));
        }
        out.println("latency:     " + percentiles(o.latency())
            + (plan.rate() > 0 ? "   (from the intended start: corrected for coordinated omission)" : ""));
        if (plan.rate() > 0) {
            out.println("service:     " + percentiles(o.serviceTime()) + "   (from the actual send)");
        }
        if (!o.errorsByKind().isEmpty()) {
            out.println("errors:");
            int w = o.errorsByKind().keySet().stream().mapToInt(String::length).max().orElse(0);
            for (Map.Entry<String, Long> e : o.errorsByKind().entrySet()) {
                out.println(String.format(Locale.ROOT, "  %-" + w + "s  %d", e.getKey(), e.getValue()));
            }
        }
    }

    private static String percentiles(Histogram h) {
        if (h.getTotalCount() == 0) {
            return "no requests completed";
        }
        return "p50 " + ms(h.getValueAtPercentile(50)) + "  p90 " + ms(h.getValueAtPercentile(90)) + "  p99 "
            + ms(h.getValueAtPercentile(99)) + "  p99.9 " + ms(h.getValueAtPercentile(99.9)) + "  max "
            + ms(h.getMaxValue()) + " ms";
    }

    private static String ms(long micros) {
        double v = micros / 1000.0;
        return v < 10 ? String.format(Locale.ROOT, "%.2f", v) : v < 100 ? String.format(Locale.ROOT, "%.1f", v)
            : String.format(Locale.ROOT, "%.0f", v);
    }

    private static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    public static ObjectNode json(ApiRequest request, LoadGenerator.Plan plan, boolean countGiven,
                                  LoadGenerator.Outcome o) {
        ObjectNode j = Json.mapper().createObjectNode();
        j.put("method", request.method());
        j.put("url", request.uri().toString());
        j.put("concurrency", plan.concurrency());
        if (plan.rate() > 0) {
            j.put("rate_per_second", plan.rate());
        } else {
            j.putNull("rate_per_second");
        }
        ObjectNode limit = j.putObject("limit");
        if (countGiven) {
            limit.put("requests", plan.maxRequests());
        } else {
            limit.putNull("requests");
        }
        limit.put("duration_seconds", plan.duration().toNanos() / 1e9);
        j.put("requests", o.requests());
        j.put("succeeded", o.succeeded());
        j.put("failed", o.failed());
        j.put("elapsed_seconds", round(o.elapsed().toNanos() / 1e9, 3));
        j.put("throughput_per_second", round(o.throughput(), 1));
        if (plan.rate() > 0) {
            j.put("achieved_rate_per_second", round(o.sendRate(), 1));
        } else {
            j.putNull("achieved_rate_per_second");
        }
        j.put("coordinated_omission_corrected", plan.rate() > 0);
        histogram(j.putObject("latency_ms"), o.latency());
        if (plan.rate() > 0) {
            histogram(j.putObject("service_time_ms"), o.serviceTime());
        }
        ObjectNode errors = j.putObject("errors");
        ObjectNode byStatus = errors.putObject("by_status");
        o.errorsByStatus().forEach(byStatus::put);
        ObjectNode byCode = errors.putObject("by_code");
        o.errorsByKind().forEach(byCode::put);
        j.put("exit_code", exitCode(o));
        return j;
    }

    private static void histogram(ObjectNode n, Histogram h) {
        boolean any = h.getTotalCount() > 0;
        n.put("p50", any ? h.getValueAtPercentile(50) / 1000.0 : 0);
        n.put("p90", any ? h.getValueAtPercentile(90) / 1000.0 : 0);
        n.put("p99", any ? h.getValueAtPercentile(99) / 1000.0 : 0);
        n.put("p99_9", any ? h.getValueAtPercentile(99.9) / 1000.0 : 0);
        n.put("max", any ? h.getMaxValue() / 1000.0 : 0);
        n.put("mean", any ? round(h.getMean() / 1000.0, 3) : 0);
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    /** How far below its target a fixed rate may fall before bench says so. */
    static final double SHORTFALL = 0.95;

    /**
     * The warning for a fixed-rate run that sent requests slower than asked (the workers were all
     * waiting for answers, or the machine was busy), or null: the latencies then no longer describe
     * the asked-for load.
     */
    public static String shortfall(LoadGenerator.Plan plan, LoadGenerator.Outcome o) {
        if (plan.rate() <= 0 || o.requests() == 0 || o.sendRate() >= plan.rate() * SHORTFALL) {
            return null;
        }
        return String.format(Locale.ROOT, "warning: achieved %.0f req/s of %s req/s target: the client or server is "
            + "saturated (more -c, or a lower --rate)", o.sendRate(), num(plan.rate()));
    }

    /** 0 when any request succeeded; otherwise the class of the most frequent error. */
    public static int exitCode(LoadGenerator.Outcome o) {
        if (o.succeeded() > 0) {
            return ExitCodes.OK;
        }
        String top = null;
        long most = -1;
        for (Map.Entry<String, Long> e : o.errorsByStatus().entrySet()) {
            if (e.getValue() > most) {
                most = e.getValue();
                top = e.getKey();
            }
        }
        if (top == null) {
            return ExitCodes.NETWORK;
        }
        return top.equals("network") ? ExitCodes.NETWORK : ExitCodes.forStatus(Integer.parseInt(top));
    }

    /**
     * The progress line: elapsed of the planned time (or requests done of -n), requests and errors so
     * far, and the rate of the last interval (of the target, for a fixed rate).
     *
     * @param planned the -d duration, or null when only -n bounds the run
     * @param limit   the -n limit, or 0 when only time bounds the run
     */
    static String progressLine(Duration elapsed, Duration planned, long done, long limit, long errors,
                               double currentRate, double targetRate) {
        String when = String.format(Locale.ROOT, "%.1fs", elapsed.toMillis() / 1000.0)
            + (planned != null ? " / " + Durations.human(planned) : "");
        String count = limit > 0 ? String.format(Locale.ROOT, "%,d / %,d requests", done, limit)
            : String.format(Locale.ROOT, "%,d requests", done);
        String rate = String.format(Locale.ROOT, "%,.0f req/s", currentRate)
            + (targetRate > 0 ? " of " + num(targetRate) : "");
        return when + "  " + count + "  " + String.format(Locale.ROOT, "%,d errors", errors) + "  " + rate;
    }

    /** The progress line on a terminal's stderr, redrawn twice a second, erased at the end. */
    public static final class Live {
        private static final long INTERVAL_MS = 500;
        private final Thread thread;
        private final PrintWriter err;
        private volatile boolean running = true;
        private volatile int drawn;

        private Live(LoadGenerator.Progress p, Duration planned, long limit, double targetRate, PrintWriter err) {
            this.err = err;
            this.thread = new Thread(() -> {
                long lastDone = 0;
                long lastNanos = p.elapsed().toNanos();
                while (running) {
                    try {
                        Thread.sleep(INTERVAL_MS);
                    } catch (InterruptedException e) {
                        return;
                    }
                    long nanos = p.elapsed().toNanos();
                    long done = p.done();
                    double rate = nanos > lastNanos ? (done - lastDone) * 1e9 / (nanos - lastNanos) : 0;
                    lastDone = done;
                    lastNanos = nanos;
                    String line = progressLine(Duration.ofNanos(nanos), planned, done, limit, p.errors(), rate,
                        targetRate);
                    synchronized (err) {
                        // padded to the longest line so far, so that a shorter one leaves nothing behind
                        err.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
                        drawn = Math.max(drawn, line.length());
                        err.flush();
                    }
                }
            }, "mgmt-bench-progress");
            thread.setDaemon(true);
        }

        /**
         * @param planned the -d duration, or null when only -n bounds the run
         * @param limit   the -n limit, or 0 when only time bounds the run
         */
        public static Live start(LoadGenerator.Progress p, Duration planned, long limit, double targetRate,
                                 PrintWriter err) {
            Live l = new Live(p, planned, limit, targetRate, err);
            l.thread.start();
            return l;
        }

        public void stop() {
            running = false;
            thread.interrupt();
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (err) {
                if (drawn > 0) {
                    err.print("\r" + " ".repeat(drawn) + "\r");
                    err.flush();
                }
            }
        }
    }
}
