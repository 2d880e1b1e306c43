package dev.mgmt.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

/**
 * The settings of what passes through the proxy: API keys, cache, CORS, the forwarded-IP header, the JSON and XML
 * error templates and the traffic log.
 */
final class MessageSettings {
    static final Set<String> XFF_ORDERS = Set.of("FIRST", "SECOND", "THIRD", "FOURTH", "FIFTH", "LAST");
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

    private final Context ctx;

    MessageSettings(Context ctx) {
        this.ctx = ctx;
    }

    static void keys(Model.Project p, Model.Proxy x, ObjectNode b) {
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
        ObjectNode k = ProxySettings.stored(x, "apiKeys", Json.obj().putNull("publicKey").putNull("secretKey"));
        ProxySettings.merge(k, b, List.of("publicKey", "secretKey"));
        x.meta.set("apiKeys", k);
    }

    static void cache(Model.Project p, Model.Proxy x, ObjectNode b) {
        if (ProxySettings.blank(b.get("handlingAction"))) {
            throw ApiError.badRequest("handlingAction is required");
        }
        Validator v = new Validator(b);
        v.requireString("name");
        v.optString("description");
        v.optBool("cacheActive");
        v.optBool("cacheOnlyHttpGetRequests");
        String kt = v.optEnum("cacheKeyType", Context.CACHE_KEY_TYPES);
        v.optEnum("cacheStorageType", Context.CACHE_STORAGE_TYPES);
        ProxySettings.nonNegative(v, "capacity", v.optInt("capacity"));
        ProxySettings.nonNegative(v, "ttl", v.optInt("ttl"));
        v.requireEnum("handlingAction", Context.CACHE_HANDLING);
        v.optBool("invalidationRequiresAuthn");
        v.optBool("cacheNullValue");
        ProxySettings.variableList(v, "variableList");
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
        ProxySettings.merge(c, b, List.of("description", "cacheActive", "cacheOnlyHttpGetRequests", "cacheKeyType",
                "cacheStorageType", "capacity", "ttl", "invalidationRequiresAuthn", "cacheNullValue", "variableList"));
        x.meta.set("cacheSettings", c);
    }

    static void cors(Model.Project p, Model.Proxy x, ObjectNode b) {
        Validator v = new Validator(b);
        v.requireString("name");
        v.optString("description");
        v.optBool("corsActive");
        List<String> origins = v.optStringList("allowOriginList");
        Context.httpMethods(v, "allowMethodList");
        v.optStringList("allowHeaderList");
        v.optStringList("exposeHeaderList");
        String cred = v.optString("allowCredentials");
        ProxySettings.nonNegative(v, "maxAge", v.optInt("maxAge"));
        v.throwIfInvalid();
        String text = "Invalid CORS settings";
        if (cred != null && !cred.equals("true") && !cred.equals("false")) {
            throw ProxySettings.documented(text, "allowCredentials", "allowCredentials must be the string \"true\" or \"false\"");
        }
        if ("true".equals(cred) && origins != null && origins.contains("*")) {
            throw ProxySettings.documented(text, "allowOriginList",
                    "a wildcard origin (\"*\") can not be used when allowCredentials is \"true\"");
        }
        ObjectNode c = Json.obj().put("name", b.get("name").asText()).putNull("description").put("corsActive", false);
        for (String f : List.of("allowOriginList", "allowMethodList", "allowHeaderList", "exposeHeaderList")) {
            c.putArray(f);
        }
        c.put("allowCredentials", "false").put("maxAge", 3600);
        ProxySettings.merge(c, b, List.of("description", "corsActive", "allowOriginList", "allowMethodList", "allowHeaderList",
                "exposeHeaderList", "allowCredentials", "maxAge"));
        x.meta.set("corsSettings", c);
    }

