package dev.mgmt.errors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.errors.ApiError.Origin;

import java.util.ArrayList;
import java.util.List;

/**
 * A 200 can still carry a failure: {@code "status":"FAILURE"}, {@code "success":false}, or a
 * {@code deploymentResult} with a failed environment or pod. To the user that is a failure (exit 11).
 */
public final class FailureDetector {
    private FailureDetector() {
    }

    /** The failure a successful-status body reports, or null when it reports none. */
    public static ApiError inspect(int status, JsonNode body) {
        if (body == null || !body.isObject()) {
            return null;
        }
        List<String> problems = new ArrayList<>();
        boolean failed = false;
        JsonNode st = body.get("status");
        if (st != null && st.isTextual() && st.asText().equalsIgnoreCase("FAILURE")) {
            failed = true;
        }
        JsonNode success = body.get("success");
        if (success != null && success.isBoolean() && !success.asBoolean()) {
            failed = true;
        }
        JsonNode deployment = body.get("deploymentResult");
        if (deployment != null && deployment.isObject()) {
            JsonNode overall = deployment.get("success");
            if (overall != null && overall.isBoolean() && !overall.asBoolean()) {
                failed = true;
            }
            for (String listName : new String[]{"deploymentResults", "detailList"}) {
                JsonNode items = deployment.get(listName);
                if (items != null && items.isArray()) {
                    for (JsonNode item : items) {
                        JsonNode ok = item.get("success");
                        if (ok != null && ok.isBoolean() && !ok.asBoolean()) {
                            failed = true;
                            problems.add(describeItem(item));
                        }
                    }
                }
            }
        }
        if (!failed) {
            return null;
        }
        String message = firstText(body, "error_description", "errorMessage", "message", "error");
        String description;
        if (!problems.isEmpty()) {
            description = "deployment failed in " + problems.size() + (problems.size() == 1 ? " place" : " places")
                + (message != null ? ": " + message : "");
        } else {
            description = "the server answered " + status + " but reported a failure"
                + (message != null ? ": " + message : "");
        }
        return new ApiError(status, null, description, List.of(), null, Origin.FAILURE_IN_SUCCESS, problems);
    }

    private static String describeItem(JsonNode item) {
        String where = firstText(item, "environmentName", "envName", "name");
        String pod = firstText(item, "podName");
        String message = firstText(item, "message", "errorMessage", "detail");
        StringBuilder sb = new StringBuilder("failed: ");
        sb.append(where == null ? "(unnamed)" : where);
        if (pod != null) {
            sb.append(" pod ").append(pod);
        }
        if (message != null) {
            sb.append(" — ").append(message);
        }
        return sb.toString();
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String f : fields) {
            JsonNode n = node.get(f);
            if (n != null && n.isValueNode() && !n.asText().isBlank()) {
                return n.asText();
            }
        }
        return null;
    }
}
