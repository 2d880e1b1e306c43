package dev.mgmt.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * API proxy settings (02-api-reference/04-api-proxies/settings): seventeen PATCH endpoints. Metadata, client route
 * and routing land in the fields the get-api-proxy page documents; every other group is stored under its own key
 * and shown by GET …/apiProxies/{name}/ once it has been set (secrets masked).
 */
final class ProxySettings {
    static final Set<String> SHARING_TYPES = Set.of("BOTH", "NONE", "EXTERNAL", "INTERNAL");
    static final Set<String> VARIABLE_TYPES = Set.of("HEADER", "PARAMETER", "BODY", "CONTEXT_VALUES", "CUSTOM");
    static final Set<String> DATA_TYPES = Set.of("NUMERIC", "STRING", "DATE");
    static final Set<String> THRESHOLD_TYPES = Set.of("COUNT", "PERCENT");
    static final Set<String> POOL_TYPES = Set.of("GENERAL", "CUSTOM", "NONE");
    static final Set<String> XFF_ORDERS = Set.of("FIRST", "SECOND", "THIRD", "FOURTH", "FIFTH", "LAST");
    static final Set<String> TLS_PROTOCOLS = Set.of("TLS_1_3", "TLS_1_2", "TLS_1_1", "TLS_1_0", "SSL_3_0");
    static final Set<String> HOSTNAME_VERIFIERS = Set.of("NOOP", "DEFAULT", "STRICT", "BROWSER_COMPAT");
    static final Set<String> SOAP_TYPES = Set.of("SOAP11", "SOAP12");
    static final List<String> TRAFFIC_LOG_FLAGS = List.of("logParamRequestFromClient", "logHeaderRequestFromClient",
            "logBodyRequestFromClient", "logParamRequestToTarget", "logHeaderRequestToTarget", "logBodyRequestToTarget",
            "logHeaderResponseFromTarget", "logBodyResponseFromTarget", "logHeaderResponseToClient",
            "logBodyResponseToClient");
    static final List<String> TRAFFIC_LOG_CONNECTORS = List.of("enableDatabaseConnector",
            "enableElasticsearchConnector", "enableSyslogConnector", "enableWebhookConnector", "enableRabbitMqConnector",
            "enableActiveMqConnector", "enableKafkaConnector", "enableGraylogConnector", "enableLogbackConnector");
    static final String DEFAULT_JSON_TEMPLATE = "{\n  \"fault\": {\n    \"correlationId\": \"#CORRELATIONID#\",\n"
            + "    \"faultCode\": \"#FAULTCODE#\",\n    \"faultString\": \"#FAULTMESSAGE#\",\n"
            + "    \"faultStatusCode\": \"#FAULTSTATUSCODE#\",\n    \"responseFromApi\": \"#RESPONSEFROMAPI#\"\n  }\n}";
    static final String DEFAULT_XML_TEMPLATE = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
            + "<soap:Body><soap:Fault><correlationId>#CORRELATIONID#</correlationId><faultCode>#FAULTCODE#</faultCode>"
            + "<faultString>#FAULTMESSAGE#</faultString><faultStatusCode>#FAULTSTATUSCODE#</faultStatusCode>"
            + "<responseFromApi>#RESPONSEFROMAPI#</responseFromApi></soap:Fault></soap:Body></soap:Envelope>";

    /** Keys under which the non-documented setting groups are stored in the proxy's meta, in display order. */
    static final List<String> STORED = List.of("apiKeys", "cacheSettings", "circuitBreakerSettings",
            "connectionSettings", "corsSettings", "forwardedIpHeaderSettings", "hideSpecFile", "jsonErrorTemplate",
            "xmlErrorTemplate", "mtlsSettings", "ntlmSettings", "proxyServerSettings", "trafficLogSettings");
    /** Fields never echoed back by GET. */
    static final Set<String> MASKED = Set.of("secretKey", "password", "proxyPassword");

    @FunctionalInterface
    interface Change {
        void apply(Model.Project p, Model.Proxy x, ObjectNode body);
    }

    private final Api api;

    ProxySettings(Api api) {
        this.api = api;
    }

