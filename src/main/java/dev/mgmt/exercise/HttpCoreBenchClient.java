package dev.mgmt.exercise;

import dev.mgmt.http.ApiRequest;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.HttpRequestExecutor;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.apache.hc.core5.http.protocol.HttpProcessor;
import org.apache.hc.core5.http.protocol.HttpProcessorBuilder;
import org.apache.hc.core5.http.protocol.RequestContent;
import org.apache.hc.core5.http.protocol.RequestTargetHost;
import org.apache.hc.core5.io.CloseMode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * The bench's request over Apache HttpCore 5's blocking HTTP/1.1 connection, one keep-alive
 * connection per worker thread and nothing in between: no pool to lease from, no execution chain.
 * java.net.http spends ~0.3 ms of CPU per request in its selector and CompletableFuture stages, so on
 * a small machine bench measured itself rather than the server (see bench/bench-nginx-vs-wrk.sh).
 * Set up as mgmt's own client is: mgmt's TLS context and host name check (neither with --insecure),
 * the connect time limit, and the request time limit as the longest wait for a response's bytes.
 * Direct connections only: a proxied manager goes through {@link JdkBenchClient}.
 */
final class HttpCoreBenchClient implements BenchClient {
    private static final HttpProcessor PROCESSOR = HttpProcessorBuilder.create()
        .add(new RequestContent())
        .add(new RequestTargetHost())
        .build();

    private final ApiRequest described;
    private final Header[] headers;
    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private final int readTimeoutMillis;
    private final SSLContext ssl;
    private final boolean checkHostName;
    private final HttpRequestExecutor executor = new HttpRequestExecutor();
    private final Queue<Worker> idle = new ConcurrentLinkedQueue<>();
    private final Set<Worker> all = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * @param ssl      the TLS context for https, null for http
     * @param insecure no certificate check (done by {@code ssl}) and no host name check (done here)
     */
    HttpCoreBenchClient(ApiRequest described, Duration connectTimeout, Duration timeout, SSLContext ssl,
                        boolean insecure) {
        this.described = described;
        List<Header> hs = new ArrayList<>();
        for (ApiRequest.Header h : described.headers()) {
            hs.add(new BasicHeader(h.name(), h.value()));
        }
        this.headers = hs.toArray(new Header[0]);
        URI uri = described.uri();
        String h = uri.getHost();
        this.host = h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
        this.port = uri.getPort() >= 0 ? uri.getPort() : ssl != null ? 443 : 80;
        this.connectTimeout = connectTimeout;
        this.readTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        this.ssl = ssl;
        this.checkHostName = !insecure;
    }

    @Override
    public Sender sender() {
        Worker w = idle.poll();
        if (w == null) {
            w = new Worker();
            all.add(w);
        }
        return w;
    }

    @Override
    public void close() {
        closed = true;
        for (Worker w : all) {
            w.disconnect();
        }
    }

    private final class Worker implements Sender {
        private volatile DefaultBHttpClientConnection conn;

        @Override
        public Reply send() throws IOException {
            DefaultBHttpClientConnection c = conn;
            if (c == null || !c.isOpen()) {
                c = connect();
            }
            ClassicHttpRequest request = new BasicClassicHttpRequest(described.method(), described.uri());
            request.setHeaders(headers);
            if (described.body() != null) {
                request.setEntity(new ByteArrayEntity(described.body(), null));
            }
            HttpCoreContext context = HttpCoreContext.create();
            try {
                executor.preProcess(request, PROCESSOR, context);
                ClassicHttpResponse response = executor.execute(request, c, context);
                Reply reply = reply(response);
                if (!executor.keepAlive(request, response, c, context)) {
                    disconnect();
                }
                return reply;
            } catch (HttpException e) {
                disconnect();
                throw new IOException("malformed response: " + e.getMessage(), e);
            } catch (IOException | RuntimeException e) {
                disconnect();
                throw e;
            }
        }

        private DefaultBHttpClientConnection connect() throws IOException {
            if (closed) {
                throw new IOException("the bench is over");
            }
            Socket socket = new Socket();
            try {
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(host, port), (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
                socket.setSoTimeout(readTimeoutMillis);
                DefaultBHttpClientConnection c = new DefaultBHttpClientConnection(Http1Config.DEFAULT);
                if (ssl == null) {
                    c.bind(socket);
                } else {
                    SSLSocket tls = (SSLSocket) ssl.getSocketFactory().createSocket(socket, host, port, true);
                    if (checkHostName) {
                        SSLParameters p = tls.getSSLParameters();
                        p.setEndpointIdentificationAlgorithm("HTTPS");
                        tls.setSSLParameters(p);
                    }
                    tls.startHandshake();
                    c.bind(tls, socket);
                }
                conn = c;
                return c;
            } catch (java.net.SocketTimeoutException e) {
                socket.close();
                java.net.http.HttpConnectTimeoutException named =
                    new java.net.http.HttpConnectTimeoutException("connect timed out: " + host + ":" + port);
                named.initCause(e);
                throw named;
            } catch (IOException | RuntimeException e) {
                socket.close();
                throw e;
            }
        }

        void disconnect() {
            DefaultBHttpClientConnection c = conn;
            conn = null;
            if (c != null) {
                c.close(CloseMode.IMMEDIATE);
            }
        }

        @Override
        public void close() {
            if (!closed) {
                idle.add(this);
            }
        }
    }

    private static Reply reply(ClassicHttpResponse r) throws IOException {
        int st = r.getCode();
        HttpEntity entity = r.getEntity();
        if (Reply.success(st)) {
            EntityUtils.consume(entity);
            return new Reply(st, null, null);
        }
        Map<String, List<String>> hs = new LinkedHashMap<>();
        for (Header h : r.getHeaders()) {
            hs.computeIfAbsent(h.getName(), k -> new ArrayList<>()).add(h.getValue());
        }
        byte[] body = entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
        return new Reply(st, HttpHeaders.of(hs, (k, v) -> true), body);
    }
}
