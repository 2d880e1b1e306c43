package dev.mgmt.client;

import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.MgmtException;
import dev.mgmt.errors.NetworkException.Kind;
import dev.mgmt.errors.NetworkException;
import dev.mgmt.errors.UsageException;
import dev.mgmt.http.ApiRequest;
import dev.mgmt.http.ApiResponse;
import dev.mgmt.text.Durations;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * The single HTTP exchange: one java.net.http client per process, one request in, one fully read
 * response out, or a {@link NetworkException} that says what failed on the wire.
 */
public final class HttpTransport implements AutoCloseable {
    /** The JDK client's read buffer (16 KiB by default); read once, when its classes load. */
    private static final String BUFFER_PROPERTY = "jdk.httpclient.bufsize";

    static {
        ProxyTunnelAuth.allowBasic();
        // 64 KiB reads take a 150 MB list off loopback in ~330 ms instead of ~460 ms (fewer buffers
        // to hand from the connection's thread to the reader); a user's own setting is kept.
        if (System.getProperty(BUFFER_PROPERTY) == null) {
            System.setProperty(BUFFER_PROPERTY, Integer.toString(64 * 1024));
        }
    }

    /** How the main client names its time limit in messages. */
    private static final String TIMEOUT_FLAG = "--timeout";

    private final HttpClient client;
    private final Duration requestTimeout;
    private final String timeoutName;
    private final ProxyFailures proxyFailures;
    /** False for a {@link #sharing} view: the client belongs to the transport it came from. */
    private final boolean ownsClient;

    public HttpTransport(Duration connectTimeout, Duration requestTimeout, SSLContext ssl, EnvProxySelector proxy) {
        this(connectTimeout, requestTimeout, ssl, proxy, TIMEOUT_FLAG);
    }

    /**
     * @param requestTimeout bounds the whole exchange, headers and body
     * @param timeoutName    what the limit is called in messages ("--timeout", "the check's limit")
     */
    public HttpTransport(Duration connectTimeout, Duration requestTimeout, SSLContext ssl, EnvProxySelector proxy,
                         String timeoutName) {
        this(clientBuilder(connectTimeout, ssl, proxy).build(), requestTimeout, timeoutName,
            proxy == null ? null : new ProxyFailures(proxy), true);
    }

    private HttpTransport(HttpClient client, Duration requestTimeout, String timeoutName, ProxyFailures proxyFailures,
                          boolean ownsClient) {
        this.client = client;
        this.requestTimeout = requestTimeout;
        this.timeoutName = timeoutName;
        this.proxyFailures = proxyFailures;
        this.ownsClient = ownsClient;
    }

    /**
     * This transport's client and open connections under another time limit and name. Creating a client
     * costs 10-15 ms and a few MB, which a checklist after a failure should not pay twice. The limit bounds
     * the connect too: the JDK reports a request timeout met while connecting as a connect timeout.
     * Closing the view leaves the client open.
     */
    public HttpTransport sharing(Duration limit, String name) {
        return new HttpTransport(client, limit, name, proxyFailures, false);
    }

    /** How every mgmt HTTP client is set up, the load generator's included; ssl and proxy may be null. */
    public static HttpClient.Builder clientBuilder(Duration connectTimeout, SSLContext ssl, EnvProxySelector proxy) {
        HttpClient.Builder b = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            // A redirect could carry the Authorization header to another host: report it instead.
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(connectTimeout);
        if (ssl != null) {
            b.sslContext(ssl);
        }
        if (proxy != null) {
            b.proxy(proxy);
            if (!proxy.credentials().isEmpty()) {
                b.authenticator(proxy.credentials());
            }
        }
        return b;
    }

    /** The proxy requests to this URI go through, or null when they go direct. */
    public java.net.InetSocketAddress proxyFor(java.net.URI uri) {
        return proxyFailures == null ? null : proxyFailures.proxyFor(uri);
    }

    /** --timeout: what bounds an exchange not given a limit of its own. */
    public Duration timeout() {
        return requestTimeout;
    }

    public ApiResponse exchange(ApiRequest request) {
        return exchange(request, requestTimeout);
    }

    /** One exchange bounded by {@code limit} rather than --timeout: a quick question that must not wait long. */
    public ApiResponse exchange(ApiRequest request, Duration limit) {
        Opened opened = open(request, limit);
        ApiResponse r = opened.readFully();
        return new ApiResponse(request, r.status(), r.headers(), r.body(), Duration.ofNanos(System.nanoTime() - opened.startNanos()));
    }