    /** Adds the stored setting groups to a get-api-proxy view. */
    static void addTo(ObjectNode view, Model.Proxy x) {
        for (String k : STORED) {
            JsonNode n = x.meta.get(k);
            if (n == null) {
                continue;
            }
            JsonNode c = n.deepCopy();
            if (c instanceof ObjectNode o) {
                for (String m : MASKED) {
                    if (o.hasNonNull(m)) {
                        o.putNull(m);
                    }
                }
            }
            view.set(k, c);
        }
    }

    Http.Resp patch(Http.Req q, Change change) {
        ObjectNode body = q.json();
        synchronized (api.lock) {
            Model.Project p = api.project(q, Api.ProjectMsg.IS_NOT_FOUND);
            Model.Proxy x = api.proxy(p, q.param("proxy"));
            change.apply(p, x, body);
            x.deployments.replaceAll((k, v) -> true);
            return Http.Resp.json(Json.obj().put("success", true));
        }
    }

    // ------------------------------------------------------------------ helpers

    /** A 400 bad_request carrying the page's documented text, with the field details as validation_errors. */
    private static ApiError documented(String text, List<ApiError.FieldError> details) {
        return new ApiError(400, "bad_request", text, details);
    }

    private static ApiError documented(String text, String field, String message) {
        return documented(text, List.of(new ApiError.FieldError(field, message)));
    }

    /** The stored group, or a copy of the defaults when it has never been set. */
    private static ObjectNode stored(Model.Proxy x, String key, ObjectNode defaults) {
        JsonNode n = x.meta.get(key);
        return n instanceof ObjectNode o ? o.deepCopy() : defaults;
    }

    /** Copies the body's non-null values of the given fields into target (PATCH semantics). */
    private static void merge(ObjectNode target, ObjectNode body, List<String> fields) {
        for (String f : fields) {
            JsonNode v = body.get(f);
            if (v != null && !v.isNull()) {
                target.set(f, v.deepCopy());
            }
        }
    }

    private static boolean blank(JsonNode n) {
        return n == null || n.isNull() || (n.isTextual() && n.asText().isBlank());
    }

    private static void nonNegative(Validator v, String field, Integer value) {
        if (value != null && value < 0) {
            v.error(field, field + " must not be negative");
        }
    }

    private static void variableList(Validator v, String field) {
        for (Validator item : v.optObjectList(field)) {
            item.requireString("name");
            item.requireEnum("type", VARIABLE_TYPES);
            item.optEnum("dataType", DATA_TYPES);
        }
    }

    private static void methods(Validator v, String field) {
        List<String> l = v.optStringList(field);
        if (l != null) {
            for (String m : l) {
                if (!Api.HTTP_METHODS.contains(m)) {
                    v.error(field, field + " contains unknown HTTP method '" + m + "'");
                }
            }
        }
    }

    // ------------------------------------------------------------------ the endpoints

    void keys(Model.Project p, Model.Proxy x, ObjectNode b) {
        Validator v = new Validator(b);
        String pub = v.optString("publicKey");
        String sec = v.optString("secretKey");
        v.throwIfInvalid();
        boolean pubGiven = pub != null && !pub.isBlank();
        boolean secGiven = sec != null && !sec.isBlank();
        if (!pubGiven && !secGiven) {
            throw ApiError.badRequest("At least one key (publicKey or secretKey) must be provided");
        }
        if (pub != null && !pubGiven) {
            v.error("publicKey", "publicKey must not be blank");
        }
        if (sec != null && !secGiven) {
            v.error("secretKey", "secretKey must not be blank");
        }
        v.throwIfInvalid();
        ObjectNode k = stored(x, "apiKeys", Json.obj().putNull("publicKey").putNull("secretKey"));
        merge(k, b, List.of("publicKey", "secretKey"));
        x.meta.set("apiKeys", k);
    }

