package dev.mgmt.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.errors.ApiError;
import dev.mgmt.errors.ApiException;
import dev.mgmt.errors.ErrorDecoder;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.FailureDetector;
import dev.mgmt.output.Json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The one way commands talk to the Management API: builds requests with the standard headers,
 * sends them through the transport with tracing, and turns failures into exceptions. Later layers
 * (retries, troubleshooting) hang off {@link #call} and the exceptions it throws.
 */
public final class ApiClient implements AutoCloseable {
    private final BaseUrl base;
    private final String token;
    private final String userAgent;
    private final HttpTransport transport;
    private final Tracer tracer;

    public ApiClient(BaseUrl base, String token, String userAgent, HttpTransport transport, Tracer tracer) {
        this.base = base;
        this.token = token;
        this.userAgent = userAgent;
        this.transport = transport;
        this.tracer = tracer;
    }

    public BaseUrl base() {
        return base;
    }

    public boolean hasToken() {
        return token != null;
    }

    /** A request with mgmt's standard headers; user headers of the same name replace them. */
    public ApiRequest request(String method, URI uri, List<ApiRequest.Header> userHeaders, byte[] body) {
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
        tracer.beforeSend(request, 1);
        ApiResponse response = transport.exchange(request);
        tracer.afterReceive(response);
        return response;
    }

    /**
     * Sends and insists on success: a non-2xx status, or a 2xx whose JSON body reports a failure,
     * becomes an {@link ApiException} carrying the decoded error and its exit code.
     */
    public ApiResponse call(ApiRequest request) {
        ApiResponse response = send(request);
        int attempts = 1;
        if (!response.isSuccess()) {
            throw new ApiException(ExitCodes.forStatus(response.status()), ErrorDecoder.decode(response), response, attempts);
        }
        if (response.isJson() || response.body().length > 0 && response.body()[0] == '{') {
            JsonNode json = Json.tryParse(response.body());
            ApiError failure = FailureDetector.inspect(response.status(), json);
            if (failure != null) {
                throw new ApiException(ExitCodes.REPORTED_FAILURE, failure, response, attempts);
            }
        }
        return response;
    }

    /** Consumes a successful body as a stream. */
    @FunctionalInterface
    public interface BodyReader<T> {
        T read(InputStream body, ApiResponse head) throws IOException;
    }

    /**
     * Like {@link #call}, but a successful body is streamed to {@code reader} instead of being held in
     * memory. Failures are read whole and decoded as usual. At -vvv the body is buffered so it can be traced.
     */
    public <T> T stream(ApiRequest request, BodyReader<T> reader) {
        ApiResponse head;
        InputStream body;
        if (tracer.showsBodies()) {
            head = call(request);
            body = new ByteArrayInputStream(head.body());
        } else {
            tracer.beforeSend(request, 1);
            HttpTransport.Opened opened = transport.open(request);
            if (opened.status() < 200 || opened.status() > 299) {
                ApiResponse failed = opened.readFully();
                tracer.afterReceive(failed);
                throw new ApiException(ExitCodes.forStatus(failed.status()), ErrorDecoder.decode(failed), failed, 1);
            }
            head = new ApiResponse(request, opened.status(), opened.headers(), new byte[0], opened.elapsed());
            tracer.afterHeaders(head);
            body = opened.body();
        }
        try (InputStream in = body) {
            return reader.read(in, head);
        } catch (IOException e) {
            if (e instanceof JsonProcessingException) {
                throw new ApiException(ExitCodes.UNEXPECTED_RESPONSE, new ApiError(head.status(), null,
                    "the server's answer is not the JSON mgmt expected: "
                        + ((JsonProcessingException) e).getOriginalMessage(), List.of(), null,
                    ApiError.Origin.UNDECODABLE, List.of()), head, 1);
            }
            throw HttpTransport.classify(e, request);
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
