package dev.mgmt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.sandbox.Context.ProjectMsg;

import java.util.List;

/** Environment variables of a project; values not marked visible are shown as null. */
final class EnvironmentVariables {
    private final Context ctx;

    EnvironmentVariables(Context ctx) {
        this.ctx = ctx;
    }

    private static ObjectNode envVarView(Model.Project p, ObjectNode e) {
        ObjectNode v = Json.obj();
        v.put("projectId", Context.projectId(p));
        v.setAll(e.deepCopy());
        v.put("projectName", p.name);
        if (v.path("global").asBoolean(false) && !v.path("globalVisible").asBoolean(true)) {
            v.putNull("globalValue");
        }
        JsonNode l = v.get("environmentValueList");
        if (l != null && l.isArray()) {
            for (JsonNode item : l) {
                if (item instanceof ObjectNode o && !o.path("visible").asBoolean(false)) {
                    o.putNull("value");
                }
            }
        }
        return v;
    }

    private static ObjectNode envVar(Model.Project p, String name) {
        return Context.existing(p.envVars, name,
                n -> ApiError.badRequest("Environment variable (name: " + n + ") was not found!"));
    }

    Http.Resp list(Http.Req q) {
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            return Http.Resp.json(Json.successList(p.envVars.values().stream().map(e -> envVarView(p, e)).toList()));
        }
    }

    Http.Resp get(Http.Req q) {
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            String name = q.param("name");
            return Http.Resp.json(Json.successList(List.of(envVarView(p, envVar(p, name)))));
        }
    }

    Http.Resp upsert(Http.Req q, boolean create) {
        ObjectNode b = q.json();
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            String name = q.param("name");
            JsonNode bn = b.get("name");
            if (bn == null || !bn.isTextual() || bn.asText().isBlank()) {
                throw ApiError.badRequest("Environment variable name can not be empty!");
            }
            String bodyName = bn.asText();
            Validator v = new Validator(b);
            v.optString("description");
            Boolean global = v.optBool("global");
            String gv = v.optString("globalValue");
            v.optBool("globalVisible");
            List<Validator> items = v.optObjectList("environmentValueList");
            for (Validator iv : items) {
                iv.requireString("environmentName");
                iv.requireString("value");
                iv.optBool("visible");
            }
            if (Boolean.TRUE.equals(global) && gv == null) {
                v.error("globalValue", "globalValue is required when global is true");
            }
            if (!Boolean.TRUE.equals(global) && items.isEmpty()) {
                v.error("environmentValueList", "environmentValueList needs at least one value when global is false");
            }
            v.throwIfInvalid();
            for (JsonNode item : b.path("environmentValueList")) {
                String env = item.path("environmentName").asText();
                if (!ctx.model.environments.containsKey(env)) {
                    throw ApiError.badRequest("Environment (" + env + ") is not found!");
                }
            }
            if (create) {
                Context.checkCreate(p.envVars, "Environment variable", name, bodyName);
            } else {
                envVar(p, name);
                Context.checkRename(p.envVars, "Environment variable", name, bodyName);
                p.envVars.remove(name);
            }
            ObjectNode stored = Json.obj();
            stored.put("name", bodyName);
            stored.set("description", b.has("description") ? b.get("description") : null);
            stored.put("global", Boolean.TRUE.equals(global));
            stored.set("globalValue", b.has("globalValue") ? b.get("globalValue") : null);
            stored.put("globalVisible", !b.has("globalVisible") || b.get("globalVisible").asBoolean(true));
            stored.set("environmentValueList", b.path("environmentValueList").isArray()
                    ? b.get("environmentValueList").deepCopy() : null);
            if (stored.get("description") == null) {
                stored.putNull("description");
            }
            if (stored.get("globalValue") == null) {
                stored.putNull("globalValue");
            }
            if (stored.get("environmentValueList") == null) {
                stored.putNull("environmentValueList");
            }
            p.envVars.put(bodyName, stored);
            return ctx.projectDeployed(p, true);
        }
    }

    Http.Resp delete(Http.Req q) {
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            String name = q.param("name");
            envVar(p, name);
            p.envVars.remove(name);
            return ctx.projectDeployed(p, false);
        }
    }
}
