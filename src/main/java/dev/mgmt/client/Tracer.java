package dev.mgmt.client;

import dev.mgmt.http.ApiRequest;
import dev.mgmt.http.ApiResponse;
import dev.mgmt.http.Bodies;
import dev.mgmt.http.HttpStatusText;
import dev.mgmt.text.Durations;
import dev.mgmt.text.Redactor;
import dev.mgmt.text.TerminalText;

import java.io.PrintWriter;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The -v/-vv/-vvv traces and --curl, on stderr. Every line passes through the redactor, and the
 * Authorization header is masked before it is even formatted.
 */
public final class Tracer {
    private static final int BODY_LIMIT = 64 * 1024;

    private final PrintWriter err;
    private final int verbosity;
    private final boolean curl;
    private final Redactor redactor;

    public Tracer(PrintWriter err, int verbosity, boolean curl, Redactor redactor) {
        this.err = err;
        this.verbosity = verbosity;
        this.curl = curl;
        this.redactor = redactor;
    }

    public void beforeSend(ApiRequest request, int attempt) {
        if (this.curl && attempt == 1) {
            curl(request);
        }
        if (verbosity >= 1) {
            print("> " + request.line() + (attempt > 1 ? "   (attempt " + attempt + ")" : ""));
        }
        if (verbosity >= 2) {
            for (ApiRequest.Header h : request.headers()) {
                print("> " + h.name() + ": " + maskHeader(h.name(), h.value()));
            }
        }
        if (verbosity >= 3 && request.hasBody()) {
            print(">");
            printBody(request.body(), request.header("Content-Type"), "> ");
        }
    }

    /** The request as a curl command, whether or not --curl was given: --dry-run shows what it did not send. */
    public void curl(ApiRequest request) {
        print(CurlCommand.render(request));
    }

    public void afterReceive(ApiResponse response) {
        if (verbosity >= 1) {
            print("< " + response.status() + " " + HttpStatusText.of(response.status()) + "  ("
                + Durations.human(response.elapsed()) + ", " + response.body().length + " bytes)");
        }
        printHeaders(response.headers());
        if (verbosity >= 3 && response.body().length > 0) {
            print("<");
            printBody(response.body(), response.header("Content-Type"), "< ");
        }
    }

    /** For a streamed body: status and timing, the body is not held to be shown. */
    public void afterHeaders(ApiResponse head) {
        if (verbosity >= 1) {
            print("< " + head.status() + " " + HttpStatusText.of(head.status()) + "  ("
                + Durations.human(head.elapsed()) + " to headers, body streamed)");
        }
        printHeaders(head.headers());
    }

    private void printHeaders(HttpHeaders headers) {
        if (verbosity < 2) {
            return;
        }
        for (Map.Entry<String, List<String>> e : headers.map().entrySet()) {
            for (String v : e.getValue()) {
                print("< " + e.getKey() + ": " + maskHeader(e.getKey(), v));
            }
        }
    }

    /** Nothing is printed about requests (no -v, no --curl): they may then go out side by side. */
    public boolean silent() {
        return verbosity == 0 && !curl;
    }

    public boolean showsBodies() {
        return verbosity >= 3;
    }

    public void note(String line) {
        if (verbosity >= 1) {
            print("* " + line);
        }
    }

    private void printBody(byte[] body, String contentType, String prefix) {
        if (!Bodies.looksTextual(body, contentType)) {
            print(prefix + "[" + body.length + " bytes of binary data]");
            return;
        }
        int n = Math.min(body.length, BODY_LIMIT);
        String text = new String(body, 0, n, StandardCharsets.UTF_8);
        for (String line : text.split("\r?\n", -1)) {
            print(prefix + line);
        }
        if (n < body.length) {
            print(prefix + "[... " + (body.length - n) + " more bytes]");
        }
    }

    static String maskHeader(String name, String value) {
        if (name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("Proxy-Authorization")) {
            int space = value.indexOf(' ');
            String scheme = space > 0 ? value.substring(0, space + 1) : "";
            return scheme + Redactor.mask(space > 0 ? value.substring(space + 1) : value);
        }
        return value;
    }

    private void print(String line) {
        err.println(TerminalText.safeLines(redactor.redact(line)));
        err.flush();
    }
}
