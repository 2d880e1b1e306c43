package dev.mgmt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.sandbox.Context.ProjectMsg;
import dev.mgmt.sandbox.Secrets.Kind;

import java.util.Locale;
import java.util.Random;
import java.util.Set;

/** Generated JWKs, and the random key material the sandbox stands in for real keys (it never uses them). */
final class JwkGenerator {
    static final Set<String> JWK_TYPES = Set.of("RSA", "EC", "OCT", "OKP");
    static final Set<String> KEY_ID_TYPES = Set.of("TIMESTAMP", "SHA256", "SHA1", "ISO_DATE", "NONE");

    private final Context ctx;
    private final Secrets secrets;
    private final Random random;

    JwkGenerator(Context ctx, Secrets secrets) {
        this.ctx = ctx;
        this.secrets = secrets;
        this.random = new Random(ctx.seed ^ 0x2545F4914F6CDD1DL);
    }

    Http.Resp generate(Http.Req q) {
        ObjectNode b = q.json();
        Jwks.requireJwkName(b);
        JsonNode t = b.get("type");
        if (t == null || !t.isTextual() || t.asText().isBlank()) {
            throw ApiError.badRequest("JWK type can not be empty!");
        }
        Validator v = new Validator(b);
        v.optString("description");
        v.optString("kid");
        String type = v.requireEnum("type", JWK_TYPES);
        v.throwIfInvalid();
        String mat = type.toLowerCase(Locale.ROOT);
        v.requireObject(mat);
        v.throwIfInvalid();
        Validator o = v.nested(mat);
        Integer size = null;
        String curve = null;
        switch (type) {
            case "RSA" -> {
                size = o.optInt("keySize");
                if (size == null && !o.hasErrorsFor("keySize")) {
                    o.error("keySize", "keySize is required");
                } else if (size != null && size != 2048 && size != 3072 && size != 4096) {
                    o.error("keySize", "keySize must be one of 2048, 3072, 4096 (got " + size + ")");
                }
            }
            case "OCT" -> {
                size = o.optInt("keySize");
                if (size == null && !o.hasErrorsFor("keySize")) {
                    o.error("keySize", "keySize is required");
                } else if (size != null && size != 128 && size != 192 && size != 256) {
                    o.error("keySize", "keySize must be one of 128, 192, 256 (got " + size + ")");
                }
                o.optInt("passwordSaltLength");
                o.optInt("passwordIterationCount");
            }
            case "EC" -> curve = o.requireEnum("curveType", Set.of("P256", "P384", "P521", "SECP256K1"));
            default -> curve = o.requireEnum("curveType", Set.of("ED25519", "X25519"));
        }
        String use = o.optEnum("keyUseType", Jwks.USE_TYPES);
        o.optString("algorithm");
        o.optEnum("keyIdType", KEY_ID_TYPES);
        o.optString("notBeforeTime");
        o.optString("expirationTime");
        v.throwIfInvalid();
        String name = b.get("name").asText();
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            ObjectNode jwk = Jwks.newJwk(p, name, b);
            jwk.put("sourceType", "GENERATE").putNull("sourceId").putNull("sourceUrl").put("type", type);
            jwk.put("kid", b.path("kid").isTextual() ? b.get("kid").asText() : "sandbox-" + ctx.newId().substring(0, 12));
            ObjectNode m = switch (type) {
                case "RSA" -> rsaMaterial(size, true);
                case "OCT" -> Json.obj().put("k", randomB64(size / 8));
                case "EC" -> {
                    int len = switch (curve) {
                        case "P384" -> 48;
                        case "P521" -> 66;
                        default -> 32;
                    };
                    String crv = switch (curve) {
                        case "P256" -> "P-256";
                        case "P384" -> "P-384";
                        case "P521" -> "P-521";
                        default -> "secp256k1";
                    };
                    yield Json.obj().put("crv", crv).put("x", randomB64(len)).put("y", randomB64(len))
                            .put("d", randomB64(len));
                }
                default -> Json.obj().put("crv", curve.equals("ED25519") ? "Ed25519" : "X25519")
                        .put("x", randomB64(32)).put("d", randomB64(32));
            };
            m.put("use", "ENCRYPTION".equals(use) ? "enc" : "sig");
            if (o.optString("algorithm") != null) {
                m.put("alg", b.path(mat).path("algorithm").asText());
            }
            jwk.set(mat, m);
            p.jwks.put(name, jwk);
            return secrets.deployed(secrets.deployTargets(p, Kind.JWK, jwk), true);
        }
    }

    /** Sandbox key material: random bytes of the right sizes (the sandbox never uses these keys). */
    ObjectNode rsaMaterial(Integer bits, boolean withPrivate) {
        int bytes = (bits == null ? 2048 : bits) / 8;
        ObjectNode m = Json.obj().put("n", randomB64(bytes)).put("e", "AQAB");
        if (withPrivate) {
            m.put("d", randomB64(bytes)).put("p", randomB64(bytes / 2)).put("q", randomB64(bytes / 2));
        }
        return m;
    }

    private String randomB64(int len) {
        byte[] b = new byte[len];
        synchronized (random) {
            random.nextBytes(b);
        }
        b[0] |= (byte) 0x80;
        return Jwks.B64URL.encodeToString(b);
    }
}
