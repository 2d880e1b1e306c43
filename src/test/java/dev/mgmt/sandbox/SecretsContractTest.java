package dev.mgmt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.testing.SandboxExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static dev.mgmt.sandbox.ContractTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keys and secrets (02-api-reference/08-keys-secrets/crud) against the documented shapes and errors. */
class SecretsContractTest {
    @RegisterExtension
    static final SandboxExtension sandbox = new SandboxExtension();
    static Client admin;
    static Client viewer;
    static final String P = "projects/MyProject/";
    static String pem;

    @BeforeAll
    static void start() throws Exception {
        admin = new Client(sandbox.sandbox(), sandbox.adminToken());
        viewer = new Client(sandbox.sandbox(), sandbox.readOnlyToken());
        String b64 = admin.get(P + "certificates/gateway-tls/").json().path("resultList").get(0)
                .path("certificateEnvironmentList").get(0).path("base64EncodedContent").asText();
        pem = "-----BEGIN CERTIFICATE-----\n" + b64 + "\n-----END CERTIFICATE-----\n";
    }

    static void assertDesc(Client.Res r, String desc) {
        assertEquals(desc, r.json().path("error_description").asText(), r.text());
    }

    static void assertDeployment(Client.Res r, String... envs) {
        assertEquals(200, r.status(), r.text());
        JsonNode j = r.json();
        assertTrue(j.path("success").asBoolean(), r.text());
        JsonNode dr = j.path("deploymentResult");
        assertTrue(dr.path("success").asBoolean(), r.text());
        assertTrue(dr.path("message").isTextual());
        List<String> got = new ArrayList<>();
        for (JsonNode e : dr.path("environmentResults")) {
            got.add(e.path("environmentName").asText());
            assertTrue(e.path("success").asBoolean());
            assertTrue(e.path("message").isTextual());
        }
        assertEquals(List.of(envs), got);
    }

    Client.Res cert(Client c, String method, String path, String name, String alias, String envs, byte[] file) {
        List<Object> parts = new ArrayList<>();
        if (name != null) {
            parts.addAll(java.util.Arrays.asList("certificateName", null, name.getBytes(StandardCharsets.UTF_8)));
        }
        if (alias != null) {
            parts.addAll(java.util.Arrays.asList("alias", null, alias.getBytes(StandardCharsets.UTF_8)));
        }
        parts.addAll(java.util.Arrays.asList("certificateDescription", null, "desc".getBytes(StandardCharsets.UTF_8)));
        if (envs != null) {
            parts.addAll(java.util.Arrays.asList("environmentList", null, envs.getBytes(StandardCharsets.UTF_8)));
        }
        if (file != null) {
            parts.addAll(java.util.Arrays.asList("pemEncodedFile", "cert.pem", file));
        }
        return c.multipart(method, path, parts.toArray());
    }

    // ------------------------------------------------------------------ certificates

