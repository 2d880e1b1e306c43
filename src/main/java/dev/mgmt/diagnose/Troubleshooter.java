package dev.mgmt.diagnose;

import dev.mgmt.client.BaseUrl;
import dev.mgmt.client.EnvProxySelector;
import dev.mgmt.client.HttpTransport;
import dev.mgmt.client.TlsContexts;
import dev.mgmt.errors.ApiError;
import dev.mgmt.errors.ApiException;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.MgmtException;
import dev.mgmt.errors.NetworkException;
import dev.mgmt.http.ApiRequest;
import dev.mgmt.http.ApiResponse;
import dev.mgmt.process.Env;
import dev.mgmt.process.Version;
import dev.mgmt.report.CheckResult;
import dev.mgmt.report.Checklist;
import dev.mgmt.report.Result;
import dev.mgmt.settings.Settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * Runs the catalog's checklist for a failure: picks the topic (by status, network, no token),
 * builds what the checks need, runs each check in order with short timeouts inside one time budget,
 * and never throws: a check that breaks becomes an unknown line.
 */
public final class Troubleshooter {
    /** Each request a check sends may take this long (connect and response). */
    public static final Duration PER_REQUEST = Duration.ofSeconds(2);
    /** No new request starts once the checklist has run this long. */
    public static final Duration BUDGET = Duration.ofMillis(2500);

    private final Env env;
    private final Supplier<Settings> settings;
    private final HttpTransport commandTransport;

    /**
     * Settings come as a supplier: they are resolved only when a failure has a checklist.
     *
     * @param commandTransport what the failed command sent through, built from the same settings; the
     *                         checks reuse its client and connections. Null when the command built none.
     */
    public Troubleshooter(Env env, Supplier<Settings> settings, HttpTransport commandTransport) {
        this.env = env;
        this.settings = settings;
        this.commandTransport = commandTransport;
    }

    /** The catalog topic for a failure, or null when mgmt has no checklist for it. */
    public static Catalog.Topic topicFor(MgmtException e) {
        Catalog catalog = Catalog.get();
        if (e instanceof ApiException) {
            ApiError err = ((ApiException) e).error();
            if (err.origin() == ApiError.Origin.FAILURE_IN_SUCCESS) {
                return null;
            }
            if (isSignIn(((ApiException) e).request()) && err.status() >= 400 && err.status() < 500) {
                return catalog.topic("login");
            }
            return catalog.forStatus(err.status());
        }
        if (e instanceof NetworkException) {
            return catalog.topic("network");
        }
        if (e.exitCode() == ExitCodes.UNAUTHORIZED) {
            return catalog.topic("no-token");
        }
        return null;
    }

    /** A request to the token endpoint: its failures are about credentials, not about a token. */
    private static boolean isSignIn(ApiRequest request) {
        String path = request == null ? "" : request.uri().getPath();
        return request != null && request.method().equals("POST") && (path.endsWith("/auth/token/")
            || path.endsWith("/auth/token"));
    }

    /** The checklist for a failure; empty when there is none. */
    public Checklist checklistFor(MgmtException e) {
        Catalog.Topic topic = topicFor(e);
        if (topic == null) {
            return Checklist.empty();
        }
        ApiRequest request = null;
        ApiResponse response = null;
        int attempts = 1;
        if (e instanceof ApiException) {
            ApiException ae = (ApiException) e;
            request = ae.request();
            response = ae.response();
            attempts = ae.attempts();
        } else if (e instanceof NetworkException) {
            request = ((NetworkException) e).request();
            attempts = ((NetworkException) e).attempts();
        }
        try (Built b = build(env, settings.get(), PER_REQUEST, BUDGET, e, request, response, attempts, commandTransport)) {
            List<CheckResult> results = run(topic, b.context, Map.of());
            return new Checklist(topic.id(), results, topic.nextAfter(b.context.done));
        } catch (RuntimeException ex) {
            return new Checklist(topic.id(), List.of(CheckResult.unknown("checks",
                "could not run: " + ex.getMessage())), topic.next());
        }
    }

