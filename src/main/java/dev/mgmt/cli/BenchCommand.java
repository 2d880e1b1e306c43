package dev.mgmt.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.client.ApiPaths;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.MgmtException;
import dev.mgmt.errors.UsageException;
import dev.mgmt.exercise.BenchReport;
import dev.mgmt.exercise.BenchTarget;
import dev.mgmt.exercise.LoadGenerator;
import dev.mgmt.http.ApiRequest;
import dev.mgmt.input.InputData;
import dev.mgmt.json.Json;
import dev.mgmt.run.Invocation;
import dev.mgmt.settings.OutputFormat;
import dev.mgmt.settings.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code mgmt bench PATH}: load one endpoint and report throughput, latency percentiles and errors. */
@Command(footerHeading = "%nExamples:%n", footer = {
        "  mgmt bench projects/ -c 8 -d 10s",
        "  mgmt bench projects/MyProject/apiProxies/ --rate 200 -d 30s -o json"},
    name = "bench",
    description = {
        "Load one endpoint and report throughput, latency percentiles and errors.",
        "Sends one request repeatedly with -c requests in flight and reports throughput, latency percentiles",
        "(p50 p90 p99 p99.9 max, HdrHistogram) and errors by status and code. PATH is relative to /apiops/.",
        "Stops by itself: after -n requests or -d time (default 10s); never more than "
            + BenchCommand.MAX_REQUESTS_TEXT + " requests or " + BenchCommand.MAX_DURATION_TEXT + ".",
        "--rate sends at a fixed arrival rate and measures latency from each request's intended start",
        "(corrected for coordinated omission); stderr warns when the rate achieved falls short of it.",
        "GET by default; other methods need --method and --yes-mutate. One keep-alive connection per -c",
        "(Apache HttpCore); through a proxy, java.net.http. On a terminal, stderr shows a progress line.",
        "No retries, no troubleshooting probes; -v prints each new kind of error once."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        " 0:the run completed and at least one request succeeded (errors are reported, not fatal)",
        " 2:usage error (e.g. a mutating --method without --yes-mutate)",
        "3-12:no request succeeded: the class of the most frequent error"},
    sortOptions = false)
public final class BenchCommand extends BaseCommand {

    @Override
    PrintedFormats printedFormats() {
        return PrintedFormats.REPORT;
    }
    static final long MAX_REQUESTS = 10_000_000L;
    static final String MAX_REQUESTS_TEXT = "10,000,000";
    static final Duration MAX_DURATION = Duration.ofMinutes(30);
    static final String MAX_DURATION_TEXT = "30m";
    static final int MAX_CONCURRENCY = 1024;
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE");

    @Parameters(index = "0", paramLabel = "PATH", description = "Endpoint relative to /apiops/, e.g. projects/.")
    String path;

    @Option(names = {"-n", "--requests"}, paramLabel = "N", description = "Send exactly N requests (unless -d ends the run first).")
    Long requests;

    @Option(names = {"-d", "--duration"}, paramLabel = "DURATION", description = "Run for this long: 500ms, 10s, 2m (default 10s without -n).")
    String duration;

    @Option(names = {"-c", "--concurrency"}, paramLabel = "C", defaultValue = "1",
        description = "Requests in flight at once (default 1).")
    int concurrency;

    @Option(names = "--warmup", paramLabel = "DURATION",
        description = "Send for this long first and discard the results (JIT, connections).")
    String warmup;

    @Option(names = "--rate", paramLabel = "R", description = "Fixed arrival rate, requests per second (open loop).")
    Double rate;

    @Option(names = {"-X", "--method"}, paramLabel = "M", description = "HTTP method (default GET).")
    String method = "GET";

    @Option(names = "--yes-mutate", description = "Allow a method that changes state (POST, PUT, PATCH, DELETE).")
    boolean yesMutate;

    @Option(names = "--data", paramLabel = "DATA", description = "Request body: inline JSON, @FILE, or @- for stdin.")
    String data;

    @Option(names = {"-H", "--header"}, paramLabel = "'K: V'", description = "Extra request header (repeatable).")
    List<String> headers = new ArrayList<>();

