package dev.mgmt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.testing.SandboxExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContractTest {
    @RegisterExtension
    static final SandboxExtension sandbox = new SandboxExtension();
    static Client admin;
    static Client anon;
    static Client viewer;

    @BeforeAll
    static void start() throws Exception {
        admin = new Client(sandbox.sandbox(), sandbox.adminToken());
        anon = new Client(sandbox.sandbox(), null);
        viewer = new Client(sandbox.sandbox(), sandbox.readOnlyToken());
    }

    static void assertError(Client.Res r, int status, String code) {
        assertEquals(status, r.status(), r.text());
        JsonNode j = r.json();
        assertEquals(code, j.path("error").asText(), r.text());
        assertTrue(j.path("error_description").isTextual() && !j.path("error_description").asText().isBlank(), r.text());
    }

    // ------------------------------------------------------------- test & auth

    @Test
    void healthcheckNeedsNoAuth() {
        Client.Res r = anon.get("test/healthcheck");
        assertEquals(200, r.status());
        assertEquals("OK", r.text());
        assertTrue(r.header("content-type").startsWith("text/plain"));
    }

    @Test
    void helloGreetsWithToken() {
        Client.Res r = admin.get("test/hello/John");
        assertEquals(200, r.status());
        assertEquals("Hello John", r.text());
        assertError(anon.get("test/hello/John"), 401, "unauthorized_client");
    }

    @Test
    void tokenEndpointIssuesDecodableJwt() throws Exception {
        Client.Res r = anon.form("auth/token", "grant_type=client_credentials&client_id=" + sandbox.sandbox().adminUsername()
                + "&client_secret=" + sandbox.sandbox().adminPassword());
        assertEquals(200, r.status(), r.text());
        JsonNode j = r.json();
        assertEquals("Bearer", j.path("token_type").asText());
        assertEquals(3600, j.path("expires_in").asInt());
        String tok = j.path("access_token").asText();
        String[] parts = tok.split("\\.");
        assertEquals(3, parts.length);
        JsonNode header = Client.M.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode payload = Client.M.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertEquals("HS256", header.path("alg").asText());
        assertEquals("admin", payload.path("sub").asText());
        assertEquals(payload.path("iat").asLong() + 3600, payload.path("exp").asLong());
        assertEquals("mgmt-sandbox", payload.path("iss").asText());
        // the token works
        assertEquals(200, new Client(sandbox.sandbox(), tok).get("projects/").status());
    }

    @Test
    void tokenEndpointErrors() {
        assertError(anon.form("auth/token", "grant_type=client_credentials&client_id=admin&client_secret=wrong"),
                401, "unauthorized_client");
        assertEquals("Bad credentials", anon.form("auth/token",
                "grant_type=client_credentials&client_id=nobody&client_secret=x").json().path("error_description").asText());
        Client.Res g = anon.form("auth/token", "grant_type=password&client_id=admin&client_secret=sandbox-admin");
        assertError(g, 400, "unsupported_grant_type");
        assertEquals("GrantType value must be client_credentials!", g.json().path("error_description").asText());
    }

    @Test
    void authFailures() {
        assertError(anon.get("projects/"), 401, "unauthorized_client");
        Client.Res basic = anon.send(anon.req("projects/").header("Authorization", "Basic YWRtaW46eA==").build());
        assertError(basic, 401, "invalid_token");
        assertError(new Client(sandbox.sandbox(), "not-a-jwt").get("projects/"), 401, "invalid_token");
        String tampered = sandbox.adminToken().substring(0, sandbox.adminToken().length() - 3) + "abc";
        assertError(new Client(sandbox.sandbox(), tampered).get("projects/"), 401, "invalid_token");
        Client.Res exp = new Client(sandbox.sandbox(), sandbox.expiredToken()).get("projects/");
        assertError(exp, 401, "token_expired");
        assertNotNull(exp.header("www-authenticate"));
    }

    @Test
    void readOnlyUserCanReadButNotWrite() {
        assertEquals(200, viewer.get("projects/MyProject/apiProxies/").status());
        assertError(viewer.delete("projects/MyProject/apiProxies/petstore-api/"), 403, "forbidden");
        assertError(viewer.post("projects/MyProject/apiProxies/petstore-api/environments/production/", null),
                403, "forbidden");
        // still there
        assertEquals(200, admin.get("projects/MyProject/apiProxies/petstore-api/").status());
        // POST used as a query is allowed
        assertEquals(200, viewer.post("projects/MyProject/apiProxies/petstore-api/endpoints/details/",
                "{\"name\":\"/pets\",\"httpMethod\":\"GET\"}").status());
    }

    @Test
    void unknownPathsAndMethods() {
        assertError(admin.get("nothing/here/"), 404, "not_found");
        assertError(admin.get("projects"), 404, "not_found"); // trailing slash is part of the path
        assertError(admin.send(admin.req("../other").GET().build()), 404, "not_found");
        Client.Res r = admin.send(admin.req("projects/").method("PATCH", java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(405, r.status());
    }

    // ------------------------------------------------------------- projects & environments

    @Test
    void listProjects() {
        JsonNode j = admin.get("projects/").json();
        assertEquals("SUCCESS", j.path("status").asText());
        assertEquals(3, j.path("resultCount").asInt());
        assertEquals("MyProject", j.path("resultList").get(0).path("name").asText());
        assertEquals("Payments-API", j.path("resultList").get(1).path("name").asText());
        assertEquals("demo", j.path("resultList").get(2).path("name").asText());
        assertTrue(j.path("resultList").get(0).has("description"));
    }

    @Test
    void listEnvironments() {
        JsonNode j = admin.get("environments/").json();
        assertTrue(j.path("success").asBoolean());
        assertEquals(4, j.path("resultCount").asInt());
        java.util.Set<String> types = new java.util.HashSet<>();
        j.path("resultList").forEach(e -> types.add(e.path("type").asText()));
        assertEquals(java.util.Set.of("PRODUCTION", "SANDBOX", "TEST"), types);
        JsonNode first = j.path("resultList").get(0);
        for (String f : new String[]{"name", "description", "type", "status", "accessUrl"}) {
            assertTrue(first.has(f), f);
        }
    }

    @Test
    void environmentsByProjectAcceptsBothPathForms() {
        JsonNode a = admin.get("environments/MyProject").json();
        JsonNode b = admin.get("environments/MyProject/").json();
        assertEquals(a, b);
        assertTrue(a.path("success").asBoolean());
        assertEquals(3, a.path("resultCount").asInt());
        assertEquals("production", a.path("resultList").get(0).path("name").asText());
        assertTrue(a.path("resultList").get(0).path("deployed").asBoolean());
        Client.Res r = admin.get("environments/myproject");
        assertError(r, 400, "bad_request");
        assertEquals("Project not found for name: (myproject) or user has not privilege to access it!",
                r.json().path("error_description").asText());
    }

    // ------------------------------------------------------------- API proxies

    @Test
    void listAndGetProxies() {
        JsonNode j = admin.get("projects/MyProject/apiProxies/").json();
        assertEquals("SUCCESS", j.path("status").asText());
        assertEquals(3, j.path("resultCount").asInt());
        // ordered by name
        assertEquals("Address", j.path("resultList").get(0).path("name").asText());
        assertEquals("SOAP", j.path("resultList").get(0).path("type").asText());
        assertEquals("/address", j.path("resultList").get(0).path("relativePath").asText());
        assertFalse(j.path("resultList").get(0).path("soapToRest").asBoolean());

        JsonNode p = admin.get("projects/MyProject/apiProxies/petstore-api/").json();
        assertEquals("petstore-api", p.path("name").asText());
        assertEquals("REST", p.path("apiType").asText());
        assertEquals("/petstore", p.path("clientRoute").path("relativePathList").get(0).asText());
        assertTrue(p.path("routing").path("routingEnabled").asBoolean());
        assertEquals("production", p.path("deploymentList").get(0).path("environmentName").asText());

        JsonNode spaced = admin.get("projects/MyProject/apiProxies/Contact%20Application%20API/").json();
        assertEquals("Contact Application API", spaced.path("name").asText());

        Client.Res nf = admin.get("projects/MyProject/apiProxies/Petstore-API/");
        assertError(nf, 404, "not_found");
        assertEquals("ApiProxy (name: Petstore-API) was not found!", nf.json().path("error_description").asText());
        Client.Res np = admin.get("projects/myproject/apiProxies/");
        assertError(np, 404, "not_found");
        assertEquals("Project (myproject) is not found or user does not have privilege to access it!",
                np.json().path("error_description").asText());
    }

    @Test
    void createGetDeployDeleteProxy() {
        String body = "{\"apiProxyName\":\"orders\",\"apiProxyDescription\":\"Orders\",\"apiProxyCreationType\":\"OPEN_API\","
                + "\"specUrl\":\"https://x.test/openapi.json\",\"clientRoute\":{\"relativePathList\":[\"/orders\"]},"
                + "\"routingInfo\":{\"routingAddressList\":[{\"address\":\"https://b.test\",\"weight\":100}],\"routingEnabled\":true},"
                + "\"deploy\":true,\"deployTargetEnvironmentNameList\":[\"staging\"]}";
        Client.Res c = admin.post("projects/demo/apiProxies/url/", body);
        assertEquals(200, c.status(), c.text());
        JsonNode cj = c.json();
        assertTrue(cj.path("success").asBoolean());
        assertTrue(cj.path("deploymentResult").path("success").asBoolean());
        assertEquals("staging", cj.path("deploymentResult").path("deploymentResults").get(0).path("environmentName").asText());

        JsonNode g = admin.get("projects/demo/apiProxies/orders/").json();
        assertEquals("Orders", g.path("description").asText());
        assertEquals("staging", g.path("deploymentList").get(0).path("environmentName").asText());
        assertTrue(admin.get("projects/demo/apiProxies/orders/endpoints/").json().path("resultCount").asInt() > 0);

        Client.Res dup = admin.post("projects/demo/apiProxies/url/", body);
        assertError(dup, 409, "duplicate_name");
        assertEquals("ApiProxy (name: orders) is already exist!", dup.json().path("error_description").asText());

        JsonNode dep = admin.post("projects/demo/apiProxies/orders/environments/Sandbox-EU/", null).json();
        assertTrue(dep.path("deploymentResult").path("success").asBoolean());
        assertEquals("Deployment successful", dep.path("deploymentResult").path("deploymentResults").get(0).path("message").asText());
        JsonNode und = admin.delete("projects/demo/apiProxies/orders/environments/Sandbox-EU/").json();
        assertEquals("Undeployment successful", und.path("deploymentResult").path("deploymentResults").get(0).path("message").asText());
        assertError(admin.post("projects/demo/apiProxies/orders/environments/production/", null), 400, "bad_request");

        JsonNode del = admin.delete("projects/demo/apiProxies/orders/").json();
        assertTrue(del.path("success").asBoolean());
        assertEquals("staging", del.path("deploymentResult").path("deploymentResults").get(0).path("environmentName").asText());
        assertError(admin.get("projects/demo/apiProxies/orders/"), 404, "not_found");
        Client.Res again = admin.delete("projects/demo/apiProxies/orders/");
        assertError(again, 400, "bad_request");
        assertEquals("Api Proxy (orders) is not found!", again.json().path("error_description").asText());
    }

    @Test
    void createReverseProxyWithoutSpecAndUpdate() {
        Client.Res c = admin.post("projects/demo/apiProxies/url/",
                "{\"apiProxyName\":\"rp\",\"apiProxyCreationType\":\"REVERSE_PROXY\"}");
        assertEquals(200, c.status(), c.text());
        assertFalse(c.json().has("deploymentResult"));
        Client.Res u = admin.put("projects/demo/apiProxies/url/",
                "{\"apiProxyName\":\"rp\",\"apiProxyDescription\":\"changed\",\"apiProxyCreationType\":\"REVERSE_PROXY\",\"reParse\":true}");
        assertEquals(200, u.status(), u.text());
        assertEquals("changed", admin.get("projects/demo/apiProxies/rp/").json().path("description").asText());
        Client.Res missing = admin.put("projects/demo/apiProxies/url/",
                "{\"apiProxyName\":\"ghost\",\"apiProxyCreationType\":\"REVERSE_PROXY\",\"reParse\":true}");
        assertError(missing, 400, "bad_request");
        assertEquals("ApiProxy (name: ghost) can not be reparsed because it is not exist. First create it!",
                missing.json().path("error_description").asText());
        assertError(admin.put("projects/demo/apiProxies/url/",
                "{\"apiProxyName\":\"rp\",\"apiProxyCreationType\":\"OPEN_API\",\"specUrl\":\"https://x\"}"), 400, "bad_request");
    }

    @Test
    void createValidation() {
        Client.Res r = admin.post("projects/demo/apiProxies/url/", "{\"apiProxyCreationType\":\"GRAPHQL\",\"deploy\":\"yes\"}");
        assertError(r, 400, "validation_failed");
        java.util.Set<String> fields = new java.util.HashSet<>();
        r.json().path("validation_errors").forEach(e -> fields.add(e.path("field").asText()));
        assertEquals(java.util.Set.of("apiProxyName", "apiProxyCreationType", "deploy"), fields);
        Client.Res spec = admin.post("projects/demo/apiProxies/url/", "{\"apiProxyName\":\"x\",\"apiProxyCreationType\":\"OPEN_API\"}");
        assertError(spec, 400, "validation_failed");
        assertEquals("specUrl", spec.json().path("validation_errors").get(0).path("field").asText());
        assertError(admin.post("projects/demo/apiProxies/url/", "{\"apiProxyName\": "), 400, "bad_request");
        assertError(admin.post("projects/demo/apiProxies/url/", ""), 400, "bad_request");
        assertError(admin.post("projects/nope/apiProxies/url/", "{}"), 404, "not_found");
    }

    @Test
    void createFromFileMultipart() {
        String meta = "{\"apiProxyName\":\"from-file\",\"apiProxyCreationType\":\"OPEN_API\",\"clientRoute\":{\"relativePathList\":[\"/ff\"]}}";
        Client.Res r = admin.multipart("POST", "projects/demo/apiProxies/file/",
                "metadata", null, meta.getBytes(StandardCharsets.UTF_8),
                "specFile", "openapi.json", "{\"openapi\":\"3.0.0\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, r.status(), r.text());
        assertEquals("/ff", admin.get("projects/demo/apiProxies/from-file/").json()
                .path("clientRoute").path("relativePathList").get(0).asText());
        Client.Res noSpec = admin.multipart("POST", "projects/demo/apiProxies/file/",
                "metadata", null, meta.replace("from-file", "from-file-2").getBytes(StandardCharsets.UTF_8));
        assertError(noSpec, 400, "validation_failed");
    }

    @Test
    void exportAndImport() throws Exception {
        Client.Res ex = admin.get("projects/MyProject/apiProxies/petstore-api/export/");
        assertEquals(200, ex.status());
        assertEquals("application/octet-stream", ex.header("content-type"));
        assertTrue(ex.header("content-disposition").contains("apiProxyExportFile.zip"));
        String entryName;
        JsonNode doc;
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(ex.bytes()))) {
            ZipEntry e = z.getNextEntry();
            entryName = e.getName();
            doc = Client.M.readTree(z.readAllBytes());
        }
        assertEquals("petstore-api.json", entryName);
        assertEquals("petstore-api", doc.path("apiProxy").path("name").asText());
        assertEquals(3, doc.path("apiProxy").path("endpointList").size());

        Client.Res imp = admin.multipart("POST", "projects/demo/apiProxies/import/",
                "apiProxyExportFile", "apiProxyExportFile.zip", ex.bytes());
        assertEquals(200, imp.status(), imp.text());
        assertEquals("SUCCESS", imp.json().path("status").asText());
        assertEquals(3, admin.get("projects/demo/apiProxies/petstore-api/endpoints/").json().path("resultCount").asInt());
        // a second import without override gets a suffixed name
        admin.multipart("POST", "projects/demo/apiProxies/import/", "apiProxyExportFile", "x.zip", ex.bytes());
        assertEquals(200, admin.get("projects/demo/apiProxies/petstore-api_1/").status());
        // override import keeps the given name
        Client.Res ov = admin.multipart("PUT", "projects/demo/apiProxies/petstore-api/import/",
                "metadata", null, "{\"deploy\":false}".getBytes(StandardCharsets.UTF_8),
                "apiProxyExportFile", "apiProxyExportFile.zip", ex.bytes());
        assertEquals(200, ov.status(), ov.text());

        Client.Res bad = admin.multipart("POST", "projects/demo/apiProxies/import/",
                "apiProxyExportFile", "export.json", "{}".getBytes(StandardCharsets.UTF_8));
        assertError(bad, 400, "bad_request");
        assertEquals("apiProxyExportFile parameter must be in zip file format and must end with zip extension!",
                bad.json().path("error_description").asText());
        Client.Res nf = admin.get("projects/MyProject/apiProxies/nope/export/");
        assertError(nf, 400, "bad_request");
        assertEquals("ApiProxy (name: nope) was not found!", nf.json().path("error_description").asText());
        Client.Res np = admin.get("projects/Nope/apiProxies/x/export/");
        assertError(np, 404, "not_found");
        assertEquals("Project(Nope) was not found or user does not have privilege to access it!",
                np.json().path("error_description").asText());
    }

    // ------------------------------------------------------------- endpoints

    @Test
    void endpointLifecycle() {
        String p = "projects/Payments-API/apiProxies/payments/endpoints/";
        JsonNode list = admin.get(p).json();
        assertTrue(list.path("success").asBoolean());
        assertEquals(1, list.path("resultCount").asInt());
        JsonNode e0 = list.path("resultList").get(0);
        for (String f : new String[]{"id", "endpoint", "description", "active", "httpMethod", "backendResourceUrl", "backendHttpMethod"}) {
            assertTrue(e0.has(f), f);
        }
        assertFalse(e0.has("requestPolicyList"));

        Client.Res c = admin.post(p, "{\"name\":\"/refunds\",\"description\":\"Refund\",\"httpMethod\":\"POST\","
                + "\"backendResourceUrl\":\"/refunds\",\"backendHttpMethod\":\"POST\"}");
        assertEquals(200, c.status(), c.text());
        assertTrue(c.json().path("success").asBoolean());
        assertError(admin.post(p, "{\"name\":\"/refunds\",\"description\":\"Refund\",\"httpMethod\":\"POST\","
                + "\"backendResourceUrl\":\"/refunds\",\"backendHttpMethod\":\"POST\"}"), 409, "duplicate_name");
        assertError(admin.post(p, "{\"name\":\"/x\",\"httpMethod\":\"FETCH\"}"), 400, "validation_failed");

        JsonNode got = admin.post(p + "details/", "{\"name\":\"/refunds\",\"httpMethod\":\"POST\"}").json();
        assertEquals("Refund", got.path("description").asText());
        assertEquals(200, admin.json("PATCH", p, "{\"name\":\"/refunds\",\"httpMethod\":\"POST\",\"description\":\"Refund v2\"}").status());
        assertEquals("Refund v2", admin.post(p + "details/", "{\"name\":\"/refunds\",\"httpMethod\":\"POST\"}").json()
                .path("description").asText());
        Client.Res missing = admin.post(p + "details/", "{\"name\":\"/refunds\",\"httpMethod\":\"GET\"}");
        assertError(missing, 400, "bad_request");
        assertEquals("Endpoint with name (/refunds) and HTTP method (GET) is not found!", missing.json().path("error_description").asText());
        Client.Res noId = admin.post(p + "details/", "{}");
        assertEquals("Endpoint identifier (name and httpMethod) must be provided in request body!",
                noId.json().path("error_description").asText());
        assertEquals(200, admin.post(p + "delete/", "{\"name\":\"/refunds\",\"httpMethod\":\"POST\"}").status());
        assertEquals(1, admin.get(p).json().path("resultCount").asInt());

        Client.Res soap = admin.post("projects/MyProject/apiProxies/Address/endpoints/", "{\"name\":\"/x\",\"httpMethod\":\"POST\","
                + "\"backendResourceUrl\":\"/x\",\"backendHttpMethod\":\"POST\"}");
        assertEquals("Endpoint can only be added to REST API Proxies!", soap.json().path("error_description").asText());
        assertError(admin.get("projects/MyProject/apiProxies/nope/endpoints/"), 404, "not_found");
    }

    // ------------------------------------------------------------- policies

    @Test
    void policyLifecycle() {
        String base = "projects/MyProject/apiProxies/Contact%20Application%20API/policies/";
        JsonNode list = admin.get(base).json();
        assertEquals("SUCCESS", list.path("status").asText());
        assertEquals(1, list.path("resultCount").asInt());
        JsonNode px = list.path("resultList").get(0);
        assertEquals("basic-auth", px.path("requestPolicyList").get(0).path("name").asText());
        assertEquals("policy-auth-basic", px.path("requestPolicyList").get(0).path("type").asText());
        assertTrue(px.path("endpointList").isArray());

        String add = "{\"operationMetadata\":{\"targetScope\":\"ALL\",\"targetPipeline\":\"REQUEST\",\"deploy\":true,"
                + "\"deployTargetEnvironmentNameList\":[\"production\"],\"order\":1},"
                + "\"policy\":{\"type\":\"policy-black-ip\",\"description\":\"block\",\"active\":true}}";
        JsonNode r = admin.post(base + "block-bad/", add).json();
        assertEquals("SUCCESS", r.path("status").asText());
        assertEquals("production", r.path("deploymentResult").path("detailList").get(0).path("envName").asText());
        JsonNode after = admin.get(base).json().path("resultList").get(0).path("requestPolicyList");
        assertEquals("block-bad", after.get(0).path("name").asText());
        assertEquals("basic-auth", after.get(1).path("name").asText());

        Client.Res dup = admin.post(base + "block-bad/", add);
        assertError(dup, 409, "duplicate_name");
        assertEquals("A policy with same name (block-bad) is already exist in API Proxy!", dup.json().path("error_description").asText());
        assertError(admin.post(base + "x/", "{\"operationMetadata\":{\"targetScope\":\"SOME\",\"targetPipeline\":\"REQUEST\"},"
                + "\"policy\":{\"type\":\"policy-black-ip\"}}"), 400, "validation_failed");
        assertError(admin.post(base + "x/", "{\"operationMetadata\":{\"targetScope\":\"ENDPOINT\",\"targetPipeline\":\"REQUEST\"},"
                + "\"policy\":{\"type\":\"policy-black-ip\"}}"), 400, "validation_failed");

        String upd = add.replace("\"block\"", "\"block v2\"").replace(",\"order\":1", "");
        assertEquals(200, admin.put(base + "block-bad/", upd).status());
        assertEquals("block v2", admin.get(base).json().path("resultList").get(0).path("requestPolicyList").get(0)
                .path("description").asText());
        Client.Res nf = admin.put(base + "ghost/", upd);
        assertError(nf, 400, "bad_request");
        assertEquals("A policy with name (ghost) does not exist in API Proxy!", nf.json().path("error_description").asText());

        String epPolicy = "{\"operationMetadata\":{\"targetScope\":\"ENDPOINT\",\"targetPipeline\":\"RESPONSE\","
                + "\"targetEndpoint\":\"/contacts\",\"targetEndpointHTTPMethod\":\"GET\",\"deploy\":false},"
                + "\"policy\":{\"type\":\"policy-script\"}}";
        assertEquals(200, admin.post(base + "ep-script/", epPolicy).status());
        JsonNode eps = admin.get(base).json().path("resultList").get(0).path("endpointList");
        assertEquals("ep-script", eps.get(0).path("responsePolicyList").get(0).path("name").asText());

        assertEquals(200, admin.delete(base + "block-bad/").status());
        assertEquals(200, admin.delete(base + "ep-script/").status());
        assertError(admin.delete(base + "block-bad/"), 400, "bad_request");
        Client.Res np = admin.get("projects/Nope/apiProxies/x/policies/");
        assertEquals("Project 'Nope' not found", np.json().path("error_description").asText());
    }

    // ------------------------------------------------------------- connections

    @Test
    void connectionLifecycle() {
        String base = "projects/MyProject/connections/";
        JsonNode l = admin.get(base + "?type=email").json();
        assertTrue(l.path("success").asBoolean());
        assertEquals(1, l.path("resultCount").asInt());
        assertTrue(l.path("resultList").get(0).path("password").isNull());
        assertError(admin.get(base), 400, "invalid_parameter");
        assertError(admin.get(base + "?type=pigeon"), 400, "invalid_parameter");

        JsonNode g = admin.get(base + "notify-mail/").json();
        assertEquals("mail-secret", g.path("resultList").get(0).path("password").asText());
        assertEquals(1, g.path("resultCount").asInt());
        Client.Res nf = admin.get(base + "nope/");
        assertError(nf, 404, "not_found");
        assertEquals("Connection (name: nope) was not found!", nf.json().path("error_description").asText());

        String body = "{\"type\":\"webhook\",\"name\":\"hook\",\"description\":\"d\",\"url\":\"https://h.test\"}";
        JsonNode c = admin.post(base + "hook/", body).json();
        assertTrue(c.path("success").asBoolean());
        assertTrue(c.path("deploymentResult").path("success").asBoolean());
        assertError(admin.post(base + "hook/", body), 409, "duplicate_name");
        assertError(admin.post(base + "other/", body), 400, "bad_request");
        assertError(admin.post(base + "x/", "{\"type\":\"fax\",\"name\":\"x\"}"), 400, "validation_failed");
        assertEquals(200, admin.put(base + "hook/", body.replace("\"d\"", "\"d2\"")).status());
        assertEquals("d2", admin.get(base + "hook/").json().path("resultList").get(0).path("description").asText());
        assertError(admin.put(base + "hook/", body.replace("webhook", "email")), 400, "bad_request");
        assertEquals(200, admin.delete(base + "hook/").status());
        assertError(admin.delete(base + "hook/"), 400, "bad_request");
        assertEquals("Project 'X' not found", admin.get("projects/X/connections/?type=email").json().path("error_description").asText());
    }

    // ------------------------------------------------------------- credentials

    @Test
    void credentialLifecycleAndAccess() {
        String base = "projects/MyProject/credentials/";
        JsonNode l = admin.get(base).json();
        assertTrue(l.path("success").asBoolean());
        assertEquals("partner-app", l.path("resultList").get(0).path("username").asText());
        assertTrue(l.path("resultList").get(0).path("password").isNull());

        String body = "{\"email\":\"t@example.test\",\"fullName\":\"Tess\",\"username\":\"tess\",\"password\":\"pw\","
                + "\"roleNameList\":[\"API_USER\"],\"enabled\":true,\"ipList\":[],\"expireDate\":null}";
        JsonNode c = admin.post(base, body).json();
        assertTrue(c.path("deploymentResult").path("success").asBoolean());
        assertEquals("production", c.path("deploymentResult").path("environmentResults").get(0).path("environmentName").asText());
        assertError(admin.post(base, body), 409, "duplicate_name");
        assertError(admin.post(base, "{\"username\":\"u\"}"), 400, "validation_failed");
        assertEquals(200, admin.put(base, body.replace("Tess", "Tessa")).status());
        assertEquals(200, admin.json("PATCH", base + "tess/", "{\"password\":\"new\"}").status());
        assertError(admin.json("PATCH", base + "tess/", "{\"password\":\"\"}"), 400, "bad_request");

        String acc = base + "tess/access/";
        assertEquals(0, admin.get(acc).json().path("resultList").size());
        String grant = "{\"credentialAccessList\":[{\"name\":\"petstore-api\",\"type\":\"API_PROXY\"},{\"name\":\"public-apis\",\"type\":\"API_PROXY_GROUP\"}]}";
        assertEquals(200, admin.put(acc, grant).status());
        assertEquals(2, admin.get(acc).json().path("resultList").size());
        assertError(admin.put(acc, grant), 409, "conflict");
        Client.Res unknown = admin.put(acc, "{\"credentialAccessList\":[{\"name\":\"nope\",\"type\":\"API_PROXY\"}]}");
        assertEquals("API Proxy (name:nope) is not found or user does not have privilege to access it!",
                unknown.json().path("error_description").asText());
        assertEquals(200, admin.send(admin.req(acc).header("Content-Type", "application/json")
                .method("DELETE", java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"credentialAccessList\":[{\"name\":\"petstore-api\",\"type\":\"API_PROXY\"}]}")).build()).status());
        assertEquals(1, admin.get(acc).json().path("resultList").size());

        assertEquals(200, admin.delete(base + "tess/").status());
        Client.Res gone = admin.delete(base + "tess/");
        assertError(gone, 400, "bad_request");
        assertEquals("Credential (username: tess) was not found!", gone.json().path("error_description").asText());
    }

    // ------------------------------------------------------------- environment variables

    @Test
    void environmentVariableLifecycle() {
        String base = "projects/MyProject/environmentVariables/";
        JsonNode l = admin.get(base).json();
        assertTrue(l.path("success").asBoolean());
        assertEquals(2, l.path("resultCount").asInt());
        JsonNode secret = l.path("resultList").get(1);
        assertEquals("PARTNER_API_KEY", secret.path("name").asText());
        assertTrue(secret.path("globalValue").isNull());
        assertEquals("MyProject", secret.path("projectName").asText());

        String body = "{\"name\":\"TIMEOUT\",\"description\":\"t\",\"global\":true,\"globalValue\":\"30\",\"globalVisible\":true}";
        JsonNode c = admin.post(base + "TIMEOUT/", body).json();
        assertTrue(c.path("deploymentResult").path("success").asBoolean());
        assertEquals("30", admin.get(base + "TIMEOUT/").json().path("resultList").get(0).path("globalValue").asText());
        assertError(admin.post(base + "TIMEOUT/", body), 409, "duplicate_name");
        Client.Res mismatch = admin.post(base + "OTHER/", body);
        assertEquals("Environment variable name in path (OTHER) does not match name in body (TIMEOUT)!",
                mismatch.json().path("error_description").asText());
        assertError(admin.post(base + "X/", "{\"name\":\"X\",\"global\":false}"), 400, "validation_failed");
        assertEquals(200, admin.put(base + "TIMEOUT/", body.replace("\"30\"", "\"60\"")).status());
        assertEquals("60", admin.get(base + "TIMEOUT/").json().path("resultList").get(0).path("globalValue").asText());
        assertEquals(200, admin.delete(base + "TIMEOUT/").status());
        Client.Res nf = admin.get(base + "TIMEOUT/");
        assertError(nf, 400, "bad_request");
        assertEquals("Environment variable (name: TIMEOUT) was not found!", nf.json().path("error_description").asText());
    }

    // ------------------------------------------------------------- API proxy groups
}
