package dev.mgmt.http;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One HTTP request as mgmt means to send it. Immutable, so the retry loop can send it again
 * and the tracer, the curl renderer and the error report all see exactly the same thing.
 */
public record ApiRequest(String method, URI uri, List<Header> headers, byte[] body, List<FormPart> form) {

    public record Header(String name, String value) {
    }

    /**
     * One part of a multipart/form-data body, as curl's {@code -F} names it: a file part keeps the
     * path the user gave (the body itself carries only the file name), a text part its value.
     */
    public record FormPart(String field, String file, String text, String contentType) {
    }

    public ApiRequest {
        method = method.toUpperCase(Locale.ROOT);
        headers = List.copyOf(headers);
        form = form == null ? null : List.copyOf(form);
    }

    /** A request whose body, if any, is not a form. */
    public ApiRequest(String method, URI uri, List<Header> headers, byte[] body) {
        this(method, uri, headers, body, null);
    }

    /** The same request, its body described as these form parts (for --curl). */
    public ApiRequest withForm(List<FormPart> parts) {
        return new ApiRequest(method, uri, headers, body, parts);
    }

    public static ApiRequest get(URI uri) {
        return new ApiRequest("GET", uri, List.of(), null);
    }

    public boolean hasBody() {
        return body != null;
    }

    public String header(String name) {
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }

    public ApiRequest withHeader(String name, String value) {
        List<Header> copy = new ArrayList<>();
        for (Header h : headers) {
            if (!h.name().equalsIgnoreCase(name)) {
                copy.add(h);
            }
        }
        copy.add(new Header(name, value));
        return new ApiRequest(method, uri, copy, body, form);
    }

    /** POST and PATCH may change state twice if repeated. */
    public boolean idempotent() {
        return !method.equals("POST") && !method.equals("PATCH");
    }

    /** "GET https://host/apiops/projects/" — the line error reports and traces show. */
    public String line() {
        return method + " " + uri;
    }
}