    static void forwardedIpHeader(Model.Project p, Model.Proxy x, ObjectNode b) {
        Validator v = new Validator(b);
        v.optBool("forwardedIpHeaderParamActive");
        String value = v.optString("value");
        v.optEnum("xffOrder", XFF_ORDERS);
        v.throwIfInvalid();
        if (value != null && !value.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
            throw ProxySettings.documented("Invalid forwarded IP header settings", "value",
                    "value must be an HTTP header name (got '" + value + "')");
        }
        ObjectNode c = ProxySettings.stored(x, "forwardedIpHeaderSettings", Json.obj().put("forwardedIpHeaderParamActive", false)
                .put("value", "X-Forwarded-For").put("xffOrder", "FIRST"));
        ProxySettings.merge(c, b, List.of("forwardedIpHeaderParamActive", "value", "xffOrder"));
        x.meta.set("forwardedIpHeaderSettings", c);
    }

    static void jsonErrorTemplate(Model.Project p, Model.Proxy x, ObjectNode b) {
        errorTemplate(x, b, "json", "JSON", DEFAULT_JSON_TEMPLATE, "application/json;charset=UTF-8", value -> {
            try {
                JsonNode n = Json.MAPPER.readTree(value);
                return n == null || n.isMissingNode() ? "jsonValue is empty" : null;
            } catch (JsonProcessingException e) {
                return "jsonValue is not valid JSON: " + e.getOriginalMessage();
            }
        });
    }

    static void xmlErrorTemplate(Model.Project p, Model.Proxy x, ObjectNode b) {
        errorTemplate(x, b, "xml", "XML", DEFAULT_XML_TEMPLATE, "text/xml;charset=UTF-8", value -> {
            String problem = xmlProblem(value);
            return problem == null ? null : "xmlValue is not well-formed XML: " + problem;
        });
    }

    /**
     * The JSON and XML error templates are one settings group written for two formats: fields, defaults and texts
     * differ only by the format's prefix and name. The check answers null for a usable value, else the complaint.
     */
    private static void errorTemplate(Model.Proxy x, ObjectNode b, String prefix, String format, String defaultValue,
                                      String contentType, UnaryOperator<String> check) {
        String active = prefix + "ErrorResponseTemplateActive";
        String valueField = prefix + "Value";
        String key = prefix + "ErrorTemplate";
        Validator v = new Validator(b);
        v.optBool(active);
        String value = v.optString(valueField);
        v.optString("contentType");
        v.optBool("permitSpecialChars");
        v.throwIfInvalid();
        String problem = value == null ? null : check.apply(value);
        if (problem != null) {
            throw ProxySettings.documented("Invalid " + format + " template", valueField, problem);
        }
        ObjectNode c = ProxySettings.stored(x, key, Json.obj().put(active, false)
                .put(valueField, defaultValue).put("contentType", contentType).put("permitSpecialChars", false));
        ProxySettings.merge(c, b, List.of(active, valueField, "contentType", "permitSpecialChars"));
        x.meta.set(key, c);
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

    void trafficLog(Model.Project p, Model.Proxy x, ObjectNode b) {
        JsonNode list = b.get("apiProxyTrafficLogSettingsList");
        if (list != null && list.isArray()) {
            for (JsonNode item : list) {
                if (item.isObject() && ProxySettings.blank(item.get("environmentName"))) {
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
                ctx.requireProjectEnvironment(p, item.get("environmentName").asText());
            }
        }
        ObjectNode c = ProxySettings.stored(x, "trafficLogSettings", Json.obj().put("enabledTraceLog", false)
                .put("enabledApplicationLog", false));
        if (!c.has("apiProxyTrafficLogSettingsList")) {
            c.putArray("apiProxyTrafficLogSettingsList");
        }
        ProxySettings.merge(c, b, List.of("enabledTraceLog", "enabledApplicationLog"));
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
                ProxySettings.merge(target, (ObjectNode) item, fields);
            }
        }
        x.meta.set("trafficLogSettings", c);
    }
}
