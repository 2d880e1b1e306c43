package dev.mgmt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.sandbox.Context.ListOp;
import dev.mgmt.sandbox.Context.ProjectMsg;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** IP groups (02-api-reference/11-ip-groups): create/update/delete and the IP list of a group. */
final class IpGroups {
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(/(3[0-2]|[12]?\\d))?");

    private final Context ctx;

    IpGroups(Context ctx) {
        this.ctx = ctx;
    }

    private static ApiError notFound(String name) {
        return ApiError.badRequest("IP Group (" + name + ") is not found!");
    }

    private static ObjectNode group(Model.Project p, String name) {
        return Context.existing(p.ipGroups, name, IpGroups::notFound);
    }

    private static String name(ObjectNode b) {
        String name = Context.requiredName(b);
        Validator v = new Validator(b);
        v.optString("description");
        v.throwIfInvalid();
        return name;
    }

    Http.Resp create(Http.Req q) {
        ObjectNode b = q.json();
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            String name = name(b);
            if (p.ipGroups.containsKey(name)) {
                throw Context.sameNameExists("IP Group", name);
            }
            ObjectNode g = Json.obj().put("id", ctx.newId()).put("name", name);
            g.set("description", b.hasNonNull("description") ? b.get("description") : null);
            if (g.get("description") == null) {
                g.putNull("description");
            }
            g.putArray("ipList");
            p.ipGroups.put(name, g);
            return Context.ok();
        }
    }

    Http.Resp update(Http.Req q) {
        ObjectNode b = q.json();
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            String path = q.param("group");
            String name = name(b);
            ObjectNode g = group(p, path);
            Context.requireSameName("IP Group", path, name);
            if (b.hasNonNull("description")) {
                g.set("description", b.get("description"));
            }
            return Context.ok();
        }
    }

    Http.Resp delete(Http.Req q) {
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            String name = q.param("group");
            if (p.ipGroups.remove(name) == null) {
                throw notFound(name);
            }
            return Context.ok();
        }
    }

    /**
     * A missing ipList is always refused. An empty one is refused when adding or removing; when replacing it
     * clears the group, as the update page describes.
     */
    Http.Resp ips(Http.Req q, ListOp op) {
        ObjectNode b = q.json();
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            ObjectNode g = group(p, q.param("group"));
            JsonNode list = b.get("ipList");
            if (list == null || list.isNull() || (list.isArray() && list.isEmpty() && op != ListOp.REPLACE)) {
                throw ApiError.badRequest("ipList value can not be empty!");
            }
            Validator v = new Validator(b);
            List<String> ips = v.optStringList("ipList");
            if (ips != null) {
                for (int i = 0; i < ips.size(); i++) {
                    if (!IPV4.matcher(ips.get(i).trim()).matches()) {
                        v.error("ipList[" + i + "]", "ipList[" + i + "] must be an IPv4 address or CIDR range (got '"
                                + ips.get(i) + "')");
                    }
                }
            }
            v.throwIfInvalid();
            Set<String> current = new LinkedHashSet<>();
            g.path("ipList").forEach(n -> current.add(n.asText()));
            List<String> given = new ArrayList<>();
            ips.forEach(s -> given.add(s.trim()));
            switch (op) {
                case ADD -> current.addAll(given);
                case REPLACE -> {
                    current.clear();
                    current.addAll(given);
                }
                default -> given.forEach(current::remove);
            }
            ArrayNode out = g.putArray("ipList");
            current.forEach(out::add);
            return Context.ok();
        }
    }
}
