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

/** Endpoint status, cache, WSA and endpoint policies (04-api-proxies/endpoints). */
class EndpointExtrasContractTest {
    @RegisterExtension
    static final SandboxExtension sandbox = new SandboxExtension();
    static Client admin;
    static Client viewer;
    static final String PET = "projects/MyProject/apiProxies/petstore-api/endpoints/";
    static final String SOAP = "projects/MyProject/apiProxies/Address/endpoints/";

    @BeforeAll
    static void start() throws Exception {
        admin = new Client(sandbox.sandbox(), sandbox.adminToken());
        viewer = new Client(sandbox.sandbox(), sandbox.readOnlyToken());
    }

    static void assertDesc(Client.Res r, String desc) {
        assertEquals(desc, r.json().path("error_description").asText(), r.text());
    }

    static JsonNode endpoint(String base, String name, String method) {
        return admin.post(base + "details/", "{\"name\":\"" + name + "\",\"httpMethod\":\"" + method + "\"}").json();
    }

    @Test
    void listEndpointPolicies() {
        JsonNode j = viewer.post(PET + "policies/", "{\"name\":\"/pets\",\"httpMethod\":\"POST\"}").json();
        for (String f : new String[] {"id", "endpoint", "description", "active", "httpMethod", "backendResourceUrl",
            "backendHttpMethod"}) {
            assertTrue(j.has(f), f + " in " + j);
        }
        JsonNode pol = j.path("requestPolicyList").get(0);
        assertEquals("only-office", pol.path("name").asText());
        assertEquals("policy-white-ip", pol.path("type").asText());
        assertEquals(4, pol.size(), pol.toString());
        assertTrue(j.path("responsePolicyList").isArray() && j.path("errorPolicyList").isArray());
        Client.Res r = admin.post(PET + "policies/", "{\"name\":\"/pets\"}");
        assertError(r, 400, "bad_request");
        assertDesc(r, "Endpoint identifier (name and httpMethod) must be provided in request body!");
        r = admin.post(PET + "policies/", "{\"name\":\"/api/users\",\"httpMethod\":\"GET\"}");
        assertError(r, 400, "bad_request");
        assertDesc(r, "Endpoint with name (/api/users) and HTTP method (GET) is not found!");
        r = admin.post("projects/MyProject/apiProxies/MyAPI/endpoints/policies/", "{\"name\":\"/x\",\"httpMethod\":\"GET\"}");
        assertError(r, 404, "not_found");
        assertDesc(r, "ApiProxy (name: MyAPI) was not found!");
    }

    @Test
    void status() {
        Client.Res ok = admin.json("PATCH", PET + "status/",
                "{\"identifierName\":\"/pets/{petId}\",\"identifierHttpMethod\":\"GET\",\"active\":false}");
        assertEquals("{\"success\":true}", ok.text());
        assertFalse(endpoint(PET, "/pets/{petId}", "GET").path("active").asBoolean(true));
        Client.Res r = admin.json("PATCH", PET + "status/", "{\"identifierName\":\"/pets\",\"active\":true}");
        assertError(r, 400, "bad_request");
        assertDesc(r, "Endpoint identifier (name and httpMethod) must be provided in request body!");
        r = admin.json("PATCH", PET + "status/", "{\"identifierName\":\"/api/users\",\"identifierHttpMethod\":\"GET\",\"active\":false}");
        assertDesc(r, "Endpoint with name (/api/users) and HTTP method (GET) is not found!");
        assertError(admin.json("PATCH", PET + "status/", "{\"identifierName\":\"/pets\",\"identifierHttpMethod\":\"GET\"}"),
                400, "validation_failed");
        assertError(admin.json("PATCH", "projects/MyProject/apiProxies/MyAPI/endpoints/status/",
                "{\"identifierName\":\"/pets\",\"identifierHttpMethod\":\"GET\",\"active\":true}"), 404, "not_found");
        assertError(viewer.json("PATCH", PET + "status/",
                "{\"identifierName\":\"/pets\",\"identifierHttpMethod\":\"GET\",\"active\":true}"), 403, "forbidden");
    }

    @Test
    void cache() {
        String body = "{\"identifierName\":\"/pets\",\"identifierHttpMethod\":\"GET\",\"cacheSettings\":{\"name\":"
                + "\"Endpoint Cache Settings\",\"cacheActive\":true,\"cacheKeyType\":\"QUERY_PARAMS\",\"cacheStorageType\":"
                + "\"LOCAL\",\"capacity\":1000,\"ttl\":3600,\"handlingAction\":\"STOP\",\"variableList\":[]}}";
        assertEquals("{\"success\":true}", admin.json("PATCH", PET + "cache/", body).text());
        assertEquals(3600, endpoint(PET, "/pets", "GET").path("cacheSettings").path("ttl").asInt());
        Client.Res r = admin.json("PATCH", PET + "cache/", body.replace(",\"handlingAction\":\"STOP\"", ""));
        assertError(r, 400, "bad_request");
        assertDesc(r, "handlingAction is required");
        assertError(admin.json("PATCH", PET + "cache/", body.replace("\"LOCAL\"", "\"DISK\"")), 400, "validation_failed");
        assertError(admin.json("PATCH", PET + "cache/", body.replace("QUERY_PARAMS", "CUSTOM")), 400, "validation_failed");
        assertError(admin.json("PATCH", PET + "cache/", body.replace("\"/pets\"", "\"/api/users\"")), 400, "bad_request");
        assertError(viewer.json("PATCH", PET + "cache/", body), 403, "forbidden");
    }

    @Test
    void wsa() {
        String body = "{\"identifierName\":\"/GetAddress\",\"identifierHttpMethod\":\"POST\",\"wsaSettings\":{"
                + "\"wsaEnabled\":true,\"wsaMustUnderstand\":\"NONE\",\"wsaVersion\":\"V200508\",\"wsaAddDefaultAction\":true,"
                + "\"wsaAction\":null,\"wsaGenerateMessageId\":true}}";
        assertEquals("{\"success\":true}", admin.json("PATCH", SOAP + "wsa/", body).text());
        assertTrue(endpoint(SOAP, "/GetAddress", "POST").path("wsaSettings").path("wsaEnabled").asBoolean());
        assertError(admin.json("PATCH", SOAP + "wsa/", body.replace("V200508", "V2099")), 400, "validation_failed");
        assertError(admin.json("PATCH", SOAP + "wsa/", body.replace("/GetAddress", "/Nope")), 400, "bad_request");
        assertError(admin.json("PATCH", PET + "wsa/", body), 400, "bad_request");
        assertError(viewer.json("PATCH", SOAP + "wsa/", body), 403, "forbidden");
    }
}
