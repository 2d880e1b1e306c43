package dev.mgmt.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.output.Json;

import java.time.Instant;
import java.util.Base64;

/** Reads the expiry of a JWT locally: the payload is base64url JSON; the signature is not checked. */
public final class Jwt {
    private Jwt() {
    }

    /** The {@code exp} claim, or null when the token is not a JWT or has none. */
    public static Instant expiry(String token) {
        if (token == null) {
            return null;
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            JsonNode payload = Json.mapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
            JsonNode exp = payload == null ? null : payload.get("exp");
            return exp != null && exp.canConvertToLong() ? Instant.ofEpochSecond(exp.asLong()) : null;
        } catch (Exception e) {
            return null;
        }
    }
}