    void cache(Model.Project p, Model.Proxy x, ObjectNode b) {
        if (blank(b.get("handlingAction"))) {
            throw ApiError.badRequest("handlingAction is required");
        }
        Validator v = new Validator(b);
        v.requireString("name");
        v.optString("description");
        v.optBool("cacheActive");
        v.optBool("cacheOnlyHttpGetRequests");
        String kt = v.optEnum("cacheKeyType", Api.CACHE_KEY_TYPES);
        v.optEnum("cacheStorageType", Api.CACHE_STORAGE_TYPES);
        nonNegative(v, "capacity", v.optInt("capacity"));
        nonNegative(v, "ttl", v.optInt("ttl"));
        v.requireEnum("handlingAction", Api.CACHE_HANDLING);
        v.optBool("invalidationRequiresAuthn");
        v.optBool("cacheNullValue");
        variableList(v, "variableList");
        if ("CUSTOM".equals(kt) && b.path("variableList").size() == 0 && !v.hasErrorsFor("variableList")) {
            v.error("variableList", "variableList needs at least one variable when cacheKeyType is CUSTOM");
        }
        v.throwIfInvalid();
        ObjectNode c = Json.obj().put("name", b.get("name").asText()).putNull("description")
                .put("cacheActive", false).put("cacheOnlyHttpGetRequests", true).put("cacheKeyType", "QUERY_PARAMS")
                .put("cacheStorageType", "DISTRIBUTED").putNull("capacity").putNull("ttl")
                .put("handlingAction", b.get("handlingAction").asText()).put("invalidationRequiresAuthn", false)
                .put("cacheNullValue", false);
        c.putArray("variableList");
        merge(c, b, List.of("description", "cacheActive", "cacheOnlyHttpGetRequests", "cacheKeyType",
                "cacheStorageType", "capacity", "ttl", "invalidationRequiresAuthn", "cacheNullValue", "variableList"));
        x.meta.set("cacheSettings", c);
    }

    void circuitBreaker(Model.Project p, Model.Proxy x, ObjectNode b) {
        Validator v = new Validator(b);
        v.optBool("circuitBreakerEnabled");
        v.optInt("errorWindow");
        v.optInt("errorThresholdValue");
        v.optEnum("enumErrorThresholdType", THRESHOLD_TYPES);
        v.optInt("sleepWindow");
        v.optBool("halfOpenEnabled");
        v.throwIfInvalid();
        ObjectNode c = stored(x, "circuitBreakerSettings", Json.obj().put("circuitBreakerEnabled", false)
                .putNull("errorWindow").putNull("errorThresholdValue").put("enumErrorThresholdType", "COUNT")
                .putNull("sleepWindow").put("halfOpenEnabled", false));
        merge(c, b, List.of("circuitBreakerEnabled", "errorWindow", "errorThresholdValue", "enumErrorThresholdType",
                "sleepWindow", "halfOpenEnabled"));
        List<ApiError.FieldError> bad = new ArrayList<>();
        for (String f : List.of("errorWindow", "errorThresholdValue", "sleepWindow")) {
            if (c.hasNonNull(f) && c.get(f).asInt() < 1) {
                bad.add(new ApiError.FieldError(f, f + " must be 1 or greater"));
            }
        }
        if ("PERCENT".equals(c.path("enumErrorThresholdType").asText()) && c.path("errorThresholdValue").asInt(0) > 100) {
            bad.add(new ApiError.FieldError("errorThresholdValue",
                    "errorThresholdValue is a percentage when enumErrorThresholdType is PERCENT and can not exceed 100"));
        }
        if (!bad.isEmpty()) {
            throw documented("Invalid circuit breaker settings", bad);
        }
        x.meta.set("circuitBreakerSettings", c);
    }