    /** A context and the probe it owns. */
    record Built(Context context, Probe probe) implements AutoCloseable {
        @Override
        public void close() {
            if (probe != null) {
                probe.close();
            }
        }
    }

    /** @param shared the command's transport, or null: the probe then builds one of its own */
    static Built build(Env env, Settings settings, Duration checkLimit, Duration budget, MgmtException failure,
                       ApiRequest request, ApiResponse response, int attempts, HttpTransport shared) {
        // A check never waits longer than the user allowed the command itself (--timeout).
        Duration timeout = settings.timeout().value();
        Duration perRequest = timeout != null && timeout.compareTo(checkLimit) < 0 ? timeout : checkLimit;
        BaseUrl base = null;
        String urlError = null;
        try {
            base = BaseUrl.parse(settings.url().value());
        } catch (MgmtException ex) {
            urlError = ex.getMessage();
        }
        SSLContext ssl = null;
        try {
            // As for the command itself: a plain http:// manager loads no trust store (tens of milliseconds).
            ssl = TlsContexts.choose(settings.insecure(), settings.cacert().isSet() ? settings.cacert().value() : null,
                base != null && base.isPlainHttp());
        } catch (MgmtException ignored) {
            // An unreadable --cacert is reported by the command itself; checks use the system trust.
        }
        EnvProxySelector proxy;
        try {
            proxy = EnvProxySelector.fromEnv(env);
        } catch (MgmtException ex) {
            proxy = null;
        }
        Probe probe = base == null ? null : new Probe(base, settings.token().value(),
            Version.userAgent() + " (troubleshooting)",
            shared != null ? shared.sharing(perRequest, Probe.LIMIT_NAME) : Probe.ownTransport(perRequest, ssl, proxy),
            budget);
        Context c = new Context(env, settings, base, urlError, probe, ssl, proxy, perRequest, failure, request,
            response, attempts);
        return new Built(c, probe);
    }

    /** Runs a topic's checks in order; {@code exits} gives the exit code of a check that sets none itself. */
    static List<CheckResult> run(Catalog.Topic topic, Context c, Map<String, Integer> exits) {
        List<CheckResult> out = new ArrayList<>();
        for (Catalog.Item item : topic.checks()) {
            long start = System.nanoTime();
            List<CheckResult> results;
            String skip = skipReason(item.id(), c);
            if (skip != null) {
                results = List.of(CheckResult.unknown(item.label(), skip));
            } else {
                try {
                    results = Checks.run(item.id(), item.label(), c);
                } catch (RuntimeException ex) {
                    results = List.of(CheckResult.unknown(item.label(), "the check itself failed: " + ex));
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            for (CheckResult r : results) {
                CheckResult timed = r.elapsed() == null ? r.withElapsed(took) : r;
                if (timed.exit() == null && exits.containsKey(item.id())) {
                    timed = timed.withExit(exits.get(item.id()));
                }
                out.add(timed);
                c.done.putIfAbsent(item.id(), timed);
            }
        }
        return out;
    }

    /** Wire checks that cannot mean anything after an earlier one failed. */
    private static String skipReason(String id, Context c) {
        CheckResult dns = c.done.get("dns");
        CheckResult tcp = c.done.get("tcp");
        CheckResult proxy = c.done.get("proxy-vars");
        if ((id.equals("tcp") || id.equals("tls") || id.equals("dns")) && proxy != null && proxy.result() == Result.FAIL) {
            return "skipped: the proxy failed (above)";
        }
        if (id.equals("tls") && c.base != null && c.base.isPlainHttp()) {
            return null;
        }
        if ((id.equals("tcp") || id.equals("tls")) && dns != null && dns.result() == Result.FAIL) {
            return "skipped: the host name does not resolve";
        }
        if (id.equals("tls") && tcp != null && tcp.result() == Result.FAIL) {
            return "skipped: no TCP connection";
        }
        return null;
    }
}
