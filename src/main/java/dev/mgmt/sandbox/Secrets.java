package dev.mgmt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Keys and secrets (02-api-reference/08-keys-secrets): certificates, keystores, crypto keys and JWKs. */
final class Secrets {
    static final Set<String> USE_TYPES = Set.of("SIGNATURE", "ENCRYPTION");
    static final Set<String> UPDATE_SCOPES = Set.of("SAME_PROJECT", "ALL_PROJECTS");
    static final Set<String> SOURCE_TYPES = Set.of("URL", "COPY_PASTE", "CERTIFICATE", "PUBLIC_KEY", "PRIVATE_KEY",
            "KEYSTORE");
    static final Set<String> JWK_TYPES = Set.of("RSA", "EC", "OCT", "OKP");
    static final Set<String> KEY_ID_TYPES = Set.of("TIMESTAMP", "SHA256", "SHA1", "ISO_DATE", "NONE");
    /** Algorithms accepted by the parse/create endpoints, by key type and use. */
    static final Map<String, Set<String>> ALGORITHMS = Map.of(
            "RSA/SIGNATURE", Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512"),
            "RSA/ENCRYPTION", Set.of("RSA1_5", "RSA-OAEP", "RSA-OAEP-256", "RSA-OAEP-384", "RSA-OAEP-512"),
            "EC/SIGNATURE", Set.of("ES256", "ES384", "ES512", "ES256K"),
            "EC/ENCRYPTION", Set.of("ECDH-ES", "ECDH-ES+A128KW", "ECDH-ES+A192KW", "ECDH-ES+A256KW", "ECDH-1PU",
                    "ECDH-1PU+A128KW", "ECDH-1PU+A192KW", "ECDH-1PU+A256KW"));
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final Api api;
    private final Random random;

    Secrets(Api api, long seed) {
        this.api = api;
        this.random = new Random(seed ^ 0x2545F4914F6CDD1DL);
    }

    /** The three JSON-bodied families share list/get/delete. */
    enum Kind {
        KEYSTORE("Keystore", "keyStoreEnvironmentList"),
        KEY("Key", "cryptoKeyInfoEnvironmentList"),
        JWK("JWK", null);

        final String label;
        final String envList;

        Kind(String label, String envList) {
            this.label = label;
            this.envList = envList;
        }
    }

    private static Map<String, ObjectNode> store(Model.Project p, Kind k) {
        return switch (k) {
            case KEYSTORE -> p.keystores;
            case KEY -> p.keys;
            case JWK -> p.jwks;
        };
    }

    static ApiError notFound(String label, String name) {
        return ApiError.badRequest(label + " (name: " + name + ") is not found!");
    }

    private static ApiError alreadyExists(String label, String name) {
        return ApiError.duplicate(label + " (name: " + name
                + ") is already exist! Try update operation if want to change its value.");
    }

    // ------------------------------------------------------------------ deployment results

    /** The deploymentResult object of the keys-and-secrets pages, honouring the deployFail fault. */
    ObjectNode deploymentResult(List<String> envs, boolean deploy) {
        Set<String> failing = api.faults.get().deployFail;
        String noun = deploy ? "Deployment" : "Undeployment";
        String done = deploy ? "Deployed" : "Undeployed";
        ArrayNode items = Json.arr();
        boolean all = true;
        for (String env : envs) {
            boolean ok = !failing.contains(env);
            all &= ok;
            items.add(Json.obj().put("environmentName", env).put("success", ok).put("message", ok
                    ? done + " successfully"
                    : noun + " failed: gateway pods of environment (" + env + ") did not acknowledge the configuration in time"));
        }
        ObjectNode r = Json.obj().put("success", all)
                .put("message", all ? noun + " completed successfully" : noun + " failed on some environments");
        r.set("environmentResults", items);
        return r;
    }

    Http.Resp deployed(List<String> envs, boolean deploy) {
        return Http.Resp.json(Json.obj().put("success", true).set("deploymentResult", deploymentResult(envs, deploy)));
    }

