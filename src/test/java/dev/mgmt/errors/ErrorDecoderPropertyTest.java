package dev.mgmt.errors;

import dev.mgmt.http.ApiRequest;
import dev.mgmt.http.ApiResponse;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Any status, content type and body (JSON-like or not): an ApiError with a description, never an exception. */
class ErrorDecoderPropertyTest {

    @Provide
    Arbitrary<String> envelopeish() {
        Arbitrary<String> piece = Arbitraries.of("{", "}", "[", "]", ",", ":", "\"error\"", "\"error_description\"",
            "\"validation_errors\"", "\"retry_after\"", "\"field\"", "\"message\"", "\"title\"", "\"detail\"",
            "\"status\"", "\"FAILURE\"", "\"success\"", "false", "null", "1e999", "-1", "\"x\"", "<html>", " ", "\n");
        return piece.list().ofMaxSize(40).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of("application/json", "application/problem+json", "text/html", "text/plain", "",
            "application/json; charset=utf-8", "application/octet-stream");
    }

    private static void decodes(int status, String type, byte[] body, String retryAfter) {
        Map<String, List<String>> h = type.isEmpty() ? Map.of() : Map.of("Content-Type", List.of(type));
        if (retryAfter != null) {
            h = Map.of("Content-Type", List.of(type.isEmpty() ? "text/plain" : type), "Retry-After", List.of(retryAfter));
        }
        HttpHeaders headers = HttpHeaders.of(h, (a, b) -> true);
        ApiRequest req = ApiRequest.get(URI.create("http://127.0.0.1:1/apiops/projects/"));
        ApiError e = ErrorDecoder.decode(new ApiResponse(req, status, headers, body, Duration.ZERO));
        assertNotNull(e);
        assertNotNull(e.description());
    }

    @Property(tries = 500, seed = "20261202")
    void any_envelope_like_body_decodes(@ForAll @IntRange(min = 100, max = 599) int status,
                                        @ForAll("contentTypes") String type, @ForAll("envelopeish") String body) {
        decodes(status, type, body.getBytes(StandardCharsets.UTF_8), null);
    }

    @Property(tries = 300, seed = "20261202")
    void any_bytes_and_retry_after_decode(@ForAll @IntRange(min = 300, max = 599) int status,
                                          @ForAll("contentTypes") String type, @ForAll byte[] body,
                                          @ForAll String retryAfter) {
        decodes(status, type, body, retryAfter);
    }
}
