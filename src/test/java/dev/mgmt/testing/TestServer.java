package dev.mgmt.testing;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A scripted HTTP server on a free 127.0.0.1 port: answers each path (relative to /apiops/) with
 * a canned response and records every request it saw, so tests can assert what was (not) sent.
 */
public final class TestServer implements AutoCloseable {

    /** A canned answer. */
    public record Reply(int status, Map<String, String> headers, byte[] body) {
        public static Reply json(int status, String json) {
            return new Reply(status, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
        }

        public static Reply of(int status, String contentType, String body) {
            return new Reply(status, contentType == null ? Map.of() : Map.of("Content-Type", contentType),
                body.getBytes(StandardCharsets.UTF_8));
        }

        public static Reply bytes(int status, String contentType, byte[] body) {
            return new Reply(status, Map.of("Content-Type", contentType), body);
        }

        /** An HTML page, as a reverse proxy sends it. */
        public static Reply html(int status, String html) {
            return new Reply(status, Map.of("Content-Type", "text/html"), html.getBytes(StandardCharsets.UTF_8));
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> h = new java.util.LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, h, body);
        }
    }

    /** One request as the server saw it; {@code clientPort} tells one connection from another. */
    public record Seen(String method, String rawPath, String rawQuery, Headers headers, byte[] body, int clientPort) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();

    /** A scripted exchange, for replies a canned {@link Reply} cannot express (delays, odd framing). */
    @FunctionalInterface
    public interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    public TestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Answer {@code /apiops/<path>} (exact raw path, query ignored) with this reply. */
    public TestServer on(String path, Reply reply) {
        replies.put("/apiops/" + path, reply);
        return this;
    }

    /** Answer this exact raw path (not relative to /apiops/, e.g. {@code /manager/apiops/projects/}). */
    public TestServer onRaw(String rawPath, Reply reply) {
        replies.put(rawPath, reply);
        return this;
    }

    /** Run this handler for {@code /apiops/<path>}; the request is recorded first. */
    public TestServer on(String path, Handler handler) {
        handlers.put("/apiops/" + path, handler);
        return this;
    }

    /** Answer {@code /apiops/<path>} after sleeping {@code millis} (interrupted when the server stops). */
    public TestServer onDelayed(String path, long millis, Reply reply) {
        return on(path, ex -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ex.close();
                return;
            }
            send(ex, reply);
        });
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * The requests the command itself sent. The troubleshooting checks that run after a failure
     * mark theirs in the User-Agent; {@link #allRequests()} includes them.
     */
    public List<Seen> requests() {
        List<Seen> own = new ArrayList<>();
        for (Seen s : seen) {
            String ua = s.headers().getFirst("User-Agent");
            if (ua == null || !ua.contains("(troubleshooting)")) {
                own.add(s);
            }
        }
        return own;
    }

    public List<Seen> allRequests() {
        return new ArrayList<>(seen);
    }

    public Seen last() {
        List<Seen> own = requests();
        return own.isEmpty() ? null : own.get(own.size() - 1);
    }

    public void reset() {
        replies.clear();
        handlers.clear();
        seen.clear();
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        String rawPath = ex.getRequestURI().getRawPath();
        seen.add(new Seen(ex.getRequestMethod(), rawPath, ex.getRequestURI().getRawQuery(), ex.getRequestHeaders(), body,
            ex.getRemoteAddress().getPort()));
        Handler handler = handlers.get(rawPath);
        if (handler != null) {
            handler.handle(ex);
            return;
        }
        Reply reply = replies.getOrDefault(rawPath,
            Reply.json(404, "{\"error\":\"not_found\",\"error_description\":\"no test reply for " + rawPath + "\"}"));
        send(ex, reply);
    }

    public static void send(HttpExchange ex, Reply reply) throws IOException {
        reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        boolean noBody = reply.body().length == 0;
        ex.sendResponseHeaders(reply.status(), noBody ? -1 : reply.body().length);
        if (!noBody) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(reply.body());
            }
        }
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
