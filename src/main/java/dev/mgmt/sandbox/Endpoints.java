package dev.mgmt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.sandbox.Context.ProjectMsg;

import java.util.List;
import java.util.Set;

/** The endpoints of an API proxy: list, details, create, update, delete, their policies and the status/cache/WS-A patches. */
final class Endpoints {
    private final Context ctx;

    Endpoints(Context ctx) {
        this.ctx = ctx;
    }

    private static ObjectNode endpointView(ObjectNode e) {
        ObjectNode v = e.deepCopy();
        for (String pl : Context.PIPELINES) {
            v.remove(Model.Proxy.policyListField(pl));
        }
        return v;
    }

    Http.Resp list(Http.Req q) {
        synchronized (ctx.lock) {
            Model.Proxy x = ctx.proxy(q, ProjectMsg.IS_NOT_FOUND);
            return Http.Resp.json(Json.successList(x.endpoints.stream().map(Endpoints::endpointView).toList()));
        }
    }

    private record EndpointKey(String name, String method) { }

    private static EndpointKey endpointKey(ObjectNode b) {
        JsonNode n = b.get("name");
        JsonNode m = b.get("httpMethod");
        if (n == null || !n.isTextual() || n.asText().isBlank() || m == null || !m.isTextual() || m.asText().isBlank()) {
            throw ApiError.badRequest("Endpoint identifier (name and httpMethod) must be provided in request body!");
        }
        if (!Context.HTTP_METHODS.contains(m.asText())) {
            throw new ApiError(400, "validation_failed", "Validation failed: httpMethod must be one of "
                    + String.join(", ", Context.HTTP_METHODS.stream().sorted().toList()),
                    List.of(new ApiError.FieldError("httpMethod", "unknown HTTP method '" + m.asText() + "'")));
        }
        return new EndpointKey(n.asText(), m.asText());
    }

    private static ObjectNode find(Model.Proxy x, EndpointKey k) {
        ObjectNode e = x.findEndpoint(k.name, k.method);
        if (e == null) {
            throw ApiError.badRequest("Endpoint with name (" + k.name + ") and HTTP method (" + k.method
                    + ") is not found!");
        }
        return e;
    }

    /** The add and delete pages refuse other proxy types with one sentence, naming the change. */
    private static void requireRest(Model.Proxy x, String change) {
        if (!x.apiType().equals("REST")) {
            throw ApiError.badRequest("Endpoint can only be " + change + " REST API Proxies!");
        }
    }

    Http.Resp get(Http.Req q) {
        ObjectNode b = q.json();
        synchronized (ctx.lock) {
            Model.Proxy x = ctx.proxy(q, ProjectMsg.IS_NOT_FOUND);
            return Http.Resp.json(endpointView(find(x, endpointKey(b))));
        }
    }

    Http.Resp create(Http.Req q) {
        ObjectNode b = q.json();
        synchronized (ctx.lock) {
            Model.Proxy x = ctx.proxy(q, ProjectMsg.IS_NOT_FOUND);
            requireRest(x, "added to");
            Validator v = new Validator(b);
            String name = v.requireString("name");
            String desc = v.optString("description");
            String m = v.requireEnum("httpMethod", Context.HTTP_METHODS);
            String url = v.requireString("backendResourceUrl");
            String bm = v.requireEnum("backendHttpMethod", Context.HTTP_METHODS);
            v.throwIfInvalid();
            if (x.findEndpoint(name, m) != null) {
                throw ApiError.duplicate("Endpoint with name (" + name + ") and HTTP method (" + m
                        + ") is already exist!");
            }
            x.endpoints.add(ctx.endpoint(name, desc == null ? "" : desc, m, url, bm));
            return Context.changed(x);
        }
    }

    Http.Resp update(Http.Req q) {
        ObjectNode b = q.json();
        synchronized (ctx.lock) {
            Model.Proxy x = ctx.proxy(q, ProjectMsg.IS_NOT_FOUND);
            EndpointKey k = endpointKey(b);
            Validator v = new Validator(b);
            String desc = v.optString("description");
            String url = v.optString("backendResourceUrl");
            String bm = v.optEnum("backendHttpMethod", Context.HTTP_METHODS);
            v.throwIfInvalid();
            ObjectNode e = find(x, k);
            if (desc != null) {
                e.put("description", desc);
            }
            if (url != null) {
                e.put("backendResourceUrl", url);
            }
            if (bm != null) {
                e.put("backendHttpMethod", bm);
            }
            return Context.changed(x);
        }
    }

