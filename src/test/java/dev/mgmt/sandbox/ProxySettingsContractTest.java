package dev.mgmt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.testing.SandboxExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static dev.mgmt.sandbox.ContractTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** API proxy settings (02-api-reference/04-api-proxies/settings) against the documented shapes and errors. */
class ProxySettingsContractTest {
    @RegisterExtension
    static final SandboxExtension sandbox = new SandboxExtension();
    static Client admin;
    static Client viewer;
    static Client anon;
    static final String PX = "projects/MyProject/apiProxies/petstore-api/";
    static final String S = PX + "settings/";
    static final String SOAP = "projects/MyProject/apiProxies/Address/";

    @BeforeAll
    static void start() throws Exception {
        admin = new Client(sandbox.sandbox(), sandbox.adminToken());
        viewer = new Client(sandbox.sandbox(), sandbox.readOnlyToken());
        anon = new Client(sandbox.sandbox(), null);
    }

    static Client.Res patch(Client c, String path, String body) {
        return c.json("PATCH", path, body);
    }

    static void ok(Client.Res r) {
        assertEquals(200, r.status(), r.text());
        assertEquals(Client.M.createObjectNode().put("success", true), r.json(), r.text());
    }

    static void fails(Client.Res r, int status, String code, String desc) {
        assertError(r, status, code);
        if (desc != null) {
            assertEquals(desc, r.json().path("error_description").asText(), r.text());
        }
    }

    static JsonNode proxy() {
        Client.Res r = admin.get(PX);
        assertEquals(200, r.status(), r.text());
        return r.json();
    }

    /** The errors every settings page documents: 401 without a token, 404 for an unknown proxy; plus 403 read-only. */
    static void commonErrors(String setting, String body) {
        fails(patch(anon, S + setting, body), 401, "unauthorized_client", null);
        fails(patch(admin, "projects/MyProject/apiProxies/MyAPI/settings/" + setting, body), 404, "not_found",
                "ApiProxy (name: MyAPI) was not found!");
        fails(patch(viewer, S + setting, body), 403, "forbidden", null);
    }

    @Test
    void apiKeys() {
        String body = "{\"publicKey\":\"ak_1234567890abcdef\",\"secretKey\":\"sk_9876543210fedcba\"}";
        ok(patch(admin, S + "keys/", body));
        JsonNode k = proxy().path("apiKeys");
        assertEquals("ak_1234567890abcdef", k.path("publicKey").asText());
        assertTrue(k.path("secretKey").isNull(), "secret keys are not echoed: " + k);
        ok(patch(admin, S + "keys/", "{\"publicKey\":\"ak_new\"}"));
        assertEquals("ak_new", proxy().path("apiKeys").path("publicKey").asText());
        String msg = "At least one key (publicKey or secretKey) must be provided";
        fails(patch(admin, S + "keys/", "{}"), 400, "bad_request", msg);
        fails(patch(admin, S + "keys/", "{\"publicKey\":null,\"secretKey\":\"  \"}"), 400, "bad_request", msg);
        fails(patch(admin, S + "keys/", "{\"publicKey\":\"ak\",\"secretKey\":\" \"}"), 400, "validation_failed", null);
        fails(patch(admin, S + "keys/", "{\"publicKey\":5}"), 400, "validation_failed", null);
        commonErrors("keys/", body);
    }

