package dev.mgmt.http;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/** One HTTP response, fully read. */
public record ApiResponse(ApiRequest request, int status, HttpHeaders headers, byte[] body, Duration elapsed) {

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** The media type without parameters, lower case; "" when absent. */
    public String mediaType() {
        String ct = header("Content-Type");
        if (ct == null) {
            return "";
        }
        int semi = ct.indexOf(';');
        return (semi < 0 ? ct : ct.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    public boolean isSuccess() {
        return status >= 200 && status <= 299;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean isJson() {
        String mt = mediaType();
        return mt.equals("application/json") || mt.endsWith("+json");
    }
}
