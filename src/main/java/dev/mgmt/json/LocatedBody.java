package dev.mgmt.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A user's YAML or JSON (a request body, a manifest document, a scenario) as a tree, plus the line where
 * each JSON pointer's value (or key) starts, so a problem names the line it is on. A place is named by a
 * JSON pointer ("/steps/2/expect") or by a field path as the server names it ({@code a.b[0].c}). Lines
 * count from the start of the stream, so a document of a multi-document file keeps its file's lines.
 */
public final class LocatedBody {
    private final JsonNode root;
    private final Map<String, Integer> lines;

    private LocatedBody(JsonNode root, Map<String, Integer> lines) {
        this.root = root;
        this.lines = lines;
    }

    /** A key given twice in one mapping, which a parser without duplicate detection lets through. */
    public static final class DuplicateKey extends JsonParseException {
        private final String key;
        private final int line;

        DuplicateKey(JsonParser p, String key, int line) {
            super(p, "duplicate key '" + key + "'");
            this.key = key;
            this.line = line;
        }

        public String key() {
            return key;
        }

        /** The line of the second value. */
        public int line() {
            return line;
        }
    }

    /** The whole of {@code bytes}, one value (JSON) or the first document (YAML); a null root when empty. */
    public static LocatedBody of(byte[] bytes, boolean yaml) throws IOException {
        JsonFactory f = yaml ? new YAMLFactory() : new JsonFactory();
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = f.createParser(bytes)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return new LocatedBody(null, lines);
            }
            JsonNode root = read(p, "", lines);
            if (!yaml && p.nextToken() != null) {
                throw new JsonParseException(p, "unexpected content after the body");
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
                ptr = ptr + "/" + escaped(part);
            }
        }
        return lineAt(ptr);
    }

    /** The line of the value at a JSON pointer, or of its nearest ancestor that has one; 0 when none has. */
    public int lineAt(String pointer) {
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
                    String child = ptr + "/" + escaped(name);
                    lines.put(child, p.currentTokenLocation().getLineNr());
                    p.nextToken();
                    if (o.has(name)) {
                        throw new DuplicateKey(p, name, p.currentTokenLocation().getLineNr());
                    }
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
            default -> throw new JsonParseException(p,
                "unexpected token " + p.currentToken());
        }
    }

    /** The line of the value at {@code path} (names and indexes), or of its nearest ancestor that has one. */
    public int line(List<Object> path) {
        return lineAt(pointer(path));
    }

    /** The JSON pointer of a path of names and indexes. */
    public static String pointer(List<Object> path) {
        StringBuilder sb = new StringBuilder();
        for (Object e : path) {
            sb.append('/').append(escaped(e.toString()));
        }
        return sb.toString();
    }

    /** A name as one JSON pointer segment. */
    private static String escaped(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