    @Test
    void cache() {
        String body = "{\"name\":\"Cache Settings\",\"description\":\"Cache configuration\",\"cacheActive\":true,"
                + "\"cacheOnlyHttpGetRequests\":true,\"cacheKeyType\":\"QUERY_PARAMS\",\"cacheStorageType\":\"LOCAL\","
                + "\"capacity\":1000,\"ttl\":3600,\"handlingAction\":\"CONTINUE\",\"invalidationRequiresAuthn\":false,"
                + "\"cacheNullValue\":false,\"variableList\":[]}";
        ok(patch(admin, S + "cache/", body));
        JsonNode c = proxy().path("cacheSettings");
        assertEquals("LOCAL", c.path("cacheStorageType").asText());
        assertEquals(3600, c.path("ttl").asInt());
        ok(patch(admin, S + "cache/", "{\"name\":\"c\",\"cacheKeyType\":\"CUSTOM\",\"handlingAction\":\"STOP\","
                + "\"variableList\":[{\"name\":\"userId\",\"type\":\"HEADER\",\"dataType\":\"STRING\"}]}"));
        c = proxy().path("cacheSettings");
        assertEquals("DISTRIBUTED", c.path("cacheStorageType").asText(), "documented default");
        assertEquals("userId", c.path("variableList").get(0).path("name").asText());
        fails(patch(admin, S + "cache/", "{\"name\":\"c\"}"), 400, "bad_request", "handlingAction is required");
        fails(patch(admin, S + "cache/", "{\"name\":\"c\",\"handlingAction\":\"MAYBE\"}"), 400, "validation_failed", null);
        fails(patch(admin, S + "cache/", "{\"handlingAction\":\"STOP\"}"), 400, "validation_failed", null);
        fails(patch(admin, S + "cache/", "{\"name\":\"c\",\"handlingAction\":\"STOP\",\"cacheKeyType\":\"CUSTOM\"}"),
                400, "validation_failed", null);
        commonErrors("cache/", body);
    }

    @Test
    void circuitBreaker() {
        String body = "{\"circuitBreakerEnabled\":true,\"errorWindow\":60,\"errorThresholdValue\":5,"
                + "\"enumErrorThresholdType\":\"COUNT\",\"sleepWindow\":30,\"halfOpenEnabled\":true}";
        ok(patch(admin, S + "circuit-breaker/", body));
        ok(patch(admin, S + "circuit-breaker/", "{\"halfOpenEnabled\":false}"));
        JsonNode c = proxy().path("circuitBreakerSettings");
        assertEquals(60, c.path("errorWindow").asInt(), "only provided fields change: " + c);
        assertFalse(c.path("halfOpenEnabled").asBoolean());
        Client.Res r = patch(admin, S + "circuit-breaker/", "{\"enumErrorThresholdType\":\"PERCENT\",\"errorThresholdValue\":150}");
        fails(r, 400, "bad_request", "Invalid circuit breaker settings");
        assertEquals("errorThresholdValue", r.json().path("validation_errors").get(0).path("field").asText());
        fails(patch(admin, S + "circuit-breaker/", "{\"sleepWindow\":0}"), 400, "bad_request",
                "Invalid circuit breaker settings");
        fails(patch(admin, S + "circuit-breaker/", "{\"enumErrorThresholdType\":\"RATIO\"}"), 400, "validation_failed", null);
        commonErrors("circuit-breaker/", body);
    }

    @Test
    void clientRoute() {
        String body = "{\"relativePathList\":[\"/api/v1/users\",\"/api/v1/products\"],\"methodList\":[\"GET\",\"POST\"],"
                + "\"hostList\":[\"api.example.com\"],\"headerList\":[{\"name\":\"X-API-Version\",\"value\":\"v1\"}],"
                + "\"bufferRequest\":true,\"bufferResponse\":false}";
        String path = "projects/MyProject/apiProxies/Contact%20Application%20API/";
        ok(patch(admin, path + "settings/client-route/", body));
        JsonNode cr = admin.get(path).json().path("clientRoute");
        assertEquals("/api/v1/users", cr.path("relativePathList").get(0).asText());
        assertEquals("api.example.com", cr.path("virtualHostList").get(0).asText());
        assertEquals("X-API-Version", cr.path("headerList").get(0).path("name").asText());
        assertFalse(cr.path("bufferResponse").asBoolean());
        boolean listed = false;
        for (JsonNode item : admin.get("projects/MyProject/apiProxies/").json().path("resultList")) {
            listed |= item.path("name").asText().equals("Contact Application API")
                    && item.path("relativePath").asText().equals("/api/v1/users");
        }
        assertTrue(listed, "the list shows the new route");
        String msg = "Client route must have at least one valid route configuration";
        fails(patch(admin, S + "client-route/", "{\"relativePathList\":[],\"hostList\":null}"), 400, "bad_request", msg);
        fails(patch(admin, S + "client-route/", "{\"relativePathList\":[\"/\"]}"), 400, "bad_request", msg);
        fails(patch(admin, S + "client-route/", "{\"methodList\":[\"FETCH\"]}"), 400, "validation_failed", null);
        fails(patch(admin, S + "client-route/", "{\"headerList\":[{\"name\":\"X\"}]}"), 400, "validation_failed", null);
        commonErrors("client-route/", body);
    }

