package dev.mgmt.errors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.errors.ApiError.FieldProblem;
import dev.mgmt.errors.ApiError.Origin;
import dev.mgmt.http.ApiResponse;
import dev.mgmt.http.Bodies;
import dev.mgmt.http.HtmlPage;
import dev.mgmt.http.HttpStatusText;
import dev.mgmt.json.Json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns any failed response into an {@link ApiError}. Real deployments answer through proxies and
 * framework defaults, so the API's own envelope is only the first shape tried: then RFC 9457
 * problem+json, Spring's default error JSON, HTML pages, empty bodies and plain text. It never throws.
 */
public final class ErrorDecoder {
    private static final int EXCERPT = 200;

    private ErrorDecoder() {
    }

    public static ApiError decode(ApiResponse r) {
        int status = r.status();
        Double headerRetry = RetryAfter.fromHeader(r.header("Retry-After"), r.header("Date"));
        byte[] body = r.body();
        String mediaType = r.mediaType();
        if (status >= 300 && status <= 399) {
            String location = r.header("Location");
            return new ApiError(status, null, statusLine(status) + (location != null ? " to " + location : ""),
                List.of(), headerRetry, Origin.EMPTY, List.of(location != null
                    ? "mgmt does not follow redirects (the token must not travel to another address); if that is the manager, use it with --url"
                    : "mgmt does not follow redirects"));
        }
        if (body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            return new ApiError(status, null, statusLine(status) + " with an empty body", List.of(), headerRetry,
                Origin.EMPTY, whoAnswered(r));
        }
        JsonNode json = Json.tryParse(body);
        if (json != null && json.isObject()) {
            ApiError decoded = fromJson(status, json, mediaType, headerRetry);
            if (decoded != null) {
                return decoded;
            }
        }
        HtmlPage page = HtmlPage.of(r);
        if (page != null) {
            return fromHtml(r, page, headerRetry);
        }
        if (Bodies.looksTextual(body, mediaType) && json == null) {
            String text = firstLine(new String(body, StandardCharsets.UTF_8).strip());
            return new ApiError(status, null, text, List.of(), headerRetry, Origin.TEXT, List.of());
        }
        return undecodable(r, headerRetry);
    }

    private static ApiError fromJson(int status, JsonNode json, String mediaType, Double headerRetry) {
        Double retry = json.hasNonNull("retry_after") && json.get("retry_after").isNumber()
            ? Double.valueOf(json.get("retry_after").asDouble()) : headerRetry;
        boolean spring = json.has("timestamp") && json.has("status") && json.has("path") && !json.has("error_description");
        if (json.hasNonNull("error") && json.get("error").isTextual() && !spring) {
            String code = json.get("error").asText();
            String description = text(json, "error_description");
            if (description == null) {
                description = text(json, "message");
            }
            return new ApiError(status, code, description == null ? code : description,
                fieldProblems(json.get("validation_errors")), retry, Origin.API_ENVELOPE, List.of());
        }
        if (mediaType.equals("application/problem+json") || json.has("title") || (json.has("type") && json.has("detail"))) {
            String title = text(json, "title");
            String detail = text(json, "detail");
            List<String> notes = new ArrayList<>();
            if (json.hasNonNull("instance")) {
                notes.add("instance: " + json.get("instance").asText());
            }
            if (json.hasNonNull("type") && !"about:blank".equals(json.get("type").asText())) {
                notes.add("type: " + json.get("type").asText());
            }
            String description = detail != null && title != null ? title + ": " + detail
                : detail != null ? detail : title != null ? title : statusLine(status);
            List<FieldProblem> problems = fieldProblems(json.has("errors") ? json.get("errors") : json.get("invalid-params"));
            return new ApiError(status, slug(title), description, problems, retry, Origin.PROBLEM_JSON, notes);
        }
        if (spring) {
            String error = text(json, "error");
            String message = text(json, "message");
            List<String> notes = new ArrayList<>();
            notes.add("answered by the server framework's default error handler (path " + text(json, "path") + ")");
            String description = message != null && !message.isBlank() && !"No message available".equals(message)
                ? message : error != null ? error : statusLine(status);
            return new ApiError(status, slug(error), description, List.of(), retry, Origin.SPRING_JSON, notes);
        }
        if (json.hasNonNull("message") && json.get("message").isTextual()) {
            return new ApiError(status, null, json.get("message").asText(), List.of(), retry, Origin.TEXT, List.of());
        }
        return null;
    }

    private static ApiError fromHtml(ApiResponse r, HtmlPage html, Double retry) {
        String title = html.title();
        String h1 = html.heading();
        String page = title != null ? title : h1;
        if (h1 != null && title != null && !h1.equals(title) && !title.contains(h1)) {
            page = title + " / " + h1;
        }
        String server = r.header("Server");
        String description = "an HTML error page" + (page != null ? " (\"" + page + "\")" : "")
            + (server != null ? " from " + server : "")
            + ": a reverse proxy or load balancer answered, not the Management API";
        List<String> notes = new ArrayList<>(whoAnswered(r));
        notes.add("run with -vvv to see the whole page");
        return new ApiError(r.status(), null, description, List.of(), retry, Origin.HTML_PAGE, notes);
    }

    private static ApiError undecodable(ApiResponse r, Double retry) {
        String ct = r.header("Content-Type");
        String description = statusLine(r.status()) + " with an undecodable body (Content-Type: "
            + (ct == null ? "none" : ct) + ", " + r.body().length + " bytes)";
        return new ApiError(r.status(), null, description, List.of(), retry, Origin.UNDECODABLE,
            List.of("body starts: " + Bodies.excerpt(r.body(), EXCERPT)));
    }

    /** Server/Via headers say which piece of infrastructure answered. */
    static List<String> whoAnswered(ApiResponse r) {
        List<String> notes = new ArrayList<>();
        String server = r.header("Server");
        String via = r.header("Via");
        if (server != null) {
            notes.add("Server: " + server);
        }
        if (via != null) {
            notes.add("Via: " + via);
        }
        String location = r.header("Location");
        if (r.status() >= 300 && r.status() <= 399 && location != null) {
            notes.add("redirected to " + location + " (not followed; if that is the manager, use it in --url)");
        }
        return notes;
    }

    private static List<FieldProblem> fieldProblems(JsonNode node) {
        List<FieldProblem> out = new ArrayList<>();
        if (node == null || !node.isArray()) {
            return out;
        }
        for (JsonNode item : node) {
            if (item.isObject()) {
                String field = text(item, "field");
                if (field == null) {
                    field = text(item, "name");
                }
                String message = text(item, "message");
                if (message == null) {
                    message = text(item, "reason");
                }
                out.add(new FieldProblem(field == null ? "(body)" : field, message == null ? item.toString() : message));
            } else if (item.isTextual()) {
                out.add(new FieldProblem("(body)", item.asText()));
            }
        }
        return out;
    }

    private static String text(JsonNode json, String field) {
        JsonNode n = json.get(field);
        return n == null || n.isNull() ? null : n.isValueNode() ? n.asText() : n.toString();
    }

    /** "Not Found" becomes "not_found", to sit where the API puts its error code. */
    private static String slug(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return s.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    static String statusLine(int status) {
        String text = HttpStatusText.of(status);
        return text.isEmpty() ? "HTTP " + status : "HTTP " + status + " " + text;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = (nl < 0 ? s : s.substring(0, nl)).strip();
        return line.length() > EXCERPT ? line.substring(0, EXCERPT) + "..." : line;
    }
}
