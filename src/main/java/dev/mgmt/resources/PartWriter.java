package dev.mgmt.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.client.ApiClient;
import dev.mgmt.client.Multipart;
import dev.mgmt.errors.UsageException;
import dev.mgmt.http.ApiRequest;
import dev.mgmt.http.ApiResponse;
import dev.mgmt.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Sends the change of one {@link Part}: fills the path (NAME, VALUE) and the body fields the command line gives. */
public final class PartWriter {
    private final ApiClient client;

    public PartWriter(ApiClient client) {
        this.client = client;
    }

    /** The word a switch takes, as a boolean; anything else is a usage error before anything is sent. */
    public static boolean switchValue(Part part, String value) {
        if (value == null) {
            throw new UsageException(part.name() + " needs a VALUE: true or false");
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true": return true;
            case "false": return false;
            default: throw new UsageException("invalid VALUE '" + value + "' for " + part.name() + ": expected true or false");
        }
    }

    /**
     * The body with the fields the command line gives ({@link Part#filled()}) put in where the file leaves them
     * out; a file that names another NAME or method than the command line is a usage error.
     */
    public static JsonNode filled(Part part, JsonNode body, String name, String method) {
        if (part.filled().isEmpty()) {
            return body;
        }
        if (body != null && !body.isObject()) {
            throw new UsageException("the body for " + part.name() + " must be a JSON object");
        }
        ObjectNode copy = body == null ? Json.mapper().createObjectNode() : ((ObjectNode) body).deepCopy();
        for (Map.Entry<String, String> f : part.filled().entrySet()) {
            String given = f.getValue().equals("{name}") ? name : method;
            JsonNode inFile = copy.get(f.getKey());
            if (inFile != null && !inFile.isNull() && given != null && !inFile.asText().equals(given)) {
                throw new UsageException("'" + f.getKey() + ": " + inFile.asText() + "' in the file differs from '"
                    + given + "' on the command line; give one");
            }
            if ((inFile == null || inFile.isNull()) && given != null) {
                copy.put(f.getKey(), given);
            }
        }
        return copy;
    }

    /** The body of a switch that is a body field, with the command line's fields; null when the switch is in the path. */
    public static JsonNode switchBody(Part part, boolean on, String name, String method) {
        if (part.field() == null) {
            return null;
        }
        return filled(part, Json.mapper().createObjectNode().put(part.field(), on), name, method);
    }

    /** The path words {@code {value}} takes for this part: the switch's word, or the names given. */
    public static List<String> values(Part part, List<String> given) {
        if (part.input() == Part.Input.SWITCH) {
            if (!part.path().contains("{value}")) {
                return java.util.Collections.singletonList(null);
            }
            boolean on = switchValue(part, given.isEmpty() ? null : given.get(0));
            return List.of(part.switchWords().get(on ? 0 : 1));
        }
        if (part.input() == Part.Input.NAMES) {
            if (given.isEmpty()) {
                throw new UsageException(part.name() + " needs at least one name after it");
            }
            return List.copyOf(given);
        }
        return java.util.Collections.singletonList(null);
    }

    public ApiRequest request(Target target, Part part, String name, String value, JsonNode body) {
        return ResourceWriter.jsonRequest(client, part.method(), target.fill(path(part, value), name), body);
    }

    /**
     * Nothing reads a part back, so a POST or PATCH that may have been applied is never repeated: mgmt says how
     * it ended instead (the retry loop's rule without a read-back).
     */
    public ApiResponse send(Target target, Part part, String name, String value, JsonNode body) {
        return client.call(request(target, part, name, value, body), null);
    }

    public ApiRequest uploadRequest(Target target, Part part, String name, Multipart form) {
        return ResourceWriter.formRequest(client, part.method(), target.fill(part.path(), name), form);
    }

    public ApiResponse upload(Target target, Part part, String name, Multipart form) {
        return client.call(uploadRequest(target, part, name, form), null);
    }

    private static List<String> path(Part part, String value) {
        List<String> path = new ArrayList<>();
        for (String seg : part.path()) {
            path.add(seg.equals("{value}") ? value : seg);
        }
        return path;
    }
}
