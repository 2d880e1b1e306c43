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
 * java.net.http client for the whole run (warm-up included), with mgmt's TLS, proxy and timeout
 * settings. Bench bypasses ApiClient on purpose: no retries, tracing or decoding per request.
 */
public final class BenchTarget implements AutoCloseable {
    private final Settings settings;
    private final Env env;
    private final ApiRequest described;
    private final HttpRequest request;
    private HttpClient client;

    private BenchTarget(Settings settings, Env env, ApiRequest described, HttpRequest request) {
        this.settings = settings;
        this.env = env;
        this.described = described;
        this.request = request;
    }

    /**
     * Builds the request without connecting, so a bad URL or a header java.net.http refuses is
     * reported before anything is sent. A JSON {@code body} gets its Content-Type after the user's headers.
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
        if (client == null) {
            client = httpClient();
        }
        return new LoadGenerator(client, request, described, plan, firstErrors);
    }

    /** Redirects are not followed. */
    private HttpClient httpClient() {
        SSLContext ssl = TlsContexts.choose(settings.insecure(), settings.cacert().isSet() ? settings.cacert().value() : null,
            false);
        HttpClient.Builder b = HttpTransport.clientBuilder(settings.connectTimeout().value(), ssl,
            EnvProxySelector.fromEnv(env));
        // Completions run on the client's selector thread: mgmt's handlers only count and send the next
        // request, and a thread hop per response costs more than the work (measured on JDK 17 and 25).
        b.executor(Runnable::run);
        return b.build();
    }

    @Override
    public void close() {
        if (client != null) {
            HttpTransport.close(client);
        }
    }
}
