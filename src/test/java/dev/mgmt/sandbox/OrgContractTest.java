package dev.mgmt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.testing.SandboxExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static dev.mgmt.sandbox.ProxySettingsContractTest.fails;
import static dev.mgmt.sandbox.ProxySettingsContractTest.ok;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** IP groups, RLCL, geolocation and reports (02-api-reference/11 to 14) against the documented shapes and errors. */
class OrgContractTest {
    @RegisterExtension
    static final SandboxExtension sandbox = new SandboxExtension();
    static Client admin;
    static Client viewer;
    static Client anon;
    static final String IPG = "projects/MyProject/ipGroups/";
    static final String RL = "projects/MyProject/rlcl/";

    @BeforeAll
    static void start() throws Exception {
        admin = new Client(sandbox.sandbox(), sandbox.adminToken());
        viewer = new Client(sandbox.sandbox(), sandbox.readOnlyToken());
        anon = new Client(sandbox.sandbox(), null);
    }

    static Model.Project project() {
        return sandbox.sandbox().model().projects.get("MyProject");
    }

    static List<String> ips(String group) {
        List<String> out = new ArrayList<>();
        project().ipGroups.get(group).path("ipList").forEach(n -> out.add(n.asText()));
        return out;
    }

    // ------------------------------------------------------------------ IP groups

    @Test
    void ipGroupCrud() {
        ok(admin.post(IPG, "{\"name\":\"AllowedIPs\",\"description\":\"Allowed IP addresses for API access\"}"));
        ok(admin.post(IPG, "{\"name\":\"BlockedIPs\"}"));
        assertEquals("Allowed IP addresses for API access",
                project().ipGroups.get("AllowedIPs").path("description").asText());
        fails(admin.post(IPG, "{\"description\":\"x\"}"), 400, "bad_request", "name value can not be empty!");
        fails(admin.post(IPG, "{\"name\":\"AllowedIPs\"}"), 409, "duplicate_name",
                "An IP Group with same name (AllowedIPs) already exists in project!");
        fails(viewer.post(IPG, "{\"name\":\"ro\"}"), 403, "forbidden", null);
        fails(anon.post(IPG, "{\"name\":\"ro\"}"), 401, "unauthorized_client", null);

        ok(admin.put(IPG + "AllowedIPs/", "{\"name\":\"AllowedIPs\",\"description\":\"Updated description\"}"));
        assertEquals("Updated description", project().ipGroups.get("AllowedIPs").path("description").asText());
        fails(admin.put(IPG + "AllowedIPs/", "{\"description\":\"x\"}"), 400, "bad_request", "name value can not be empty!");
        fails(admin.put(IPG + "Nope/", "{\"name\":\"Nope\"}"), 400, "bad_request", "IP Group (Nope) is not found!");
        fails(admin.put(IPG + "AllowedIPs/", "{\"name\":\"Renamed\"}"), 400, "bad_request", null);

        ok(admin.delete(IPG + "BlockedIPs/"));
        assertFalse(project().ipGroups.containsKey("BlockedIPs"));
        fails(admin.delete(IPG + "BlockedIPs/"), 400, "bad_request", "IP Group (BlockedIPs) is not found!");
        fails(viewer.delete(IPG + "AllowedIPs/"), 403, "forbidden", null);
    }

