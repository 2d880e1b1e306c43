package dev.mgmt.testing;

import dev.mgmt.http.ApiRequest;
import dev.mgmt.http.ApiResponse;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ApiResponse values for unit tests, without a server. */
public final class Responses {
    private Responses() {
    }

    public static final ApiRequest REQUEST = ApiRequest.get(URI.create("https://host/apiops/projects/"));

    /** headers as name, value, name, value... */
    public static ApiResponse response(int status, byte[] body, String... headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], List.of(headers[i + 1]));
        }
        return new ApiResponse(REQUEST, status, HttpHeaders.of(map, (a, b) -> true), body, Duration.ZERO);
    }

    public static ApiResponse response(int status, String body, String... headers) {
        return response(status, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    public static ApiResponse json(int status, String body) {
        return response(status, body, "Content-Type", "application/json");
    }
}
