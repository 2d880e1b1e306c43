package dev.mgmt.diagnose;

import dev.mgmt.client.ApiClient;
import dev.mgmt.client.BaseUrl;
import dev.mgmt.client.EnvProxySelector;
import dev.mgmt.client.HttpTransport;
import dev.mgmt.errors.ApiError;
import dev.mgmt.errors.MgmtException;
import dev.mgmt.errors.WebPage;
import dev.mgmt.http.ApiRequest;
import dev.mgmt.http.ApiResponse;
import dev.mgmt.text.Durations;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * The requests checks send: a transport with a short limit, so a check never waits as long as the
 * command did, and a shared time budget, so the whole checklist stays short. Results
 * are remembered per URL and token use: several checks asking the same question cost one request.
 */
public final class Probe implements AutoCloseable {
    private final BaseUrl base;
    private final String token;
    private final String userAgent;
    private final HttpTransport transport;
    private final long deadline;
    private final List<Cached> cache = new ArrayList<>();

    /** What came back: a response, or the failure that replaced it, or nothing because time ran out. */
    public record Outcome(ApiResponse response, MgmtException failure, Duration elapsed, boolean skipped) {
        public boolean answered() {
            return response != null;
        }

        public int status() {
            return response == null ? 0 : response.status();
        }

        /** A 2xx that is the API's answer: a web page from a sign-in gateway is not. */
        public boolean ok() {
            return response != null && response.isSuccess() && webPage() == null;
        }

        /** The failure a 2xx web page means, or null. */
        public ApiError webPage() {
            return response == null ? null : WebPage.inspect(response);
        }

        /** One line for details: "HTTP 404 in 3ms" or the network failure. */
        public String describe() {
            if (skipped) {
                return "skipped: the checklist's time budget is used up";
            }
            if (response == null) {
                return failure == null ? "no answer" : failure.getMessage();
            }
            return "HTTP " + response.status() + " in " + Durations.human(elapsed);
        }
    }

    private record Cached(URI uri, boolean withToken, Outcome outcome) {
    }

    /** How a check's time limit is named in its messages. */
    static final String LIMIT_NAME = "the check's limit";

    /** @param transport bounds each exchange, body included, by a check's limit; the probe closes it */
    public Probe(BaseUrl base, String token, String userAgent, HttpTransport transport, Duration budget) {
        this.base = base;
        this.token = token;
        this.userAgent = userAgent;
        this.transport = transport;
        this.deadline = System.nanoTime() + budget.toNanos();
    }

    /** A transport of its own: when the command built none, or its settings differ (doctor). */
    public static HttpTransport ownTransport(Duration perRequest, SSLContext ssl, EnvProxySelector proxy) {
        return new HttpTransport(perRequest, perRequest, ssl, proxy, LIMIT_NAME);
    }

    public BaseUrl base() {
        return base;
    }

    public boolean hasToken() {
        return token != null;
    }

    public boolean outOfTime() {
        return System.nanoTime() > deadline;
    }

    /** GET of an encoded path relative to /apiops/. */
    public Outcome get(String relativePath, boolean withToken) {
        return get(base.resolve(relativePath), withToken);
    }

    public synchronized Outcome get(URI uri, boolean withToken) {
        for (Cached c : cache) {
            if (c.uri().equals(uri) && c.withToken() == withToken) {
                return c.outcome();
            }
        }
        Outcome o = send("GET", uri, withToken, List.of(), null);
        if (!o.skipped()) {
            cache.add(new Cached(uri, withToken, o));
        }
        return o;
    }

    /** One request with the token, never remembered (a write probe's answer is not a fact about the URL). */
    public Outcome send(String method, String relativePath, List<ApiRequest.Header> headers, byte[] body) {
        return send(method, base.resolve(relativePath), true, headers, body);
    }

    private Outcome send(String method, URI uri, boolean withToken, List<ApiRequest.Header> headers, byte[] body) {
        if (outOfTime()) {
            return new Outcome(null, null, Duration.ZERO, true);
        }
        ApiRequest request = ApiClient.standardRequest(method, uri, userAgent, withToken ? token : null, headers, body);
        long start = System.nanoTime();
        try {
            ApiResponse r = transport.exchange(request);
            return new Outcome(r, null, r.elapsed(), false);
        } catch (MgmtException e) {
            return new Outcome(null, e, Duration.ofNanos(System.nanoTime() - start), false);
        } catch (RuntimeException e) {
            return new Outcome(null, new MgmtException(1, String.valueOf(e.getMessage())),
                Duration.ofNanos(System.nanoTime() - start), false);
        }
    }

    @Override
    public void close() {
        transport.close();
    }
}
