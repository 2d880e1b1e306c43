package dev.mgmt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Issues and checks HS256 JWTs signed with a per-seed sandbox secret. */
final class Tokens {
    static final String ISSUER = "mgmt-sandbox";
    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();

    /** Outcome of a token check. */
    record Check(String subject, String error, String description) {
        boolean ok() {
            return error == null;
        }
    }

    private final byte[] secret;

    Tokens(long seed) {
        this.secret = ("mgmt-sandbox-secret-" + seed).getBytes(StandardCharsets.UTF_8);
    }

    String issue(String subject, Instant iat, Instant exp) {
        ObjectNode header = Json.obj().put("alg", "HS256").put("typ", "JWT");
        ObjectNode payload = Json.obj()
                .put("sub", subject)
                .put("iat", iat.getEpochSecond())
                .put("exp", exp.getEpochSecond())
                .put("iss", ISSUER);
        String signingInput = ENC.encodeToString(Json.bytes(header)) + "." + ENC.encodeToString(Json.bytes(payload));
        return signingInput + "." + ENC.encodeToString(sign(signingInput));
    }

    private byte[] sign(String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    Check verify(String token, Instant now) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return new Check(null, "invalid_token", "Token is invalid or expired");
        }
        byte[] sig;
        JsonNode payload;
        try {
            sig = DEC.decode(parts[2]);
            payload = Json.MAPPER.readTree(DEC.decode(parts[1]));
        } catch (Exception e) {
            return new Check(null, "invalid_token", "Token is invalid or expired");
        }
        if (!MessageDigest.isEqual(sig, sign(parts[0] + "." + parts[1]))) {
            return new Check(null, "invalid_token", "Token is invalid or expired");
        }
        if (payload == null || !payload.path("sub").isTextual() || !payload.path("exp").canConvertToLong()) {
            return new Check(null, "invalid_token", "Token is invalid or expired");
        }
        if (payload.path("exp").asLong() <= now.getEpochSecond()) {
            return new Check(payload.path("sub").asText(), "token_expired", "Token has expired");
        }
        return new Check(payload.path("sub").asText(), null, null);
    }
}
