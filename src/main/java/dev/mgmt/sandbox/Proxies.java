package dev.mgmt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.sandbox.Context.ProjectMsg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** API proxies (02-api-reference/04-api-proxies): list, get, create or update from a URL or a file, delete, deploy. */
final class Proxies {
    static final Set<String> CREATION_TYPES = Set.of("OPEN_API", "SWAGGER", "WSDL", "REVERSE_PROXY");

    private final Context ctx;

    Proxies(Context ctx) {
        this.ctx = ctx;
    }

    Http.Resp list(Http.Req q) {
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.IS_NOT_FOUND);
            List<ObjectNode> items = new ArrayList<>();
            for (Model.Proxy x : p.proxies.values()) {
                items.add(Json.obj()
                        .put("name", x.name())
                        .put("description", x.meta.path("description").asText(""))
                        .put("type", x.apiType())
                        .put("relativePath", x.relativePath())
                        .put("soapToRest", x.meta.path("soapToRest").asBoolean(false)));
            }
            return Http.Resp.json(Json.statusList(items));
        }
    }

    private ObjectNode proxyDetail(Model.Proxy x) {
        ObjectNode o = Json.obj();
        o.put("name", x.name());
        o.put("description", x.meta.path("description").asText(""));
        o.put("apiType", x.apiType());
        o.set("categoryList", x.meta.has("categoryList") ? x.meta.get("categoryList").deepCopy() : Json.arr());
        o.put("sharingType", x.meta.path("sharingType").asText("PROJECT"));
        o.set("clientRoute", x.meta.has("clientRoute") ? x.meta.get("clientRoute").deepCopy() : Json.obj());
        o.set("routing", x.meta.has("routing") ? x.meta.get("routing").deepCopy() : Json.obj());
        ProxySettings.addTo(o, x);
        ArrayNode d = o.putArray("deploymentList");
        x.deployments.forEach((env, redeploy) -> d.add(Json.obj()
                .put("environmentName", env).put("deployed", true).put("redeployRequired", redeploy)));
        return o;
    }

    Http.Resp get(Http.Req q) {
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.IS_NOT_FOUND);
            return Http.Resp.json(proxyDetail(ctx.proxy(p, q.param("proxy"))));
        }
    }

    Http.Resp delete(Http.Req q) {
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.IS_NOT_FOUND);
            String name = q.param("proxy");
            Model.Proxy x = p.proxies.get(name);
            if (x == null) {
                throw ApiError.badRequest("Api Proxy (" + name + ") is not found!");
            }
            List<String> envs = new ArrayList<>(x.deployments.keySet());
            ObjectNode result = ctx.proxyDeploymentResult(x, envs, false);
            p.proxies.remove(name);
            for (Model.Group g : p.groups.values()) {
                g.proxyNames.remove(name);
            }
            for (List<ObjectNode> acc : p.access.values()) {
                acc.removeIf(a -> a.path("type").asText().equals("API_PROXY") && a.path("name").asText().equals(name));
            }
            return Http.Resp.json(Json.obj().put("success", true).set("deploymentResult", result));
        }
    }

    Http.Resp deploy(Http.Req q, boolean deploy) {
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.IS_NOT_FOUND);
            String name = q.param("proxy");
            String env = q.param("env");
            Model.Proxy x = p.proxies.get(name);
            if (x == null || !ctx.model.environments.containsKey(env) || !p.environmentNames.contains(env)) {
                throw ApiError.badRequest("ApiProxy with name (" + name + ") can not be deployed to Environment("
                        + env + ") because it is not exist!");
            }
            if (!deploy && !x.deployments.containsKey(env)) {
                throw ApiError.badRequest("ApiProxy (name: " + name + ") is not deployed to Environment(" + env + ")!");
            }
            ObjectNode result = ctx.proxyDeploymentResult(x, List.of(env), deploy);
            return Http.Resp.json(Json.obj().put("success", true).set("deploymentResult", result));
        }
    }

    /** Validates the create/update metadata shared by the url and file variants. */
    private record ProxyRequest(String name, String description, String creationType, String specUrl,
                                ObjectNode clientRoute, ObjectNode routingInfo, boolean deploy, List<String> envs,
                                boolean reParse, Boolean soapToRest, ObjectNode raw) { }

    private ProxyRequest parseProxyRequest(ObjectNode b, boolean fromUrl, boolean specGiven) {
        Validator v = new Validator(b);
        String name = v.requireString("apiProxyName");
        String desc = v.optString("apiProxyDescription");
        String type = v.requireEnum("apiProxyCreationType", CREATION_TYPES);
        String specUrl = fromUrl ? v.optString("specUrl") : null;
        if (fromUrl && type != null && !type.equals("REVERSE_PROXY") && (specUrl == null || specUrl.isBlank())
                && !v.hasErrorsFor("specUrl")) {
            v.error("specUrl", "specUrl is required unless apiProxyCreationType is REVERSE_PROXY");
        }
        if (!fromUrl && type != null && !type.equals("REVERSE_PROXY") && !specGiven) {
            v.error("specFile", "specFile is required unless apiProxyCreationType is REVERSE_PROXY");
        }
        ObjectNode cr = v.optObject("clientRoute");
        if (cr != null) {
            Validator c = v.nested("clientRoute");
            c.optStringList("relativePathList");
            c.optStringList("virtualHostList");
            c.optStringList("hostList");
            Context.httpMethods(c, "methodList");
        }
        ObjectNode ri = v.optObject("routingInfo");
        if (ri != null) {
            Validator rv = v.nested("routingInfo");
            rv.optBool("routingEnabled");
            rv.optBool("mirrorEnabled");
            rv.optEnum("loadBalanceAlgorithm", Set.of("ROUND_ROBIN", "LRU", "WEIGHTED", "RANDOM", "PICK_FIRST"));
            for (Validator a : rv.optObjectList("routingAddressList")) {
                a.requireString("address");
                a.optInt("weight");
                a.optBool("healthCheckEnabled");
                a.optEnum("soapType", ProxySettings.SOAP_TYPES);
            }
        }
        Boolean deploy = v.optBool("deploy");
        List<String> envs = v.optStringList("deployTargetEnvironmentNameList");
        Boolean reParse = v.optBool("reParse");
        Boolean soapToRest = v.optBool("soapToRest");
        v.optBool("enableWSA");
        v.optBool("enableWSRM");
        v.optString("backendApiVersion");
        v.optObject("maintenanceModeSetting");
        v.optObjectList("specAuthorizationValueList");
        v.throwIfInvalid();
        return new ProxyRequest(name, desc, type, specUrl, cr, ri, Boolean.TRUE.equals(deploy),
                envs == null ? List.of() : envs, Boolean.TRUE.equals(reParse), soapToRest, b);
    }

    Http.Resp createOrUpdateFromUrl(Http.Req q, boolean update) {
        ObjectNode body = q.json();
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.IS_NOT_FOUND);
            ProxyRequest r = parseProxyRequest(body, true, false);
            return Http.Resp.json(saveProxy(p, r, update));
        }
    }

    Http.Resp createOrUpdateFromFile(Http.Req q, boolean update) {
        Multipart mp = q.multipart();
        Multipart.Part meta = mp.get("metadata");
        if (meta == null || meta.data().length == 0) {
            throw ApiError.badRequest("metadata value can not be empty!");
        }
        Http.Req inner = new Http.Req(q.method, q.params, q.query, q.headers, meta.data());
        ObjectNode body = inner.json();
        Multipart.Part spec = mp.get("specFile");
        boolean specGiven = spec != null && spec.data().length > 0;
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.IS_NOT_FOUND);
            ProxyRequest r = parseProxyRequest(body, false, specGiven || update);
            if (!update && !r.creationType.equals("REVERSE_PROXY")) {
                String text = spec.text().trim();
                if (!(text.startsWith("{") || text.startsWith("<") || text.startsWith("openapi")
                        || text.startsWith("swagger") || spec.data()[0] == 'P')) {
                    throw ApiError.badRequest("specFile could not be parsed as an OpenAPI, Swagger or WSDL document!");
                }
            }
            return Http.Resp.json(saveProxy(p, r, update));
        }
    }

    private ObjectNode saveProxy(Model.Project p, ProxyRequest r, boolean update) {
        for (String env : r.envs) {
            ctx.requireProjectEnvironment(p, env);
        }
        Model.Proxy x = p.proxies.get(r.name);
        if (!update) {
            if (x != null) {
                throw ApiError.duplicate("ApiProxy (name: " + r.name + ") is already exist!");
            }
            String apiType = r.creationType.equals("WSDL") && !Boolean.TRUE.equals(r.soapToRest) ? "SOAP" : "REST";
            ObjectNode meta = Json.obj();
            meta.put("name", r.name);
            meta.put("description", r.description == null ? "" : r.description);
            meta.put("apiType", apiType);
            meta.put("creationType", r.creationType);
            if (r.specUrl != null) {
                meta.put("specUrl", r.specUrl);
            }
            meta.set("categoryList", Json.arr());
            meta.put("sharingType", "PROJECT");
            meta.put("soapToRest", Boolean.TRUE.equals(r.soapToRest));
            meta.set("clientRoute", clientRoute(r.clientRoute, r.name));
            meta.set("routing", routing(r.routingInfo));
            x = new Model.Proxy(meta);
            synthesizeEndpoints(x, r.creationType);
            p.proxies.put(r.name, x);
        } else {
            if (x == null) {
                throw ApiError.badRequest("ApiProxy (name: " + r.name
                        + ") can not be reparsed because it is not exist. First create it!");
            }
            if (!x.meta.path("creationType").asText().equals(r.creationType)) {
                throw ApiError.badRequest("ApiProxy (name: " + r.name + ") was created with type ("
                        + x.meta.path("creationType").asText() + "); it can not be updated with type ("
                        + r.creationType + ")!");
            }
            if (r.description != null && !r.description.isBlank()) {
                x.meta.put("description", r.description);
            }
            if (r.specUrl != null) {
                x.meta.put("specUrl", r.specUrl);
            }
            if (r.clientRoute != null) {
                x.meta.set("clientRoute", clientRoute(r.clientRoute, r.name));
            }
            if (r.routingInfo != null) {
                x.meta.set("routing", routing(r.routingInfo));
            }
            x.markChanged();
        }
        ObjectNode resp = Json.obj().put("success", true);
        if (r.deploy && !r.envs.isEmpty()) {
            resp.set("deploymentResult", ctx.proxyDeploymentResult(x, r.envs, true));
        }
        return resp;
    }

    static ObjectNode clientRoute(ObjectNode in, String name) {
        ObjectNode o = Json.obj();
        ArrayNode rel = o.putArray("relativePathList");
        ArrayNode hosts = o.putArray("virtualHostList");
        if (in != null && in.path("relativePathList").isArray() && in.path("relativePathList").size() > 0) {
            in.path("relativePathList").forEach(rel::add);
        } else {
            rel.add("/" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
        }
        if (in != null) {
            in.path("virtualHostList").forEach(hosts::add);
            in.path("hostList").forEach(hosts::add);
        }
        return o;
    }

    private static ObjectNode routing(ObjectNode in) {
        ObjectNode o = Json.obj();
        o.put("routingEnabled", in == null || in.path("routingEnabled").asBoolean(true));
        ArrayNode list = o.putArray("routingAddressList");
        if (in != null) {
            for (JsonNode a : in.path("routingAddressList")) {
                list.add(Json.obj().put("address", a.path("address").asText())
                        .put("weight", a.path("weight").asInt(100))
                        .put("healthCheckEnabled", a.path("healthCheckEnabled").asBoolean(false)));
            }
        }
        return o;
    }

    private void synthesizeEndpoints(Model.Proxy x, String creationType) {
        switch (creationType) {
            case "OPEN_API", "SWAGGER" -> {
                x.endpoints.add(ctx.endpoint("/items", "List items", "GET", "/items", "GET"));
                x.endpoints.add(ctx.endpoint("/items", "Create an item", "POST", "/items", "POST"));
                x.endpoints.add(ctx.endpoint("/items/{id}", "Get an item", "GET", "/items/{id}", "GET"));
            }
            case "WSDL" -> {
                x.endpoints.add(ctx.endpoint("/GetItem", "GetItem operation", "POST", "/GetItem", "POST"));
                x.endpoints.add(ctx.endpoint("/UpdateItem", "UpdateItem operation", "POST", "/UpdateItem", "POST"));
            }
            default -> { }
        }
    }
}
