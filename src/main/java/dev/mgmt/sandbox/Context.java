package dev.mgmt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What every handler shares: the model and the lock that guards it, the clock, the fault spec, deterministic ids,
 * the project and proxy lookups with their documented not-found texts, and the deployment results.
 */
final class Context {
    static final List<String> PIPELINES = List.of("REQUEST", "RESPONSE", "ERROR");
    static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "ALL");
    static final Set<String> CACHE_KEY_TYPES = Set.of("QUERY_PARAMS", "CUSTOM");
    static final Set<String> CACHE_STORAGE_TYPES = Set.of("LOCAL", "DISTRIBUTED");
    static final Set<String> CACHE_HANDLING = Set.of("CONTINUE", "STOP");

    /** How a missing project is reported; the documentation differs per endpoint family. */
    enum ProjectMsg { IS_NOT_FOUND, WAS_NOT_FOUND, QUOTED, ENV_400 }

    /** How a request changes a list held by a resource: add to it, replace it, or remove from it. */
    enum ListOp { ADD, REPLACE, REMOVE }

    final Object lock = new Object();
    final Model model;
    final Supplier<Clock> clock;
    private final Random random;
    final Supplier<FaultSpec> faults;
    /** Seeds the handlers that draw their own random numbers, so that they do not shift each other's ids. */
    final long seed;

    Context(Model model, Supplier<Clock> clock, long seed, Supplier<FaultSpec> faults) {
        this.model = model;
        this.clock = clock;
        this.random = new Random(seed ^ 0x5DEECE66DL);
        this.faults = faults;
        this.seed = seed;
    }

    Model.Project project(Http.Req q, ProjectMsg style) {
        String name = q.param("project");
        Model.Project p = model.projects.get(name);
        if (p != null) {
            return p;
        }
        throw switch (style) {
            case IS_NOT_FOUND -> ApiError.notFound("Project (" + name
                    + ") is not found or user does not have privilege to access it!");
            case WAS_NOT_FOUND -> ApiError.notFound("Project(" + name
                    + ") was not found or user does not have privilege to access it!");
            case QUOTED -> ApiError.notFound("Project '" + name + "' not found");
            case ENV_400 -> ApiError.badRequest("Project not found for name: (" + name
                    + ") or user has not privilege to access it!");
        };
    }

    Model.Proxy proxy(Model.Project p, String name) {
        return existing(p.proxies, name, n -> ApiError.notFound("ApiProxy (name: " + n + ") was not found!"));
    }

    /** The path's project, then its proxy: a missing project is reported before a missing proxy. */
    Model.Proxy proxy(Http.Req q, ProjectMsg style) {
        Model.Project p = project(q, style);
        return proxy(p, q.param("proxy"));
    }

    /** The named item, or the family's own not-found error (the texts and statuses differ per family). */
    static <T> T existing(Map<String, T> items, String name, Function<String, ApiError> notFound) {
        T item = items.get(name);
        if (item == null) {
            throw notFound.apply(name);
        }
        return item;
    }

    /** The body's name, which several families' create and update pages require with this one text. */
    static String requiredName(ObjectNode b) {
        JsonNode n = b.get("name");
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw ApiError.badRequest("name value can not be empty!");
        }
        return n.asText();
    }

    /** Families whose update pages refuse to rename a resource word the refusal alike. */
    static void requireSameName(String noun, String path, String bodyName) {
        if (!bodyName.equals(path)) {
            throw ApiError.badRequest(noun + " name can not be changed (path: " + path + ", body: " + bodyName + ")!");
        }
    }

    static ApiError sameNameExists(String noun, String name) {
        return ApiError.duplicate("An " + noun + " with same name (" + name + ") already exists in project!");
    }

    /** Where the name is in both path and body, a create must name the same thing twice, and the name must be free. */
    static void checkCreate(Map<String, ?> items, String noun, String name, String bodyName) {
        if (!bodyName.equals(name)) {
            throw ApiError.badRequest(noun + " name in path (" + name + ") does not match name in body ("
                    + bodyName + ")!");
        }
        if (items.containsKey(name)) {
            throw ApiError.duplicate(noun + " (name: " + name + ") already exists!");
        }
    }

    /** An update may rename the resource, but not onto another one. */
    static void checkRename(Map<String, ?> items, String noun, String name, String bodyName) {
        if (!bodyName.equals(name) && items.containsKey(bodyName)) {
            throw ApiError.duplicate(noun + " (name: " + bodyName + ") already exists!");
        }
    }

    /** A 24-hex-digit id, deterministic for a given seed. */
    String newId() {
        synchronized (random) {
            return String.format("%08x%016x", random.nextInt(), random.nextLong());
        }
    }

    ObjectNode endpoint(String path, String desc, String method, String backendUrl, String backendMethod) {
        return Json.obj().put("id", newId()).put("endpoint", path).put("description", desc).put("active", true)
                .put("httpMethod", method).put("backendResourceUrl", backendUrl).put("backendHttpMethod", backendMethod);
    }

    static String projectId(Model.Project p) {
        return String.format("%024x", p.name.hashCode() & 0xffffffffL);
    }

    /** Admin-only pages answer other users with 401 and their own text (the demo viewer is not an admin). */
    static void requireAdmin(Http.Req q, String message) {
        if (q.user == null || q.user.readOnly()) {
            throw new ApiError(401, "unauthorized_client", message);
        }
    }

    /** Environments named in a proxy or policy-deployment request must be assigned to the project. */
    void requireProjectEnvironment(Model.Project p, String env) {
        if (!p.environmentNames.contains(env) || !model.environments.containsKey(env)) {
            throw ApiError.badRequest("Environment (" + env + ") is not found or project (" + p.name
                    + ") has no access to it!");
        }
    }

    static Http.Resp ok() {
        return Http.Resp.json(Json.obj().put("success", true));
    }

    /** The answer to an accepted change of a proxy, which leaves every deployment of it needing a redeploy. */
    static Http.Resp changed(Model.Proxy x) {
        x.markChanged();
        return ok();
    }

    /** A list of HTTP method names, each one of {@link #HTTP_METHODS}. */
    static void httpMethods(Validator v, String field) {
        List<String> l = v.optStringList(field);
        if (l != null) {
            for (String m : l) {
                if (!HTTP_METHODS.contains(m)) {
                    v.error(field, field + " contains unknown HTTP method '" + m + "'");
                }
            }
        }
    }

    /** Deploys or undeploys; the result has one item per environment. */
    ObjectNode proxyDeploymentResult(Model.Proxy x, List<String> envs, boolean deploy) {
        Set<String> failing = faults.get().deployFail;
        ObjectNode r = Json.obj();
        ArrayNode items = Json.arr();
        boolean all = true;
        for (String env : envs) {
            boolean ok = !failing.contains(env);
            all &= ok;
            String msg;
            if (ok) {
                if (deploy) {
                    x.deployments.put(env, false);
                } else {
                    x.deployments.remove(env);
                }
                msg = deploy ? "Deployment successful" : "Undeployment successful";
            } else {
                msg = (deploy ? "Deployment" : "Undeployment") + " failed: gateway pods of environment (" + env
                        + ") did not acknowledge the configuration in time";
            }
            items.add(Json.obj().put("environmentName", env).put("success", ok).put("message", msg));
        }
        r.put("success", all);
        r.set("deploymentResults", items);
        return r;
    }

    /** Project-wide resources (credentials, environment variables) are pushed to all the project's environments. */
    Http.Resp projectDeployed(Model.Project p, boolean deploy) {
        return Http.Resp.json(Json.obj().put("success", true)
                .set("deploymentResult", environmentsDeployResult(p.environmentNames, deploy)));
    }

    /** {success, message, environmentResults[]} for the given environments, honouring the deployFail fault. */
    ObjectNode environmentsDeployResult(Iterable<String> envs, boolean deploy) {
        Set<String> failing = faults.get().deployFail;
        ArrayNode items = Json.arr();
        boolean all = true;
        for (String env : envs) {
            boolean ok = !failing.contains(env);
            all &= ok;
            items.add(Json.obj().put("environmentName", env).put("success", ok)
                    .put("message", ok ? (deploy ? "Deployed successfully" : "Undeployed successfully")
                            : (deploy ? "Deployment" : "Undeployment") + " failed on environment (" + env + ")"));
        }
        String verb = deploy ? "Deployment" : "Undeployment";
        return Json.obj().put("success", all)
                .put("message", all ? verb + " completed successfully" : verb + " failed for some environments")
                .set("environmentResults", items);
    }
}