    void clientRoute(Model.Project p, Model.Proxy x, ObjectNode b) {
        Validator v = new Validator(b);
        List<String> paths = v.optStringList("relativePathList");
        methods(v, "methodList");
        List<String> hosts = v.optStringList("hostList");
        List<Validator> headers = v.optObjectList("headerList");
        for (Validator h : headers) {
            h.requireString("name");
            h.requireString("value");
        }
        v.optBool("bufferRequest");
        v.optBool("bufferResponse");
        v.throwIfInvalid();
        String msg = "Client route must have at least one valid route configuration";
        boolean any = false;
        for (String f : List.of("relativePathList", "methodList", "hostList", "headerList")) {
            any |= b.path(f).isArray() && b.get(f).size() > 0;
        }
        if (!any) {
            throw documented(msg, "relativePathList",
                    "at least one of relativePathList, methodList, hostList or headerList must be given");
        }
        List<ApiError.FieldError> shortPaths = new ArrayList<>();
        if (paths != null) {
            for (String s : paths) {
                if (s.length() < 2) {
                    shortPaths.add(new ApiError.FieldError("relativePathList",
                            "relative paths must be at least 2 characters long (got '" + s + "')"));
                }
            }
        }
        if (!shortPaths.isEmpty()) {
            throw documented(msg, shortPaths);
        }
        ObjectNode cr = Json.obj();
        ArrayNode rel = cr.putArray("relativePathList");
        if (paths != null) {
            paths.forEach(rel::add);
        }
        ArrayNode vh = cr.putArray("virtualHostList");
        if (hosts != null) {
            hosts.forEach(vh::add);
        }
        for (String f : List.of("methodList", "headerList")) {
            JsonNode n = b.get(f);
            cr.set(f, n != null && n.isArray() && n.size() > 0 ? n.deepCopy() : null);
            if (cr.get(f) == null) {
                cr.putNull(f);
            }
        }
        cr.put("bufferRequest", b.path("bufferRequest").asBoolean(true));
        cr.put("bufferResponse", b.path("bufferResponse").asBoolean(true));
        x.meta.set("clientRoute", cr);
    }

    void connection(Model.Project p, Model.Proxy x, ObjectNode b) {
        Validator v = new Validator(b);
        for (String f : List.of("connectionSettingsEnabled", "redirectsEnabled", "relativeRedirectsAllowed",
                "disableContentCompression", "enableStreaming", "ignoreRoutingError")) {
            v.optBool(f);
        }
        for (String f : List.of("connectTimeout", "readTimeout", "connectionRequestTimeout", "maxRedirects",
                "retryCount", "failoverRetryCount")) {
            nonNegative(v, f, v.optInt(f));
        }
        v.optEnum("connectionPoolManagementType", POOL_TYPES);
        Integer size = v.optInt("customConnectionPoolSize");
        if (size != null && size < 1) {
            v.error("customConnectionPoolSize", "customConnectionPoolSize must be 1 or greater");
        }
        v.throwIfInvalid();
        ObjectNode c = stored(x, "connectionSettings", Json.obj().put("connectionSettingsEnabled", false)
                .putNull("connectTimeout").putNull("readTimeout").putNull("connectionRequestTimeout")
                .put("redirectsEnabled", false).putNull("maxRedirects").put("relativeRedirectsAllowed", false)
                .put("disableContentCompression", false).put("enableStreaming", false).putNull("retryCount")
                .putNull("failoverRetryCount").put("ignoreRoutingError", false)
                .put("connectionPoolManagementType", "GENERAL").putNull("customConnectionPoolSize"));
        merge(c, b, List.of("connectionSettingsEnabled", "connectTimeout", "readTimeout", "connectionRequestTimeout",
                "redirectsEnabled", "maxRedirects", "relativeRedirectsAllowed", "disableContentCompression",
                "enableStreaming", "retryCount", "failoverRetryCount", "ignoreRoutingError",
                "connectionPoolManagementType", "customConnectionPoolSize"));
        if ("CUSTOM".equals(c.path("connectionPoolManagementType").asText()) && !c.hasNonNull("customConnectionPoolSize")) {
            throw ApiError.badRequest(
                    "Custom connection pool size is required when connectionPoolManagementType is CUSTOM");
        }
        x.meta.set("connectionSettings", c);
    }

