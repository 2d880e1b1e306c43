package dev.mgmt.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.client.retry.ReadBack;
import dev.mgmt.client.retry.RetryLoop.Reconciliation;
import dev.mgmt.client.retry.RetryLoop;
import dev.mgmt.errors.ApiError;
import dev.mgmt.errors.ApiException;
import dev.mgmt.errors.ErrorDecoder;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.FailureDetector;
import dev.mgmt.errors.MgmtException;
import dev.mgmt.errors.NotFoundAnswer;
import dev.mgmt.errors.WebPage;
import dev.mgmt.http.ApiRequest;
import dev.mgmt.http.ApiResponse;
import dev.mgmt.json.Json;
import dev.mgmt.process.Spool;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one way commands talk to the Management API: builds requests with the standard headers,
 * sends them through the transport with tracing, and turns failures into exceptions. {@link #call} and
 * {@link #stream} go through the {@link RetryLoop}; {@link #send} is always a single exchange.
 */
public final class ApiClient implements AutoCloseable {
    private final BaseUrl base;
    private final String token;
    private final String userAgent;
    private final HttpTransport transport;
    private final Tracer tracer;
    private final RetryLoop retry;

    public ApiClient(BaseUrl base, String token, String userAgent, HttpTransport transport, Tracer tracer) {
        this(base, token, userAgent, transport, tracer, RetryLoop.none());
    }

    public ApiClient(BaseUrl base, String token, String userAgent, HttpTransport transport, Tracer tracer,
                     RetryLoop retry) {
        this.base = base;
        this.token = token;
        this.userAgent = userAgent;
        this.transport = transport;
        this.tracer = tracer;
        this.retry = retry;
    }

    public BaseUrl base() {
        return base;
    }

    public boolean hasToken() {
        return token != null;
    }

    /** What this client sends through; troubleshooting checks reuse its connections. */
    public HttpTransport transport() {
        return transport;
    }

    /** A request with mgmt's standard headers; user headers of the same name replace them. */
    public ApiRequest request(String method, URI uri, List<ApiRequest.Header> userHeaders, byte[] body) {
        return standardRequest(method, uri, userAgent, token, userHeaders, body);
    }

    /** The same, for a sender that does not go through an ApiClient (bench drives java.net.http itself). */
    public static ApiRequest standardRequest(String method, URI uri, String userAgent, String token,
                                             List<ApiRequest.Header> userHeaders, byte[] body) {
        List<ApiRequest.Header> headers = new ArrayList<>();
        headers.add(new ApiRequest.Header("Accept", "application/json"));
        headers.add(new ApiRequest.Header("User-Agent", userAgent));
        if (token != null) {
            headers.add(new ApiRequest.Header("Authorization", "Bearer " + token));
        }
        ApiRequest r = new ApiRequest(method, uri, headers, body);
        for (ApiRequest.Header h : userHeaders) {
            r = r.withHeader(h.name(), h.value());
        }
        return r;
    }

    public ApiRequest get(String... segments) {
        return request("GET", base.resolveSegments(segments), List.of(), null);
    }

    /** One exchange, whatever the status: for checks that want to look at failures themselves. */
    public ApiResponse send(ApiRequest request) {
        return send(request, 1);
    }

    /** One exchange bounded by {@code limit} instead of --timeout, whatever the status. */
    public ApiResponse send(ApiRequest request, Duration limit) {
        return send(request, 1, limit);
    }

    private ApiResponse send(ApiRequest request, int attempt) {
        return send(request, attempt, transport.timeout());
    }

    private ApiResponse send(ApiRequest request, int attempt, Duration limit) {
        beforeSend(request, attempt);
        ApiResponse response = transport.exchange(request, limit);
        tracer.afterReceive(response);
        return response;
    }

    /**
     * Sends and insists on success: a non-2xx status, or a 2xx whose JSON body reports a failure,
     * becomes an {@link ApiException} carrying the decoded error and its exit code. Transient failures
     * are retried as the policy allows.
     */
    public ApiResponse call(ApiRequest request) {
        return call(request, null);
    }

    /**
     * Like {@link #call(ApiRequest)}, with the read that shows whether a write took effect: named when a
     * POST/PATCH may or may not have been applied, and fetched when a retried POST answers 409.
     */
    public ApiResponse call(ApiRequest request, ReadBack readBack) {
        return call(request, readBack, false);
    }

    /**
     * Like {@link #call(ApiRequest, ReadBack)}; with {@code anyBody} a 2xx web page is an answer too
     * ({@code mgmt api --raw}, the one way to see such a page on stdout).
     */
    public ApiResponse call(ApiRequest request, ReadBack readBack, boolean anyBody) {
        return retry.run(request, new RetryLoop.Exchange<ApiResponse>() {
            @Override
            public ApiResponse attempt(int n) {
                return callOnce(request, n, anyBody);
            }

            @Override
            public Reconciliation<ApiResponse> reconcile(MgmtException failure, MgmtException earlier, int n) {
                return ApiClient.this.reconcile(request, failure, earlier, n, readBack);
            }

            @Override
            public String verifyCommand() {
                return readBack != null && readBack.command() != null ? readBack.command() : defaultVerifyCommand(request);
            }
        });
    }

    private ApiResponse callOnce(ApiRequest request, int attempt, boolean anyBody) {
        ApiResponse response = send(request, attempt);
        if (!response.isSuccess()) {
            throw new ApiException(ExitCodes.forStatus(response.status()), ErrorDecoder.decode(response), response, attempt);
        }
        ApiError page = anyBody ? null : WebPage.inspect(response);
        if (page != null) {
            throw WebPage.failure(response, page, attempt);
        }
        if (response.isJson() || response.body().length > 0 && response.body()[0] == '{') {
            JsonNode json = Json.tryParse(response.body());
            ApiError failure = FailureDetector.inspect(response.status(), json);
            if (failure != null) {
                throw new ApiException(ExitCodes.REPORTED_FAILURE, failure, response, attempt);
            }
        }
        return response;
    }

    /**
     * What a retry's answer says about an earlier attempt that may have been applied: a DELETE that now
     * answers 404 was done by that attempt; a POST that now answers 409 duplicate_name may have been
     * created by it, which a GET of {@code readBack} settles.
     */
    private Reconciliation<ApiResponse> reconcile(ApiRequest request, MgmtException failure, MgmtException earlier,
                                                  int attempt, ReadBack readBack) {
        if (!(failure instanceof ApiException)) {
            return null;
        }
        ApiException ae = (ApiException) failure;
        int status = ae.response().status();
        String earlierCause = dev.mgmt.client.retry.RetryNotifier.cause(earlier);
        if (request.method().equals("DELETE") && notFound(ae, request)) {
            retry.notifier().note("DELETE answered " + status + " on attempt " + attempt + " (" + ae.error().description()
                + "): the earlier attempt ("
                + earlierCause + ") had already deleted " + relative(request.uri()));
            return Reconciliation.success(new ApiResponse(request, 204,
                HttpHeaders.of(Map.of(), (a, b) -> true), new byte[0], ae.response().elapsed()));
        }
        if (request.method().equals("POST") && status == 409 && isDuplicate(ae.error())) {
            if (readBack == null || readBack.uri() == null) {
                return Reconciliation.notes("the conflict may come from mgmt's earlier attempt (" + earlierCause
                    + "), which may have created it; check with: " + verifyCommandOr(readBack, request));
            }
            ApiResponse found;
            try {
                found = send(get(readBack.uri()), 1);
            } catch (MgmtException e) {
                return Reconciliation.notes("the conflict may come from mgmt's earlier attempt (" + earlierCause
                    + "); reading " + relative(readBack.uri()) + " to check failed: " + e.getMessage());
            }
            if (!found.isSuccess()) {
                return Reconciliation.notes("the conflict may come from mgmt's earlier attempt (" + earlierCause
                    + "); reading " + relative(readBack.uri()) + " to check answered " + found.status());
            }
            byte[] resource = readBack.pick(found.body());
            if (resource == null) {
                return Reconciliation.notes("the conflict may come from mgmt's earlier attempt (" + earlierCause
                    + "), but the list " + relative(readBack.uri()) + " does not show '" + readBack.name() + "'");
            }
            ReadBack.Comparison held = readBack.compare(request.body(), resource);
            if (held.compared() == 0) {
                return Reconciliation.notes("the conflict may come from mgmt's earlier attempt (" + earlierCause
                    + "), but " + shown(readBack) + " shows none of the fields mgmt sent; check with: "
                    + verifyCommandOr(readBack, request));
            }
            if (!held.differing().isEmpty()) {
                return Reconciliation.notApplied(shown(readBack) + " exists with different values: "
                    + String.join(", ", held.differing()) + "; a real conflict, not mgmt's earlier attempt ("
                    + earlierCause + ")");
            }
            retry.notifier().note("POST answered 409 " + ae.error().code() + " on attempt " + attempt
                + ", but " + shown(readBack) + " holds what mgmt sent: applied by an earlier attempt of this command ("
                + earlierCause + ")");
            return Reconciliation.success(resource == found.body() ? found
                : new ApiResponse(found.request(), found.status(), found.headers(), resource, found.elapsed()));
        }
        return null;
    }

    /** The API's "not found" for the resource the request names by its last path segment. */
    private static boolean notFound(ApiException e, ApiRequest request) {
        String path = request.uri().getPath();
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return NotFoundAnswer.names(e, trimmed.substring(trimmed.lastIndexOf('/') + 1));
    }

    /** "projects/P/connections/c1/", or "'g1' in projects/P/apiProxyGroups/" for a list read. */
    private String shown(ReadBack readBack) {
        return readBack.listField() == null ? relative(readBack.uri())
            : "'" + readBack.name() + "' in " + relative(readBack.uri());
    }

    private static boolean isDuplicate(ApiError error) {
        return error.code() == null || error.code().equals("duplicate_name") || error.code().equals("conflict");
    }

    private ApiRequest get(URI uri) {
        return request("GET", uri, List.of(), null);
    }

    private String verifyCommandOr(ReadBack readBack, ApiRequest request) {
        return readBack != null && readBack.command() != null ? readBack.command() : defaultVerifyCommand(request);
    }

    /** {@code mgmt api GET <path>} for the request's own path: the resource itself, or the collection posted to. */
    private String defaultVerifyCommand(ApiRequest request) {
        return "mgmt api GET " + relative(request.uri());
    }

    /** The path under /apiops/ as a user types it for {@code mgmt api}. */
    public String relative(URI uri) {
        String b = base.uri().toString();
        String u = uri.toString();
        return u.startsWith(b) ? u.substring(b.length()) : u;
    }

    /** Consumes a successful body as a stream. */
    @FunctionalInterface
    public interface BodyReader<T> {
        T read(InputStream body, ApiResponse head) throws IOException;
    }

    /**
     * Like {@link #call}, but a successful body is handed to {@code reader} as a stream instead of
     * being held in memory. Failures are read whole and decoded as usual. At -vvv the body is
     * buffered so it can be traced.
     */
    public <T> T stream(ApiRequest request, BodyReader<T> reader) {
        if (tracer.showsBodies()) {
            ApiResponse whole = call(request);
            return read(reader, new ByteArrayInputStream(whole.body()), whole);
        }
        // The body is spooled to a file inside the retry loop: a connection cut or stalled part-way
        // is retried like any transient failure, nothing is parsed (so nothing printed) from a body
        // that never completed, and the file keeps memory flat for lists of any size.
        try (Downloaded d = retry.run(request, n -> download(request, n))) {
            return read(reader, d.in(), d.head());
        }
    }

    /**
     * One attempt at a successful body, for lists fetched ahead of their turn ({@link FetchAhead}): nothing is
     * retried or reported, and any failure gives null; the caller then {@link #stream}s the request in its turn,
     * which retries and reports as usual. Called only when {@link #fetchesAhead()}.
     */
    Downloaded fetchOnce(ApiRequest request) {
        try {
            return download(request, 1);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Whether requests may go out ahead of their turn: not when traced, whose lines would interleave. */
    boolean fetchesAhead() {
        return tracer.silent();
    }

    /** Reads a body {@link FetchAhead} fetched, as {@link #stream} reads its own; closes it. */
    public <T> T read(Downloaded body, BodyReader<T> reader) {
        try (body) {
            return read(reader, body.in(), body.head());
        }
    }

    private static <T> T read(BodyReader<T> reader, InputStream body, ApiResponse head) {
        try (InputStream in = body) {
            return reader.read(in, head);
        } catch (JsonProcessingException e) {
            throw new ApiException(ExitCodes.UNEXPECTED_RESPONSE, new ApiError(head.status(), null,
                "the server's answer is not the JSON mgmt expected: " + Json.describe(e), List.of(), null,
                ApiError.Origin.UNDECODABLE, List.of()), head, 1);
        } catch (IOException e) {
            throw new MgmtException(ExitCodes.USAGE, Spool.failed(e));
        }
    }

    /** A complete successful body, held in a spool until it is read. */
    public record Downloaded(ApiResponse head, Spool spool) implements AutoCloseable {
        InputStream in() {
            try {
                return spool.in();
            } catch (IOException e) {
                throw new MgmtException(ExitCodes.USAGE, Spool.failed(e));
            }
        }

        @Override
        public void close() {
            try {
                spool.close();
            } catch (IOException ignored) {
                // The file is already unlinked; closing frees the descriptor, best effort.
            }
        }
    }

    private Downloaded download(ApiRequest request, int attempt) {
        HttpTransport.Opened opened = openOnce(request, attempt);
        ApiResponse head = new ApiResponse(request, opened.status(), opened.headers(), new byte[0], opened.elapsed());
        tracer.afterHeaders(head);
        try (InputStream body = opened.body()) {
            Downloaded d = new Downloaded(head, Spool.create());
            try {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = readWire(body, buffer, request)) >= 0; ) {
                    d.spool().out().write(buffer, 0, n);
                }
                return d;
            } catch (IOException | RuntimeException e) {
                d.close();
                throw e;
            }
        } catch (IOException e) {
            throw new MgmtException(ExitCodes.USAGE, Spool.failed(e));
        }
    }

    /** A read from the connection, whose failures are the network's (and may be retried). */
    private int readWire(InputStream body, byte[] buffer, ApiRequest request) {
        try {
            return body.read(buffer);
        } catch (IOException e) {
            throw transport.failure(e, request);
        }
    }

    private HttpTransport.Opened openOnce(ApiRequest request, int attempt) {
        beforeSend(request, attempt);
        HttpTransport.Opened opened = transport.open(request);
        if (opened.status() < 200 || opened.status() > 299) {
            ApiResponse failed = opened.readFully();
            tracer.afterReceive(failed);
            throw new ApiException(ExitCodes.forStatus(failed.status()), ErrorDecoder.decode(failed), failed, attempt);
        }
        HttpTransport.Opened sniffed = opened.sniffed();
        if (sniffed.looksLikeHtml()) {
            ApiResponse page = sniffed.readFully();
            tracer.afterReceive(page);
            throw WebPage.failure(page, WebPage.inspect(page), attempt);
        }
        return sniffed;
    }

    /** The trace of a request, and (at -v) the proxy it goes through, which can fail on its own. */
    private void beforeSend(ApiRequest request, int attempt) {
        tracer.beforeSend(request, attempt);
        java.net.InetSocketAddress via = attempt == 1 ? transport.proxyFor(request.uri()) : null;
        if (via != null) {
            tracer.note("via proxy " + EnvProxySelector.name(via));
        }
    }

    public Tracer tracer() {
        return tracer;
    }

    @Override
    public void close() {
        transport.close();
    }
}
