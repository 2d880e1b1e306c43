package dev.mgmt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.sandbox.Context.ProjectMsg;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Credentials (02-api-reference/07-credentials) and the API proxies and groups each one may access. */
final class Credentials {
    static final Set<String> ACCESS_TYPES = Set.of("API_PROXY", "API_PROXY_GROUP");

    private final Context ctx;

    Credentials(Context ctx) {
        this.ctx = ctx;
    }

    Http.Resp list(Http.Req q) {
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            List<ObjectNode> items = new ArrayList<>();
            for (ObjectNode c : p.credentials.values()) {
                ObjectNode v = c.deepCopy();
                v.putNull("password");
                items.add(v);
            }
            ObjectNode o = Json.successList(items);
            return Http.Resp.json(o);
        }
    }

    Http.Resp upsert(Http.Req q, boolean create) {
        ObjectNode b = q.json();
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            Validator v = new Validator(b);
            String username = v.requireString("username");
            v.requireString("password");
            v.requireString("fullName");
            String email = v.requireString("email");
            if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
                v.error("email", "email must be a valid email address");
            }
            v.optString("description");
            v.optStringList("roleNameList");
            v.optBool("enabled");
            v.optStringList("ipList");
            String exp = v.optString("expireDate");
            if (exp != null) {
                try {
                    java.time.Instant.parse(exp);
                } catch (java.time.format.DateTimeParseException e) {
                    v.error("expireDate", "expireDate must be an ISO 8601 instant such as 2030-12-31T23:59:59.000Z");
                }
            }
            v.throwIfInvalid();
            boolean exists = p.credentials.containsKey(username);
            if (create && exists) {
                throw ApiError.duplicate("There is already a credential has this name!");
            }
            if (!create && !exists) {
                throw ApiError.badRequest("Credential (username: " + username + ") was not found!");
            }
            ObjectNode stored = Json.obj();
            for (String f : List.of("email", "fullName", "description", "username", "password")) {
                stored.set(f, b.has(f) ? b.get(f) : null);
            }
            stored.set("roleNameList", b.has("roleNameList") && !b.get("roleNameList").isNull() ? b.get("roleNameList") : Json.arr());
            stored.put("enabled", !b.has("enabled") || b.get("enabled").asBoolean(true));
            stored.set("ipList", b.has("ipList") && !b.get("ipList").isNull() ? b.get("ipList") : Json.arr());
            stored.set("expireDate", b.has("expireDate") ? b.get("expireDate") : null);
            if (stored.get("description") == null) {
                stored.putNull("description");
            }
            p.credentials.put(username, stored);
            p.access.putIfAbsent(username, new ArrayList<>());
            return ctx.projectDeployed(p, true);
        }
    }

    private ObjectNode credential(Model.Project p, String username) {
        return Context.existing(p.credentials, username,
                u -> ApiError.badRequest("Credential (username: " + u + ") was not found!"));
    }

    Http.Resp delete(Http.Req q) {
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            String u = q.param("username");
            credential(p, u);
            p.credentials.remove(u);
            p.access.remove(u);
            return ctx.projectDeployed(p, false);
        }
    }

    Http.Resp changePassword(Http.Req q) {
        ObjectNode b = q.json();
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            JsonNode pw = b.get("password");
            if (pw == null || !pw.isTextual() || pw.asText().isEmpty()) {
                throw ApiError.badRequest("Credential password can not be empty!");
            }
            ObjectNode c = credential(p, q.param("username"));
            c.put("password", pw.asText());
            return ctx.projectDeployed(p, true);
        }
    }

    Http.Resp listAccess(Http.Req q) {
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            String u = q.param("username");
            credential(p, u);
            List<ObjectNode> items = p.access.getOrDefault(u, List.of()).stream().map(ObjectNode::deepCopy).toList();
            ObjectNode o = Json.obj().put("success", true);
            ArrayNode a = o.putArray("resultList");
            items.forEach(a::add);
            return Http.Resp.json(o);
        }
    }

    Http.Resp changeAccess(Http.Req q, boolean grant) {
        ObjectNode b = q.json();
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            String u = q.param("username");
            credential(p, u);
            JsonNode list = b.get("credentialAccessList");
            if (list == null || !list.isArray()) {
                throw new ApiError(400, "validation_failed", "Validation failed: credentialAccessList is required",
                        List.of(new ApiError.FieldError("credentialAccessList", "credentialAccessList must be an array")));
            }
            List<ObjectNode> current = p.access.computeIfAbsent(u, k -> new ArrayList<>());
            List<ObjectNode> next = new ArrayList<>(current);
            for (JsonNode item : list) {
                String name = item.path("name").asText("");
                String type = item.path("type").asText("");
                if (name.isBlank()) {
                    throw ApiError.badRequest("Credential access object name can not be empty!");
                }
                if (type.isBlank()) {
                    throw ApiError.badRequest("Credential access object type can not be empty!");
                }
                if (!ACCESS_TYPES.contains(type)) {
                    throw new ApiError(400, "validation_failed", "Validation failed: type must be one of API_PROXY, API_PROXY_GROUP",
                            List.of(new ApiError.FieldError("credentialAccessList.type", "unknown access type '" + type + "'")));
                }
                boolean proxy = type.equals("API_PROXY");
                boolean exists = proxy ? p.proxies.containsKey(name) : p.groups.containsKey(name);
                String label = proxy ? "API Proxy" : "API Proxy Group";
                if (!exists) {
                    throw ApiError.badRequest(label + " (name:" + name
                            + ") is not found or user does not have privilege to access it!");
                }
                boolean has = next.stream().anyMatch(a -> a.path("name").asText().equals(name)
                        && a.path("type").asText().equals(type));
                if (grant) {
                    if (has) {
                        throw new ApiError(409, "conflict", "Credential (username:" + u + ") has already access to "
                                + label + " (name:" + name + ")!");
                    }
                    next.add(Json.obj().put("name", name).put("type", type));
                } else {
                    if (!has) {
                        throw ApiError.badRequest("Credential (username:" + u + ") has no access to " + label
                                + " (name:" + name + ")!");
                    }
                    next.removeIf(a -> a.path("name").asText().equals(name) && a.path("type").asText().equals(type));
                }
            }
            current.clear();
            current.addAll(next);
            return ctx.projectDeployed(p, grant);
        }
    }
}
