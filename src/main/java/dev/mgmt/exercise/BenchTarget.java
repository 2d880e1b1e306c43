package dev.mgmt.exercise;

import dev.mgmt.client.ApiClient;
import dev.mgmt.client.BaseUrl;
import dev.mgmt.client.EnvProxySelector;
import dev.mgmt.client.HttpTransport;
import dev.mgmt.client.TlsContexts;
import dev.mgmt.http.ApiRequest;
import dev.mgmt.process.Env;
import dev.mgmt.process.Version;
import dev.mgmt.settings.Settings;

import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * What bench sends and over what: one request with mgmt's standard headers, built once, and one
 * client for the whole run (warm-up included) with mgmt's TLS, proxy and timeout settings: Apache
 * HttpCore 5's blocking connections when the manager is reached directly, java.net.http through a
 * proxy (or with {@code -Dmgmt.bench.client=jdk}, to compare the two). Bench bypasses ApiClient on purpose: no
 * retries, tracing or decoding per request.
 */
public final class BenchTarget implements AutoCloseable {
    /** Which client to use: "httpcore" (the default) or "jdk"; for comparing them, not a user option. */
    static final String CLIENT_PROPERTY = "mgmt.bench.client";

    private final Settings settings;
    private final Env env;
    private final ApiRequest described;
    private final HttpRequest request;
    private BenchClient client;

    private BenchTarget(Settings settings, Env env, ApiRequest described, HttpRequest request) {
        this.settings = settings;
        this.env = env;
        this.described = described;
        this.request = request;
    }

    /**
     * Builds the request without connecting, so a bad URL or a header java.net.http refuses is
     * reported before anything is sent (the same headers are refused whichever client sends them).
     * A JSON {@code body} gets its Content-Type after the user's headers.
     */
    public static BenchTarget prepare(Settings s, Env env, PrintWriter err, String method, String relative,
                                      List<ApiRequest.Header> userHeaders, byte[] body) {
        BaseUrl base = BaseUrl.parse(s.url().value());
        if (s.insecure()) {
            err.println(TlsContexts.INSECURE_WARNING);
        }
        List<ApiRequest.Header> headers = new ArrayList<>(userHeaders);
        if (body != null) {
            headers.add(new ApiRequest.Header("Content-Type", "application/json"));
        }
        ApiRequest described = ApiClient.standardRequest(method, base.resolve(relative),
            Version.userAgent() + " (bench)", s.token().isSet() ? s.token().value() : null, headers, body);
        return new BenchTarget(s, env, described, HttpTransport.toHttpRequest(described, s.timeout().value()));
    }

    public ApiRequest described() {
        return described;
    }

    /** A generator on the run's one client, which the first call opens. */
    public LoadGenerator generator(LoadGenerator.Plan plan, Consumer<String> firstErrors) {
        return generator(plan, LoadGenerator.Ticker.SYSTEM, firstErrors);
    }

    LoadGenerator generator(LoadGenerator.Plan plan, LoadGenerator.Ticker ticker, Consumer<String> firstErrors) {
        if (client == null) {
            client = open();
        }
        return new LoadGenerator(client, described, plan, ticker, firstErrors);
    }

    /** The client the run uses, for -v: "httpcore", or "java.net.http" through a proxy or when asked. */
    public String clientName() {
        return direct() ? "httpcore" : "java.net.http";
    }

    private boolean direct() {
        EnvProxySelector proxy = EnvProxySelector.fromEnv(env);
        return (proxy == null || proxy.proxyFor(described.uri()) == null)
            && !"jdk".equals(System.getProperty(CLIENT_PROPERTY));
    }

    /** Redirects are not followed. */
    private BenchClient open() {
        SSLContext ssl = TlsContexts.choose(settings.insecure(), settings.cacert().isSet() ? settings.cacert().value() : null,
            false);
        if (direct()) {
            boolean plain = "http".equalsIgnoreCase(described.uri().getScheme());
            return new HttpCoreBenchClient(described, settings.connectTimeout().value(), settings.timeout().value(),
                plain ? null : ssl, settings.insecure());
        }
        HttpClient.Builder b = HttpTransport.clientBuilder(settings.connectTimeout().value(), ssl,
            EnvProxySelector.fromEnv(env));
        return new JdkBenchClient(b.build(), request);
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