    /** A response whose body has not been read yet; reading it fails once the exchange's time ({@code limit}) is up. */
    public record Opened(ApiRequest request, int status, java.net.http.HttpHeaders headers, java.io.InputStream body,
                         Duration elapsed, long startNanos, Duration limit, HttpTransport transport) {
        /** Reads the rest of the body: for error responses, which are small and decoded whole. */
        public ApiResponse readFully() {
            try (java.io.InputStream in = body) {
                return new ApiResponse(request, status, headers, in.readAllBytes(), elapsed);
            } catch (IOException e) {
                throw transport.failure(e, request, limit);
            }
        }

        /** The same response with its first bytes buffered, so {@link #looksLikeHtml} can look at them. */
        public Opened sniffed() {
            java.io.InputStream in = body.markSupported() ? body : new java.io.BufferedInputStream(body, 512);
            return new Opened(request, status, headers, in, elapsed, startNanos, limit, transport);
        }

        /** Declared as HTML, or starting like it; the body stream is left where it was. */
        public boolean looksLikeHtml() {
            String type = headers.firstValue("Content-Type").orElse("");
            try {
                body.mark(256);
                byte[] start = body.readNBytes(256);
                body.reset();
                return dev.mgmt.http.HtmlPage.isHtml(type, start);
            } catch (IOException e) {
                throw transport.failure(e, request, limit);
            }
        }
    }

    /** Sends and returns once the headers are in; the caller streams the body. */
    public Opened open(ApiRequest request) {
        return open(request, requestTimeout);
    }

    private Opened open(ApiRequest request, Duration limit) {
        HttpRequest httpRequest = toHttpRequest(request, limit);
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        try {
            HttpResponse<java.io.InputStream> r = client.send(httpRequest, info -> new DeadlineBody(deadline));
            if (r.statusCode() == 407 && proxyFailures != null && proxyFor(request.uri()) != null) {
                // A CONNECT answered 407 comes back with no body at all: it is the proxy's answer, not the manager's.
                if (r.body() != null) {
                    r.body().close();
                }
                throw proxyFailures.authRequired(request, proxyFor(request.uri()));
            }
            java.io.InputStream body = r.body() == null ? java.io.InputStream.nullInputStream() : r.body();
            return new Opened(request, r.statusCode(), r.headers(), body, Duration.ofNanos(System.nanoTime() - start),
                start, limit, this);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MgmtException(ExitCodes.INTERRUPTED, "interrupted");
        } catch (IOException e) {
            throw failure(e, request, limit);
        }
    }

    /**
     * What an exception met during this transport's exchange means: the proxy's failure, a body that
     * stalled past the time limit, or whatever {@link #classify} makes of it.
     */
    public NetworkException failure(IOException e, ApiRequest request) {
        return failure(e, request, requestTimeout);
    }

    /** {@code limit}: what bounded the exchange, named in a timeout's message. */
    private NetworkException failure(IOException e, ApiRequest request, Duration limit) {
        if (proxyFailures != null) {
            NetworkException byProxy = proxyFailures.classify(e, request);
            if (byProxy != null) {
                return byProxy;
            }
        }
        if (e instanceof DeadlineBody.Stalled) {
            long bytes = ((DeadlineBody.Stalled) e).bytes();
            return net(Kind.TIMEOUT, "the answer from " + request.uri().getHost() + ":" + port(request) + " stalled after "
                + bytes + (bytes == 1 ? " byte" : " bytes") + " (" + timeoutName + " " + Durations.human(limit) + ")",
                request, e, "The server sent the headers, then stopped" + (bytes > 0 ? " part-way through the body" : "")
                    + "; raise " + timeoutName + " if it is just slow.");
        }
        if (e instanceof HttpTimeoutException && !(e instanceof HttpConnectTimeoutException)) {
            return net(Kind.TIMEOUT, "no response from " + request.uri().getHost() + ":" + port(request) + " within "
                + timeoutName + " " + Durations.human(limit), request, e,
                "The request was sent; raise " + timeoutName + " if the server is slow.");
        }
        return classify(e, request);
    }

    /** A header java.net.http refuses (a restricted name, a bad value) is a usage error, named. */
    public static HttpRequest toHttpRequest(ApiRequest request, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(request.uri()).timeout(timeout);
        for (ApiRequest.Header h : request.headers()) {
            try {
                b.header(h.name(), h.value());
            } catch (IllegalArgumentException e) {
                throw new UsageException("header '" + h.name() + "' cannot be set: " + e.getMessage());
            }
        }
        HttpRequest.BodyPublisher body = request.hasBody()
            ? HttpRequest.BodyPublishers.ofByteArray(request.body())
            : HttpRequest.BodyPublishers.noBody();
        return b.method(request.method(), body).build();
    }