    @Test
    void ipGroupAddresses() {
        ok(admin.post(IPG, "{\"name\":\"Office\"}"));
        String ipsPath = IPG + "Office/ips/";
        ok(admin.post(ipsPath, "{\"ipList\":[\"192.168.1.100\",\"10.0.0.0/8\",\"172.16.0.0/12\"]}"));
        ok(admin.post(ipsPath, "{\"ipList\":[\"192.168.1.100\",\"10.0.0.50\"]}"));
        assertEquals(List.of("192.168.1.100", "10.0.0.0/8", "172.16.0.0/12", "10.0.0.50"), ips("Office"),
                "duplicates are ignored");
        String empty = "ipList value can not be empty!";
        fails(admin.post(ipsPath, "{\"ipList\":[]}"), 400, "bad_request", empty);
        fails(admin.post(ipsPath, "{}"), 400, "bad_request", empty);
        fails(admin.post(ipsPath, "{\"ipList\":[\"300.1.1.1\"]}"), 400, "validation_failed", null);
        fails(admin.post(IPG + "Ghost/ips/", "{\"ipList\":[\"1.2.3.4\"]}"), 400, "bad_request",
                "IP Group (Ghost) is not found!");
        fails(viewer.post(ipsPath, "{\"ipList\":[\"1.2.3.4\"]}"), 403, "forbidden", null);

        ok(admin.json("DELETE", ipsPath, "{\"ipList\":[\"10.0.0.50\",\"8.8.8.8\"]}"));
        assertEquals(List.of("192.168.1.100", "10.0.0.0/8", "172.16.0.0/12"), ips("Office"));
        fails(admin.json("DELETE", ipsPath, "{\"ipList\":[]}"), 400, "bad_request", empty);

        ok(admin.put(ipsPath, "{\"ipList\":[\"1.2.3.4\"]}"));
        assertEquals(List.of("1.2.3.4"), ips("Office"));
        fails(admin.put(ipsPath, "{}"), 400, "bad_request", empty);
        ok(admin.put(ipsPath, "{\"ipList\":[]}"));
        assertEquals(List.of(), ips("Office"), "an empty list clears the group");
    }

    // ------------------------------------------------------------------ RLCL

    static final String RLCL_BODY = "{\"name\":\"PremiumUserRLCL\",\"description\":\"Rate limit for premium users\","
            + "\"enabled\":true,\"executionOrder\":\"FIRST\",\"cacheConnectionTimeoutInSeconds\":3,"
            + "\"cacheErrorHandlingType\":\"FAIL\",\"timeIntervalWindowType\":\"FIXED\","
            + "\"showRateLimitStatisticsInResponseHeader\":false,\"targetVariable\":null}";

    @Test
    void rlclCrud() {
        ok(admin.post(RL, RLCL_BODY));
        ok(admin.post(RL, "{\"name\":\"IPBasedRLCL\",\"timeIntervalWindowType\":\"SLIDING\",\"targetVariable\":"
                + "{\"name\":\"clientIp\",\"type\":\"CONTEXT_VALUES\",\"contextValue\":\"REQUEST_REMOTE_ADDRESS\"}}"));
        JsonNode m = project().rlcls.get("IPBasedRLCL").meta;
        assertEquals("FIRST", m.path("executionOrder").asText(), "documented default");
        assertEquals("clientIp", m.path("targetVariable").path("name").asText());
        fails(admin.post(RL, "{\"description\":\"x\"}"), 400, "bad_request", "name value can not be empty!");
        fails(admin.post(RL, RLCL_BODY), 409, "duplicate_name",
                "An RLCL with same name (PremiumUserRLCL) already exists in project!");
        fails(admin.post(RL, "{\"name\":\"x\",\"executionOrder\":\"MIDDLE\"}"), 400, "validation_failed", null);
        fails(admin.post(RL, "{\"name\":\"x\",\"targetVariable\":{\"name\":\"h\",\"type\":\"HEADER\"}}"), 400,
                "validation_failed", null);
        fails(viewer.post(RL, "{\"name\":\"ro\"}"), 403, "forbidden", null);

        ok(admin.put(RL + "PremiumUserRLCL/", RLCL_BODY.replace("\"enabled\":true", "\"enabled\":false")));
        assertFalse(project().rlcls.get("PremiumUserRLCL").meta.path("enabled").asBoolean());
        fails(admin.put(RL + "Ghost/", "{\"name\":\"Ghost\"}"), 400, "bad_request", "RLCL (Ghost) is not found!");
        fails(admin.put(RL + "PremiumUserRLCL/", "{\"name\":\"Other\"}"), 400, "bad_request", null);

        ok(admin.delete(RL + "IPBasedRLCL/"));
        fails(admin.delete(RL + "IPBasedRLCL/"), 400, "bad_request", "RLCL (IPBasedRLCL) is not found!");
        fails(viewer.delete(RL + "PremiumUserRLCL/"), 403, "forbidden", null);
    }

