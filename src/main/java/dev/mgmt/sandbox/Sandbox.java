package dev.mgmt.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process emulator of the Management API, served over HTTP on loopback.
 * Start with {@link #start(SandboxConfig)}; stop with {@link #close()}.
 */
public final class Sandbox implements AutoCloseable {
    static final String BASE = "/apiops/";
    private static final String ADMIN_USER = "admin";
    private static final String ADMIN_PASSWORD = "sandbox-admin";
    private static final String VIEWER_USER = "viewer";
    private static final String VIEWER_PASSWORD = "sandbox-viewer";

    private final SandboxConfig config;
    private final PublicPort front;
    private final ExecutorService executor;
    private final RequestLog log = new RequestLog();
    private final Router router = new Router();
    private final Tokens tokens;
    private final Map<String, Http.User> users = new LinkedHashMap<>();
    private volatile FaultEngine faults;
    private final String adminToken;
    private final String readOnlyToken;
    private final String expiredToken;
    private final Model model;

    private Sandbox(SandboxConfig config, FaultEngine faults) throws IOException {
        this.config = config;
        this.faults = faults;
        this.tokens = new Tokens(config.seed());
        users.put(ADMIN_USER, new Http.User(ADMIN_USER, ADMIN_PASSWORD, false));
        users.put(VIEWER_USER, new Http.User(VIEWER_USER, VIEWER_PASSWORD, true));
        Model model = new Model();
        this.model = model;
        Context ctx = new Context(model, this::now, config.seed(), () -> this.faults.spec);
        Seed.populate(model, Seed.load(config.dataFile()), ctx);
        Routes.register(router, ctx, tokens, users);

        Instant now = now().instant();
        Instant longLived = now.plusSeconds(10L * 365 * 24 * 3600);
        adminToken = tokens.issue(ADMIN_USER, now, longLived);
        readOnlyToken = tokens.issue(VIEWER_USER, now, longLived);
        expiredToken = tokens.issue(ADMIN_USER, now.minusSeconds(7200), now.minusSeconds(3600));

        System.setProperty("sun.net.httpserver.nodelay", "true");
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "mgmt-sandbox-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        front = new PublicPort(config.bindAddress(), config.port(), this::handle, executor, () -> now().instant());
    }

    /** Adds a public route; for tests of how the server answers a handler that fails. */
    void addRoute(String method, String template, Router.Handler handler) {
        router.add(method, template, Router.Access.PUBLIC, handler);
    }

    /** Binds, seeds and starts serving; returns once the server accepts connections. */
    public static Sandbox start(SandboxConfig config) throws IOException {
        SandboxConfig c = config == null ? SandboxConfig.defaults() : config;
        FaultEngine engine = new FaultEngine(FaultSpec.parse(c.faults()), c.seed());
        Sandbox s = new Sandbox(c, engine);
        s.front.serve(!engine.spec.skew.isZero());
        return s;
    }

    /** The sandbox clock, shifted by the current skew fault. */
    private Clock now() {
        FaultEngine f = faults;
        return f == null || f.spec.skew.isZero() ? config.clock() : Clock.offset(config.clock(), f.spec.skew);
    }

    public URI managerUrl() {
        String host = front.address().getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port() + "/");
    }

    public int port() {
        return front.address().getPort();
    }

    public String adminToken() {
        return adminToken;
    }

    public String readOnlyToken() {
        return readOnlyToken;
    }

    public String expiredToken() {
        return expiredToken;
    }

    public String adminUsername() {
        return ADMIN_USER;
    }

    public String adminPassword() {
        return ADMIN_PASSWORD;
    }

    /** Credentials of the read-only demo user. */
    public String readOnlyUsername() {
        return VIEWER_USER;
    }

    public String readOnlyPassword() {
        return VIEWER_PASSWORD;
    }

    /** The emulated state, for tests in this package that check what endpoints without a GET stored. */
    Model model() {
        return model;
    }

    public RequestLog requests() {
        return log;
    }

    /** Replaces the fault specification (and resets burst counters and the random sequence); turning a skew
     *  on or off closes open connections, as the port moves behind or off the Date relay. */
    public synchronized void setFaults(String spec) {
        FaultEngine next = new FaultEngine(FaultSpec.parse(spec), config.seed());
        faults = next;
        try {
            front.serve(!next.spec.skew.isZero());
        } catch (IOException e) {
            throw new UncheckedIOException("sandbox: could not move port " + port() + " for the skew fault", e);
        }
    }

    /** The fault specification in effect. */
    public FaultSpec faults() {
        return faults.spec;
    }

    @Override
    public void close() {
        front.close();
        executor.shutdownNow();
    }

    // ------------------------------------------------------------------ request handling

    /** Thrown to make the JDK server drop the connection. */
    private static final class DropConnection extends IOException {
        private static final long serialVersionUID = 1L;

        DropConnection() {
            super("sandbox fault: connection dropped", null);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            handle0(ex);
        } catch (DropConnection d) {
            // leave the exchange unclosed: the JDK server then closes the socket mid-response
            throw d;
        } catch (RuntimeException | Error e) {
            // An Error too (a NoClassDefFoundError once the jar is rebuilt under a running sandbox): left
            // to the JDK server, it would leave the request unanswered and the client waiting for its timeout.
            try {
                writeError(ex, new ApiError(500, "internal_error", "An unexpected error occurred"), null);
            } catch (IOException ignored) {
                // the client went away
            }
        }
        ex.close();
    }

    private void handle0(HttpExchange ex) throws IOException {
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
        String rawPath = ex.getRequestURI().getRawPath();
        String rawQuery = ex.getRequestURI().getRawQuery();
        String pathAndQuery = rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
        Map<String, List<String>> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        log.add(new RequestLog.Entry(method, pathAndQuery, headers, body, now().instant()));

        FaultEngine engine = faults;
        FaultEngine.Decision d = engine.decide(method, pathAndQuery);
        if (!d.delay.isZero()) {
            try {
                config.sleeper().sleep(d.delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DropConnection();
            }
        }
        if (d.reset == FaultSpec.Reset.BEFORE_HEADERS) {
            throw new DropConnection();
        }
        if (d.errorStatus != 0) {
            writeInjected(ex, engine.spec, d);
            return;
        }
        if (d.failure200) {
            ObjectNode o = Json.obj().put("status", "FAILURE").put("success", false);
            o.putArray("resultList");
            o.put("resultCount", 0);
            o.put("errorMessage", "The operation could not be completed (sandbox fault failure200)");
            Http.Resp r = Http.Resp.json(o);
            r.header("X-Sandbox-Fault", d.label);
            write(ex, r, d);
            return;
        }
        Http.Resp resp;
        try {
            resp = dispatch(method, rawPath, rawQuery, headers, body);
        } catch (ApiError e) {
            writeError(ex, e, d);
            return;
        } catch (Exception e) {
            writeError(ex, new ApiError(500, "internal_error", "An unexpected error occurred"), d);
            return;
        }
        write(ex, resp, d);
    }

    private Http.Resp dispatch(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                               byte[] body) throws Exception {
        if (!rawPath.startsWith(BASE)) {
            throw ApiError.notFound("No endpoint " + method + " " + rawPath + " (the API lives under " + BASE + ")");
        }
        String rel = rawPath.substring(BASE.length());
        Router.Lookup lookup = router.find(method, rel);
        if (lookup.match() == null) {
            if (lookup.allowed().isEmpty()) {
                throw ApiError.notFound("No endpoint " + method + " " + rawPath);
            }
            throw new ApiError(405, "method_not_allowed", "Request method '" + method + "' is not supported for "
                    + rawPath + " (allowed: " + String.join(", ", lookup.allowed()) + ")");
        }
        Router.Route route = lookup.match().route();
        Http.Req req = new Http.Req(method, lookup.match().params(), Http.form(rawQuery), headers, body);
        if (route.access() != Router.Access.PUBLIC) {
            req.user = authenticate(req);
            if (route.access() == Router.Access.WRITE && req.user.readOnly()) {
                throw new ApiError(403, "forbidden", "You do not have permission to perform this action");
            }
        }
        return route.handler().handle(req);
    }

    private Http.User authenticate(Http.Req req) {
        String auth = req.header("authorization");
        if (auth == null || auth.isBlank()) {
            throw new ApiError(401, "unauthorized_client", "Full authentication is required: missing Authorization header");
        }
        String[] parts = auth.trim().split("\\s+");
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
            throw new ApiError(401, "invalid_token", "Authorization header must be 'Bearer <token>'");
        }
        Tokens.Check c = tokens.verify(parts[1], now().instant());
        if (!c.ok()) {
            throw new ApiError(401, c.error(), c.description());
        }
        Http.User u = users.get(c.subject());
        if (u == null) {
            throw new ApiError(401, "invalid_token", "Token is invalid or expired");
        }
        return u;
    }

    private void writeError(HttpExchange ex, ApiError e, FaultEngine.Decision d) throws IOException {
        ObjectNode o = Json.obj().put("error", e.code).put("error_description", e.getMessage());
        if (!e.fieldErrors.isEmpty()) {
            ArrayNode a = o.putArray("validation_errors");
            e.fieldErrors.forEach(f -> a.add(Json.obj().put("field", f.field()).put("message", f.message())));
        }
        Http.Resp r = Http.Resp.json(e.status, o);
        if (e.status == 401) {
            r.header("WWW-Authenticate", "Bearer error=\"" + e.code + "\"");
        }
        write(ex, r, d);
    }

    private static final Map<Integer, String> REASONS = Map.of(429, "Too Many Requests", 500, "Internal Server Error",
            502, "Bad Gateway", 503, "Service Unavailable", 504, "Gateway Time-out");

    private void writeInjected(HttpExchange ex, FaultSpec spec, FaultEngine.Decision d) throws IOException {
        int st = d.errorStatus;
        FaultSpec.BodyStyle style = spec.bodyStyle;
        if (style == FaultSpec.BodyStyle.AUTO) {
            style = st == 502 || st == 504 ? FaultSpec.BodyStyle.HTML : FaultSpec.BodyStyle.JSON;
        }
        long retryAfter = (spec.retryAfter.toMillis() + 999) / 1000;
        boolean retryable = st == 429 || st == 503;
        Http.Resp r;
        switch (style) {
            case HTML -> {
                String reason = REASONS.get(st);
                String html = "<html>\r\n<head><title>" + st + " " + reason + "</title></head>\r\n<body>\r\n"
                        + "<center><h1>" + st + " " + reason + "</h1></center>\r\n<hr><center>nginx</center>\r\n"
                        + "</body>\r\n</html>\r\n";
                r = new Http.Resp(st, "text/html", html.getBytes(StandardCharsets.UTF_8)).header("Server", "nginx");
            }
            case PROBLEM -> {
                ObjectNode o = Json.obj().put("type", "about:blank").put("title", REASONS.get(st)).put("status", st)
                        .put("detail", description(st));
                if (retryable && spec.retryAfterBody) {
                    o.put("retry_after", retryAfter);
                }
                r = new Http.Resp(st, "application/problem+json", Json.bytes(o));
            }
            case EMPTY -> r = new Http.Resp(st, null, new byte[0]);
            default -> {
                String code = switch (st) {
                    case 429 -> "rate_limit_exceeded";
                    case 500 -> "internal_error";
                    default -> "server_error";
                };
                ObjectNode o = Json.obj().put("error", code).put("error_description", description(st));
                if (retryable && spec.retryAfterBody) {
                    o.put("retry_after", retryAfter);
                }
                r = Http.Resp.json(st, o);
            }
        }
        if (retryable && spec.retryAfterHeader) {
            r.header("Retry-After", Long.toString(retryAfter));
        }
        r.header("X-Sandbox-Fault", d.label);
        write(ex, r, d);
    }

    private static String description(int st) {
        return switch (st) {
            case 429 -> "Rate limit exceeded. Please try again later.";
            case 500 -> "An unexpected error occurred. Please try again later.";
            case 502 -> "The gateway received an invalid response from the upstream server.";
            case 503 -> "The service is temporarily unavailable. Please try again later.";
            default -> "The gateway timed out waiting for the upstream server.";
        };
    }

    private void write(HttpExchange ex, Http.Resp r, FaultEngine.Decision d) throws IOException {
        Headers h = ex.getResponseHeaders();
        if (r.contentType != null) {
            h.set("Content-Type", r.contentType);
        }
        r.headers.forEach(h::set);
        FaultSpec spec = faults.spec;
        if (!spec.skew.isZero()) {
            h.set("X-Sandbox-Date", DateRelay.HTTP_DATE.format(now().instant()));
            // the relay that rewrites Date reads no framing, so it relays one response per connection
            h.set("Connection", "close");
        }
        byte[] body = r.body;
        if (d != null && d.reset == FaultSpec.Reset.AFTER_HEADERS) {
            h.set("X-Sandbox-Fault", d.label);
            ex.sendResponseHeaders(r.status, 0);
            OutputStream os = ex.getResponseBody();
            os.write(body, 0, body.length / 2);
            os.flush();
            throw new DropConnection();
        }
        if (d != null && d.truncate) {
            h.set("X-Sandbox-Fault", d.label);
            ex.sendResponseHeaders(r.status, body.length + 64L);
            OutputStream os = ex.getResponseBody();
            os.write(body, 0, body.length / 2);
            os.flush();
            throw new DropConnection();
        }
        if (body.length == 0) {
            ex.sendResponseHeaders(r.status, -1);
            return;
        }
        ex.sendResponseHeaders(r.status, body.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
        }
    }
}
