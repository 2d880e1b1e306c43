package dev.mgmt.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.client.ApiClient;
import dev.mgmt.errors.ApiException;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.MgmtException;
import dev.mgmt.http.ApiRequest;
import dev.mgmt.http.ApiResponse;
import dev.mgmt.json.Json;
import dev.mgmt.json.Jwt;
import dev.mgmt.text.Redactor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Getting a token from the server with client credentials, and asking the server whether it accepts one. */
public final class Tokens {
    private final ApiClient client;
    private final Redactor redactor;

    public Tokens(ApiClient client, Redactor redactor) {
        this.client = client;
        this.redactor = redactor;
    }

    /** A token as the server issued it; {@code expires} is null when neither the answer nor the JWT says. */
    public record Grant(String token, Instant issued, Instant expires) {
    }

    /** The server's answer to the token check: accepted, or rejected with 401 and why. */
    public record Check(boolean accepted, int status, String code, String detail) {
    }

    /**
     * {@code POST auth/token/} with client credentials. The password is registered with the redactor in
     * both forms a trace may show (plain and form-encoded) before anything is sent.
     */
    public Grant request(String user, String password, Clock clock) {
        redactor.registerPassword(password);
        redactor.registerPassword(encode(password));
        byte[] body = ("grant_type=client_credentials&client_id=" + encode(user) + "&client_secret=" + encode(password))
            .getBytes(StandardCharsets.UTF_8);
        ApiRequest request = client.request("POST", client.base().resolve("auth/token/"),
            List.of(new ApiRequest.Header("Content-Type", "application/x-www-form-urlencoded")), body);
        ApiResponse response = client.call(request);
        JsonNode json = Json.tryParse(response.body());
        JsonNode tokenNode = json == null ? null : json.get("access_token");
        if (tokenNode == null || !tokenNode.isTextual() || tokenNode.asText().isBlank()) {
            throw new MgmtException(ExitCodes.UNEXPECTED_RESPONSE,
                "the server answered " + response.status() + " to " + request.line() + " without an access_token");
        }
        String token = tokenNode.asText().strip();
        redactor.register(token);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expires = null;
        JsonNode expiresIn = json.get("expires_in");
        if (expiresIn != null && expiresIn.canConvertToLong() && expiresIn.asLong() > 0) {
            expires = now.plusSeconds(expiresIn.asLong());
        } else if (Jwt.expiryOf(token) != null) {
            expires = Jwt.expiryOf(token);
        }
        return new Grant(token, now, expires);
    }

    /**
     * {@code GET test/hello/mgmt} with the client's token. Only a 401 counts as a rejection; any other
     * failure says nothing about the token and is thrown as it is.
     */
    public Check check() {
        try {
            ApiResponse r = client.call(client.get("test", "hello", "mgmt"));
            return new Check(true, r.status(), null, null);
        } catch (ApiException e) {
            if (e.error().status() != 401) {
                throw e;
            }
            return new Check(false, 401, e.error().code(), e.error().description());
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
