package dev.mgmt.errors;

import dev.mgmt.errors.ApiError.FieldProblem;
import dev.mgmt.errors.ApiError.Origin;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.mgmt.testing.Responses.json;
import static dev.mgmt.testing.Responses.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorDecoderTest {

    @Test
    void should_decode_the_api_envelope_with_validation_errors_and_retry_after() {
        ApiError e = ErrorDecoder.decode(json(400, "{\"error\":\"validation_failed\",\"error_description\":\"Validation failed\","
            + "\"validation_errors\":[{\"field\":\"name\",\"message\":\"Name is required\"},\"free text\",{\"message\":\"m\"}],"
            + "\"retry_after\":5}"));
        assertEquals(400, e.status());
        assertEquals("validation_failed", e.code());
        assertEquals("Validation failed", e.description());
        assertEquals(Origin.API_ENVELOPE, e.origin());
        assertEquals(List.of(new FieldProblem("name", "Name is required"), new FieldProblem("(body)", "free text"),
            new FieldProblem("(body)", "m")), e.validationErrors());
        assertEquals(5.0, e.retryAfter());
    }

    @Test
    void should_fall_back_to_message_then_code_for_the_description() {
        assertEquals("msg", ErrorDecoder.decode(json(404, "{\"error\":\"not_found\",\"message\":\"msg\"}")).description());
        assertEquals("not_found", ErrorDecoder.decode(json(404, "{\"error\":\"not_found\"}")).description());
    }

    @Test
    void should_prefer_the_body_retry_after_and_else_use_the_header() {
        assertEquals(60.0, ErrorDecoder.decode(response(429, "{\"error\":\"rate_limit_exceeded\",\"retry_after\":60}",
            "Content-Type", "application/json", "Retry-After", "5")).retryAfter());
        assertEquals(5.0, ErrorDecoder.decode(response(429, "{\"error\":\"rate_limit_exceeded\"}",
            "Content-Type", "application/json", "Retry-After", "5")).retryAfter());
        assertNull(ErrorDecoder.decode(json(429, "{\"error\":\"rate_limit_exceeded\"}")).retryAfter());
    }

    @Test
    void should_decode_problem_json() {
        ApiError e = ErrorDecoder.decode(response(422, "{\"type\":\"https://x/probs/v\",\"title\":\"Invalid Input\","
            + "\"detail\":\"name too long\",\"instance\":\"/apiops/projects/\",\"errors\":[{\"name\":\"name\",\"reason\":\"max 20\"}]}",
            "Content-Type", "application/problem+json"));
        assertEquals(Origin.PROBLEM_JSON, e.origin());
        assertEquals("invalid_input", e.code());
        assertEquals("Invalid Input: name too long", e.description());
        assertEquals(List.of(new FieldProblem("name", "max 20")), e.validationErrors());
        assertTrue(e.notes().contains("instance: /apiops/projects/"), e.notes().toString());
        assertTrue(e.notes().contains("type: https://x/probs/v"), e.notes().toString());
    }

    @Test
    void should_decode_problem_json_with_only_a_status() {
        ApiError e = ErrorDecoder.decode(response(503, "{\"type\":\"about:blank\",\"status\":503}",
            "Content-Type", "application/problem+json"));
        assertEquals(Origin.PROBLEM_JSON, e.origin());
        assertEquals("HTTP 503 Service Unavailable", e.description());
        assertTrue(e.notes().isEmpty(), e.notes().toString());
    }

    @Test
    void should_decode_spring_default_errors() {
        ApiError e = ErrorDecoder.decode(json(500, "{\"timestamp\":\"t\",\"status\":500,\"error\":\"Internal Server Error\","
            + "\"message\":\"boom\",\"path\":\"/apiops/x/\"}"));
        assertEquals(Origin.SPRING_JSON, e.origin());
        assertEquals("internal_server_error", e.code());
        assertEquals("boom", e.description());
        assertTrue(e.notes().get(0).contains("/apiops/x/"), e.notes().toString());

        ApiError e2 = ErrorDecoder.decode(json(404, "{\"timestamp\":\"t\",\"status\":404,\"error\":\"Not Found\","
            + "\"message\":\"No message available\",\"path\":\"/apiops/x/\"}"));
        assertEquals("Not Found", e2.description());
    }

    @Test
    void should_decode_an_html_page_by_title_and_h1_and_name_the_proxy() {
        ApiError e = ErrorDecoder.decode(response(504, "<!DOCTYPE html><html><head><title>Gateway Timeout</title></head>"
                + "<body><h1>upstream timed out</h1></body></html>",
            "Content-Type", "text/html; charset=utf-8", "Server", "awselb/2.0", "Via", "1.1 proxy"));
        assertEquals(Origin.HTML_PAGE, e.origin());
        assertNull(e.code());
        assertTrue(e.description().contains("Gateway Timeout / upstream timed out"), e.description());
        assertTrue(e.description().contains("awselb/2.0"), e.description());
        assertTrue(e.description().contains("proxy"), e.description());
        assertTrue(e.notes().contains("Via: 1.1 proxy"), e.notes().toString());
        assertFalse(e.description().contains("<"), e.description());
    }

    @Test
    void should_recognise_html_without_a_content_type() {
        ApiError e = ErrorDecoder.decode(response(502, "  <html><body><h1>Bad &amp; Gateway</h1></body></html>"));
        assertEquals(Origin.HTML_PAGE, e.origin());
        assertTrue(e.description().contains("Bad & Gateway"), e.description());
    }

    @Test
    void should_describe_an_empty_or_blank_body_by_status() {
        ApiError e = ErrorDecoder.decode(response(502, new byte[0], "Server", "nginx"));
        assertEquals(Origin.EMPTY, e.origin());
        assertEquals("HTTP 502 Bad Gateway with an empty body", e.description());
        assertEquals(List.of("Server: nginx"), e.notes());
        assertEquals(Origin.EMPTY, ErrorDecoder.decode(response(500, " \r\n")).origin());
        assertEquals("HTTP 599 with an empty body", ErrorDecoder.decode(response(599, "")).description());
    }

    @Test
    void should_take_the_first_line_of_text_and_cut_it_at_200_characters() {
        ApiError e = ErrorDecoder.decode(response(500, "\n  first line  \nsecond", "Content-Type", "text/plain"));
        assertEquals(Origin.TEXT, e.origin());
        assertEquals("first line", e.description());
        String longLine = "x".repeat(300);
        assertEquals("x".repeat(200) + "...", ErrorDecoder.decode(response(500, longLine, "Content-Type", "text/plain")).description());
    }

    @Test
    void should_use_a_bare_message_field() {
        ApiError e = ErrorDecoder.decode(json(500, "{\"message\":\"Internal server error\"}"));
        assertEquals("Internal server error", e.description());
    }

    @Test
    void should_escape_an_undecodable_body() {
        byte[] body = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, '\\'};
        ApiError e = ErrorDecoder.decode(response(500, body, "Content-Type", "image/png"));
        assertEquals(Origin.UNDECODABLE, e.origin());
        assertTrue(e.description().contains("Content-Type: image/png"), e.description());
        assertTrue(e.description().contains("10 bytes"), e.description());
        assertEquals(List.of("body starts: \\x89PNG\\r\\n\\x1a\\n\\x00\\\\"), e.notes());
    }

    @Test
    void should_never_throw_on_odd_json() {
        for (String body : new String[]{"[1,2]", "\"str\"", "{\"error\":{\"nested\":true}}", "{}", "null", "{\"error\":null}"}) {
            ApiError e = ErrorDecoder.decode(json(500, body));
            assertEquals(500, e.status(), body);
            assertTrue(e.description() != null && !e.description().isBlank(), body);
        }
    }
}
