package dev.mgmt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.testing.SandboxExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.mgmt.sandbox.ContractTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** API proxy groups (02-api-reference/09-api-proxy-groups) against the documented shapes. */
class GroupContractTest {
    @RegisterExtension
    static final SandboxExtension sandbox = new SandboxExtension();
    static Client admin;
    static Client viewer;
    static final String BASE = "projects/MyProject/apiProxyGroups/";

    @BeforeAll
    static void start() throws Exception {
        admin = new Client(sandbox.sandbox(), sandbox.adminToken());
        viewer = new Client(sandbox.sandbox(), sandbox.readOnlyToken());
    }

    static String body(String name, String path) {
        return "{\"name\":\"" + name + "\",\"description\":\"d\",\"clientRoute\":{\"relativePathList\":[\"" + path
                + "\"],\"methodList\":[\"GET\",\"POST\"],\"hostList\":null,\"headerList\":null,"
                + "\"bufferRequest\":true,\"bufferResponse\":true}}";
    }

    static void assertDesc(Client.Res r, String desc) {
        assertEquals(desc, r.json().path("error_description").asText(), r.text());
    }

    @Test
    void listShowsIdNameDescriptionOnly() {
        JsonNode j = admin.get(BASE).json();
        assertTrue(j.path("success").asBoolean());
        assertEquals(j.path("resultList").size(), j.path("resultCount").asInt());
        JsonNode g = j.path("resultList").get(0);
        assertEquals("public-apis", g.path("name").asText());
        assertTrue(g.path("id").isTextual());
        assertTrue(g.path("description").isTextual());
        assertEquals(3, g.size(), g.toString());
        Client.Res nf = admin.get("projects/NoSuch/apiProxyGroups/");
        assertError(nf, 404, "not_found");
        assertDesc(nf, "Project(NoSuch) was not found or user does not have privilege to access it!");
        assertError(new Client(sandbox.sandbox(), null).get(BASE), 401, "unauthorized_client");
    }

    @Test
    void createValidationMessages() {
        Client.Res r = admin.post(BASE, "{\"clientRoute\":{\"relativePathList\":[\"/x1\"]}}");
        assertError(r, 400, "bad_request");
        assertDesc(r, "name value can not be empty!");
        r = admin.post(BASE, "{\"name\":\"g-nocr\"}");
        assertError(r, 400, "bad_request");
        assertDesc(r, "clientRoute value can not be empty!");
        r = admin.post(BASE, "{\"name\":\"g-norel\",\"clientRoute\":{\"relativePathList\":[]}}");
        assertError(r, 400, "bad_request");
        assertDesc(r, "clientRoute value needs at least one relativePath!");
        r = admin.post(BASE, "{\"name\":\"g-empty\",\"clientRoute\":{\"relativePathList\":[\"\"]}}");
        assertError(r, 400, "bad_request");
        assertDesc(r, "relativePath value in clientRoute object can not be empty!");
        r = admin.post(BASE, "{\"name\":\"g-meth\",\"clientRoute\":{\"relativePathList\":[\"/ok\"],\"methodList\":[\"FETCH\"]}}");
        assertError(r, 400, "validation_failed");
        assertEquals("clientRoute.methodList", r.json().path("validation_errors").get(0).path("field").asText());
        assertError(viewer.post(BASE, body("g-ro", "/ro")), 403, "forbidden");
    }

