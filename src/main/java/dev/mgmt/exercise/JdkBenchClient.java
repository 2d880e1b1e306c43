package dev.mgmt.exercise;

import dev.mgmt.client.HttpTransport;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The bench's request over java.net.http, mgmt's own client, shared by every worker: the fallback
 * for a manager reached through a proxy, which {@link HttpCoreBenchClient} does not speak to.
 */
final class JdkBenchClient implements BenchClient {
    private static final HttpResponse.BodyHandler<byte[]> ERRORS_ONLY = info -> Reply.success(info.statusCode())
        ? HttpResponse.BodySubscribers.replacing(null) : HttpResponse.BodySubscribers.ofByteArray();

    private final HttpClient client;
    private final HttpRequest request;

    JdkBenchClient(HttpClient client, HttpRequest request) {
        this.client = client;
        this.request = request;
    }

    @Override
    public Sender sender() {
        return new Sender() {
            @Override
            public Reply send() throws java.io.IOException, InterruptedException {
                HttpResponse<byte[]> r = client.send(request, ERRORS_ONLY);
                int st = r.statusCode();
                return Reply.success(st) ? new Reply(st, null, null)
                    : new Reply(st, r.headers(), r.body() == null ? new byte[0] : r.body());
            }

            @Override
            public void close() {
                // the connections are the shared client's
            }
        };
    }

    @Override
    public void close() {
        HttpTransport.close(client);
    }
}
