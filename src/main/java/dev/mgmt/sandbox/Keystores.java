package dev.mgmt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.sandbox.Context.ProjectMsg;
import dev.mgmt.sandbox.Secrets.Kind;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Create and update of keystores and crypto keys, which differ only in their environment entries. */
final class Keystores {
    private final Context ctx;
    private final Secrets secrets;

    Keystores(Context ctx, Secrets secrets) {
        this.ctx = ctx;
        this.secrets = secrets;
    }

    Http.Resp save(Http.Req q, Kind k, boolean create) {
        ObjectNode b = q.json();
        if (!create) {
            Secrets.checkUpdateScope(q);
        }
        Validator v = new Validator(b);
        String name = create ? v.requireString("name") : v.optString("name");
        String description = v.optString("description");
        if (k == Kind.KEY) {
            v.requireEnum("keyType", Set.of("RSA", "EC"));
        }
        List<Validator> items = v.optObjectList(k.envList);
        if (items.isEmpty() && !v.hasErrorsFor(k.envList)) {
            v.error(k.envList, k.envList + " needs at least one environment");
        }
        for (Validator iv : items) {
            iv.requireString("environmentName");
            if (k == Kind.KEYSTORE) {
                iv.requireEnum("type", Set.of("JKS", "PKCS12"));
                base64(iv, iv.requireString("file"), "file");
            } else {
                String pub = iv.optString("publicKey");
                String priv = iv.optString("privateKey");
                base64(iv, pub, "publicKey");
                base64(iv, priv, "privateKey");
                if (pub == null && priv == null && !iv.hasErrorsFor("publicKey") && !iv.hasErrorsFor("privateKey")) {
                    iv.error("publicKey", "publicKey or privateKey is required");
                }
            }
        }
        v.throwIfInvalid();
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            Map<String, ObjectNode> st = Secrets.store(p, k);
            String pathName = create ? name : q.param("name");
            if (create) {
                if (st.containsKey(name)) {
                    throw Secrets.alreadyExists(k.label, name);
                }
            } else {
                Secrets.find(p, k, pathName);
                if (name != null && !name.equals(pathName)) {
                    throw ApiError.badRequest(k.label + " name in path (" + pathName + ") does not match name in body ("
                            + name + ")!");
                }
            }
            for (JsonNode e : b.path(k.envList)) {
                secrets.checkEnvironment(p, e.path("environmentName").asText());
            }
            ObjectNode stored = Json.obj().put("name", pathName);
            if (description == null) {
                stored.putNull("description");
            } else {
                stored.put("description", description);
            }
            if (k == Kind.KEY) {
                stored.put("keyType", b.get("keyType").asText());
            }
            ArrayNode list = stored.putArray(k.envList);
            for (JsonNode e : b.path(k.envList)) {
                ObjectNode item = Json.obj().put("environmentName", e.path("environmentName").asText());
                if (k == Kind.KEYSTORE) {
                    item.put("type", e.path("type").asText()).put("file", e.path("file").asText());
                } else {
                    item.set("publicKey", e.hasNonNull("publicKey") ? e.get("publicKey") : null);
                    item.set("privateKey", e.hasNonNull("privateKey") ? e.get("privateKey") : null);
                    for (String f : List.of("publicKey", "privateKey")) {
                        if (item.get(f) == null) {
                            item.putNull(f);
                        }
                    }
                }
                list.add(item);
            }
            st.put(pathName, stored);
            return secrets.deployed(Secrets.envNames(stored, k.envList), true);
        }
    }

    private static void base64(Validator v, String value, String field) {
        if (value == null) {
            return;
        }
        try {
            Base64.getDecoder().decode(value.replaceAll("\\s+", ""));
        } catch (IllegalArgumentException e) {
            v.error(field, field + " must be base64-encoded");
        }
    }
}