    @Test
    void connection() {
        String body = "{\"connectionSettingsEnabled\":true,\"connectTimeout\":30,\"readTimeout\":60,"
                + "\"connectionRequestTimeout\":30,\"redirectsEnabled\":true,\"maxRedirects\":50,"
                + "\"relativeRedirectsAllowed\":true,\"disableContentCompression\":false,\"enableStreaming\":false,"
                + "\"retryCount\":3,\"failoverRetryCount\":2,\"ignoreRoutingError\":false,"
                + "\"connectionPoolManagementType\":\"GENERAL\",\"customConnectionPoolSize\":8}";
        ok(patch(admin, S + "connection/", body));
        assertEquals(60, proxy().path("connectionSettings").path("readTimeout").asInt());
        ok(patch(admin, S + "connection/", "{\"connectionPoolManagementType\":\"CUSTOM\"}"));
        fails(patch(admin, SOAP + "settings/connection/", "{\"connectionPoolManagementType\":\"CUSTOM\"}"), 400,
                "bad_request", "Custom connection pool size is required when connectionPoolManagementType is CUSTOM");
        fails(patch(admin, S + "connection/", "{\"readTimeout\":\"60\"}"), 400, "validation_failed", null);
        fails(patch(admin, S + "connection/", "{\"connectionPoolManagementType\":\"SHARED\"}"), 400, "validation_failed", null);
        commonErrors("connection/", body);
    }

    @Test
    void cors() {
        String body = "{\"name\":\"CORS Settings\",\"description\":\"CORS configuration for API\",\"corsActive\":true,"
                + "\"allowOriginList\":[\"*\"],\"allowMethodList\":[\"GET\",\"POST\",\"PUT\",\"DELETE\",\"PATCH\",\"OPTIONS\"],"
                + "\"allowHeaderList\":[\"*\"],\"exposeHeaderList\":[\"X-Custom-Header\"],\"allowCredentials\":\"false\","
                + "\"maxAge\":3600}";
        ok(patch(admin, S + "cors/", body));
        JsonNode c = proxy().path("corsSettings");
        assertEquals("false", c.path("allowCredentials").asText());
        assertEquals("X-Custom-Header", c.path("exposeHeaderList").get(0).asText());
        fails(patch(admin, S + "cors/", body.replace("\"allowCredentials\":\"false\"", "\"allowCredentials\":\"true\"")),
                400, "bad_request", "Invalid CORS settings");
        fails(patch(admin, S + "cors/", "{\"name\":\"c\",\"allowCredentials\":\"yes\"}"), 400, "bad_request",
                "Invalid CORS settings");
        fails(patch(admin, S + "cors/", "{\"name\":\"c\",\"allowCredentials\":true}"), 400, "validation_failed", null);
        fails(patch(admin, S + "cors/", "{\"corsActive\":true}"), 400, "validation_failed", null);
        commonErrors("cors/", body);
    }

    @Test
    void forwardedIpHeader() {
        String body = "{\"forwardedIpHeaderParamActive\":true,\"value\":\"X-Forwarded-For\",\"xffOrder\":\"FIRST\"}";
        ok(patch(admin, S + "forwarded-ip-header/", body));
        ok(patch(admin, S + "forwarded-ip-header/", "{\"xffOrder\":\"LAST\"}"));
        JsonNode f = proxy().path("forwardedIpHeaderSettings");
        assertEquals("LAST", f.path("xffOrder").asText());
        assertEquals("X-Forwarded-For", f.path("value").asText());
        fails(patch(admin, S + "forwarded-ip-header/", "{\"value\":\"X Real IP\"}"), 400, "bad_request",
                "Invalid forwarded IP header settings");
        fails(patch(admin, S + "forwarded-ip-header/", "{\"xffOrder\":\"SIXTH\"}"), 400, "validation_failed", null);
        commonErrors("forwarded-ip-header/", body);
    }