    @Test
    void createUpdateDelete() {
        Client.Res c = admin.post(BASE, body("PaymentAPIGroup", "/api/v1/payment"));
        assertEquals(200, c.status(), c.text());
        assertEquals("{\"success\":true}", c.text());
        Client.Res dup = admin.post(BASE, body("PaymentAPIGroup", "/api/v1/payment"));
        assertError(dup, 409, "duplicate_name");
        assertDesc(dup, "ApiProxyGroup: (PaymentAPIGroup) is already created! If you want to udate it use update endpoint!");
        // names are case-sensitive
        assertEquals(200, admin.post(BASE, body("paymentapigroup", "/api/v1/pay2")).status());

        Client.Res u = admin.put(BASE, body("PaymentAPIGroup", "/api/v2/payment"));
        assertEquals(200, u.status(), u.text());
        assertTrue(u.json().path("success").asBoolean());
        Client.Res unf = admin.put(BASE, body("Missing", "/m"));
        assertError(unf, 400, "bad_request");
        assertDesc(unf, "API Proxy Group (Missing) is not found or user does not have privilege to access it!");

        assertEquals("{\"success\":true}", admin.delete(BASE + "PaymentAPIGroup/").text());
        Client.Res dnf = admin.delete(BASE + "PaymentAPIGroup/");
        assertError(dnf, 400, "bad_request");
        assertDesc(dnf, "API Proxy Group (PaymentAPIGroup) is not found or user does not have privilege to access it!");
        assertError(viewer.delete(BASE + "paymentapigroup/"), 403, "forbidden");
    }

    @Test
    void membersAreIdempotent() {
        assertEquals(200, admin.post(BASE, body("members", "/members")).status());
        String m = BASE + "members/apiProxies/Address/";
        assertEquals("{\"success\":true}", admin.post(m, null).text());
        assertEquals(200, admin.post(m, null).status());
        assertEquals("{\"success\":true}", admin.delete(m).text());
        assertEquals(200, admin.delete(m).status());
        Client.Res g = admin.post(BASE + "nope/apiProxies/Address/", null);
        assertError(g, 400, "bad_request");
        assertDesc(g, "API Proxy Group (nope) is not found or user does not have privilege to access it!");
        Client.Res x = admin.post(BASE + "members/apiProxies/MyAPI/", null);
        assertError(x, 400, "bad_request");
        assertDesc(x, "ApiProxy (MyAPI) is not found or user does not have privilege to access it!");
        assertError(admin.delete(BASE + "members/apiProxies/MyAPI/"), 400, "bad_request");
        assertError(viewer.post(m, null), 403, "forbidden");
    }

    @Test
    void deployListUndeploy() {
        assertEquals(200, admin.post(BASE, body("deployable", "/deployable")).status());
        JsonNode d = admin.post(BASE + "deployable/environments/staging/", null).json();
        assertTrue(d.path("success").asBoolean());
        JsonNode dr = d.path("deploymentResult");
        assertTrue(dr.path("success").asBoolean());
        assertTrue(dr.path("message").isTextual());
        JsonNode er = dr.path("environmentResults").get(0);
        assertEquals("staging", er.path("environmentName").asText());
        assertTrue(er.path("success").asBoolean());
        assertTrue(er.path("message").isTextual());

        JsonNode envs = admin.get(BASE + "deployable/environments/").json();
        assertTrue(envs.path("success").asBoolean());
        assertEquals(envs.path("resultList").size(), envs.path("resultCount").asInt());
        boolean seen = false;
        for (JsonNode e : envs.path("resultList")) {
            assertEquals(2, e.size(), e.toString());
            if (e.path("environmentName").asText().equals("staging")) {
                assertTrue(e.path("deployed").asBoolean());
                seen = true;
            } else {
                assertFalse(e.path("deployed").asBoolean());
            }
        }
        assertTrue(seen);

        JsonNode u = admin.delete(BASE + "deployable/environments/staging/").json();
        assertTrue(u.path("deploymentResult").path("success").asBoolean());
        assertEquals("staging", u.path("deploymentResult").path("environmentResults").get(0).path("environmentName").asText());

        Client.Res e1 = admin.post(BASE + "nope/environments/staging/", null);
        assertError(e1, 400, "bad_request");
        assertDesc(e1, "API Proxy Group (nope) is not found or user does not have privilege to access it!");
        Client.Res e2 = admin.post(BASE + "deployable/environments/moon/", null);
        assertError(e2, 400, "bad_request");
        assertDesc(e2, "Environment (moon) is not found or user does not have privilege to access it!");
        assertError(admin.delete(BASE + "deployable/environments/moon/"), 400, "bad_request");
        assertError(admin.get(BASE + "nope/environments/"), 400, "bad_request");
        assertError(viewer.post(BASE + "deployable/environments/staging/", null), 403, "forbidden");
    }
}
