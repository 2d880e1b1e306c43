package dev.mgmt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.sandbox.Context.ProjectMsg;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Keys and secrets (02-api-reference/08-keys-secrets): what certificates, keystores, crypto keys and JWKs share —
 * their lookups and texts, the deploymentResult of these pages, and the list, get and delete of the JSON-bodied three.
 */
final class Secrets {
    static final Set<String> UPDATE_SCOPES = Set.of("SAME_PROJECT", "ALL_PROJECTS");

    private final Context ctx;

    Secrets(Context ctx) {
        this.ctx = ctx;
    }

    /** The three JSON-bodied families share list/get/delete. */
    enum Kind {
        KEYSTORE("Keystore", "keyStoreEnvironmentList"),
        KEY("Key", "cryptoKeyInfoEnvironmentList"),
        JWK("JWK", null);

        final String label;
        final String envList;

        Kind(String label, String envList) {
            this.label = label;
            this.envList = envList;
        }
    }

    static Map<String, ObjectNode> store(Model.Project p, Kind k) {
        return switch (k) {
            case KEYSTORE -> p.keystores;
            case KEY -> p.keys;
            case JWK -> p.jwks;
        };
    }

    static ApiError notFound(String label, String name) {
        return ApiError.badRequest(label + " (name: " + name + ") is not found!");
    }

    static ApiError alreadyExists(String label, String name) {
        return ApiError.duplicate(label + " (name: " + name
                + ") is already exist! Try update operation if want to change its value.");
    }

    /** The deploymentResult object of the keys-and-secrets pages, honouring the deployFail fault. */
    ObjectNode deploymentResult(List<String> envs, boolean deploy) {
        Set<String> failing = ctx.faults.get().deployFail;
        String noun = deploy ? "Deployment" : "Undeployment";
        String done = deploy ? "Deployed" : "Undeployed";
        ArrayNode items = Json.arr();
        boolean all = true;
        for (String env : envs) {
            boolean ok = !failing.contains(env);
            all &= ok;
            items.add(Json.obj().put("environmentName", env).put("success", ok).put("message", ok
                    ? done + " successfully"
                    : noun + " failed: gateway pods of environment (" + env + ") did not acknowledge the configuration in time"));
        }
        ObjectNode r = Json.obj().put("success", all)
                .put("message", all ? noun + " completed successfully" : noun + " failed on some environments");
        r.set("environmentResults", items);
        return r;
    }

    Http.Resp deployed(List<String> envs, boolean deploy) {
        return Http.Resp.json(Json.obj().put("success", true).set("deploymentResult", deploymentResult(envs, deploy)));
    }

    void checkEnvironment(Model.Project p, String env) {
        if (!p.environmentNames.contains(env) || !ctx.model.environments.containsKey(env)) {
            throw ApiError.badRequest("Environment (" + env + ") is not found or user does not have privilege to access it!");
        }
    }

    static List<String> envNames(ObjectNode item, String listField) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : item.path(listField)) {
            String n = e.path("environmentName").asText();
            if (!out.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    static void checkUpdateScope(Http.Req q) {
        String upd = q.query.get("updateReferencedJwks");
        String scope = q.query.get("updateScope");
        if (upd != null && !upd.equals("true") && !upd.equals("false")) {
            throw new ApiError(400, "validation_failed", "Validation failed: updateReferencedJwks must be true or false",
                    List.of(new ApiError.FieldError("updateReferencedJwks", "updateReferencedJwks must be true or false")));
        }
        if ("true".equals(upd) && (scope == null || !UPDATE_SCOPES.contains(scope))) {
            throw new ApiError(400, "validation_failed",
                    "Validation failed: updateScope must be SAME_PROJECT or ALL_PROJECTS when updateReferencedJwks is true",
                    List.of(new ApiError.FieldError("updateScope", "updateScope must be one of ALL_PROJECTS, SAME_PROJECT")));
        }
    }

    private static ObjectNode view(Model.Project p, Kind k, ObjectNode stored, boolean full) {
        ObjectNode v = Json.obj();
        v.put("name", stored.path("name").asText());
        v.set("description", stored.path("description").isTextual() ? stored.get("description") : null);
        if (v.get("description") == null) {
            v.putNull("description");
        }
        v.put("projectId", Context.projectId(p));
        if (k == Kind.JWK) {
            for (String f : List.of("sourceType", "sourceId", "sourceUrl", "type", "kid")) {
                JsonNode n = stored.get(f);
                if (n == null || n.isNull()) {
                    v.putNull(f);
                } else {
                    v.set(f, n.deepCopy());
                }
            }
            if (full) {
                String mat = stored.path("type").asText().toLowerCase(Locale.ROOT);
                if (stored.has(mat)) {
                    v.set(mat, stored.get(mat).deepCopy());
                }
            }
        } else {
            stored.fields().forEachRemaining(f -> {
                if (!v.has(f.getKey())) {
                    v.set(f.getKey(), f.getValue().deepCopy());
                }
            });
        }
        return v;
    }

    Http.Resp list(Http.Req q, Kind k) {
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            return Http.Resp.json(Json.successList(store(p, k).values().stream().map(s -> view(p, k, s, false)).toList()));
        }
    }

    static ObjectNode find(Model.Project p, Kind k, String name) {
        return Context.existing(store(p, k), name, n -> notFound(k.label, n));
    }

    Http.Resp get(Http.Req q, Kind k) {
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            return Http.Resp.json(Json.successList(List.of(view(p, k, find(p, k, q.param("name")), true))));
        }
    }

    List<String> deployTargets(Model.Project p, Kind k, ObjectNode stored) {
        if (k == Kind.JWK) {
            return p.environmentNames.stream().filter(ctx.model.environments::containsKey).toList();
        }
        return envNames(stored, k.envList);
    }

    Http.Resp delete(Http.Req q, Kind k) {
        synchronized (ctx.lock) {
            Model.Project p = ctx.project(q, ProjectMsg.WAS_NOT_FOUND);
            String name = q.param("name");
            ObjectNode s = find(p, k, name);
            store(p, k).remove(name);
            return deployed(deployTargets(p, k, s), false);
        }
    }

    /** Loads keys and secrets of one seeded project. */
    static void seed(Model.Project p, JsonNode pj) {
        for (JsonNode c : pj.path("certificates")) {
            ObjectNode info = Certificates.certificateInfo(c.path("pem").asText().getBytes(StandardCharsets.US_ASCII));
            if (info == null) {
                throw new IllegalArgumentException("seed certificate " + c.path("name").asText() + " is not a valid PEM");
            }
            List<String> envs = new ArrayList<>();
            c.path("environments").forEach(e -> envs.add(e.asText()));
            p.certificates.put(c.path("name").asText(), Certificates.certificate(c.path("name").asText(),
                    c.path("description").asText(""), c.path("alias").asText(), envs, info));
        }
        for (JsonNode k : pj.path("keystores")) {
            p.keystores.put(k.path("name").asText(), ((ObjectNode) k).deepCopy());
        }
        for (JsonNode k : pj.path("keys")) {
            p.keys.put(k.path("name").asText(), ((ObjectNode) k).deepCopy());
        }
        for (JsonNode k : pj.path("jwks")) {
            p.jwks.put(k.path("name").asText(), ((ObjectNode) k).deepCopy());
        }
    }
}
