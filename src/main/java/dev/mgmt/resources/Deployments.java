package dev.mgmt.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.client.ApiClient;
import dev.mgmt.errors.ApiException;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.MgmtException;
import dev.mgmt.errors.NotFoundAnswer;
import dev.mgmt.http.ApiRequest;
import dev.mgmt.http.ApiResponse;
import dev.mgmt.json.Json;

import java.util.List;

/** Deploying a proxy or proxy group to an environment, and undeploying it: the same path, POST or DELETE. */
public final class Deployments {
    public enum Action {
        DEPLOY("POST"), UNDEPLOY("DELETE");

        private final String method;

        Action(String method) {
            this.method = method;
        }
    }

    private final ApiClient client;

    public Deployments(ApiClient client) {
        this.client = client;
    }

    /** Only proxies and proxy groups have deployments. */
    public static boolean deployable(Kind kind) {
        return collection(kind) != null;
    }

    /**
     * One answer names both the proxy and the environment when either is missing ("can not be deployed to
     * Environment(E) because it is not exist!"), so a "not found" is settled by reading both: the missing
     * one is reported as {@code get} reports it (exit 6, did you mean).
     */
    public ApiResponse send(Action action, Target target, String name, String environment) {
        try {
            return client.call(request(action, target, name, environment));
        } catch (ApiException e) {
            if (!NotFoundAnswer.names(e, environment) && !NotFoundAnswer.names(e, name)) {
                throw e;
            }
            try {
                requireBoth(target, name, environment);
            } catch (MgmtException missing) {
                // A read that fails for another reason (no such project, say) leaves the server's answer standing.
                if (missing.exitCode() == ExitCodes.NOT_FOUND) {
                    throw missing;
                }
            }
            throw e;
        }
    }

    /** The request {@link #send} makes. */
    public ApiRequest request(Action action, Target target, String name, String environment) {
        String path = target.fill(List.of("projects", "{project}", collection(target.kind()), "{name}", "environments",
            environment), name);
        return client.request(action.method, client.base().resolve(path), List.of(), null);
    }

    /** Fails with exit 6 (did you mean) when the environment or the proxy (group) is not there. */
    public void requireBoth(Target target, String name, String environment) {
        ResourceReader reader = new ResourceReader(client);
        reader.require(Target.of(Kinds.find("environment"), target.project(), null, null, null), environment);
        reader.require(target, name);
    }

    /**
     * The per-environment results of a deployment answer, or null when it has none. Servers name the
     * list either deploymentResults or detailList.
     */
    public static JsonNode results(ApiResponse response) {
        JsonNode body = Json.tryParse(response.body());
        JsonNode results = body == null ? null : body.path("deploymentResult");
        JsonNode items = results == null ? null
            : results.has("deploymentResults") ? results.get("deploymentResults") : results.get("detailList");
        return items != null && items.isArray() && items.size() > 0 ? items : null;
    }

    private static String collection(Kind kind) {
        switch (kind.singular()) {
            case "proxy": return "apiProxies";
            case "proxy-group": return "apiProxyGroups";
            default: return null;
        }
    }
}
