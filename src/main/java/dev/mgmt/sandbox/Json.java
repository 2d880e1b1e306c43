package dev.mgmt.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Shared Jackson helpers. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode obj() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode arr() {
        return MAPPER.createArrayNode();
    }

    static byte[] bytes(JsonNode n) {
        try {
            return MAPPER.writeValueAsBytes(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(JsonNode n) {
        try {
            return MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A list envelope with {@code status: SUCCESS}. */
    static ObjectNode statusList(Iterable<? extends JsonNode> items) {
        ObjectNode o = obj().put("status", "SUCCESS");
        ArrayNode a = o.putArray("resultList");
        items.forEach(a::add);
        o.put("resultCount", a.size());
        return o;
    }

    /** A list envelope with {@code success: true}. */
    static ObjectNode successList(Iterable<? extends JsonNode> items) {
        ObjectNode o = obj().put("success", true);
        ArrayNode a = o.putArray("resultList");
        items.forEach(a::add);
        o.put("resultCount", a.size());
        return o;
    }
}