    /** Maps the JDK's exceptions, whose messages are often empty, to what the user needs to know. */
    static NetworkException classify(IOException e, ApiRequest request) {
        String target = request.uri().getHost() + ":" + port(request);
        if (e instanceof HttpConnectTimeoutException) {
            return net(Kind.CONNECT_TIMEOUT, "timed out connecting to " + target, request, e,
                "Is the host reachable from here (VPN, firewall)? Raise --connect-timeout if the network is slow.");
        }
        if (e instanceof HttpTimeoutException) {
            return net(Kind.TIMEOUT, "no response from " + target + " within the request timeout", request, e,
                "The request was sent; raise --timeout if the server is slow.");
        }
        // The JDK wraps a failed lookup in a ConnectException: look for it in the whole chain first.
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return net(Kind.DNS, "cannot resolve host '" + request.uri().getHost() + "'", request, e,
                    "Check the host name in --url / MGMT_URL, and your DNS or VPN.");
            }
        }
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLHandshakeException || t instanceof SSLException) {
                return tls(t, target, request, e);
            }
            if (t instanceof NoRouteToHostException) {
                return net(Kind.REFUSED, "no route to " + target, request, e, "Check the address and your network.");
            }
            if (t instanceof ConnectException) {
                return net(Kind.REFUSED, "cannot connect to " + target + ": connection refused", request, e,
                    "Is the manager running, and is the port in --url right?");
            }
            root = t;
        }
        String msg = message(root).toLowerCase(Locale.ROOT);
        if (msg.contains("reset") || msg.contains("closed") || msg.contains("eof") || msg.contains("no bytes")
            || msg.contains("content-length") || msg.contains("broken pipe") || msg.contains("received")) {
            return net(Kind.RESET, "connection to " + target + " was closed before the response was complete ("
                + message(root) + ")", request, e, "A proxy or the server dropped the connection.");
        }
        return net(Kind.OTHER, "request to " + target + " failed: " + message(root), request, e, null);
    }

    /** A refused certificate by its cause; other handshake failures in the JDK's words, minus its class names. */
    private static NetworkException tls(Throwable t, String target, ApiRequest request, IOException e) {
        TlsFinding finding = TlsFinding.of(t, request.uri().getHost(), java.time.Instant.now());
        if (finding != null) {
            return net(Kind.TLS, "TLS handshake with " + target + " failed: " + finding.cause(), request, e, finding.hint());
        }
        String raw = message(t);
        String why = TlsFinding.plain(raw);
        String hint = raw.contains("PKIX") || raw.contains("certification path")
            ? "The issuing CA is not trusted here: pass --cacert FILE with it; --insecure skips verification (not for production)."
            : why.toLowerCase(Locale.ROOT).contains("unrecognized") || why.contains("plaintext")
            ? "The port does not seem to speak TLS: is the manager URL http:// rather than https://?"
            : "Check the port in --url; --insecure skips certificate verification (not for production).";
        return net(Kind.TLS, "TLS handshake with " + target + " failed: " + why, request, e, hint);
    }

    private static int port(ApiRequest request) {
        int p = request.uri().getPort();
        return p > 0 ? p : ("https".equalsIgnoreCase(request.uri().getScheme()) ? 443 : 80);
    }

    private static String message(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    private static NetworkException net(Kind kind, String message, ApiRequest request, Throwable cause, String hint) {
        return new NetworkException(kind, message, request, 1, hint == null ? List.of() : List.of(hint), cause);
    }

    @Override
    public void close() {
        if (ownsClient) {
            close(client);
        }
    }

    /** For every HttpClient mgmt builds, once it is done with it. */
    public static void close(HttpClient client) {
        // HttpClient is AutoCloseable from JDK 21 on; closing it lets the JVM exit without waiting
        // for the selector thread.
        if (client instanceof AutoCloseable) {
            try {
                ((AutoCloseable) client).close();
            } catch (Exception ignored) {
                // Closing is best effort; the process is about to exit.
            }
        } else {
            stopSelectorThread(client);
        }
    }

    /**
     * JDK 17 has no HttpClient.close(): its selector thread sits in a native select() for up to 3 s,
     * and the JVM's exit waits ~300 ms for threads in native code. An interrupt wakes the selector,
     * whose loop then ends; only called once the client is done.
     */
    static void stopSelectorThread(HttpClient client) {
        // The JDK names the thread after the client's id, which its toString() ends with: "...(7)".
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\((\\d+)\\)$").matcher(client.toString());
        if (!m.find()) {
            return;
        }
        String name = "HttpClient-" + m.group(1) + "-SelectorManager";
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        Thread[] threads = new Thread[group.activeCount() + 8];
        int n = group.enumerate(threads, true);
        for (int i = 0; i < n; i++) {
            if (threads[i].getName().equals(name)) {
                threads[i].interrupt();
            }
        }
    }
}
