package dev.mgmt.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.json.Json;
import dev.mgmt.output.Outcome;

import java.util.List;

/** A credential's access items ({@code {name, type}}), as grant and revoke send them and the access list shows them. */
public final class AccessItems {
    private static final String GROUP = "API_PROXY_GROUP";

    private AccessItems() {
    }

    /** The documented body: API_PROXY for each proxy, API_PROXY_GROUP for each group. */
    public static ObjectNode body(List<String> proxies, List<String> groups) {
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode list = body.putArray("credentialAccessList");
        for (String name : proxies) {
            list.addObject().put("name", name).put("type", "API_PROXY");
        }
        for (String name : groups) {
            list.addObject().put("name", name).put("type", GROUP);
        }
        return body;
    }

    /** The kind an item names: "proxy-group" or "proxy". */
    public static String kind(JsonNode item) {
        return item.path("type").asText().equals(GROUP) ? "proxy-group" : "proxy";
    }

    /** "proxy/petstore-api", "proxy-group/public-apis". */
    public static String ref(JsonNode item) {
        return Outcome.ref(kind(item), item.path("name").asText());
    }
}
