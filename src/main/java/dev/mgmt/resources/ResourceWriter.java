package dev.mgmt.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.client.ApiClient;
import dev.mgmt.client.Multipart;
import dev.mgmt.client.retry.ReadBack;
import dev.mgmt.errors.UsageException;
import dev.mgmt.http.ApiRequest;
import dev.mgmt.http.ApiResponse;
import dev.mgmt.json.Json;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Sends creates, updates and deletes: resolves the name, fills the path, sends the JSON body. */
public final class ResourceWriter {
    private final ApiClient client;

    public ResourceWriter(ApiClient client) {
        this.client = client;
    }

    /**
     * The resource's name: NAME from the command line, or the body's name field; both given and
     * different is a usage error, since it is unclear which one the user meant.
     */
    public static String resolveName(Operation op, String argName, JsonNode body) {
        String fromBody = op.nameField() != null && body != null && body.hasNonNull(op.nameField())
            ? body.get(op.nameField()).asText() : null;
        if (argName != null && fromBody != null && !argName.equals(fromBody)) {
            throw new UsageException("NAME '" + argName + "' differs from '" + op.nameField() + ": " + fromBody
                + "' in the file; give one name");
        }
        String name = argName != null ? argName : fromBody;
        if (name == null && (op.pathNeedsName() || op.nameField() != null)) {
            throw new UsageException("no name: give NAME on the command line"
                + (op.nameField() != null ? " or set '" + op.nameField() + "' in the file" : ""));
        }
        return name;
    }

    /** The body with the name filled in when it was given only on the command line. */
    public static JsonNode withName(Operation op, String name, JsonNode body) {
        if (op.nameField() != null && body instanceof ObjectNode && !body.hasNonNull(op.nameField()) && name != null) {
            ObjectNode copy = ((ObjectNode) body).deepCopy();
            copy.put(op.nameField(), name);
            return copy;
        }
        return body;
    }

    public ApiRequest request(Target target, Operation op, String name, JsonNode body) {
        return jsonRequest(client, op.method(), target.fill(op.path(), name), body);
    }

    /** A request with a JSON body (or none, when {@code body} is null) to {@code path} under /apiops/. */
    static ApiRequest jsonRequest(ApiClient client, String method, String path, JsonNode body) {
        byte[] bytes = body == null ? null : Json.compact(body).getBytes(StandardCharsets.UTF_8);
        List<ApiRequest.Header> headers = body == null ? List.of()
            : List.of(new ApiRequest.Header("Content-Type", "application/json"));
        return client.request(method, client.base().resolve(path), headers, bytes);
    }

    /** A request with a multipart body; {@code --curl} shows it as curl's -F parts. */
    static ApiRequest formRequest(ApiClient client, String method, String path, Multipart form) {
        return client.request(method, client.base().resolve(path),
            List.of(new ApiRequest.Header("Content-Type", form.contentType())), form.bytes()).withForm(form.parts());
    }

    public ApiResponse send(Target target, Operation op, String name, JsonNode body) {
        return client.call(request(target, op, name, body), readBack(target, name));
    }

    public ApiRequest uploadRequest(Target target, Operation op, String name, Multipart form) {
        return formRequest(client, op.method(), target.fill(op.path(), name), form);
    }

    /** Sends a multipart form (see {@link Uploads}); {@code --curl} shows it as curl's -F parts. */
    public ApiResponse upload(Target target, Operation op, String name, Multipart form) {
        return client.call(uploadRequest(target, op, name, form), readBack(target, name));
    }

    /** How a retried write is checked: by reading the object back, where the API can read it. */
    private ReadBack readBack(Target target, String name) {
        return name == null || !target.kind().listable() ? null : WriteChecks.of(client, target, name);
    }
}
