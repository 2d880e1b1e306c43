package dev.mgmt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.sandbox.Context.ProjectMsg;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The policies of an API proxy, on the proxy's pipelines or on one endpoint's: list, add, update, delete. */
final class Policies {
    static final Set<String> SCOPES = Set.of("ALL", "ENDPOINT");
    static final Set<String> PIPELINE_SET = Set.of("REQUEST", "RESPONSE", "ERROR");

    private final Context ctx;

    Policies(Context ctx) {
        this.ctx = ctx;
    }

    Http.Resp list(Http.Req q) {
        synchronized (ctx.lock) {
            Model.Proxy x = ctx.proxy(q, ProjectMsg.QUOTED);
            ObjectNode o = Json.obj();
            o.put("name", x.name());
            o.put("type", x.apiType());
            o.put("relativePath", x.relativePath());
            o.put("soapToRest", x.meta.path("soapToRest").asBoolean(false));
            for (String pl : Context.PIPELINES) {
                ArrayNode a = o.putArray(Model.Proxy.policyListField(pl));
                x.policies.get(pl).forEach(pol -> a.add(pol.deepCopy()));
            }
            ArrayNode eps = o.putArray("endpointList");
            for (ObjectNode e : x.endpoints) {
                ObjectNode ev = Json.obj().put("endpoint", e.path("endpoint").asText())
                        .put("active", e.path("active").asBoolean(true))
                        .put("httpMethod", e.path("httpMethod").asText());
                for (String pl : Context.PIPELINES) {
                    ev.set(Model.Proxy.policyListField(pl), Model.Proxy.policyList(e, pl).deepCopy());
                }
                eps.add(ev);
            }
            return Http.Resp.json(Json.statusList(List.of(o)));
        }
    }

    private record PolicyTarget(String scope, String pipeline, String endpoint, String method, boolean deploy,
                                List<String> envs, Integer order) { }

    private PolicyTarget policyTarget(Validator root, ObjectNode body, boolean requireMeta) {
        ObjectNode om = requireMeta ? root.requireObject("operationMetadata") : root.optObject("operationMetadata");
        if (om == null) {
            return null;
        }
        Validator v = root.nested("operationMetadata");
        String scope = v.requireEnum("targetScope", SCOPES);
        String pipeline = v.requireEnum("targetPipeline", PIPELINE_SET);
        String ep = v.optString("targetEndpoint");
        String m = v.optEnum("targetEndpointHTTPMethod", Context.HTTP_METHODS);
        if ("ENDPOINT".equals(scope)) {
            if (ep == null) {
                v.error("targetEndpoint", "targetEndpoint is required when targetScope is ENDPOINT");
            }
            if (m == null) {
                v.error("targetEndpointHTTPMethod", "targetEndpointHTTPMethod is required when targetScope is ENDPOINT");
            }
        }
        Boolean deploy = v.optBool("deploy");
        List<String> envs = v.optStringList("deployTargetEnvironmentNameList");
        Integer order = v.optInt("order");
        if (order != null && order < 1) {
            v.error("order", "order must be 1 or greater");
        }
        return new PolicyTarget(scope, pipeline, ep, m, deploy == null || deploy, envs == null ? List.of() : envs, order);
    }

    private ArrayNode targetList(Model.Proxy x, PolicyTarget t) {
        if ("ENDPOINT".equals(t.scope)) {
            ObjectNode e = x.findEndpoint(t.endpoint, t.method);
            if (e == null) {
                throw ApiError.badRequest("Endpoint with name (" + t.endpoint + ") and HTTP method (" + t.method
                        + ") is not found!");
            }
            return Model.Proxy.policyList(e, t.pipeline);
        }
        return null;
    }

    /** Finds a policy by name anywhere on the proxy: returns the list holding it, or null. */
    private static List<JsonNode> holderOf(Model.Proxy x, String name) {
        for (String pl : Context.PIPELINES) {
            for (ObjectNode pol : x.policies.get(pl)) {
                if (name.equals(pol.path("name").asText())) {
                    return new ArrayList<>(List.of(pol));
                }
            }
        }
        for (ObjectNode e : x.endpoints) {
            for (String pl : Context.PIPELINES) {
                for (JsonNode pol : Model.Proxy.policyList(e, pl)) {
                    if (name.equals(pol.path("name").asText())) {
                        return new ArrayList<>(List.of(pol));
                    }
                }
            }
        }
        return null;
    }

    private static void removePolicy(Model.Proxy x, String name) {
        for (String pl : Context.PIPELINES) {
            x.policies.get(pl).removeIf(pol -> name.equals(pol.path("name").asText()));
        }
        for (ObjectNode e : x.endpoints) {
            for (String pl : Context.PIPELINES) {
                ArrayNode a = Model.Proxy.policyList(e, pl);
                for (int i = a.size() - 1; i >= 0; i--) {
                    if (name.equals(a.get(i).path("name").asText())) {
                        a.remove(i);
                    }
                }
            }
        }
    }