    @Test
    void rlclCredentials() {
        ok(admin.post(RL, "{\"name\":\"CredRLCL\"}"));
        String c = RL + "CredRLCL/credentials/";
        ok(admin.post(c, "{\"credentialNameList\":[\"partner-app\"]}"));
        ok(admin.post(c, "{\"credentialNameList\":[\"partner-app\"]}"));
        assertEquals(List.of("partner-app"), project().rlcls.get("CredRLCL").credentials);
        fails(admin.post(c, "{\"credentialNameList\":[]}"), 400, "bad_request", "credentialNameList value can not be empty!");
        fails(admin.post(c, "{\"credentialNameList\":[\"api-user\"]}"), 400, "bad_request",
                "Credential with name (api-user) is not found in project!");
        fails(admin.post(RL + "Ghost/credentials/", "{\"credentialNameList\":[\"partner-app\"]}"), 400, "bad_request",
                "RLCL (Ghost) is not found!");
        fails(viewer.post(c, "{\"credentialNameList\":[\"partner-app\"]}"), 403, "forbidden", null);
        ok(admin.put(c, "{\"credentialNameList\":[\"partner-app\"]}"));
        fails(admin.put(c, "{}"), 400, "bad_request", "credentialNameList value can not be empty!");
        ok(admin.json("DELETE", c, "{\"credentialNameList\":[\"partner-app\",\"not-there\"]}"));
        assertEquals(List.of(), project().rlcls.get("CredRLCL").credentials);
        fails(admin.json("DELETE", c, "{\"credentialNameList\":[]}"), 400, "bad_request",
                "credentialNameList value can not be empty!");
    }

    static String limit(String proxy, String endpoint, String method) {
        return "{\"apiProxyName\":\"" + proxy + "\",\"endpointName\":\"" + endpoint + "\",\"endpointHTTPMethod\":\""
                + method + "\",\"permittedMessageCount\":100,\"timeIntervalPeriodLength\":1,\"timeInterval\":\"ONE_MINUTE\","
                + "\"cacheConnectionTimeoutInSeconds\":3,\"cacheErrorHandlingType\":\"FAIL\","
                + "\"timeIntervalWindowType\":\"FIXED\",\"showRateLimitStatisticsInResponseHeader\":false,\"enabled\":true}";
    }

    @Test
    void rlclEndpoints() {
        ok(admin.post(RL, "{\"name\":\"EpRLCL\"}"));
        String e = RL + "EpRLCL/endpoints/";
        String pets = limit("petstore-api", "/pets", "GET");
        ok(admin.post(e, "{\"endpointRateLimitList\":[" + pets + "," + limit("petstore-api", "ALL", "ALL") + "]}"));
        ok(admin.post(e, "{\"endpointRateLimitList\":[" + pets + "]}"));
        List<com.fasterxml.jackson.databind.node.ObjectNode> stored = project().rlcls.get("EpRLCL").endpoints;
        assertEquals(2, stored.size(), "duplicates are ignored");
        assertFalse(stored.get(0).path("endpointId").asText().isEmpty(), "endpointId is resolved");

        fails(admin.post(e, "{\"endpointRateLimitList\":[]}"), 400, "bad_request",
                "endpointRateLimitList value can not be empty!");
        fails(admin.post(e, "{\"endpointRateLimitList\":[" + limit("MyAPI", "/users", "GET") + "]}"), 400,
                "bad_request", "API Proxy with name (MyAPI) is not found in project!");
        fails(admin.post(e, "{\"endpointRateLimitList\":[" + limit("petstore-api", "/users", "GET") + "]}"), 400,
                "bad_request", "API Endpoint with name (/users) and method type (GET) is not found in API Proxy!");
        fails(admin.post(e, "{\"endpointRateLimitList\":[{\"apiProxyName\":\"petstore-api\",\"endpointName\":\"ALL\"}]}"),
                400, "validation_failed", null);
        fails(admin.post(RL + "Ghost/endpoints/", "{\"endpointRateLimitList\":[" + pets + "]}"), 400, "bad_request",
                "RLCL (Ghost) is not found!");
        fails(viewer.post(e, "{\"endpointRateLimitList\":[" + pets + "]}"), 403, "forbidden", null);

        ok(admin.json("DELETE", e, "{\"endpointRateLimitList\":[{\"apiProxyName\":\"petstore-api\","
                + "\"endpointName\":\"/pets\",\"endpointHTTPMethod\":\"GET\"}]}"));
        assertEquals(1, project().rlcls.get("EpRLCL").endpoints.size());
        fails(admin.json("DELETE", e, "{\"endpointRateLimitList\":[]}"), 400, "bad_request",
                "endpointRateLimitList value can not be empty!");
        ok(admin.put(e, "{\"endpointRateLimitList\":[" + pets + "]}"));
        assertEquals("/pets", project().rlcls.get("EpRLCL").endpoints.get(0).path("endpointName").asText());
        assertEquals(1, project().rlcls.get("EpRLCL").endpoints.size());
        fails(admin.put(e, "{}"), 400, "bad_request", "endpointRateLimitList value can not be empty!");
    }

