package dev.mgmt.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.sandbox.Context.ProjectMsg;

import java.util.ArrayList;
import java.util.List;

/** Projects and environments (02-api-reference/01-projects-environments). */
final class Projects {
    private final Context ctx;

    Projects(Context ctx) {
        this.ctx = ctx;
    }

    Http.Resp list(Http.Req q) {
        synchronized (ctx.lock) {
            List<ObjectNode> items = new ArrayList<>();
            for (Model.Project p : ctx.model.projects.values()) {
                items.add(Json.obj().put("name", p.name).put("description", p.description));
            }
            return Http.Resp.json(Json.statusList(items));
        }
    }

    Http.Resp listEnvironments(Http.Req q) {
        synchronized (ctx.lock) {
            List<ObjectNode> items = new ArrayList<>();
            for (ObjectNode e : ctx.model.environments.values()) {
                items.add(environmentView(e, null));
            }
            return Http.Resp.json(Json.successList(items));
        }
    }

    private ObjectNode environmentView(ObjectNode e, Model.Project p) {
        ObjectNode v = e.deepCopy();
        if (p == null) {
            v.putNull("deployed");
            v.putNull("redeployRequired");
        } else {
            String env = e.path("name").asText();
            boolean deployed = false;
            boolean redeploy = false;
            for (Model.Proxy x : p.proxies.values()) {
                Boolean r = x.deployments.get(env);
                if (r != null) {
                    deployed = true;
                    redeploy |= r;
                }
            }
            v.put("deployed", deployed);
            v.put("redeployRequired", redeploy);
        }
        return v;
    }

    Http.Resp environmentsByProject(Http.Req q) {
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.ENV_400);
            List<ObjectNode> items = new ArrayList<>();
            for (String n : p.environmentNames) {
                ObjectNode e = ctx.model.environments.get(n);
                if (e != null) {
                    items.add(environmentView(e, p));
                }
            }
            return Http.Resp.json(Json.successList(items));
        }
    }
}
