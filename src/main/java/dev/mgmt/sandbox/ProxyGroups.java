package dev.mgmt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.sandbox.Context.ProjectMsg;

import java.util.ArrayList;
import java.util.List;

/** API proxy groups: create, update, delete, membership, and deployment per environment. */
final class ProxyGroups {
    private final Context ctx;

    ProxyGroups(Context ctx) {
        this.ctx = ctx;
    }

    private static ApiError groupNotFound(String name) {
        return ApiError.badRequest("API Proxy Group (" + name
                + ") is not found or user does not have privilege to access it!");
    }

    private Model.Group group(Model.Project p, String name) {
        return Context.existing(p.groups, name, ProxyGroups::groupNotFound);
    }

    Http.Resp list(Http.Req q) {
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            List<ObjectNode> items = new ArrayList<>();
            for (Model.Group g : p.groups.values()) {
                items.add(Json.obj().put("id", g.meta.path("id").asText())
                        .put("name", g.meta.path("name").asText())
                        .put("description", g.meta.path("description").asText("")));
            }
            return Http.Resp.json(Json.successList(items));
        }
    }

    /** Checks a group body the way the documented messages describe it; returns the client route to store. */
    private static ObjectNode groupClientRoute(ObjectNode b) {
        Context.requiredName(b);
        JsonNode cr = b.get("clientRoute");
        if (cr == null || cr.isNull()) {
            throw ApiError.badRequest("clientRoute value can not be empty!");
        }
        Validator v = new Validator(b);
        v.optString("description");
        v.optObject("clientRoute");
        v.throwIfInvalid();
        JsonNode rel = cr.get("relativePathList");
        if (rel == null || !rel.isArray() || rel.isEmpty()) {
            throw ApiError.badRequest("clientRoute value needs at least one relativePath!");
        }
        if (!rel.get(0).isTextual() || rel.get(0).asText().isBlank()) {
            throw ApiError.badRequest("relativePath value in clientRoute object can not be empty!");
        }
        Validator c = v.nested("clientRoute");
        List<String> paths = c.optStringList("relativePathList");
        if (paths != null) {
            for (String s : paths) {
                if (s.length() < 2) {
                    c.error("relativePathList", "relative paths must be at least 2 characters long (got '" + s + "')");
                }
            }
        }
        Context.httpMethods(c, "methodList");
        c.optStringList("hostList");
        for (Validator h : c.optObjectList("headerList")) {
            h.requireString("name");
            h.requireString("value");
        }
        c.optBool("bufferRequest");
        c.optBool("bufferResponse");
        v.throwIfInvalid();
        ObjectNode out = Json.obj();
        out.set("relativePathList", rel.deepCopy());
        out.set("methodList", cr.hasNonNull("methodList") ? cr.get("methodList").deepCopy() : null);
        out.set("hostList", cr.hasNonNull("hostList") ? cr.get("hostList").deepCopy() : null);
        out.set("headerList", cr.hasNonNull("headerList") ? cr.get("headerList").deepCopy() : null);
        out.put("bufferRequest", cr.path("bufferRequest").asBoolean(true));
        out.put("bufferResponse", cr.path("bufferResponse").asBoolean(true));
        for (String f : List.of("methodList", "hostList", "headerList")) {
            if (out.get(f) == null) {
                out.putNull(f);
            }
        }
        return out;
    }

    Http.Resp upsert(Http.Req q, boolean create) {
        ObjectNode b = q.json();
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            ObjectNode cr = groupClientRoute(b);
            String name = b.get("name").asText();
            String desc = b.path("description").isTextual() ? b.get("description").asText() : "";
            Model.Group g = p.groups.get(name);
            if (create) {
                if (g != null) {
                    throw ApiError.duplicate("ApiProxyGroup: (" + name
                            + ") is already created! If you want to udate it use update endpoint!");
                }
                g = new Model.Group();
                g.meta = Json.obj().put("id", ctx.newId()).put("name", name).put("description", desc);
                g.meta.set("clientRoute", cr);
                p.groups.put(name, g);
            } else {
                if (g == null) {
                    throw groupNotFound(name);
                }
                g.meta.put("description", desc);
                g.meta.set("clientRoute", cr);
                g.markChanged();
            }
            return Context.ok();
        }
    }

    Http.Resp delete(Http.Req q) {
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            String name = q.param("group");
            group(p, name);
            p.groups.remove(name);
            for (List<ObjectNode> acc : p.access.values()) {
                acc.removeIf(a -> a.path("type").asText().equals("API_PROXY_GROUP") && a.path("name").asText().equals(name));
            }
            return Context.ok();
        }
    }

    /** Adding a member twice or removing a non-member both succeed, as documented. */
    Http.Resp member(Http.Req q, boolean add) {
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            Model.Group g = group(p, q.param("group"));
            String proxy = q.param("proxy");
            if (!p.proxies.containsKey(proxy)) {
                throw ApiError.badRequest("ApiProxy (" + proxy
                        + ") is not found or user does not have privilege to access it!");
            }
            boolean changed = add ? !g.proxyNames.contains(proxy) && g.proxyNames.add(proxy) : g.proxyNames.remove(proxy);
            if (changed) {
                g.markChanged();
            }
            return Context.ok();
        }
    }

    Http.Resp environments(Http.Req q) {
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            Model.Group g = group(p, q.param("group"));
            List<ObjectNode> items = new ArrayList<>();
            for (String env : p.environmentNames) {
                if (ctx.model.environments.containsKey(env)) {
                    items.add(Json.obj().put("environmentName", env).put("deployed", g.deployed.containsKey(env)));
                }
            }
            return Http.Resp.json(Json.successList(items));
        }
    }

    Http.Resp deploy(Http.Req q, boolean deploy) {
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            Model.Group g = group(p, q.param("group"));
            String env = q.param("env");
            if (!ctx.model.environments.containsKey(env) || !p.environmentNames.contains(env)) {
                throw ApiError.badRequest("Environment (" + env
                        + ") is not found or user does not have privilege to access it!");
            }
            boolean ok = !ctx.faults.get().deployFail.contains(env);
            if (ok) {
                if (deploy) {
                    g.deployed.put(env, false);
                } else {
                    g.deployed.remove(env);
                }
            }
            String noun = deploy ? "Deployment" : "Undeployment";
            String done = deploy ? "Deployed" : "Undeployed";
            ObjectNode dr = Json.obj().put("success", ok)
                    .put("message", ok ? noun + " completed successfully" : noun + " failed");
            dr.putArray("environmentResults").add(Json.obj().put("environmentName", env).put("success", ok)
                    .put("message", ok ? done + " successfully" : noun + " failed: gateway pods of environment ("
                            + env + ") did not acknowledge the configuration in time"));
            return Http.Resp.json(Json.obj().put("success", true).set("deploymentResult", dr));
        }
    }
}
