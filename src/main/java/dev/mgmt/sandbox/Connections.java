package dev.mgmt.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.sandbox.Context.ProjectMsg;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Connections (02-api-reference/06-connections); secret fields are never echoed back by the list. */
final class Connections {
    static final Set<String> CONNECTION_TYPES = Set.of("email", "kafka", "elasticsearch", "rabbitMq", "ftp", "graylog",
            "syslog", "webhook", "logback", "activeMq", "snmp", "linux-script", "database", "ldap");
    static final Set<String> SECRET_FIELDS = Set.of("password", "apiKey", "secret", "secretKey", "token",
            "clientSecret", "privateKey", "passphrase");

    private final Context ctx;

    Connections(Context ctx) {
        this.ctx = ctx;
    }

    private static ObjectNode masked(ObjectNode c) {
        ObjectNode v = c.deepCopy();
        for (String f : SECRET_FIELDS) {
            if (v.has(f)) {
                v.putNull(f);
            }
        }
        return v;
    }

    /** Get answers a missing connection with 404, update and delete with 400, all three with this text. */
    private static String missing(String name) {
        return "Connection (name: " + name + ") was not found!";
    }

    Http.Resp list(Http.Req q) {
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.QUOTED);
            String type = q.query.get("type");
            if (type == null || type.isBlank()) {
                throw ApiError.invalidParameter("Required request parameter 'type' is not present! Valid values: "
                        + String.join(", ", CONNECTION_TYPES.stream().sorted().toList()));
            }
            if (!CONNECTION_TYPES.contains(type)) {
                throw ApiError.invalidParameter("Connection type (" + type + ") is not valid! Valid values: "
                        + String.join(", ", CONNECTION_TYPES.stream().sorted().toList()));
            }
            List<ObjectNode> items = new ArrayList<>();
            for (ObjectNode c : p.connections.values()) {
                if (type.equals(c.path("type").asText())) {
                    items.add(masked(c));
                }
            }
            return Http.Resp.json(Json.successList(items));
        }
    }

    Http.Resp get(Http.Req q) {
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.QUOTED);
            String name = q.param("name");
            ObjectNode c = p.connections.get(name);
            if (c == null) {
                throw ApiError.notFound(missing(name));
            }
            return Http.Resp.json(Json.successList(List.of(c.deepCopy())));
        }
    }

    Http.Resp upsert(Http.Req q, boolean create) {
        ObjectNode b = q.json();
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.QUOTED);
            String name = q.param("name");
            Validator v = new Validator(b);
            String type = v.requireEnum("type", CONNECTION_TYPES);
            String bodyName = v.requireString("name");
            v.optString("description");
            Boolean deployToWorker = v.optBool("deployToWorker");
            v.optBool("enabled");
            v.throwIfInvalid();
            if (create) {
                Context.checkCreate(p.connections, "Connection", name, bodyName);
            } else {
                ObjectNode existing = p.connections.get(name);
                if (existing == null) {
                    throw ApiError.badRequest(missing(name));
                }
                if (!existing.path("type").asText().equals(type)) {
                    throw ApiError.badRequest("Connection type can not be changed (from "
                            + existing.path("type").asText() + " to " + type + ")!");
                }
                Context.checkRename(p.connections, "Connection", name, bodyName);
                p.connections.remove(name);
            }
            ObjectNode stored = b.deepCopy();
            if (!stored.has("deployToWorker")) {
                stored.put("deployToWorker", true);
            }
            if (!stored.has("enabled")) {
                stored.put("enabled", true);
            }
            p.connections.put(bodyName, stored);
            ObjectNode resp = Json.obj().put("success", true);
            if (deployToWorker == null || deployToWorker) {
                resp.set("deploymentResult", Json.obj().put("success", true));
            }
            return Http.Resp.json(resp);
        }
    }

    Http.Resp delete(Http.Req q) {
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.QUOTED);
            String name = q.param("name");
            if (p.connections.remove(name) == null) {
                throw ApiError.badRequest(missing(name));
            }
            return Http.Resp.json(Json.obj().put("success", true).set("deploymentResult", Json.obj().put("success", true)));
        }
    }
}