    Http.Resp upsert(Http.Req q, boolean create) {
        ObjectNode b = q.json();
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.IS_NOT_FOUND);
            Model.Proxy x = ctx.proxy(p, q.param("proxy"));
            String name = q.param("policy");
            Validator v = new Validator(b);
            PolicyTarget t = policyTarget(v, b, true);
            ObjectNode pol = v.requireObject("policy");
            if (pol != null) {
                Validator pv = v.nested("policy");
                String type = pv.requireString("type");
                if (type != null && !type.startsWith("policy-")) {
                    pv.error("type", "type must be a policy type such as policy-api-based-throttling (got '" + type + "')");
                }
                pv.optString("description");
                pv.optBool("active");
                pv.optObject("policyCondition");
            }
            v.throwIfInvalid();
            List<JsonNode> existing = holderOf(x, name);
            if (create && existing != null) {
                throw ApiError.duplicate("A policy with same name (" + name + ") is already exist in API Proxy!");
            }
            if (!create && existing == null) {
                throw ApiError.badRequest("A policy with name (" + name + ") does not exist in API Proxy!");
            }
            if (!create && !existing.get(0).path("type").asText().equals(pol.path("type").asText())) {
                throw ApiError.badRequest("Policy type can not be changed (from " + existing.get(0).path("type").asText()
                        + " to " + pol.path("type").asText() + ")!");
            }
            ArrayNode epList = targetList(x, t);
            for (String env : t.envs) {
                if (!p.environmentNames.contains(env)) {
                    throw ApiError.badRequest("Environment (" + env + ") is not found or project (" + p.name
                            + ") has no access to it!");
                }
            }
            ObjectNode stored = Json.obj().put("name", name);
            stored.setAll(pol);
            stored.put("name", name);
            if (!stored.has("active")) {
                stored.put("active", true);
            }
            Integer order = t.order;
            if (!create) {
                if (order == null) {
                    order = positionOf(x, name);
                }
                removePolicy(x, name);
            }
            if (epList != null) {
                int idx = order == null || order - 1 >= epList.size() ? epList.size() : order - 1;
                epList.insert(idx, stored);
            } else {
                List<ObjectNode> l = x.policies.get(t.pipeline);
                int idx = order == null || order - 1 >= l.size() ? l.size() : order - 1;
                l.add(idx, stored);
            }
            x.markChanged();
            return Http.Resp.json(policyResponse(x, t));
        }
    }

    private static Integer positionOf(Model.Proxy x, String name) {
        for (String pl : Context.PIPELINES) {
            List<ObjectNode> l = x.policies.get(pl);
            for (int i = 0; i < l.size(); i++) {
                if (name.equals(l.get(i).path("name").asText())) {
                    return i + 1;
                }
            }
        }
        return null;
    }

    private ObjectNode policyResponse(Model.Proxy x, PolicyTarget t) {
        ObjectNode resp = Json.obj().put("status", "SUCCESS");
        if (t != null && t.deploy && !t.envs.isEmpty()) {
            Set<String> failing = ctx.faults.get().deployFail;
            ObjectNode dr = Json.obj();
            ArrayNode details = Json.arr();
            boolean all = true;
            long total = 0;
            int pod = 0;
            for (String env : t.envs) {
                boolean ok = !failing.contains(env);
                all &= ok;
                long rt = 40 + (long) (env.hashCode() & 0x3f);
                total += rt;
                details.add(Json.obj().put("envName", env).put("podName", env + "-gateway-" + pod)
                        .put("podIp", "10.0.0." + (10 + pod)).put("success", ok).put("responseTime", rt));
                pod++;
                if (ok) {
                    x.deployments.put(env, false);
                }
            }
            dr.put("success", all).put("responseTime", total).set("detailList", details);
            resp.set("deploymentResult", dr);
        }
        return resp;
    }

    Http.Resp delete(Http.Req q) {
        ObjectNode b = q.jsonOrEmpty();
        synchronized (ctx.lock) {
            Model.Proxy x = ctx.proxy(q, ProjectMsg.IS_NOT_FOUND);
            String name = q.param("policy");
            Validator v = new Validator(b);
            PolicyTarget t = policyTarget(v, b, false);
            v.throwIfInvalid();
            if (holderOf(x, name) == null) {
                throw ApiError.badRequest("A policy with name (" + name + ") does not exist in API Proxy!");
            }
            removePolicy(x, name);
            x.markChanged();
            return Http.Resp.json(policyResponse(x, t));
        }
    }
}