    @Test
    void rlclCondition() {
        ok(admin.post(RL, "{\"name\":\"CondRLCL\"}"));
        String c = RL + "CondRLCL/condition/";
        String rule = "{\"conditionCriteria\":\"VALUE\",\"firstVariable\":{\"name\":\"userTypeHeader\",\"type\":\"HEADER\","
                + "\"headerName\":\"X-User-Type\"},\"variableDataType\":\"STRING\",\"valueComparisonOperator\":\"EQ\","
                + "\"secondValueSource\":\"VALUE\",\"secondValue\":\"PREMIUM\"}";
        ok(admin.post(c, "{\"conditionRuleList\":[" + rule + "]}"));
        JsonNode cond = project().rlcls.get("CondRLCL").condition;
        assertEquals("X-User-Type", cond.path("conditionRuleList").get(0).path("firstVariable").path("headerName").asText());
        ok(admin.put(c, "{\"conditionRuleList\":[{\"conditionCriteria\":\"OR\",\"conditionRuleList\":[" + rule + ","
                + rule.replace("PREMIUM", "GOLD") + "]}]}"));
        cond = project().rlcls.get("CondRLCL").condition;
        assertEquals("OR", cond.path("conditionRuleList").get(0).path("conditionCriteria").asText());
        String msg = "condition value can not be empty!";
        fails(admin.post(c, "{}"), 400, "bad_request", msg);
        fails(admin.put(c, "{}"), 400, "bad_request", msg);
        fails(admin.post(c, "{\"conditionRuleList\":[{\"conditionCriteria\":\"VALUE\",\"variableDataType\":\"BOOLEAN\"}]}"),
                400, "validation_failed", null);
        fails(admin.post(RL + "Ghost/condition/", "{\"conditionRuleList\":[]}"), 400, "bad_request",
                "RLCL (Ghost) is not found!");
        fails(viewer.put(c, "{\"conditionRuleList\":[]}"), 403, "forbidden", null);

        ok(admin.delete(c));
        cond = project().rlcls.get("CondRLCL").condition;
        assertEquals("AND", cond.path("conditionCriteria").asText());
        assertEquals(0, cond.path("conditionRuleList").size());
        fails(viewer.delete(c), 403, "forbidden", null);
    }

    // ------------------------------------------------------------------ geolocation

    static void assertDeployed(Client.Res r) {
        assertEquals(200, r.status(), r.text());
        JsonNode j = r.json();
        assertTrue(j.path("success").asBoolean(), r.text());
        JsonNode dr = j.path("deploymentResult");
        assertTrue(dr.path("success").asBoolean());
        assertEquals("Deployment completed successfully", dr.path("message").asText());
        List<String> envs = new ArrayList<>();
        for (JsonNode e : dr.path("environmentResults")) {
            envs.add(e.path("environmentName").asText());
            assertTrue(e.path("success").asBoolean());
            assertEquals("Deployed successfully", e.path("message").asText());
        }
        assertEquals(new ArrayList<>(sandbox.sandbox().model().environments.keySet()), envs);
    }