    @Test
    void hideSpecFile() {
        ok(patch(admin, S + "hide-spec-file/true/", null));
        assertTrue(proxy().path("hideSpecFile").asBoolean());
        ok(patch(admin, S + "hide-spec-file/false/", "{\"hideSpecFile\":false}"));
        assertFalse(proxy().path("hideSpecFile").asBoolean());
        fails(patch(admin, S + "hide-spec-file/yes/", null), 400, "bad_request", "Invalid hideSpecFile parameter");
        commonErrors("hide-spec-file/true/", null);
    }

    @Test
    void jsonErrorTemplate() {
        String body = "{\"jsonErrorResponseTemplateActive\":true,\"jsonValue\":\"{\\n  \\\"fault\\\": {\\\"faultCode\\\": "
                + "\\\"#FAULTCODE#\\\"}\\n}\",\"contentType\":\"application/json;charset=UTF-8\",\"permitSpecialChars\":false}";
        ok(patch(admin, S + "json-error-template/", body));
        JsonNode t = proxy().path("jsonErrorTemplate");
        assertTrue(t.path("jsonValue").asText().contains("#FAULTCODE#"), t.toString());
        assertTrue(t.path("jsonErrorResponseTemplateActive").asBoolean());
        fails(patch(admin, S + "json-error-template/", "{\"jsonValue\":\"{not json\"}"), 400, "bad_request",
                "Invalid JSON template");
        fails(patch(admin, S + "json-error-template/", "{\"permitSpecialChars\":\"no\"}"), 400, "validation_failed", null);
        commonErrors("json-error-template/", body);
    }

    @Test
    void xmlErrorTemplate() {
        String body = "{\"xmlErrorResponseTemplateActive\":true,\"xmlValue\":\"<soap:Envelope xmlns:soap="
                + "\\\"http://schemas.xmlsoap.org/soap/envelope/\\\"><soap:Body><soap:Fault><faultCode>#FAULTCODE#"
                + "</faultCode></soap:Fault></soap:Body></soap:Envelope>\",\"contentType\":\"text/xml;charset=UTF-8\","
                + "\"permitSpecialChars\":false}";
        ok(patch(admin, SOAP + "settings/xml-error-template/", body));
        JsonNode t = admin.get(SOAP).json().path("xmlErrorTemplate");
        assertTrue(t.path("xmlValue").asText().contains("#FAULTCODE#"), t.toString());
        fails(patch(admin, SOAP + "settings/xml-error-template/", "{\"xmlValue\":\"<a><b></a>\"}"), 400, "bad_request",
                "Invalid XML template");
        fails(patch(admin, SOAP + "settings/xml-error-template/", "{\"xmlErrorResponseTemplateActive\":1}"), 400,
                "validation_failed", null);
        commonErrors("xml-error-template/", body);
    }

    @Test
    void metadata() {
        String pay = "projects/Payments-API/apiProxies/";
        ok(patch(admin, pay + "payments/settings/metadata/", "{\"name\":\"payments-v2\",\"description\":\"Updated\","
                + "\"categoryList\":[\"Payment\",\"E-commerce\",\"Public\"],\"sharingType\":\"BOTH\"}"));
        JsonNode p = admin.get(pay + "payments-v2/").json();
        assertEquals("payments-v2", p.path("name").asText());
        assertEquals("Updated", p.path("description").asText());
        assertEquals(3, p.path("categoryList").size());
        assertEquals("BOTH", p.path("sharingType").asText());
        fails(admin.get(pay + "payments/"), 404, "not_found", "ApiProxy (name: payments) was not found!");
        ok(patch(admin, pay + "payments-v2/settings/metadata/", "{\"categoryList\":[]}"));
        assertEquals(0, admin.get(pay + "payments-v2/").json().path("categoryList").size());

        fails(patch(admin, S + "metadata/", "{\"name\":\"Address\"}"), 409, "duplicate_name",
                "ApiProxy (name: Address) is already exist!");
        fails(patch(admin, S + "metadata/", "{\"sharingType\":\"EVERYONE\"}"), 400, "validation_failed", null);
        fails(patch(admin, S + "metadata/", "{}"), 400, "validation_failed", null);
        commonErrors("metadata/", "{\"description\":\"x\"}");
    }

