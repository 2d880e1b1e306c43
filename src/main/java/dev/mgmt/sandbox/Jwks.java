package dev.mgmt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.sandbox.Context.ProjectMsg;
import dev.mgmt.sandbox.Secrets.Kind;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** JWKs created from a URL, a pasted JWK, or a certificate, key or keystore of the project; and their update. */
final class Jwks {
    static final Set<String> USE_TYPES = Set.of("SIGNATURE", "ENCRYPTION");
    static final Set<String> SOURCE_TYPES = Set.of("URL", "COPY_PASTE", "CERTIFICATE", "PUBLIC_KEY", "PRIVATE_KEY",
            "KEYSTORE");

    /** Algorithms accepted by the parse/create endpoints, by key type and use. */
    static final Map<String, Set<String>> ALGORITHMS = Map.of(
            "RSA/SIGNATURE", Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512"),
            "RSA/ENCRYPTION", Set.of("RSA1_5", "RSA-OAEP", "RSA-OAEP-256", "RSA-OAEP-384", "RSA-OAEP-512"),
            "EC/SIGNATURE", Set.of("ES256", "ES384", "ES512", "ES256K"),
            "EC/ENCRYPTION", Set.of("ECDH-ES", "ECDH-ES+A128KW", "ECDH-ES+A192KW", "ECDH-ES+A256KW", "ECDH-1PU",
                    "ECDH-1PU+A128KW", "ECDH-1PU+A192KW", "ECDH-1PU+A256KW"));

    static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final Context ctx;
    private final Secrets secrets;
    private final JwkGenerator generator;

    Jwks(Context ctx, Secrets secrets, JwkGenerator generator) {
        this.ctx = ctx;
        this.secrets = secrets;
        this.generator = generator;
    }