    void cors(Model.Project p, Model.Proxy x, ObjectNode b) {
        Validator v = new Validator(b);
        v.requireString("name");
        v.optString("description");
        v.optBool("corsActive");
        List<String> origins = v.optStringList("allowOriginList");
        methods(v, "allowMethodList");
        v.optStringList("allowHeaderList");
        v.optStringList("exposeHeaderList");
        String cred = v.optString("allowCredentials");
        nonNegative(v, "maxAge", v.optInt("maxAge"));
        v.throwIfInvalid();
        String text = "Invalid CORS settings";
        if (cred != null && !cred.equals("true") && !cred.equals("false")) {
            throw documented(text, "allowCredentials", "allowCredentials must be the string \"true\" or \"false\"");
        }
        if ("true".equals(cred) && origins != null && origins.contains("*")) {
            throw documented(text, "allowOriginList",
                    "a wildcard origin (\"*\") can not be used when allowCredentials is \"true\"");
        }
        ObjectNode c = Json.obj().put("name", b.get("name").asText()).putNull("description").put("corsActive", false);
        for (String f : List.of("allowOriginList", "allowMethodList", "allowHeaderList", "exposeHeaderList")) {
            c.putArray(f);
        }
        c.put("allowCredentials", "false").put("maxAge", 3600);
        merge(c, b, List.of("description", "corsActive", "allowOriginList", "allowMethodList", "allowHeaderList",
                "exposeHeaderList", "allowCredentials", "maxAge"));
        x.meta.set("corsSettings", c);
    }

    void forwardedIpHeader(Model.Project p, Model.Proxy x, ObjectNode b) {
        Validator v = new Validator(b);
        v.optBool("forwardedIpHeaderParamActive");
        String value = v.optString("value");
        v.optEnum("xffOrder", XFF_ORDERS);
        v.throwIfInvalid();
        if (value != null && !value.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
            throw documented("Invalid forwarded IP header settings", "value",
                    "value must be an HTTP header name (got '" + value + "')");
        }
        ObjectNode c = stored(x, "forwardedIpHeaderSettings", Json.obj().put("forwardedIpHeaderParamActive", false)
                .put("value", "X-Forwarded-For").put("xffOrder", "FIRST"));
        merge(c, b, List.of("forwardedIpHeaderParamActive", "value", "xffOrder"));
        x.meta.set("forwardedIpHeaderSettings", c);
    }

    /** The flag comes from the path; a body, if any, is not needed and not read. */
    Http.Resp hideSpecFile(Http.Req q) {
        String raw = q.param("hide").toLowerCase(Locale.ROOT);
        synchronized (api.lock) {
            Model.Project p = api.project(q, Api.ProjectMsg.IS_NOT_FOUND);
            Model.Proxy x = api.proxy(p, q.param("proxy"));
            if (!raw.equals("true") && !raw.equals("false")) {
                throw documented("Invalid hideSpecFile parameter", "hideSpecFile",
                        "hideSpecFile must be true or false (got '" + q.param("hide") + "')");
            }
            x.meta.put("hideSpecFile", Boolean.parseBoolean(raw));
            x.deployments.replaceAll((k, v) -> true);
            return Http.Resp.json(Json.obj().put("success", true));
        }
    }

    void jsonErrorTemplate(Model.Project p, Model.Proxy x, ObjectNode b) {
        Validator v = new Validator(b);
        v.optBool("jsonErrorResponseTemplateActive");
        String value = v.optString("jsonValue");
        v.optString("contentType");
        v.optBool("permitSpecialChars");
        v.throwIfInvalid();
        if (value != null) {
            try {
                JsonNode n = Json.MAPPER.readTree(value);
                if (n == null || n.isMissingNode()) {
                    throw documented("Invalid JSON template", "jsonValue", "jsonValue is empty");
                }
            } catch (JsonProcessingException e) {
                throw documented("Invalid JSON template", "jsonValue",
                        "jsonValue is not valid JSON: " + e.getOriginalMessage());
            }
        }
        ObjectNode c = stored(x, "jsonErrorTemplate", Json.obj().put("jsonErrorResponseTemplateActive", false)
                .put("jsonValue", DEFAULT_JSON_TEMPLATE).put("contentType", "application/json;charset=UTF-8")
                .put("permitSpecialChars", false));
        merge(c, b, List.of("jsonErrorResponseTemplateActive", "jsonValue", "contentType", "permitSpecialChars"));
        x.meta.set("jsonErrorTemplate", c);
    }