    @Test
    void certificateListAndGet() {
        JsonNode l = admin.get(P + "certificates/").json();
        assertTrue(l.path("success").asBoolean());
        JsonNode c = l.path("resultList").get(0);
        assertEquals("gateway-tls", c.path("name").asText());
        assertTrue(c.path("description").isTextual());
        JsonNode e = c.path("certificateEnvironmentList").get(0);
        for (String f : List.of("environmentName", "startDate", "endDate", "sha1Thumbprint", "subjectDn", "alias")) {
            assertTrue(e.path(f).isTextual(), f + " in " + e);
        }
        assertTrue(e.has("base64EncodedContent"));
        assertTrue(e.path("subjectDn").asText().contains("CN=api.example.test"), e.toString());
        assertTrue(e.path("startDate").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        assertEquals(40, e.path("sha1Thumbprint").asText().length());

        JsonNode g = admin.get(P + "certificates/gateway-tls/").json();
        assertTrue(g.path("success").asBoolean());
        assertEquals(1, g.path("resultList").size());
        assertFalse(g.path("resultList").get(0).path("certificateEnvironmentList").get(0)
                .path("base64EncodedContent").asText().isEmpty());
        Client.Res nf = admin.get(P + "certificates/absent-cert/");
        assertError(nf, 400, "bad_request");
        assertDesc(nf, "Certificate (name: absent-cert) is not found!");
        Client.Res np = admin.get("projects/NoSuch/certificates/");
        assertError(np, 404, "not_found");
        assertDesc(np, "Project(NoSuch) was not found or user does not have privilege to access it!");
        assertError(new Client(sandbox.sandbox(), null).get(P + "certificates/"), 401, "unauthorized_client");
    }

    @Test
    void truststoreByEnvironment() {
        JsonNode t = admin.get(P + "certificates/truststore/staging/").json();
        assertTrue(t.path("success").asBoolean());
        JsonNode c = t.path("resultList").get(0);
        assertEquals("gateway-tls", c.path("name").asText());
        assertEquals(1, c.path("certificateEnvironmentList").size(), c.toString());
        assertEquals("staging", c.path("certificateEnvironmentList").get(0).path("environmentName").asText());
        assertEquals(0, admin.get(P + "certificates/truststore/Sandbox-EU/").json().path("resultList").size());
        Client.Res bad = admin.get(P + "certificates/truststore/moon/");
        assertError(bad, 400, "bad_request");
        assertDesc(bad, "Environment (moon) is not found or user does not have privilege to access it!");
    }

    @Test
    void certificateCreateUpdateExportDelete() throws Exception {
        byte[] file = pem.getBytes(StandardCharsets.US_ASCII);
        String base = P + "certificates/";
        assertError(cert(viewer, "POST", base, "c1", "a1", "production", file), 403, "forbidden");
        assertDeployment(cert(admin, "POST", base, "my-certificate", "my-cert-alias", "production,staging", file),
                "production", "staging");
        Client.Res dup = cert(admin, "POST", base, "my-certificate", "other", "production", file);
        assertError(dup, 409, "duplicate_name");
        assertDesc(dup, "Certificate (name: my-certificate) is already exist!");
        Client.Res alias = cert(admin, "POST", base, "second", "my-cert-alias", "staging", file);
        assertError(alias, 400, "bad_request");
        assertDesc(alias, "Alias (my-cert-alias) is already used for another certificate, try changing this value!");
        // the same alias in another environment is fine
        assertDeployment(cert(admin, "POST", base, "second", "my-cert-alias", "Sandbox-EU", file), "Sandbox-EU");

        Client.Res r = cert(admin, "POST", base, null, "a", "production", file);
        assertError(r, 400, "bad_request");
        assertDesc(r, "certificateName value can not be empty!");
        r = cert(admin, "POST", base, "x", null, "production", file);
        assertDesc(r, "alias value can not be empty!");
        r = cert(admin, "POST", base, "x", "a", "production", null);
        assertDesc(r, "pemEncodedFile value can not be empty!");
        r = cert(admin, "POST", base, "x", "a", null, file);
        assertDesc(r, "environmentList value can not be empty!");
        assertError(cert(admin, "POST", base, "x", "a", "production", "not a pem".getBytes(StandardCharsets.UTF_8)),
                400, "bad_request");
        assertError(cert(admin, "POST", base, "x", "a", "moon", file), 400, "bad_request");

        assertDeployment(cert(admin, "PUT", base + "my-certificate/", "my-certificate", "renamed-alias", "staging", file),
                "staging");
        JsonNode g = admin.get(base + "my-certificate/").json().path("resultList").get(0);
        assertEquals("renamed-alias", g.path("certificateEnvironmentList").get(0).path("alias").asText());
        assertError(cert(admin, "PUT", base + "nope/", "nope", "a", "staging", file), 400, "bad_request");
        assertError(admin.multipart("PUT", base + "my-certificate/?updateReferencedJwks=true",
                "certificateName", null, "my-certificate".getBytes(StandardCharsets.UTF_8)), 400, "validation_failed");

        Client.Res ex = admin.get(base + "my-certificate/export/");
        assertEquals(200, ex.status());
        assertEquals("application/octet-stream", ex.header("content-type"));
        assertEquals("attachment; filename=\"my-certificate-certificates.zip\"", ex.header("content-disposition"));
        List<String> names = new ArrayList<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(ex.bytes()))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                names.add(e.getName());
                assertEquals(0x30, z.readAllBytes()[0] & 0xff); // DER SEQUENCE
            }
        }
        assertEquals(List.of("my-certificate-staging.cer"), names);
        Client.Res exNf = admin.get(base + "nope/export/");
        assertError(exNf, 400, "bad_request");
        assertDesc(exNf, "Certificate (name: nope) is not found!");

        assertError(viewer.delete(base + "second/"), 403, "forbidden");
        assertDeployment(admin.delete(base + "second/"), "Sandbox-EU");
        Client.Res dnf = admin.delete(base + "second/");
        assertError(dnf, 400, "bad_request");
        assertDesc(dnf, "Certificate (name: second) is not found!");
    }

    // ------------------------------------------------------------------ keystores and keys

    @Test
    void keystoreLifecycle() {
        String base = P + "keystores/";
        JsonNode l = admin.get(base).json();
        assertTrue(l.path("success").asBoolean());
        JsonNode k = l.path("resultList").get(0);
        assertEquals("gateway-keystore", k.path("name").asText());
        assertTrue(k.path("projectId").isTextual());
        JsonNode e = k.path("keyStoreEnvironmentList").get(0);
        assertEquals("PKCS12", e.path("type").asText());
        assertTrue(e.path("file").isTextual());
        assertEquals(1, admin.get(base + "gateway-keystore/").json().path("resultList").size());

        String body = "{\"name\":\"my-keystore\",\"description\":\"d\",\"keyStoreEnvironmentList\":"
                + "[{\"environmentName\":\"production\",\"type\":\"JKS\",\"file\":\"AAAA\"}]}";
        assertError(viewer.post(base, body), 403, "forbidden");
        assertDeployment(admin.post(base, body), "production");
        Client.Res dup = admin.post(base, body);
        assertError(dup, 409, "duplicate_name");
        assertDesc(dup, "Keystore (name: my-keystore) is already exist! Try update operation if want to change its value.");
        Client.Res bad = admin.post(base, "{\"name\":\"k2\",\"keyStoreEnvironmentList\":[{\"environmentName\":\"production\","
                + "\"type\":\"BKS\",\"file\":\"%%%\"}]}");
        assertError(bad, 400, "validation_failed");
        assertEquals(2, bad.json().path("validation_errors").size(), bad.text());
        assertError(admin.post(base, "{\"keyStoreEnvironmentList\":[]}"), 400, "validation_failed");

        assertDeployment(admin.put(base + "my-keystore/", body.replace("\"d\"", "\"changed\"")), "production");
        assertEquals("changed", admin.get(base + "my-keystore/").json().path("resultList").get(0).path("description").asText());
        assertError(admin.put(base + "nope/", body.replace("my-keystore", "nope")), 400, "bad_request");
        assertError(admin.put(base + "my-keystore/?updateReferencedJwks=true&updateScope=EVERYWHERE", body),
                400, "validation_failed");
        assertDeployment(admin.delete(base + "my-keystore/"), "production");
        assertError(admin.delete(base + "my-keystore/"), 400, "bad_request");
        assertError(admin.get(base + "my-keystore/"), 400, "bad_request");
    }

    @Test
    void keyLifecycle() {
        String base = P + "keys/";
        JsonNode k = admin.get(base).json().path("resultList").get(0);
        assertEquals("signing-key", k.path("name").asText());
        assertEquals("RSA", k.path("keyType").asText());
        assertTrue(k.path("projectId").isTextual());
        JsonNode e = k.path("cryptoKeyInfoEnvironmentList").get(0);
        assertTrue(e.path("publicKey").isTextual() && e.path("privateKey").isTextual());

        String body = "{\"name\":\"my-key\",\"description\":\"d\",\"keyType\":\"RSA\",\"cryptoKeyInfoEnvironmentList\":"
                + "[{\"environmentName\":\"staging\",\"publicKey\":\"AAAA\",\"privateKey\":\"BBBB\"}]}";
        assertDeployment(admin.post(base, body), "staging");
        Client.Res dup = admin.post(base, body);
        assertError(dup, 409, "duplicate_name");
        assertDesc(dup, "Key (name: my-key) is already exist! Try update operation if want to change its value.");
        assertError(admin.post(base, body.replace("\"RSA\"", "\"DSA\"").replace("my-key", "k3")), 400, "validation_failed");
        assertError(viewer.put(base + "my-key/", body), 403, "forbidden");
        assertDeployment(admin.put(base + "my-key/", body), "staging");
        assertEquals(1, admin.get(base + "my-key/").json().path("resultList").size());
        assertDeployment(admin.delete(base + "my-key/"), "staging");
        Client.Res nf = admin.get(base + "my-key/");
        assertError(nf, 400, "bad_request");
        assertDesc(nf, "Key (name: my-key) is not found!");
    }

    // ------------------------------------------------------------------ JWKs

    static final String[] JWK_ENVS = {"production", "staging", "Sandbox-EU"};

    @Test
    void jwkListHidesMaterialGetShowsIt() {
        JsonNode l = admin.get(P + "jwks/").json();
        assertTrue(l.path("success").asBoolean());
        JsonNode j = l.path("resultList").get(0);
        for (String f : List.of("name", "description", "projectId", "sourceType", "sourceId", "sourceUrl", "type", "kid")) {
            assertTrue(j.has(f), f + " in " + j);
        }
        assertFalse(j.has("rsa"));
        JsonNode g = admin.get(P + "jwks/gateway-jwk/").json().path("resultList").get(0);
        assertEquals("AQAB", g.path("rsa").path("e").asText());
        Client.Res nf = admin.get(P + "jwks/my-jwk/");
        assertError(nf, 400, "bad_request");
        assertDesc(nf, "JWK (name: my-jwk) is not found!");
    }

    @Test
    void jwkCreateFromSources() {
        String base = P + "jwks/";
        assertDeployment(admin.post(base, "{\"name\":\"from-cert\",\"sourceType\":\"CERTIFICATE\",\"certificateName\":"
                + "\"gateway-tls\",\"environmentName\":\"production\",\"useType\":\"SIGNATURE\",\"algorithm\":\"RS256\"}"),
                JWK_ENVS);
        JsonNode g = admin.get(base + "from-cert/").json().path("resultList").get(0);
        assertEquals("CERTIFICATE", g.path("sourceType").asText());
        assertEquals("RSA", g.path("type").asText());
        // the modulus really comes from the certificate: same as the seeded JWK of the same key
        assertEquals(admin.get(base + "gateway-jwk/").json().path("resultList").get(0).path("rsa").path("n").asText(),
                g.path("rsa").path("n").asText());

        assertDeployment(admin.post(base, "{\"name\":\"from-url\",\"sourceType\":\"URL\",\"url\":"
                + "\"https://example.com/.well-known/jwks.json\",\"kid\":\"key-id-1\"}"), JWK_ENVS);
        JsonNode u = admin.get(base + "from-url/").json().path("resultList").get(0);
        assertEquals("https://example.com/.well-known/jwks.json", u.path("sourceUrl").asText());
        assertEquals("key-id-1", u.path("kid").asText());

        Client.Res r = admin.post(base, "{\"sourceType\":\"URL\"}");
        assertError(r, 400, "bad_request");
        assertDesc(r, "JWK name can not be empty!");
        r = admin.post(base, "{\"name\":\"x\"}");
        assertError(r, 400, "bad_request");
        assertDesc(r, "Source type is required!");
        r = admin.post(base, "{\"name\":\"x\",\"sourceType\":\"URL\"}");
        assertError(r, 400, "bad_request");
        assertDesc(r, "URL is required for URL source type!");
        r = admin.post(base, "{\"name\":\"x\",\"sourceType\":\"CERTIFICATE\",\"certificateName\":\"missing-cert\","
                + "\"environmentName\":\"production\",\"useType\":\"SIGNATURE\",\"algorithm\":\"RS256\"}");
        assertError(r, 400, "bad_request");
        assertDesc(r, "Certificate (name: missing-cert) is not found!");
        r = admin.post(base, "{\"name\":\"from-url\",\"sourceType\":\"URL\",\"url\":\"https://e.test/jwks\"}");
        assertError(r, 409, "duplicate_name");
        assertDesc(r, "JWK (name: from-url) is already exist! Try update operation if want to change its value.");
        assertError(admin.post(base, "{\"name\":\"x\",\"sourceType\":\"MAGIC\"}"), 400, "validation_failed");
        assertError(admin.post(base, "{\"name\":\"x\",\"sourceType\":\"CERTIFICATE\",\"certificateName\":\"gateway-tls\","
                + "\"environmentName\":\"production\",\"useType\":\"SIGNATURE\",\"algorithm\":\"RSA\"}"), 400, "validation_failed");
        assertError(viewer.post(base, "{\"name\":\"x\",\"sourceType\":\"URL\",\"url\":\"https://e.test\"}"), 403, "forbidden");
    }

    @Test
    void jwkParseEndpointsAcceptBothPathForms() {
        String base = P + "jwks/";
        assertDeployment(admin.post(base + "parse-from-clipboard", "{\"name\":\"clip\",\"jwkStr\":"
                + "\"{\\\"keys\\\":[{\\\"kty\\\":\\\"EC\\\",\\\"kid\\\":\\\"a\\\",\\\"crv\\\":\\\"P-256\\\",\\\"x\\\":\\\"xx\\\",\\\"y\\\":\\\"yy\\\"},"
                + "{\\\"kty\\\":\\\"oct\\\",\\\"kid\\\":\\\"b\\\",\\\"k\\\":\\\"kk\\\"}]}\",\"kid\":\"b\"}"), JWK_ENVS);
        JsonNode c = admin.get(base + "clip/").json().path("resultList").get(0);
        assertEquals("OCT", c.path("type").asText());
        assertEquals("kk", c.path("oct").path("k").asText());
        assertEquals("COPY_PASTE", c.path("sourceType").asText());
        assertError(admin.post(base + "parse-from-clipboard/", "{\"name\":\"clip2\",\"jwkStr\":\"nope\"}"), 400, "bad_request");

        assertDeployment(admin.post(base + "parse-from-url/", "{\"name\":\"url2\",\"url\":\"https://e.test/jwks\"}"), JWK_ENVS);
        assertDesc(admin.post(base + "parse-from-url", "{\"name\":\"url3\"}"), "URL is required for URL source type!");
        assertDeployment(admin.post(base + "parse-from-certificate", "{\"name\":\"pc\",\"certificateName\":\"gateway-tls\","
                + "\"environmentName\":\"staging\",\"useType\":\"ENCRYPTION\",\"algorithm\":\"RSA-OAEP-256\"}"), JWK_ENVS);
        assertDeployment(admin.post(base + "parse-from-key/", "{\"name\":\"pk\",\"keyName\":\"signing-key\","
                + "\"environmentName\":\"production\",\"useType\":\"SIGNATURE\",\"algorithm\":\"PS256\"}"), JWK_ENVS);
        assertEquals("PUBLIC_KEY", admin.get(base + "pk/").json().path("resultList").get(0).path("sourceType").asText());
        assertDeployment(admin.post(base + "parse-from-keystore", "{\"name\":\"pks\",\"keyStoreName\":\"gateway-keystore\","
                + "\"environmentName\":\"production\",\"aliasName\":\"gateway\",\"useType\":\"SIGNATURE\",\"algorithm\":\"RS512\"}"),
                JWK_ENVS);
        Client.Res missing = admin.post(base + "parse-from-keystore/", "{\"name\":\"pks2\",\"keyStoreName\":\"gateway-keystore\"}");
        assertError(missing, 400, "validation_failed");
        assertEquals(4, missing.json().path("validation_errors").size(), missing.text());
        assertError(admin.post(base + "parse-from-key", "{\"name\":\"pk2\",\"keyName\":\"signing-key\","
                + "\"environmentName\":\"staging\",\"useType\":\"SIGNATURE\",\"algorithm\":\"RS256\"}"), 400, "bad_request");
        assertError(viewer.post(base + "parse-from-url", "{\"name\":\"v\",\"url\":\"https://e.test\"}"), 403, "forbidden");
    }

    @Test
    void jwkGenerate() {
        String base = P + "jwks/generate";
        assertDeployment(admin.post(base, "{\"name\":\"generated-rsa-jwk\",\"type\":\"RSA\",\"kid\":\"rsa-key-1\","
                + "\"rsa\":{\"keySize\":2048,\"keyUseType\":\"SIGNATURE\",\"algorithm\":\"RSA256\",\"keyIdType\":\"TIMESTAMP\"}}"),
                JWK_ENVS);
        JsonNode g = admin.get(P + "jwks/generated-rsa-jwk/").json().path("resultList").get(0);
        assertEquals("GENERATE", g.path("sourceType").asText());
        assertEquals("rsa-key-1", g.path("kid").asText());
        assertEquals(342, g.path("rsa").path("n").asText().length()); // 256 bytes, base64url
        assertDeployment(admin.post(base + "/", "{\"name\":\"ec\",\"type\":\"EC\",\"ec\":{\"curveType\":\"P384\"}}"), JWK_ENVS);
        assertEquals("P-384", admin.get(P + "jwks/ec/").json().path("resultList").get(0).path("ec").path("crv").asText());
        assertDeployment(admin.post(base, "{\"name\":\"oct\",\"type\":\"OCT\",\"oct\":{\"keySize\":256}}"), JWK_ENVS);
        assertDeployment(admin.post(base, "{\"name\":\"okp\",\"type\":\"OKP\",\"okp\":{\"curveType\":\"ED25519\"}}"), JWK_ENVS);
        JsonNode ids = admin.get(P + "jwks/oct/").json().path("resultList").get(0);
        assertFalse(ids.path("kid").asText().isEmpty());

        Client.Res r = admin.post(base, "{\"type\":\"RSA\"}");
        assertError(r, 400, "bad_request");
        assertDesc(r, "JWK name can not be empty!");
        r = admin.post(base, "{\"name\":\"x\"}");
        assertError(r, 400, "bad_request");
        assertDesc(r, "JWK type can not be empty!");
        r = admin.post(base, "{\"name\":\"generated-rsa-jwk\",\"type\":\"OCT\",\"oct\":{\"keySize\":128}}");
        assertError(r, 409, "duplicate_name");
        assertDesc(r, "JWK (name: generated-rsa-jwk) is already exist! Try update operation if want to change its value.");
        assertError(admin.post(base, "{\"name\":\"x\",\"type\":\"DSA\"}"), 400, "validation_failed");
        assertError(admin.post(base, "{\"name\":\"x\",\"type\":\"RSA\"}"), 400, "validation_failed");
        assertError(admin.post(base, "{\"name\":\"x\",\"type\":\"RSA\",\"rsa\":{\"keySize\":1024}}"), 400, "validation_failed");
        assertError(admin.post(base, "{\"name\":\"x\",\"type\":\"EC\",\"ec\":{\"curveType\":\"P999\"}}"), 400, "validation_failed");
        assertError(viewer.post(base, "{\"name\":\"x\",\"type\":\"OCT\",\"oct\":{\"keySize\":128}}"), 403, "forbidden");
    }

    @Test
    void jwkUpdateAndDelete() {
        String base = P + "jwks/";
        assertDeployment(admin.post(base + "generate", "{\"name\":\"upd\",\"type\":\"OCT\",\"oct\":{\"keySize\":128}}"), JWK_ENVS);
        assertDeployment(admin.post(base + "generate", "{\"name\":\"taken\",\"type\":\"OCT\",\"oct\":{\"keySize\":128}}"), JWK_ENVS);
        assertDeployment(admin.put(base + "upd/", "{\"name\":\"updated-jwk\",\"description\":\"Updated JWK description\"}"),
                JWK_ENVS);
        JsonNode g = admin.get(base + "updated-jwk/").json().path("resultList").get(0);
        assertEquals("Updated JWK description", g.path("description").asText());
        Client.Res nf = admin.put(base + "upd/", "{\"description\":\"x\"}");
        assertError(nf, 400, "bad_request");
        assertDesc(nf, "JWK (name: upd) is not found! Try create operation.");
        Client.Res dup = admin.put(base + "updated-jwk/", "{\"name\":\"taken\"}");
        assertError(dup, 409, "duplicate_name");
        assertDesc(dup, "JWK (name: taken) is already exist!");
        assertError(viewer.delete(base + "taken/"), 403, "forbidden");
        assertDeployment(admin.delete(base + "taken/"), JWK_ENVS);
        Client.Res dnf = admin.delete(base + "taken/");
        assertError(dnf, 400, "bad_request");
        assertDesc(dnf, "JWK (name: taken) is not found!");
    }
}