    private void checkEnvironment(Model.Project p, String env) {
        if (!p.environmentNames.contains(env) || !api.model.environments.containsKey(env)) {
            throw ApiError.badRequest("Environment (" + env + ") is not found or user does not have privilege to access it!");
        }
    }

    private static List<String> envNames(ObjectNode item, String listField) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : item.path(listField)) {
            String n = e.path("environmentName").asText();
            if (!out.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    private void checkUpdateScope(Http.Req q) {
        String upd = q.query.get("updateReferencedJwks");
        String scope = q.query.get("updateScope");
        if (upd != null && !upd.equals("true") && !upd.equals("false")) {
            throw new ApiError(400, "validation_failed", "Validation failed: updateReferencedJwks must be true or false",
                    List.of(new ApiError.FieldError("updateReferencedJwks", "updateReferencedJwks must be true or false")));
        }
        if ("true".equals(upd) && (scope == null || !UPDATE_SCOPES.contains(scope))) {
            throw new ApiError(400, "validation_failed",
                    "Validation failed: updateScope must be SAME_PROJECT or ALL_PROJECTS when updateReferencedJwks is true",
                    List.of(new ApiError.FieldError("updateScope", "updateScope must be one of ALL_PROJECTS, SAME_PROJECT")));
        }
    }

    // ------------------------------------------------------------------ certificates

    /** Decodes a PEM (or DER) X.509 certificate into the documented certificate-environment fields. */
    static ObjectNode certificateInfo(byte[] pemOrDer) {
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            X509Certificate c = (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(pemOrDer));
            byte[] der = c.getEncoded();
            return Json.obj()
                    .put("startDate", ISO_MILLIS.format(c.getNotBefore().toInstant()))
                    .put("endDate", ISO_MILLIS.format(c.getNotAfter().toInstant()))
                    .put("base64EncodedContent", Base64.getEncoder().encodeToString(der))
                    .put("sha1Thumbprint", HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1").digest(der)))
                    .put("subjectDn", c.getSubjectX500Principal().toString());
        } catch (GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }

    /** Builds a stored certificate (the API view) for the given environments. */
    static ObjectNode certificate(String name, String description, String alias, List<String> envs, ObjectNode info) {
        ObjectNode c = Json.obj().put("name", name).put("description", description);
        ArrayNode list = c.putArray("certificateEnvironmentList");
        for (String env : envs) {
            ObjectNode e = Json.obj().put("environmentName", env);
            e.setAll(info.deepCopy());
            e.put("alias", alias);
            list.add(e);
        }
        return c;
    }

    Http.Resp listCertificates(Http.Req q) {
        synchronized (api.lock) {
            Model.Project p = api.project(q, Api.ProjectMsg.WAS_NOT_FOUND);
            List<ObjectNode> items = new ArrayList<>();
            for (ObjectNode c : p.certificates.values()) {
                ObjectNode v = c.deepCopy();
                // the list leaves out the certificate content; Get Certificate returns it
                v.path("certificateEnvironmentList").forEach(e -> ((ObjectNode) e).putNull("base64EncodedContent"));
                items.add(v);
            }
            return Http.Resp.json(Json.successList(items));
        }
    }

    private ObjectNode certificate(Model.Project p, String name) {
        ObjectNode c = p.certificates.get(name);
        if (c == null) {
            throw notFound("Certificate", name);
        }
        return c;
    }

    Http.Resp getCertificate(Http.Req q) {
        synchronized (api.lock) {
            Model.Project p = api.project(q, Api.ProjectMsg.WAS_NOT_FOUND);
            return Http.Resp.json(Json.successList(List.of(certificate(p, q.param("name")).deepCopy())));
        }
    }

    Http.Resp truststore(Http.Req q) {
        synchronized (api.lock) {
            Model.Project p = api.project(q, Api.ProjectMsg.WAS_NOT_FOUND);
            String env = q.param("env");
            if (env.isBlank()) {
                throw ApiError.badRequest("environmentName value can not be empty!");
            }
            checkEnvironment(p, env);
            List<ObjectNode> items = new ArrayList<>();
            for (ObjectNode c : p.certificates.values()) {
                ObjectNode v = c.deepCopy();
                ArrayNode only = Json.arr();
                v.path("certificateEnvironmentList").forEach(e -> {
                    if (e.path("environmentName").asText().equals(env)) {
                        only.add(e);
                    }
                });
                if (!only.isEmpty()) {
                    v.set("certificateEnvironmentList", only);
                    items.add(v);
                }
            }
            return Http.Resp.json(Json.successList(items));
        }
    }

    private static String formText(Multipart mp, String field) {
        Multipart.Part part = mp.get(field);
        return part == null ? "" : part.text().trim();
    }

    Http.Resp saveCertificate(Http.Req q, boolean create) {
        Multipart mp = q.multipart();
        if (!create) {
            checkUpdateScope(q);
        }
        String name = create ? formText(mp, "certificateName") : q.param("name");
        if (name.isEmpty()) {
            throw ApiError.badRequest("certificateName value can not be empty!");
        }
        String alias = formText(mp, "alias");
        if (alias.isEmpty()) {
            throw ApiError.badRequest("alias value can not be empty!");
        }
        Multipart.Part file = mp.get("pemEncodedFile");
        if (file == null || file.data().length == 0) {
            throw ApiError.badRequest("pemEncodedFile value can not be empty!");
        }
        String envText = formText(mp, "environmentList");
        if (envText.isEmpty()) {
            throw ApiError.badRequest("environmentList value can not be empty!");
        }
        String description = formText(mp, "certificateDescription");
        if (description.isEmpty()) {
            throw ApiError.badRequest("certificateDescription value can not be empty!");
        }
        List<String> envs = new ArrayList<>(new LinkedHashSet<>(Arrays.stream(envText.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList()));
        ObjectNode info = certificateInfo(file.data());
        if (info == null) {
            throw ApiError.badRequest("pemEncodedFile could not be parsed as a PEM-encoded X.509 certificate!");
        }
        synchronized (api.lock) {
            Model.Project p = api.project(q, Api.ProjectMsg.WAS_NOT_FOUND);
            String formName = formText(mp, "certificateName");
            if (create) {
                if (p.certificates.containsKey(name)) {
                    throw ApiError.duplicate("Certificate (name: " + name + ") is already exist!");
                }
            } else {
                certificate(p, name);
                if (!formName.isEmpty() && !formName.equals(name)) {
                    throw ApiError.badRequest("Certificate name in path (" + name + ") does not match certificateName ("
                            + formName + ")!");
                }
            }
            for (String env : envs) {
                checkEnvironment(p, env);
            }
            for (ObjectNode other : p.certificates.values()) {
                if (other.path("name").asText().equals(name)) {
                    continue;
                }
                for (JsonNode e : other.path("certificateEnvironmentList")) {
                    if (e.path("alias").asText().equals(alias) && envs.contains(e.path("environmentName").asText())) {
                        throw ApiError.badRequest("Alias (" + alias
                                + ") is already used for another certificate, try changing this value!");
                    }
                }
            }
            p.certificates.put(name, certificate(name, description, alias, envs, info));
            return deployed(envs, true);
        }
    }

    Http.Resp deleteCertificate(Http.Req q) {
        synchronized (api.lock) {
            Model.Project p = api.project(q, Api.ProjectMsg.WAS_NOT_FOUND);
            ObjectNode c = certificate(p, q.param("name"));
            p.certificates.remove(q.param("name"));
            return deployed(envNames(c, "certificateEnvironmentList"), false);
        }
    }

    Http.Resp exportCertificate(Http.Req q) {
        synchronized (api.lock) {
            Model.Project p = api.project(q, Api.ProjectMsg.WAS_NOT_FOUND);
            String name = q.param("name");
            ObjectNode c = certificate(p, name);
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            try (ZipOutputStream zos = new ZipOutputStream(bos)) {
                for (JsonNode e : c.path("certificateEnvironmentList")) {
                    ZipEntry ze = new ZipEntry(name + "-" + e.path("environmentName").asText() + ".cer");
                    ze.setTime(0L);
                    zos.putNextEntry(ze);
                    zos.write(Base64.getDecoder().decode(e.path("base64EncodedContent").asText()));
                    zos.closeEntry();
                }
            } catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
            return new Http.Resp(200, "application/octet-stream", bos.toByteArray())
                    .header("Content-Disposition", "attachment; filename=\"" + name + "-certificates.zip\"");
        }
    }

    // ------------------------------------------------------------------ keystores, keys, JWKs: shared

    private ObjectNode view(Model.Project p, Kind k, ObjectNode stored, boolean full) {
        ObjectNode v = Json.obj();
        v.put("name", stored.path("name").asText());
        v.set("description", stored.path("description").isTextual() ? stored.get("description") : null);
        if (v.get("description") == null) {
            v.putNull("description");
        }
        v.put("projectId", Api.projectId(p));
        if (k == Kind.JWK) {
            for (String f : List.of("sourceType", "sourceId", "sourceUrl", "type", "kid")) {
                JsonNode n = stored.get(f);
                if (n == null || n.isNull()) {
                    v.putNull(f);
                } else {
                    v.set(f, n.deepCopy());
                }
            }
            if (full) {
                String mat = stored.path("type").asText().toLowerCase(Locale.ROOT);
                if (stored.has(mat)) {
                    v.set(mat, stored.get(mat).deepCopy());
                }
            }
        } else {
            stored.fields().forEachRemaining(f -> {
                if (!v.has(f.getKey())) {
                    v.set(f.getKey(), f.getValue().deepCopy());
                }
            });
        }
        return v;
    }

    Http.Resp list(Http.Req q, Kind k) {
        synchronized (api.lock) {
            Model.Project p = api.project(q, Api.ProjectMsg.WAS_NOT_FOUND);
            return Http.Resp.json(Json.successList(store(p, k).values().stream().map(s -> view(p, k, s, false)).toList()));
        }
    }

    private ObjectNode find(Model.Project p, Kind k, String name) {
        ObjectNode s = store(p, k).get(name);
        if (s == null) {
            throw notFound(k.label, name);
        }
        return s;
    }

    Http.Resp get(Http.Req q, Kind k) {
        synchronized (api.lock) {
            Model.Project p = api.project(q, Api.ProjectMsg.WAS_NOT_FOUND);
            return Http.Resp.json(Json.successList(List.of(view(p, k, find(p, k, q.param("name")), true))));
        }
    }

    private List<String> deployTargets(Model.Project p, Kind k, ObjectNode stored) {
        if (k == Kind.JWK) {
            return p.environmentNames.stream().filter(api.model.environments::containsKey).toList();
        }
        return envNames(stored, k.envList);
    }

    Http.Resp delete(Http.Req q, Kind k) {
        synchronized (api.lock) {
            Model.Project p = api.project(q, Api.ProjectMsg.WAS_NOT_FOUND);
            String name = q.param("name");
            ObjectNode s = find(p, k, name);
            store(p, k).remove(name);
            return deployed(deployTargets(p, k, s), false);
        }
    }

    // ------------------------------------------------------------------ keystores and keys

    Http.Resp saveStore(Http.Req q, Kind k, boolean create) {
        ObjectNode b = q.json();
        if (!create) {
            checkUpdateScope(q);
        }
        Validator v = new Validator(b);
        String name = create ? v.requireString("name") : v.optString("name");
        String description = v.optString("description");
        if (k == Kind.KEY) {
            v.requireEnum("keyType", Set.of("RSA", "EC"));
        }
        List<Validator> items = v.optObjectList(k.envList);
        if (items.isEmpty() && !v.hasErrorsFor(k.envList)) {
            v.error(k.envList, k.envList + " needs at least one environment");
        }
        for (Validator iv : items) {
            iv.requireString("environmentName");
            if (k == Kind.KEYSTORE) {
                iv.requireEnum("type", Set.of("JKS", "PKCS12"));
                base64(iv, iv.requireString("file"), "file");
            } else {
                String pub = iv.optString("publicKey");
                String priv = iv.optString("privateKey");
                base64(iv, pub, "publicKey");
                base64(iv, priv, "privateKey");
                if (pub == null && priv == null && !iv.hasErrorsFor("publicKey") && !iv.hasErrorsFor("privateKey")) {
                    iv.error("publicKey", "publicKey or privateKey is required");
                }
            }
        }
        v.throwIfInvalid();
        synchronized (api.lock) {
            Model.Project p = api.project(q, Api.ProjectMsg.WAS_NOT_FOUND);
            Map<String, ObjectNode> st = store(p, k);
            String pathName = create ? name : q.param("name");
            if (create) {
                if (st.containsKey(name)) {
                    throw alreadyExists(k.label, name);
                }
            } else {
                find(p, k, pathName);
                if (name != null && !name.equals(pathName)) {
                    throw ApiError.badRequest(k.label + " name in path (" + pathName + ") does not match name in body ("
                            + name + ")!");
                }
            }
            for (JsonNode e : b.path(k.envList)) {
                checkEnvironment(p, e.path("environmentName").asText());
            }
            ObjectNode stored = Json.obj().put("name", pathName);
            if (description == null) {
                stored.putNull("description");
            } else {
                stored.put("description", description);
            }
            if (k == Kind.KEY) {
                stored.put("keyType", b.get("keyType").asText());
            }
            ArrayNode list = stored.putArray(k.envList);
            for (JsonNode e : b.path(k.envList)) {
                ObjectNode item = Json.obj().put("environmentName", e.path("environmentName").asText());
                if (k == Kind.KEYSTORE) {
                    item.put("type", e.path("type").asText()).put("file", e.path("file").asText());
                } else {
                    item.set("publicKey", e.hasNonNull("publicKey") ? e.get("publicKey") : null);
                    item.set("privateKey", e.hasNonNull("privateKey") ? e.get("privateKey") : null);
                    for (String f : List.of("publicKey", "privateKey")) {
                        if (item.get(f) == null) {
                            item.putNull(f);
                        }
                    }
                }
                list.add(item);
            }
            st.put(pathName, stored);
            return deployed(envNames(stored, k.envList), true);
        }
    }

    private static void base64(Validator v, String value, String field) {
        if (value == null) {
            return;
        }
        try {
            Base64.getDecoder().decode(value.replaceAll("\\s+", ""));
        } catch (IllegalArgumentException e) {
            v.error(field, field + " must be base64-encoded");
        }
    }

    // ------------------------------------------------------------------ JWKs

    private static void requireJwkName(ObjectNode b) {
        JsonNode n = b.get("name");
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw ApiError.badRequest("JWK name can not be empty!");
        }
    }

    Http.Resp createJwk(Http.Req q) {
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

    Http.Resp parseJwk(Http.Req q, String family) {
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
        synchronized (api.lock) {
            Model.Project p = api.project(q, Api.ProjectMsg.WAS_NOT_FOUND);
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
                    jwk.set("rsa", rsaMaterial(null, false));
                }
                case "COPY_PASTE" -> fromJwkString(jwk, b.get("jwkStr").asText(), b.path("kid").asText(null));
                default -> fromSource(p, jwk, family, b);
            }
            if (jwk.get("kid").isNull()) {
                jwk.put("kid", "sandbox-" + api.newId().substring(0, 12));
            }
            p.jwks.put(name, jwk);
            return deployed(deployTargets(p, Kind.JWK, jwk), true);
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
                ObjectNode c = p.certificates.get(cn);
                if (c == null) {
                    throw notFound("Certificate", cn);
                }
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
                ObjectNode k = p.keys.get(kn);
                if (k == null) {
                    throw notFound("Key", kn);
                }
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
                ObjectNode s = p.keystores.get(sn);
                if (s == null) {
                    throw notFound("Keystore", sn);
                }
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
        jwk.put("sourceId", Api.projectId(p).substring(0, 8) + "-" + sourceId);
        jwk.put("type", type);
        if (key instanceof RSAPublicKey rk) {
            ObjectNode m = Json.obj().put("n", b64(rk.getModulus())).put("e", b64(rk.getPublicExponent()));
            jwk.set("rsa", m);
        } else if (key instanceof ECPublicKey ek) {
            int bits = ek.getParams().getCurve().getField().getFieldSize();
            jwk.set("ec", Json.obj().put("crv", "P-" + bits).put("x", b64(ek.getW().getAffineX()))
                    .put("y", b64(ek.getW().getAffineY())));
        } else {
            jwk.set("rsa", rsaMaterial(null, "PRIVATE_KEY".equals(jwk.path("sourceType").asText())
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

    Http.Resp updateJwk(Http.Req q) {
        ObjectNode b = q.json();
        Validator v = new Validator(b);
        String newName = v.optString("name");
        String desc = v.optString("description");
        if (newName != null && newName.isBlank()) {
            v.error("name", "name can not be blank");
        }
        v.throwIfInvalid();
        synchronized (api.lock) {
            Model.Project p = api.project(q, Api.ProjectMsg.WAS_NOT_FOUND);
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
            return deployed(deployTargets(p, Kind.JWK, jwk), true);
        }
    }

    // ------------------------------------------------------------------ generate

    Http.Resp generateJwk(Http.Req q) {
        ObjectNode b = q.json();
        requireJwkName(b);
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
        String use = o.optEnum("keyUseType", USE_TYPES);
        o.optString("algorithm");
        o.optEnum("keyIdType", KEY_ID_TYPES);
        o.optString("notBeforeTime");
        o.optString("expirationTime");
        v.throwIfInvalid();
        String name = b.get("name").asText();
        synchronized (api.lock) {
            Model.Project p = api.project(q, Api.ProjectMsg.WAS_NOT_FOUND);
            ObjectNode jwk = newJwk(p, name, b);
            jwk.put("sourceType", "GENERATE").putNull("sourceId").putNull("sourceUrl").put("type", type);
            jwk.put("kid", b.path("kid").isTextual() ? b.get("kid").asText() : "sandbox-" + api.newId().substring(0, 12));
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
            return deployed(deployTargets(p, Kind.JWK, jwk), true);
        }
    }

    /** Sandbox key material: random bytes of the right sizes (the sandbox never uses these keys). */
    private ObjectNode rsaMaterial(Integer bits, boolean withPrivate) {
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
        return B64URL.encodeToString(b);
    }

    // ------------------------------------------------------------------ seed

    /** Loads keys and secrets of one seeded project. */
    static void seed(Model.Project p, JsonNode pj) {
        for (JsonNode c : pj.path("certificates")) {
            ObjectNode info = certificateInfo(c.path("pem").asText().getBytes(StandardCharsets.US_ASCII));
            if (info == null) {
                throw new IllegalArgumentException("seed certificate " + c.path("name").asText() + " is not a valid PEM");
            }
            List<String> envs = new ArrayList<>();
            c.path("environments").forEach(e -> envs.add(e.asText()));
            p.certificates.put(c.path("name").asText(), certificate(c.path("name").asText(),
                    c.path("description").asText(""), c.path("alias").asText(), envs, info));
        }
        for (JsonNode k : pj.path("keystores")) {
            p.keystores.put(k.path("name").asText(), ((ObjectNode) k).deepCopy());
        }
        for (JsonNode k : pj.path("keys")) {
            p.keys.put(k.path("name").asText(), ((ObjectNode) k).deepCopy());
        }
        for (JsonNode k : pj.path("jwks")) {
            p.jwks.put(k.path("name").asText(), ((ObjectNode) k).deepCopy());
        }
    }

    /** A new JWK's name and description; a JWK of that name already in the project is a conflict. */
    private ObjectNode newJwk(Model.Project p, String name, JsonNode b) {
        if (p.jwks.containsKey(name)) {
            throw alreadyExists("JWK", name);
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