    @Override
    public Integer call() {
        Invocation inv = invocation();
        String m = method.toUpperCase(Locale.ROOT);
        if (!METHODS.contains(m)) {
            throw new UsageException("unknown HTTP method '" + method + "'");
        }
        if (!SAFE.contains(m) && !yesMutate) {
            throw new UsageException("--method " + m + " changes state on the server, " + "once per request: add "
                + "--yes-mutate to really do that", "Benchmark a read instead: mgmt bench projects/ -c 8 -d 10s");
        }
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new UsageException("-c must be between 1 and " + MAX_CONCURRENCY + ", got " + concurrency);
        }
        if (requests != null && (requests < 1 || requests > MAX_REQUESTS)) {
            throw new UsageException("-n must be between 1 and " + MAX_REQUESTS_TEXT + ", got " + requests);
        }
        Duration d = duration == null ? null : BenchReport.parseDuration(duration);
        if (d != null && (d.isZero() || d.compareTo(MAX_DURATION) > 0)) {
            throw new UsageException("-d must be more than 0 and at most " + MAX_DURATION_TEXT + ", got " + duration);
        }
        if (rate != null && (!(rate > 0) || rate > 1_000_000)) {
            throw new UsageException("--rate must be more than 0 and at most 1000000 requests per second");
        }
        Duration warmupTime = warmup == null ? null : BenchReport.parseDuration(warmup);
        if (warmupTime != null && warmupTime.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new UsageException("--warmup must be at most 5m, got " + warmup);
        }
        long limit = requests != null ? requests : MAX_REQUESTS;
        Duration window = d != null ? d : requests != null ? MAX_DURATION : Duration.ofSeconds(10);
        String relative = ApiPaths.normalizeUserPath(path, false);
        List<ApiRequest.Header> userHeaders = ApiCommand.parseHeaders(headers);
        byte[] body = data == null ? null : InputData.read(data, inv.env().stdin()).asJson();
        Settings s = inv.settings();
        LoadGenerator.Plan plan = new LoadGenerator.Plan(limit, window, concurrency, rate == null ? 0 : rate);
        try (BenchTarget target = BenchTarget.prepare(s, inv.env(), inv.err(), m, relative, userHeaders, body)) {
            ApiRequest described = target.described();
            boolean verbose = s.verbosity() > 0;
            if (verbose) {
                inv.err().println(inv.redactor().redact("bench: " + described.line() + " with " + concurrency
                    + " in flight" + (rate != null ? " at " + rate + " req/s" : "") + " over " + target.clientName()));
                inv.err().flush();
            }
            LoadGenerator gen = target.generator(plan, verbose ? msg -> {
                synchronized (inv.err()) {
                    inv.err().println(inv.redactor().redact("bench: first " + msg));
                    inv.err().flush();
                }
            } : null);
            BenchReport.Live live = null;
            LoadGenerator.Outcome outcome;
            try {
                if (warmupTime != null) {
                    target.generator(new LoadGenerator.Plan(MAX_REQUESTS, warmupTime, concurrency, rate == null ? 0 : rate),
                        null).run();
                }
                live = inv.env().stderrTerminal() && !s.quiet()
                    ? BenchReport.Live.start(gen.progress(), d != null || requests == null ? window : null,
                        requests != null ? requests : 0, plan.rate(), inv.err()) : null;
                outcome = gen.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MgmtException(ExitCodes.INTERRUPTED, "interrupted");
            } finally {
                if (live != null) {
                    live.stop();
                }
            }
            String shortfall = BenchReport.shortfall(plan, outcome);
            if (shortfall != null) {
                inv.err().println(shortfall);
                inv.err().flush();
            }
            OutputFormat format = s.output().value();
            if (format.structured()) {
                ObjectNode json = BenchReport.json(described, plan, requests != null, outcome);
                inv.out().println(format == OutputFormat.YAML ? yaml(json) : Json.pretty(json));
            } else {
                BenchReport.text(inv.out(), described, plan, outcome);
            }
            inv.out().flush();
            return BenchReport.exitCode(outcome);
        }
    }

    private static String yaml(ObjectNode json) {
        try {
            return new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().writeValueAsString(json).stripTrailing();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
