package dev.mgmt.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Request/response types used between the server and the API handlers. */
final class Http {
    private Http() {
    }

    /** A user known to the sandbox. */
    record User(String username, String password, boolean readOnly) { }

    /** A decoded request as seen by a handler. */
    static final class Req {
        final String method;
        final Map<String, String> params;
        final Map<String, String> query;
        final Map<String, List<String>> headers;
        final byte[] body;
        User user;

        Req(String method, Map<String, String> params, Map<String, String> query,
            Map<String, List<String>> headers, byte[] body) {
            this.method = method;
            this.params = params;
            this.query = query;
            this.headers = headers;
            this.body = body;
        }

        String param(String name) {
            return params.get(name);
        }

        String header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null || v.isEmpty() ? null : v.get(0);
        }

        String contentType() {
            String ct = header("content-type");
            return ct == null ? "" : ct.toLowerCase(Locale.ROOT);
        }

        /** The body as a JSON object; 400 bad_request when missing or malformed. */
        ObjectNode json() {
            if (body.length == 0) {
                throw ApiError.badRequest("Required request body is missing");
            }
            JsonNode n;
            try {
                n = Json.MAPPER.readTree(body);
            } catch (JsonProcessingException e) {
                throw ApiError.badRequest("Malformed JSON request body: " + e.getOriginalMessage());
            } catch (IOException e) {
                throw ApiError.badRequest("Unreadable request body");
            }
            if (n == null || n.isMissingNode()) {
                throw ApiError.badRequest("Required request body is missing");
            }
            if (!n.isObject()) {
                throw ApiError.badRequest("Request body must be a JSON object");
            }
            return (ObjectNode) n;
        }

        /** The body as a JSON object, or an empty object when there is no body. */
        ObjectNode jsonOrEmpty() {
            if (body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
                return Json.obj();
            }
            return json();
        }

        Multipart multipart() {
            String ct = header("content-type");
            if (ct == null || !ct.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
                throw ApiError.badRequest("Content-Type must be multipart/form-data");
            }
            return Multipart.parse(ct, body);
        }
    }

    /** A response produced by a handler. */
    static final class Resp {
        final int status;
        final String contentType;
        final byte[] body;
        final Map<String, String> headers = new LinkedHashMap<>();

        Resp(int status, String contentType, byte[] body) {
            this.status = status;
            this.contentType = contentType;
            this.body = body;
        }

        static Resp json(JsonNode n) {
            return json(200, n);
        }

        static Resp json(int status, JsonNode n) {
            return new Resp(status, "application/json;charset=UTF-8", Json.bytes(n));
        }

        static Resp text(String s) {
            return new Resp(200, "text/plain;charset=UTF-8", s.getBytes(StandardCharsets.UTF_8));
        }

        Resp header(String k, String v) {
            headers.put(k, v);
            return this;
        }
    }

    /** Parses application/x-www-form-urlencoded text (also used for query strings). */
    static Map<String, String> form(String s) {
        Map<String, String> m = new LinkedHashMap<>();
        if (s == null || s.isEmpty()) {
            return m;
        }
        for (String pair : s.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                m.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest("Malformed URL-encoded data");
            }
        }
        return m;
    }
}