    @Test
    void mtls() {
        String body = "{\"enabled\":true,\"keyStoreId\":\"keystore-id-123\",\"trustStoreId\":\"truststore-id-456\","
                + "\"supportedProtocolList\":[\"TLS_1_2\",\"TLS_1_3\"],\"hostnameVerifierType\":\"STRICT\"}";
        ok(patch(admin, S + "mtls/", body));
        JsonNode m = proxy().path("mtlsSettings");
        assertEquals("STRICT", m.path("hostnameVerifierType").asText());
        assertEquals(2, m.path("supportedProtocolList").size());
        fails(patch(admin, SOAP + "settings/mtls/", "{\"enabled\":true}"), 400, "bad_request",
                "KeyStore ID is required when mTLS is enabled");
        fails(patch(admin, S + "mtls/", "{\"supportedProtocolList\":[\"TLS_2_0\"]}"), 400, "validation_failed", null);
        fails(patch(admin, S + "mtls/", "{\"hostnameVerifierType\":\"LOOSE\"}"), 400, "validation_failed", null);
        commonErrors("mtls/", body);
    }

    @Test
    void ntlm() {
        String body = "{\"enabled\":true,\"domain\":\"EXAMPLE\",\"username\":\"user\",\"password\":\"password\","
                + "\"workstation\":\"WORKSTATION01\"}";
        ok(patch(admin, S + "ntlm/", body));
        JsonNode n = proxy().path("ntlmSettings");
        assertEquals("EXAMPLE", n.path("domain").asText());
        assertTrue(n.path("password").isNull(), "passwords are not echoed: " + n);
        fails(patch(admin, SOAP + "settings/ntlm/", "{\"enabled\":true,\"domain\":\"EXAMPLE\"}"), 400, "bad_request",
                "Domain, username, and password are required when NTLM is enabled");
        fails(patch(admin, S + "ntlm/", "{\"enabled\":\"yes\"}"), 400, "validation_failed", null);
        commonErrors("ntlm/", body);
    }

    @Test
    void proxyServer() {
        String body = "{\"proxyEnabled\":true,\"proxyFromHeaderEnabled\":false,\"proxyHost\":\"proxy.example.com\","
                + "\"proxyPort\":8080,\"proxyAuthorizationNeeded\":true,\"proxyUsername\":\"proxy-user\","
                + "\"proxyPassword\":\"proxy-pass\"}";
        ok(patch(admin, S + "proxy-server/", body));
        JsonNode s = proxy().path("proxyServerSettings");
        assertEquals(8080, s.path("proxyPort").asInt());
        assertTrue(s.path("proxyPassword").isNull());
        fails(patch(admin, SOAP + "settings/proxy-server/", "{\"proxyEnabled\":true,\"proxyHost\":\"p\"}"), 400,
                "bad_request", "Proxy host and port are required when proxy is enabled");
        ok(patch(admin, SOAP + "settings/proxy-server/", "{\"proxyEnabled\":true,\"proxyFromHeaderEnabled\":true}"));
        fails(patch(admin, S + "proxy-server/", "{\"proxyPort\":70000}"), 400, "validation_failed", null);
        commonErrors("proxy-server/", body);
    }