    void xmlErrorTemplate(Model.Project p, Model.Proxy x, ObjectNode b) {
        Validator v = new Validator(b);
        v.optBool("xmlErrorResponseTemplateActive");
        String value = v.optString("xmlValue");
        v.optString("contentType");
        v.optBool("permitSpecialChars");
        v.throwIfInvalid();
        if (value != null) {
            String problem = xmlProblem(value);
            if (problem != null) {
                throw documented("Invalid XML template", "xmlValue", "xmlValue is not well-formed XML: " + problem);
            }
        }
        ObjectNode c = stored(x, "xmlErrorTemplate", Json.obj().put("xmlErrorResponseTemplateActive", false)
                .put("xmlValue", DEFAULT_XML_TEMPLATE).put("contentType", "text/xml;charset=UTF-8")
                .put("permitSpecialChars", false));
        merge(c, b, List.of("xmlErrorResponseTemplateActive", "xmlValue", "contentType", "permitSpecialChars"));
        x.meta.set("xmlErrorTemplate", c);
    }

    /** Null when the text is well-formed XML (no DTDs, no external entities); otherwise the parser's complaint. */
    static String xmlProblem(String text) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            DocumentBuilder db = f.newDocumentBuilder();
            db.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            db.parse(new InputSource(new StringReader(text)));
            return null;
        } catch (SAXException e) {
            return e.getMessage();
        } catch (ParserConfigurationException | IOException e) {
            return "unreadable";
        }
    }

    void metadata(Model.Project p, Model.Proxy x, ObjectNode b) {
        Validator v = new Validator(b);
        String name = v.optString("name");
        if (name != null && name.isBlank()) {
            v.error("name", "name must not be blank");
        }
        v.optString("description");
        v.optStringList("categoryList");
        v.optEnum("sharingType", SHARING_TYPES);
        v.throwIfInvalid();
        boolean any = false;
        for (String f : List.of("name", "description", "categoryList", "sharingType")) {
            any |= b.hasNonNull(f);
        }
        if (!any) {
            throw new ApiError(400, "validation_failed",
                    "Validation failed: at least one of name, description, categoryList or sharingType must be given",
                    List.of(new ApiError.FieldError("name",
                            "at least one of name, description, categoryList or sharingType must be given")));
        }
        String old = x.name();
        if (name != null && !name.equals(old) && p.proxies.containsKey(name)) {
            throw ApiError.duplicate("ApiProxy (name: " + name + ") is already exist!");
        }
        merge(x.meta, b, List.of("description", "categoryList", "sharingType"));
        if (name != null && !name.equals(old)) {
            rename(p, x, old, name);
        }
    }

    /** Renames a proxy and every reference the sandbox keeps to it. */
    private static void rename(Model.Project p, Model.Proxy x, String old, String name) {
        p.proxies.remove(old);
        x.meta.put("name", name);
        p.proxies.put(name, x);
        for (Model.Group g : p.groups.values()) {
            g.proxyNames.replaceAll(n -> n.equals(old) ? name : n);
        }
        for (List<ObjectNode> acc : p.access.values()) {
            for (ObjectNode a : acc) {
                if (a.path("type").asText().equals("API_PROXY") && a.path("name").asText().equals(old)) {
                    a.put("name", name);
                }
            }
        }
        for (Model.Rlcl r : p.rlcls.values()) {
            for (ObjectNode e : r.endpoints) {
                if (e.path("apiProxyName").asText().equals(old)) {
                    e.put("apiProxyName", name);
                }
            }
        }
    }

    void mtls(Model.Project p, Model.Proxy x, ObjectNode b) {
        Validator v = new Validator(b);
        v.optBool("enabled");
        v.optString("keyStoreId");
        v.optString("trustStoreId");
        List<String> protocols = v.optStringList("supportedProtocolList");
        if (protocols != null) {
            for (String s : protocols) {
                if (!TLS_PROTOCOLS.contains(s)) {
                    v.error("supportedProtocolList", "supportedProtocolList must contain only "
                            + String.join(", ", TLS_PROTOCOLS.stream().sorted().toList()) + " (got '" + s + "')");
                }
            }
        }
        v.optEnum("hostnameVerifierType", HOSTNAME_VERIFIERS);
        v.throwIfInvalid();
        ObjectNode c = stored(x, "mtlsSettings", Json.obj().put("enabled", false).putNull("keyStoreId")
                .putNull("trustStoreId").put("hostnameVerifierType", "NOOP"));
        if (!c.has("supportedProtocolList")) {
            c.putArray("supportedProtocolList");
        }
        merge(c, b, List.of("enabled", "keyStoreId", "trustStoreId", "supportedProtocolList", "hostnameVerifierType"));
        if (c.path("enabled").asBoolean(false) && blank(c.get("keyStoreId"))) {
            throw ApiError.badRequest("KeyStore ID is required when mTLS is enabled");
        }
        x.meta.set("mtlsSettings", c);
    }

    void ntlm(Model.Project p, Model.Proxy x, ObjectNode b) {
        Validator v = new Validator(b);
        v.optBool("enabled");
        for (String f : List.of("domain", "username", "password", "workstation")) {
            v.optString(f);
        }
        v.throwIfInvalid();
        ObjectNode c = stored(x, "ntlmSettings", Json.obj().put("enabled", false).putNull("domain")
                .putNull("username").putNull("password").putNull("workstation"));
        merge(c, b, List.of("enabled", "domain", "username", "password", "workstation"));
        if (c.path("enabled").asBoolean(false)
                && (blank(c.get("domain")) || blank(c.get("username")) || blank(c.get("password")))) {
            throw ApiError.badRequest("Domain, username, and password are required when NTLM is enabled");
        }
        x.meta.set("ntlmSettings", c);
    }

    void proxyServer(Model.Project p, Model.Proxy x, ObjectNode b) {
        Validator v = new Validator(b);
        v.optBool("proxyEnabled");
        v.optBool("proxyFromHeaderEnabled");
        v.optString("proxyHost");
        Integer port = v.optInt("proxyPort");
        if (port != null && (port < 1 || port > 65535)) {
            v.error("proxyPort", "proxyPort must be between 1 and 65535");
        }
        v.optBool("proxyAuthorizationNeeded");
        v.optString("proxyUsername");
        v.optString("proxyPassword");
        v.throwIfInvalid();
        ObjectNode c = stored(x, "proxyServerSettings", Json.obj().put("proxyEnabled", false)
                .put("proxyFromHeaderEnabled", false).putNull("proxyHost").putNull("proxyPort")
                .put("proxyAuthorizationNeeded", false).putNull("proxyUsername").putNull("proxyPassword"));
        merge(c, b, List.of("proxyEnabled", "proxyFromHeaderEnabled", "proxyHost", "proxyPort",
                "proxyAuthorizationNeeded", "proxyUsername", "proxyPassword"));
        boolean fromHeader = c.path("proxyFromHeaderEnabled").asBoolean(false);
        if (c.path("proxyEnabled").asBoolean(false) && !fromHeader
                && (blank(c.get("proxyHost")) || !c.hasNonNull("proxyPort"))) {
            throw ApiError.badRequest("Proxy host and port are required when proxy is enabled");
        }
        if (c.path("proxyEnabled").asBoolean(false) && !fromHeader && c.path("proxyAuthorizationNeeded").asBoolean(false)
                && (blank(c.get("proxyUsername")) || blank(c.get("proxyPassword")))) {
            throw ApiError.badRequest("Proxy username and password are required when proxy authorization is needed");
        }
        x.meta.set("proxyServerSettings", c);
    }

    void addresses(Model.Project p, Model.Proxy x, ObjectNode b) {
        JsonNode list = b.get("routingAddressList");
        if (list == null || list.isNull()) {
            throw new ApiError(400, "validation_failed", "Validation failed: routingAddressList is required",
                    List.of(new ApiError.FieldError("routingAddressList", "routingAddressList is required")));
        }
        for (JsonNode a : list) {
            if (a.isObject() && blank(a.get("address"))) {
                throw ApiError.badRequest("Address is required");
            }
        }
        Validator v = new Validator(b);
        List<Validator> items = v.optObjectList("routingAddressList");
        for (Validator a : items) {
            String address = a.requireString("address");
            if (address != null && !isHttpUrl(address)) {
                a.error("address", "address must be an http:// or https:// URL (got '" + address + "')");
            }
            nonNegative(a, "weight", a.optInt("weight"));
            a.optEnum("soapType", SOAP_TYPES);
            a.optBool("healthCheckEnabled");
        }
        v.throwIfInvalid();
        boolean soap = x.apiType().equals("SOAP");
        ObjectNode routing = x.meta.get("routing") instanceof ObjectNode o ? o : x.meta.putObject("routing");
        if (!routing.has("routingEnabled")) {
            routing.put("routingEnabled", true);
        }
        ArrayNode out = routing.putArray("routingAddressList");
        for (JsonNode a : list) {
            ObjectNode item = Json.obj().put("address", a.get("address").asText())
                    .put("weight", a.path("weight").asInt(1))
                    .put("healthCheckEnabled", a.path("healthCheckEnabled").asBoolean(false));
            if (soap || a.hasNonNull("soapType")) {
                item.put("soapType", a.path("soapType").asText("SOAP11"));
            }
            out.add(item);
        }
    }

    private static boolean isHttpUrl(String s) {
        try {
            URI u = new URI(s);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    void routingStatus(Model.Project p, Model.Proxy x, ObjectNode b) {
        Validator v = new Validator(b);
        Boolean routing = v.optBool("routingEnabled");
        Boolean mirror = v.optBool("mirrorEnabled");
        v.throwIfInvalid();
        if (routing == null && mirror == null) {
            throw documented("Invalid routing status", "routingEnabled",
                    "at least one of routingEnabled or mirrorEnabled must be given");
        }
        ObjectNode r = x.meta.get("routing") instanceof ObjectNode o ? o : x.meta.putObject("routing");
        if (routing != null) {
            r.put("routingEnabled", routing);
        }
        if (mirror != null) {
            r.put("mirrorEnabled", mirror);
        }
    }

    void trafficLog(Model.Project p, Model.Proxy x, ObjectNode b) {
        JsonNode list = b.get("apiProxyTrafficLogSettingsList");
        if (list != null && list.isArray()) {
            for (JsonNode item : list) {
                if (item.isObject() && blank(item.get("environmentName"))) {
                    throw ApiError.badRequest("environmentName value can not be empty in traffic log settings!");
                }
            }
        }
        Validator v = new Validator(b);
        v.optBool("enabledTraceLog");
        v.optBool("enabledApplicationLog");
        for (Validator item : v.optObjectList("apiProxyTrafficLogSettingsList")) {
            item.requireString("environmentName");
            TRAFFIC_LOG_FLAGS.forEach(item::optBool);
            TRAFFIC_LOG_CONNECTORS.forEach(item::optBool);
        }
        v.throwIfInvalid();
        if (list != null && list.isArray()) {
            for (JsonNode item : list) {
                String env = item.get("environmentName").asText();
                if (!p.environmentNames.contains(env) || !api.model.environments.containsKey(env)) {
                    throw ApiError.badRequest("Environment (" + env + ") is not found or project (" + p.name
                            + ") has no access to it!");
                }
            }
        }
        ObjectNode c = stored(x, "trafficLogSettings", Json.obj().put("enabledTraceLog", false)
                .put("enabledApplicationLog", false));
        if (!c.has("apiProxyTrafficLogSettingsList")) {
            c.putArray("apiProxyTrafficLogSettingsList");
        }
        merge(c, b, List.of("enabledTraceLog", "enabledApplicationLog"));
        ArrayNode envs = (ArrayNode) c.get("apiProxyTrafficLogSettingsList");
        if (list != null && list.isArray()) {
            for (JsonNode item : list) {
                String env = item.get("environmentName").asText();
                ObjectNode target = null;
                for (JsonNode e : envs) {
                    if (e.path("environmentName").asText().equals(env)) {
                        target = (ObjectNode) e;
                    }
                }
                if (target == null) {
                    target = envs.addObject().put("environmentName", env);
                    for (String f : TRAFFIC_LOG_FLAGS) {
                        target.put(f, true);
                    }
                    for (String f : TRAFFIC_LOG_CONNECTORS) {
                        target.put(f, false);
                    }
                }
                List<String> fields = new ArrayList<>(TRAFFIC_LOG_FLAGS);
                fields.addAll(TRAFFIC_LOG_CONNECTORS);
                merge(target, (ObjectNode) item, fields);
            }
        }
        x.meta.set("trafficLogSettings", c);
    }
}
