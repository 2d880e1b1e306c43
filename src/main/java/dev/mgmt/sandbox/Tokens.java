package dev.mgmt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    private final SecretKeySpec key;
    /** One Mac per thread: creating and initialising a Mac for every request is costly. */
    private final ThreadLocal<Mac> macs;
    /** Tokens whose signature was already checked: subject and expiry, so a hot token is not re-verified. */
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private static final int MAX_CACHED = 4096;

    private record Verified(String subject, long exp) { }

    Tokens(long seed) {
        this.secret = ("mgmt-sandbox-secret-" + seed).getBytes(StandardCharsets.UTF_8);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
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
        return macs.get().doFinal(input.getBytes(StandardCharsets.US_ASCII));
    }

    Check verify(String token, Instant now) {
        Verified v = verified.get(token);
        if (v == null) {
            v = verifySignature(token);
            if (v == null) {
                return new Check(null, "invalid_token", "Token is invalid or expired");
            }
            if (verified.size() >= MAX_CACHED) {
                verified.clear();
            }
            verified.put(token, v);
        }
        if (v.exp() <= now.getEpochSecond()) {
            return new Check(v.subject(), "token_expired", "Token has expired");
        }
        return new Check(v.subject(), null, null);
    }

    /** Checks format and signature; returns subject and expiry, or null when the token is not valid. */
    private Verified verifySignature(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        byte[] sig;
        JsonNode payload;
        try {
            sig = DEC.decode(parts[2]);
            payload = Json.MAPPER.readTree(DEC.decode(parts[1]));
        } catch (Exception e) {
            return null;
        }
        if (!MessageDigest.isEqual(sig, sign(parts[0] + "." + parts[1]))) {
            return null;
        }
        if (payload == null || !payload.path("sub").isTextual() || !payload.path("exp").canConvertToLong()) {
            return null;
        }
        return new Verified(payload.path("sub").asText(), payload.path("exp").asLong());
    }
}
