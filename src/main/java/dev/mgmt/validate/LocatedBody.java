package dev.mgmt.validate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonNodePath;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The user's body as a tree, plus the line where each JSON pointer's value (or key) starts, and
 * the two ways a place in it is named: a JSON pointer and a field path like {@code a.b[0].c}. Lines count
 * from the start of the stream, so a document of a multi-document file keeps its file's lines.
 */
public final class LocatedBody {
    final JsonNode root;
    final Map<String, Integer> lines;

    private LocatedBody(JsonNode root, Map<String, Integer> lines) {
        this.root = root;
        this.lines = lines;
    }

    static LocatedBody of(byte[] bytes, boolean yaml) throws IOException {
        JsonFactory f = yaml ? new YAMLFactory() : new JsonFactory();
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = f.createParser(bytes)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return new LocatedBody(null, lines);
            }
            JsonNode root = read(p, "", lines);
            if (!yaml && p.nextToken() != null) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected content after the body");
            }
            return new LocatedBody(root, lines);
        }
    }

    /** The value the parser is on (one document of a stream), with the line of each of its parts. */
    public static LocatedBody at(JsonParser p) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        return new LocatedBody(read(p, "", lines), lines);
    }

    public JsonNode root() {
        return root;
    }

    /**
     * The line where a field named as the server names it ({@code a.b[0].c}) starts, or of its closest
     * parent that exists; 0 when there is none.
     */
    public int lineOf(String field) {
        String ptr = "";
        for (String part : field.replace("]", "").split("[.\\[]")) {
            if (!part.isEmpty()) {
                ptr = ptr + "/" + part.replace("~", "~0").replace("/", "~1");
            }
        }
        return lineAt(ptr);
    }

    /** The line of the value at a JSON pointer, or of its nearest ancestor that has one; 0 when none has. */
    private int lineAt(String pointer) {
        String ptr = pointer;
        while (true) {
            Integer line = lines.get(ptr);
            if (line != null && line > 0) {
                return line;
            }
            if (ptr.isEmpty()) {
                return 0;
            }
            ptr = ptr.substring(0, ptr.lastIndexOf('/'));
        }
    }

    private static JsonNode read(JsonParser p, String ptr, Map<String, Integer> lines) throws IOException {
        lines.putIfAbsent(ptr, p.currentTokenLocation().getLineNr());
        JsonNodeFactory nf = JsonNodeFactory.instance;
        switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode o = nf.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = ptr + "/" + name.replace("~", "~0").replace("/", "~1");
                    lines.put(child, p.currentTokenLocation().getLineNr());
                    p.nextToken();
                    o.set(name, read(p, child, lines));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = nf.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(read(p, ptr + "/" + i++, lines));
                }
                return a;
            }
            case VALUE_STRING -> {
                return nf.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT -> nf.numberNode(p.getIntValue());
                    case LONG -> nf.numberNode(p.getLongValue());
                    default -> nf.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return nf.numberNode(p.getDecimalValue());
            }
            case VALUE_TRUE -> {
                return nf.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return nf.booleanNode(false);
            }
            case VALUE_NULL -> {
                return nf.nullNode();
            }
            case VALUE_EMBEDDED_OBJECT -> {
                Object v = p.getEmbeddedObject();
                return v == null ? nf.nullNode() : nf.textNode(v.toString());
            }
            default -> throw new com.fasterxml.jackson.core.JsonParseException(p,
                "unexpected token " + p.currentToken());
        }
    }

    /** The line of the value at {@code path}, or of its nearest ancestor that has one. */
    int line(List<Object> path) {
        return lineAt(pointer(path));
    }

    static List<Object> elements(JsonNodePath p) {
        List<Object> out = new ArrayList<>();
        if (p != null) {
            for (int i = 0; i < p.getNameCount(); i++) {
                out.add(p.getElement(i));
            }
        }
        return out;
    }

    static String pointer(List<Object> path) {
        StringBuilder sb = new StringBuilder();
        for (Object e : path) {
            sb.append('/').append(e.toString().replace("~", "~0").replace("/", "~1"));
        }
        return sb.toString();
    }

    static String field(List<Object> path) {
        if (path.isEmpty()) {
            return BodyValidator.ROOT;
        }
        StringBuilder sb = new StringBuilder();
        for (Object e : path) {
            if (e instanceof Integer) {
                sb.append('[').append(e).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(e);
            }
        }
        return sb.toString();
    }
}
