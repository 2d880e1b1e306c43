package dev.mgmt.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Base64;

/**
 * A JWT decoded locally, without checking its signature: only to read {@code exp}, {@code iat},
 * {@code nbf}, {@code sub} and {@code iss} for troubleshooting. Never trusted for anything else.
 */
public record Jwt(JsonNode header, JsonNode payload) {

    /** The token decoded, or null when it is not JWT-shaped (three base64url parts, JSON header and payload). */
    public static Jwt decode(String token) {
        if (token == null) {
            return null;
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return null;
        }
        JsonNode header = part(parts[0]);
        JsonNode payload = part(parts[1]);
        if (header == null || payload == null || !header.isObject() || !payload.isObject()) {
            return null;
        }
        return new Jwt(header, payload);
    }

    /** The {@code exp} claim of a token, or null when it is not a JWT or has none. */
    public static Instant expiryOf(String token) {
        Jwt jwt = decode(token);
        return jwt == null ? null : jwt.expiresAt();
    }

    private static JsonNode part(String b64) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(b64.replace('+', '-').replace('/', '_').replace("=", ""));
            return Json.tryParse(bytes);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public Instant expiresAt() {
        return instant("exp");
    }

    public Instant issuedAt() {
        return instant("iat");
    }

    public Instant notBefore() {
        return instant("nbf");
    }

    public String subject() {
        return text("sub");
    }

    public String issuer() {
        return text("iss");
    }

    public String algorithm() {
        JsonNode n = header.get("alg");
        return n != null && n.isTextual() ? n.asText() : null;
    }

    private Instant instant(String claim) {
        JsonNode n = payload.get(claim);
        if (n == null || !n.canConvertToLong()) {
            return null;
        }
        return Instant.ofEpochSecond(n.asLong());
    }

    private String text(String claim) {
        JsonNode n = payload.get(claim);
        return n == null || n.isNull() ? null : n.isTextual() ? n.asText() : n.toString();
    }

    /** "sub=admin, iss=mgmt-sandbox, iat=2025-...Z, exp=...Z" from what the token holds. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        append(sb, "sub", subject());
        append(sb, "iss", issuer());
        append(sb, "iat", issuedAt() == null ? null : issuedAt().toString());
        append(sb, "exp", expiresAt() == null ? null : expiresAt().toString());
        return sb.toString();
    }

    private static void append(StringBuilder sb, String k, String v) {
        if (v == null) {
            return;
        }
        if (sb.length() > 0) {
            sb.append(", ");
        }
        sb.append(k).append('=').append(v.length() > 60 ? v.substring(0, 60) + "..." : v);
    }
}