    @Test
    void geolocation() {
        String admins = "User does not have privilege to access admin settings!";
        for (String path : List.of("settings/geolocation/enable", "settings/geolocation/disable/")) {
            fails(viewer.put(path, null), 401, "unauthorized_client", admins);
            fails(anon.put(path, null), 401, "unauthorized_client", null);
        }
        assertDeployed(admin.put("settings/geolocation/enable", null));
        assertTrue(sandbox.sandbox().model().geolocation.enabled);
        assertDeployed(admin.put("settings/geolocation/disable/", null));
        assertFalse(sandbox.sandbox().model().geolocation.enabled);

        byte[] mmdb = {(byte) 0xab, (byte) 0xcd, (byte) 0xef, 'M', 'a', 'x', 'M', 'i', 'n', 'd'};
        assertDeployed(admin.multipart("PUT", "settings/geolocation/mmdb", "file", "GeoLite2-City.mmdb", mmdb));
        assertEquals("GeoLite2-City.mmdb", sandbox.sandbox().model().geolocation.mmdbFileName);
        assertArrayEquals(mmdb, sandbox.sandbox().model().geolocation.mmdb);
        assertDeployed(admin.multipart("PUT", "settings/geolocation/mmdb/", "file", "x.bin", mmdb,
                "fileName", null, "country.mmdb".getBytes(StandardCharsets.UTF_8)));
        assertEquals("country.mmdb", sandbox.sandbox().model().geolocation.mmdbFileName);
        fails(admin.multipart("PUT", "settings/geolocation/mmdb", "file", "empty.mmdb", new byte[0]), 400, "bad_request",
                "File can not be empty!");
        fails(admin.multipart("PUT", "settings/geolocation/mmdb", "fileName", null, "a".getBytes(StandardCharsets.UTF_8)),
                400, "bad_request", "File can not be empty!");
        fails(viewer.multipart("PUT", "settings/geolocation/mmdb", "file", "a.mmdb", mmdb), 401, "unauthorized_client",
                admins);
    }

    @Test
    void geolocationHonoursDeployFailures() {
        sandbox.setFaults("deployfail=staging");
        try {
            Client.Res r = admin.put("settings/geolocation/enable", null);
            assertEquals(200, r.status(), r.text());
            assertFalse(r.json().path("deploymentResult").path("success").asBoolean(), r.text());
        } finally {
            sandbox.setFaults("");
        }
    }

    // ------------------------------------------------------------------ reports

    @Test
    void apiProxyReport() {
        for (String path : List.of("reports/api-proxies", "reports/api-proxies/")) {
            Client.Res r = admin.get(path);
            assertEquals(200, r.status(), r.text());
            JsonNode j = r.json();
            assertTrue(j.path("success").asBoolean());
            assertEquals(j.path("resultList").size(), j.path("resultCount").asInt());
            JsonNode first = j.path("resultList").get(0);
            for (String f : List.of("id", "name", "description", "type")) {
                assertTrue(first.path(f).isTextual(), f + " in " + first);
            }
            assertFalse(first.has("endpoints"), "endpoints only on request");
        }
        JsonNode withEps = admin.get("reports/api-proxies?includeEndpoints=true").json();
        JsonNode pet = null;
        for (JsonNode p : withEps.path("resultList")) {
            if (p.path("name").asText().equals("petstore-api")) {
                pet = p;
            }
        }
        assertTrue(pet != null && pet.path("endpoints").size() > 0, withEps.toString());
        JsonNode ep = pet.path("endpoints").get(0);
        assertEquals(ep.path("method").asText() + " " + ep.path("path").asText(), ep.path("name").asText());
        assertTrue(ep.path("id").isTextual());
        assertEquals("REST", pet.path("type").asText());
        fails(viewer.get("reports/api-proxies"), 401, "unauthorized_client", "Unauthorized API Access!");
        fails(anon.get("reports/api-proxies"), 401, "unauthorized_client", null);
        fails(admin.get("reports/api-proxies?includeEndpoints=maybe"), 400, "invalid_parameter", null);
    }

    @Test
    void organizationAccessReport() {
        for (String path : List.of("reports/organization-api-data-model-access",
                "reports/organization-api-data-model-access/")) {
            Client.Res r = admin.get(path);
            assertEquals(200, r.status(), r.text());
            JsonNode res = r.json().path("result");
            assertTrue(r.json().path("success").asBoolean());
            assertTrue(res.path("dataModelList").isArray());
            List<String> names = new ArrayList<>();
            for (JsonNode p : res.path("apiProxyList")) {
                names.add(p.path("apiProxyName").asText());
                assertTrue(List.of("EXTERNAL", "BOTH").contains(p.path("sharingType").asText()), p.toString());
                assertTrue(p.path("accessList").isArray());
            }
            assertTrue(names.contains("petstore-api") && names.contains("Contact Application API"), names.toString());
            assertFalse(names.contains("Address"), "not shared externally");
            JsonNode pet = res.path("apiProxyList").get(names.indexOf("petstore-api"));
            assertEquals("partner-app", pet.path("accessList").get(0).path("credentialName").asText());
        }
        fails(viewer.get("reports/organization-api-data-model-access"), 401, "unauthorized_client",
                "Unauthorized API Access!");
    }
}
