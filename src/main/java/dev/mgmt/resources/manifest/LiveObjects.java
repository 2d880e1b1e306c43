package dev.mgmt.resources.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.client.ApiClient;
import dev.mgmt.errors.ApiException;
import dev.mgmt.errors.NotFoundAnswer;
import dev.mgmt.http.ApiRequest;
import dev.mgmt.json.Json;
import dev.mgmt.output.EachSink;
import dev.mgmt.resources.Identity;
import dev.mgmt.resources.Kind;
import dev.mgmt.resources.ResourceReader;
import dev.mgmt.resources.Target;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The manager's side of a plan: each object by its single read where the API has one (a 404 means it
 * is not there), else picked out of its list, which is read once per kind and place.
 */
public final class LiveObjects {
    private final ApiClient client;
    private final Map<String, Map<String, JsonNode>> lists = new HashMap<>();

    public LiveObjects(ApiClient client) {
        this.client = client;
    }

    /** The live object a document names, or null when the manager has none. */
    public JsonNode find(Manifest m) {
        Target t = m.target();
        if (!t.kind().hasGet()) {
            return listed(t).get(m.name());
        }
        String name = Identity.plainName(t.kind(), m.fields());
        ApiRequest request = client.request("GET", client.base().resolve(t.getPath(name)), List.of(), null);
        try {
            JsonNode body = Json.tryParse(client.call(request).body());
            if (body != null && body.has("resultList")) {
                JsonNode list = body.get("resultList");
                return list.isArray() && list.size() > 0 ? list.get(0) : null;
            }
            return body;
        } catch (ApiException e) {
            // Some single reads answer a missing name with 400 and a "not found" message.
            if (e.error().status() == 404 || e.error().status() == 400 && NotFoundAnswer.names(e, name)) {
                return null;
            }
            throw e;
        }
    }

    /** Every live object of the target's kind and place, by identity (as {@link Manifest#name()} gives it). */
    public Map<String, JsonNode> listed(Target target) {
        String key = target.kind().singular() + "\u0000" + target.project() + "\u0000" + target.proxy();
        Map<String, JsonNode> cached = lists.get(key);
        if (cached != null) {
            return cached;
        }
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        Kind kind = target.kind();
        new ResourceReader(client).list(target, new EachSink(item -> byName.put(Identity.of(kind, item), item)));
        lists.put(key, byName);
        return byName;
    }
}