    Http.Resp policies(Http.Req q) {
        ObjectNode b = q.json();
        synchronized (ctx.lock) {
            Model.Proxy x = ctx.proxy(q, ProjectMsg.IS_NOT_FOUND);
            ObjectNode e = find(x, endpointKey(b));
            ObjectNode v = Json.obj();
            for (String f : List.of("id", "endpoint", "description", "active", "httpMethod", "backendResourceUrl",
                    "backendHttpMethod")) {
                v.set(f, e.get(f) == null ? null : e.get(f).deepCopy());
            }
            for (String pl : Context.PIPELINES) {
                ArrayNode out = v.putArray(Model.Proxy.policyListField(pl));
                for (JsonNode pol : Model.Proxy.policyList(e, pl)) {
                    out.add(Json.obj().put("type", pol.path("type").asText()).put("name", pol.path("name").asText())
                            .put("description", pol.path("description").asText(""))
                            .put("active", pol.path("active").asBoolean(true)));
                }
            }
            return Http.Resp.json(v);
        }
    }

    /** PATCH endpoints/status|cache|wsa: the endpoint is named by identifierName and identifierHttpMethod. */
    Http.Resp patch(Http.Req q, String what) {
        ObjectNode b = q.json();
        ObjectNode key = Json.obj();
        key.set("name", b.get("identifierName"));
        key.set("httpMethod", b.get("identifierHttpMethod"));
        synchronized (ctx.lock) {
            Model.Proxy x = ctx.proxy(q, ProjectMsg.IS_NOT_FOUND);
            EndpointKey k = endpointKey(key);
            Validator v = new Validator(b);
            ObjectNode settings = null;
            switch (what) {
                case "status" -> {
                    if (!b.has("active") || b.get("active").isNull()) {
                        v.error("active", "active is required");
                    }
                    v.optBool("active");
                }
                case "cache" -> {
                    settings = v.requireObject("cacheSettings");
                    v.throwIfInvalid();
                    Validator c = v.nested("cacheSettings");
                    JsonNode ha = settings.get("handlingAction");
                    if (ha == null || ha.isNull() || ha.asText().isBlank()) {
                        throw ApiError.badRequest("handlingAction is required");
                    }
                    c.requireString("name");
                    c.optString("description");
                    c.optBool("cacheActive");
                    c.optBool("cacheOnlyHttpGetRequests");
                    String kt = c.optEnum("cacheKeyType", Context.CACHE_KEY_TYPES);
                    c.optEnum("cacheStorageType", Context.CACHE_STORAGE_TYPES);
                    c.optInt("capacity");
                    c.optInt("ttl");
                    c.requireEnum("handlingAction", Context.CACHE_HANDLING);
                    c.optBool("invalidationRequiresAuthn");
                    c.optBool("cacheNullValue");
                    List<Validator> vars = c.optObjectList("variableList");
                    if ("CUSTOM".equals(kt) && vars.isEmpty() && !c.hasErrorsFor("variableList")) {
                        c.error("variableList", "variableList needs at least one variable when cacheKeyType is CUSTOM");
                    }
                }
                default -> {
                    if (!x.apiType().equals("SOAP")) {
                        throw ApiError.badRequest("WS-Addressing settings can only be updated on SOAP API Proxies!");
                    }
                    settings = v.requireObject("wsaSettings");
                    v.throwIfInvalid();
                    Validator w = v.nested("wsaSettings");
                    for (String f : List.of("wsaEnabled", "wsaAddDefaultAction", "wsaAddDefaultTo", "wsaGenerateMessageId")) {
                        w.optBool(f);
                    }
                    w.optEnum("wsaMustUnderstand", Set.of("NONE", "TRUE", "FALSE"));
                    w.optEnum("wsaVersion", Set.of("V200408", "V200508"));
                    for (String f : List.of("wsaAction", "wsaTo", "wsaReplyTo", "wsaMessageId", "wsaFrom", "wsaFaultTo",
                            "wsaRelatesTo", "wsaRelationShipType")) {
                        w.optString(f);
                    }
                }
            }
            v.throwIfInvalid();
            ObjectNode e = find(x, k);
            switch (what) {
                case "status" -> e.put("active", b.get("active").asBoolean());
                case "cache" -> e.set("cacheSettings", settings.deepCopy());
                default -> e.set("wsaSettings", settings.deepCopy());
            }
            return Context.changed(x);
        }
    }

    Http.Resp delete(Http.Req q) {
        ObjectNode b = q.json();
        synchronized (ctx.lock) {
            Model.Proxy x = ctx.proxy(q, ProjectMsg.IS_NOT_FOUND);
            requireRest(x, "deleted from");
            x.endpoints.remove(find(x, endpointKey(b)));
            return Context.changed(x);
        }
    }
}