    static void requireJwkName(ObjectNode b) {
        JsonNode n = b.get("name");
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw ApiError.badRequest("JWK name can not be empty!");
        }
    }

    Http.Resp create(Http.Req q) {
        ObjectNode b = q.json();
        requireJwkName(b);
        JsonNode st = b.get("sourceType");
        if (st == null || !st.isTextual() || st.asText().isBlank()) {
            throw ApiError.badRequest("Source type is required!");
        }
        String source = st.asText();
        if (source.equals("GENERATE")) {
            throw new ApiError(400, "validation_failed", "Validation failed: use the generate endpoint for GENERATE",
                    List.of(new ApiError.FieldError("sourceType", "sourceType GENERATE is created via jwks/generate")));
        }
        if (!SOURCE_TYPES.contains(source)) {
            throw new ApiError(400, "validation_failed", "Validation failed: sourceType must be one of "
                    + String.join(", ", SOURCE_TYPES.stream().sorted().toList()),
                    List.of(new ApiError.FieldError("sourceType", "unknown source type '" + source + "'")));
        }
        String family = source.equals("PUBLIC_KEY") || source.equals("PRIVATE_KEY") ? "KEY" : source;
        return saveParsedJwk(q, b, family, source);
    }

    Http.Resp parse(Http.Req q, String family) {
        ObjectNode b = q.json();
        requireJwkName(b);
        String source = family.equals("KEY") ? "PUBLIC_KEY" : family;
        if (family.equals("KEY") && "PRIVATE_KEY".equals(b.path("sourceType").asText())) {
            source = "PRIVATE_KEY";
        }
        return saveParsedJwk(q, b, family, source);
    }

    Http.Resp saveParsedJwk(Http.Req q, ObjectNode b, String family, String source) {
        if (family.equals("URL")) {
            JsonNode u = b.get("url");
            if (u == null || !u.isTextual() || u.asText().isBlank()) {
                throw ApiError.badRequest("URL is required for URL source type!");
            }
        }
        Validator v = new Validator(b);
        v.optString("description");
        v.optString("kid");
        switch (family) {
            case "URL" -> {
                String url = v.optString("url");
                if (url != null && !url.startsWith("http://") && !url.startsWith("https://")) {
                    v.error("url", "url must be an http or https URL");
                }
                for (String f : List.of("urlOptionConnectTimeout", "urlOptionReadTimeout", "urlOptionSizeLimit")) {
                    Integer i = v.optInt(f);
                    if (i != null && i <= 0) {
                        v.error(f, f + " must be positive");
                    }
                }
            }
            case "COPY_PASTE" -> v.requireString("jwkStr");
            default -> {
                v.requireString(switch (family) {
                    case "CERTIFICATE" -> "certificateName";
                    case "KEY" -> "keyName";
                    default -> "keyStoreName";
                });
                v.requireString("environmentName");
                if (family.equals("KEYSTORE")) {
                    v.requireString("aliasName");
                }
                v.requireEnum("useType", USE_TYPES);
                v.requireString("algorithm");
            }
        }
        v.throwIfInvalid();
        String name = b.get("name").asText();
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            ObjectNode jwk = newJwk(p, name, b);
            jwk.put("sourceType", source);
            jwk.putNull("sourceId");
            jwk.putNull("sourceUrl");
            jwk.set("kid", b.path("kid").isTextual() ? b.get("kid") : null);
            if (jwk.get("kid") == null) {
                jwk.putNull("kid");
            }
            switch (family) {
                case "URL" -> {
                    // the sandbox does not fetch the URL: it records the source and synthesises RSA key material
                    jwk.put("sourceUrl", b.get("url").asText());
                    jwk.put("type", "RSA");
                    jwk.set("rsa", generator.rsaMaterial(null, false));
                }
                case "COPY_PASTE" -> fromJwkString(jwk, b.get("jwkStr").asText(), b.path("kid").asText(null));
                default -> fromSource(p, jwk, family, b);
            }
            if (jwk.get("kid").isNull()) {
                jwk.put("kid", "sandbox-" + ctx.newId().substring(0, 12));
            }
            p.jwks.put(name, jwk);
            return secrets.deployed(secrets.deployTargets(p, Kind.JWK, jwk), true);
        }
    }

    private void fromSource(Model.Project p, ObjectNode jwk, String family, ObjectNode b) {
        String env = b.get("environmentName").asText();
        String use = b.get("useType").asText();
        String alg = b.get("algorithm").asText();
        PublicKey key = null;
        String sourceId;
        switch (family) {
            case "CERTIFICATE" -> {
                String cn = b.get("certificateName").asText();
                ObjectNode c = Certificates.find(p, cn);
                JsonNode ce = envEntry(c, "certificateEnvironmentList", env, "Certificate", cn);
                try {
                    key = CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(
                            Base64.getDecoder().decode(ce.path("base64EncodedContent").asText()))).getPublicKey();
                } catch (GeneralSecurityException | RuntimeException e) {
                    key = null;
                }
                sourceId = cn;
            }
            case "KEY" -> {
                String kn = b.get("keyName").asText();
                ObjectNode k = Secrets.find(p, Kind.KEY, kn);
                JsonNode ke = envEntry(k, "cryptoKeyInfoEnvironmentList", env, "Key", kn);
                if (ke.hasNonNull("publicKey")) {
                    try {
                        key = KeyFactory.getInstance(k.path("keyType").asText("RSA")).generatePublic(
                                new X509EncodedKeySpec(Base64.getMimeDecoder().decode(ke.get("publicKey").asText())));
                    } catch (GeneralSecurityException | RuntimeException e) {
                        key = null;
                    }
                }
                sourceId = kn;
            }
            default -> {
                String sn = b.get("keyStoreName").asText();
                ObjectNode s = Secrets.find(p, Kind.KEYSTORE, sn);
                envEntry(s, "keyStoreEnvironmentList", env, "Keystore", sn);
                sourceId = sn;
            }
        }
        String type = key instanceof ECPublicKey ? "EC" : "RSA";
        Set<String> allowed = ALGORITHMS.get(type + "/" + use);
        if (!allowed.contains(alg)) {
            throw new ApiError(400, "validation_failed", "Validation failed: algorithm " + alg + " does not fit a "
                    + type + " key used for " + use,
                    List.of(new ApiError.FieldError("algorithm", "algorithm must be one of "
                            + String.join(", ", allowed.stream().sorted().toList()) + " (got '" + alg + "')")));
        }
        jwk.put("sourceId", Context.projectId(p).substring(0, 8) + "-" + sourceId);
        jwk.put("type", type);
        if (key instanceof RSAPublicKey rk) {
            ObjectNode m = Json.obj().put("n", b64(rk.getModulus())).put("e", b64(rk.getPublicExponent()));
            jwk.set("rsa", m);
        } else if (key instanceof ECPublicKey ek) {
            int bits = ek.getParams().getCurve().getField().getFieldSize();
            jwk.set("ec", Json.obj().put("crv", "P-" + bits).put("x", b64(ek.getW().getAffineX()))
                    .put("y", b64(ek.getW().getAffineY())));
        } else {
            jwk.set("rsa", generator.rsaMaterial(null, "PRIVATE_KEY".equals(jwk.path("sourceType").asText())
                    || family.equals("KEYSTORE")));
        }
        ((ObjectNode) jwk.get(jwk.get("type").asText().toLowerCase(Locale.ROOT))).put("use", use.equals("SIGNATURE")
                ? "sig" : "enc").put("alg", alg);
    }

    private static JsonNode envEntry(ObjectNode item, String listField, String env, String label, String name) {
        for (JsonNode e : item.path(listField)) {
            if (e.path("environmentName").asText().equals(env)) {
                return e;
            }
        }
        throw ApiError.badRequest(label + " (name: " + name + ") is not found in Environment (" + env + ")!");
    }

    private static String b64(BigInteger i) {
        byte[] bytes = i.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return B64URL.encodeToString(bytes);
    }

    private void fromJwkString(ObjectNode jwk, String text, String kid) {
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(text);
        } catch (IOException e) {
            n = null;
        }
        if (n == null || !n.isObject()) {
            throw ApiError.badRequest("jwkStr could not be parsed as a JWK or JWK Set!");
        }
        if (n.has("keys")) {
            JsonNode chosen = null;
            for (JsonNode k : n.path("keys")) {
                if (kid == null ? n.path("keys").size() == 1 : kid.equals(k.path("kid").asText())) {
                    chosen = k;
                }
            }
            if (chosen == null) {
                throw ApiError.badRequest(kid == null
                        ? "jwkStr contains a JWK Set with several keys; kid is required to choose one!"
                        : "No key with kid (" + kid + ") was found in the JWK Set!");
            }
            n = chosen;
        }
        String kty = n.path("kty").asText("");
        String type = switch (kty) {
            case "RSA" -> "RSA";
            case "EC" -> "EC";
            case "oct" -> "OCT";
            case "OKP" -> "OKP";
            default -> throw ApiError.badRequest("jwkStr could not be parsed as a JWK or JWK Set!");
        };
        jwk.put("type", type);
        ObjectNode m = ((ObjectNode) n).deepCopy();
        m.remove("kty");
        if (m.hasNonNull("kid")) {
            jwk.set("kid", m.remove("kid"));
        }
        jwk.set(type.toLowerCase(Locale.ROOT), m);
    }

    Http.Resp update(Http.Req q) {
        ObjectNode b = q.json();
        Validator v = new Validator(b);
        String newName = v.optString("name");
        String desc = v.optString("description");
        if (newName != null && newName.isBlank()) {
            v.error("name", "name can not be blank");
        }
        v.throwIfInvalid();
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            String name = q.param("name");
            ObjectNode jwk = p.jwks.get(name);
            if (jwk == null) {
                throw ApiError.badRequest("JWK (name: " + name + ") is not found! Try create operation.");
            }
            if (newName != null && !newName.equals(name) && p.jwks.containsKey(newName)) {
                throw ApiError.duplicate("JWK (name: " + newName + ") is already exist!");
            }
            if (desc != null) {
                jwk.put("description", desc);
            }
            if (newName != null && !newName.equals(name)) {
                jwk.put("name", newName);
                Map<String, ObjectNode> copy = new java.util.LinkedHashMap<>();
                p.jwks.forEach((k, val) -> copy.put(k.equals(name) ? newName : k, val));
                p.jwks.clear();
                p.jwks.putAll(copy);
            }
            // an edited JWK no longer follows its source
            if (!"GENERATE".equals(jwk.path("sourceType").asText()) && (newName != null || desc != null)) {
                jwk.putNull("sourceId");
            }
            return secrets.deployed(secrets.deployTargets(p, Kind.JWK, jwk), true);
        }
    }

    /** A new JWK's name and description; a JWK of that name already in the project is a conflict. */
    static ObjectNode newJwk(Model.Project p, String name, JsonNode b) {
        if (p.jwks.containsKey(name)) {
            throw Secrets.alreadyExists("JWK", name);
        }
        ObjectNode jwk = Json.obj().put("name", name);
        if (b.path("description").isTextual()) {
            jwk.set("description", b.get("description"));
        } else {
            jwk.putNull("description");
        }
        return jwk;
    }
}
