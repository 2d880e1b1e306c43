package dev.mgmt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.sandbox.Context.ProjectMsg;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * API proxy settings (02-api-reference/04-api-proxies/settings): seventeen PATCH endpoints. Metadata, client route
 * and routing land in the fields the get-api-proxy page documents; every other group is stored under its own key
 * and shown by GET …/apiProxies/{name}/ once it has been set (secrets masked). This class holds what the setting
 * families share and the routing ones; {@link BackendSettings} and {@link MessageSettings} hold the others.
 */
final class ProxySettings {
    static final Set<String> SHARING_TYPES = Set.of("BOTH", "NONE", "EXTERNAL", "INTERNAL");
    static final Set<String> VARIABLE_TYPES = Set.of("HEADER", "PARAMETER", "BODY", "CONTEXT_VALUES", "CUSTOM");
    static final Set<String> DATA_TYPES = Set.of("NUMERIC", "STRING", "DATE");
    static final Set<String> SOAP_TYPES = Set.of("SOAP11", "SOAP12");

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

    private final Context ctx;

    ProxySettings(Context ctx) {
        this.ctx = ctx;
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
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.IS_NOT_FOUND);
            Model.Proxy x = ctx.proxy(p, q.param("proxy"));
            change.apply(p, x, body);
            return Context.changed(x);
        }
    }

    /** The handler of a PATCH …/settings/… route that applies the given change. */
    Router.Handler patch(Change change) {
        return q -> patch(q, change);
    }

    /** A 400 bad_request carrying the page's documented text, with the field details as validation_errors. */
    static ApiError documented(String text, List<ApiError.FieldError> details) {
        return new ApiError(400, "bad_request", text, details);
    }

    static ApiError documented(String text, String field, String message) {
        return documented(text, List.of(new ApiError.FieldError(field, message)));
    }

    /** The stored group, or a copy of the defaults when it has never been set. */
    static ObjectNode stored(Model.Proxy x, String key, ObjectNode defaults) {
        JsonNode n = x.meta.get(key);
        return n instanceof ObjectNode o ? o.deepCopy() : defaults;
    }

    /** Copies the body's non-null values of the given fields into target (PATCH semantics). */
    static void merge(ObjectNode target, ObjectNode body, List<String> fields) {
        for (String f : fields) {
            JsonNode v = body.get(f);
            if (v != null && !v.isNull()) {
                target.set(f, v.deepCopy());
            }
        }
    }

    static boolean blank(JsonNode n) {
        return n == null || n.isNull() || (n.isTextual() && n.asText().isBlank());
    }

    static void nonNegative(Validator v, String field, Integer value) {
        if (value != null && value < 0) {
            v.error(field, field + " must not be negative");
        }
    }

    static void variableList(Validator v, String field) {
        for (Validator item : v.optObjectList(field)) {
            item.requireString("name");
            item.requireEnum("type", VARIABLE_TYPES);
            item.optEnum("dataType", DATA_TYPES);
        }
    }

    /** The flag comes from the path; a body, if any, is not needed and not read. */
    Http.Resp hideSpecFile(Http.Req q) {
        String raw = q.param("hide").toLowerCase(Locale.ROOT);
        synchronized (ctx.lock) {
            Model.Proxy x = ctx.proxy(q, ProjectMsg.IS_NOT_FOUND);
            if (!raw.equals("true") && !raw.equals("false")) {
                throw documented("Invalid hideSpecFile parameter", "hideSpecFile",
                        "hideSpecFile must be true or false (got '" + q.param("hide") + "')");
            }
            x.meta.put("hideSpecFile", Boolean.parseBoolean(raw));
            return Context.changed(x);
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

    void clientRoute(Model.Project p, Model.Proxy x, ObjectNode b) {
        Validator v = new Validator(b);
        List<String> paths = v.optStringList("relativePathList");
        Context.httpMethods(v, "methodList");
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
        JsonNode before = routing.path("routingAddressList");
        ArrayNode out = routing.putArray("routingAddressList");
        for (JsonNode a : list) {
            String address = a.get("address").asText();
            ObjectNode item = Json.obj().put("address", address)
                    .put("weight", a.path("weight").asInt(1))
                    .put("healthCheckEnabled", a.path("healthCheckEnabled").asBoolean(healthCheck(before, address)));
            if (soap || a.hasNonNull("soapType")) {
                item.put("soapType", a.path("soapType").asText("SOAP11"));
            }
            out.add(item);
        }
    }

    /**
     * The page does not take healthCheckEnabled, so an address it leaves alone keeps the health check it had;
     * a new address has none, as on create.
     */
    private static boolean healthCheck(JsonNode before, String address) {
        for (JsonNode b : before) {
            if (b.path("address").asText().equals(address)) {
                return b.path("healthCheckEnabled").asBoolean(false);
            }
        }
        return false;
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
}
