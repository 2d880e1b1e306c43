package dev.mgmt.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;
import java.util.Set;

/**
 * Reports (02-api-reference/14-reports), built from the current state of every project. Documented without a
 * trailing slash; both forms are accepted. Only the admin may read them (the demo viewer is not an analyzer).
 */
final class Reports {
    static final String UNAUTHORIZED = "Unauthorized API Access!";
    static final Set<String> SHARED = Set.of("EXTERNAL", "BOTH");

    private final Context ctx;

    Reports(Context ctx) {
        this.ctx = ctx;
    }

    static String proxyId(Model.Project p, Model.Proxy x) {
        return String.format("%024x", (p.name + "/" + x.name()).hashCode() & 0xffffffffL);
    }

    Http.Resp apiProxies(Http.Req q) {
        Context.requireAdmin(q, UNAUTHORIZED);
        String raw = q.query.get("includeEndpoints");
        boolean endpoints;
        if (raw == null || raw.isEmpty()) {
            endpoints = false;
        } else if (raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("false")) {
            endpoints = Boolean.parseBoolean(raw.toLowerCase(Locale.ROOT));
        } else {
            throw ApiError.invalidParameter("includeEndpoints must be true or false (got '" + raw + "')");
        }
        synchronized (ctx.lock) {
            ObjectNode o = Json.obj().put("success", true);
            ArrayNode list = o.putArray("resultList");
            for (Model.Project p : ctx.model.projects.values()) {
                for (Model.Proxy x : p.proxies.values()) {
                    ObjectNode item = list.addObject().put("id", proxyId(p, x)).put("name", x.name())
                            .put("description", x.meta.path("description").asText(""))
                            .put("type", x.apiType()).put("projectName", p.name);
                    if (endpoints) {
                        ArrayNode eps = item.putArray("endpoints");
                        for (ObjectNode e : x.endpoints) {
                            String m = e.path("httpMethod").asText();
                            String path = e.path("endpoint").asText();
                            eps.addObject().put("id", e.path("id").asText()).put("name", m + " " + path)
                                    .put("method", m).put("path", path);
                        }
                    }
                }
                for (Model.Group g : p.groups.values()) {
                    ObjectNode item = list.addObject().put("id", g.meta.path("id").asText())
                            .put("name", g.meta.path("name").asText())
                            .put("description", g.meta.path("description").asText(""))
                            .put("type", "API_PROXY_GROUP").put("projectName", p.name);
                    if (endpoints) {
                        item.putArray("endpoints");
                    }
                }
            }
            o.put("resultCount", list.size());
            return Http.Resp.json(o);
        }
    }

    Http.Resp dataModelAccess(Http.Req q) {
        Context.requireAdmin(q, UNAUTHORIZED);
        synchronized (ctx.lock) {
            ObjectNode result = Json.obj();
            ArrayNode proxies = result.putArray("apiProxyList");
            for (Model.Project p : ctx.model.projects.values()) {
                for (Model.Proxy x : p.proxies.values()) {
                    String sharing = x.meta.path("sharingType").asText("");
                    if (!SHARED.contains(sharing)) {
                        continue;
                    }
                    ObjectNode item = proxies.addObject().put("apiProxyName", x.name()).put("sharingType", sharing);
                    ArrayNode access = item.putArray("accessList");
                    p.access.forEach((user, grants) -> {
                        for (ObjectNode a : grants) {
                            String type = a.path("type").asText();
                            String name = a.path("name").asText();
                            boolean direct = type.equals("API_PROXY") && name.equals(x.name());
                            Model.Group g = type.equals("API_PROXY_GROUP") ? p.groups.get(name) : null;
                            if (direct || (g != null && g.proxyNames.contains(x.name()))) {
                                access.addObject().put("credentialName", user).put("projectName", p.name)
                                        .put("accessType", type).put("accessName", name);
                            }
                        }
                    });
                }
            }
            result.set("dataModelList", Json.arr());
            return Http.Resp.json(Json.obj().put("success", true).set("result", result));
        }
    }
}