    @Test
    void routingAddresses() {
        String body = "{\"routingAddressList\":[{\"address\":\"https://backend1.example.com\",\"weight\":100,"
                + "\"soapType\":\"SOAP11\"},{\"address\":\"https://backend2.example.com\",\"weight\":50,"
                + "\"soapType\":\"SOAP11\"}]}";
        ok(patch(admin, SOAP + "settings/addresses/", body));
        JsonNode list = admin.get(SOAP).json().path("routing").path("routingAddressList");
        assertEquals(2, list.size());
        assertEquals("https://backend2.example.com", list.get(1).path("address").asText());
        assertEquals(50, list.get(1).path("weight").asInt());
        assertEquals("SOAP11", list.get(1).path("soapType").asText());
        ok(patch(admin, S + "addresses/", "{\"routingAddressList\":[{\"address\":\"http://b.example.test\"}]}"));
        JsonNode only = proxy().path("routing").path("routingAddressList");
        assertEquals(1, only.size());
        assertEquals(1, only.get(0).path("weight").asInt(), "documented default weight");
        ok(patch(admin, S + "addresses/", "{\"routingAddressList\":[{\"address\":\"http://b.example.test\","
                + "\"healthCheckEnabled\":true}]}"));
        ok(patch(admin, S + "addresses/", "{\"routingAddressList\":[{\"address\":\"http://b.example.test\","
                + "\"weight\":7},{\"address\":\"http://c.example.test\"}]}"));
        JsonNode kept = proxy().path("routing").path("routingAddressList");
        assertTrue(kept.get(0).path("healthCheckEnabled").asBoolean(), "the page does not take it: kept per address");
        assertFalse(kept.get(1).path("healthCheckEnabled").asBoolean(), "a new address has none");
        fails(patch(admin, S + "addresses/", "{\"routingAddressList\":[{\"weight\":1}]}"), 400, "bad_request",
                "Address is required");
        fails(patch(admin, S + "addresses/", "{\"routingAddressList\":[{\"address\":\"ftp://x\"}]}"), 400,
                "validation_failed", null);
        fails(patch(admin, S + "addresses/", "{}"), 400, "validation_failed", null);
        commonErrors("addresses/", body);
    }

    @Test
    void routingStatus() {
        ok(patch(admin, SOAP + "settings/routing-status/", "{\"routingEnabled\":false,\"mirrorEnabled\":true}"));
        JsonNode r = admin.get(SOAP).json().path("routing");
        assertFalse(r.path("routingEnabled").asBoolean());
        assertTrue(r.path("mirrorEnabled").asBoolean());
        ok(patch(admin, SOAP + "settings/routing-status/", "{\"routingEnabled\":true}"));
        assertTrue(admin.get(SOAP).json().path("routing").path("routingEnabled").asBoolean());
        fails(patch(admin, S + "routing-status/", "{}"), 400, "bad_request", "Invalid routing status");
        fails(patch(admin, S + "routing-status/", "{\"routingEnabled\":\"on\"}"), 400, "validation_failed", null);
        commonErrors("routing-status/", "{\"routingEnabled\":true,\"mirrorEnabled\":false}");
    }

    @Test
    void trafficLog() {
        String body = "{\"enabledTraceLog\":true,\"enabledApplicationLog\":false,\"apiProxyTrafficLogSettingsList\":"
                + "[{\"environmentName\":\"production\",\"logBodyRequestFromClient\":false,"
                + "\"enableElasticsearchConnector\":true}]}";
        ok(patch(admin, S + "traffic-log/", body));
        JsonNode t = proxy().path("trafficLogSettings");
        assertTrue(t.path("enabledTraceLog").asBoolean());
        JsonNode env = t.path("apiProxyTrafficLogSettingsList").get(0);
        assertEquals("production", env.path("environmentName").asText());
        assertFalse(env.path("logBodyRequestFromClient").asBoolean());
        assertTrue(env.path("logHeaderRequestFromClient").asBoolean(), "documented default true");
        assertTrue(env.path("enableElasticsearchConnector").asBoolean());
        assertFalse(env.path("enableKafkaConnector").asBoolean(), "documented default false");
        fails(patch(admin, S + "traffic-log/", "{\"apiProxyTrafficLogSettingsList\":[{\"logBodyRequestToTarget\":true}]}"),
                400, "bad_request", "environmentName value can not be empty in traffic log settings!");
        fails(patch(admin, S + "traffic-log/", "{\"apiProxyTrafficLogSettingsList\":[{\"environmentName\":\"mars\"}]}"),
                400, "bad_request", null);
        fails(patch(admin, S + "traffic-log/", "{\"enabledTraceLog\":\"true\"}"), 400, "validation_failed", null);
        commonErrors("traffic-log/", body);
    }

    @Test
    void settingsChangesMarkDeploymentsForRedeploy() {
        ok(patch(admin, S + "routing-status/", "{\"mirrorEnabled\":false}"));
        for (JsonNode d : proxy().path("deploymentList")) {
            assertTrue(d.path("redeployRequired").asBoolean(), d.toString());
        }
        for (String f : List.of("name", "description", "apiType", "categoryList", "sharingType", "clientRoute",
                "routing", "deploymentList")) {
            assertTrue(proxy().has(f), f);
        }
    }
}
