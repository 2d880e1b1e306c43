package dev.mgmt.exercise;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.mgmt.errors.UsageException;
import dev.mgmt.json.Json;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML (or JSON) document read into a Jackson tree that remembers the line of every value, so a
 * problem in a scenario names the line it is on. Lines are keyed by JSON Pointer ("/steps/2/expect").
 */
final class LocatedTree {
    private final JsonNode root;
    private final Map<String, Integer> lines;
    private final String file;

    private LocatedTree(JsonNode root, Map<String, Integer> lines, String file) {
        this.root = root;
        this.lines = lines;
        this.file = file;
    }

    static LocatedTree parse(byte[] bytes, String file) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = new YAMLFactory().createParser(bytes)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new UsageException(file + ": the scenario is empty");
            }
            JsonNode root = read(p, "", lines);
            return new LocatedTree(root, lines, file);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String msg = Json.problem(e);
            int nl = msg.indexOf('\n');
            throw new UsageException(file + (line > 0 ? ":" + line : "") + ": invalid YAML: "
                + (nl >= 0 ? msg.substring(0, nl) : msg));
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read: " + e.getMessage());
        }
    }

    private static JsonNode read(JsonParser p, String pointer, Map<String, Integer> lines) throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        lines.putIfAbsent(pointer, p.currentTokenLocation().getLineNr());
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                ObjectNode o = f.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                    lines.put(child, p.currentTokenLocation().getLineNr());
                    p.nextToken();
                    if (o.has(name)) {
                        throw new UsageException("line " + p.currentTokenLocation().getLineNr() + ": duplicate key '"
                            + name + "'");
                    }
                    o.set(name, read(p, child, lines));
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = f.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(read(p, pointer + "/" + i, lines));
                    i++;
                }
                return a;
            }
            case VALUE_STRING:
                return f.textNode(p.getText());
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT:
                        return f.numberNode(p.getIntValue());
                    case LONG:
                        return f.numberNode(p.getLongValue());
                    default:
                        return f.numberNode(p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return f.numberNode(p.getDecimalValue());
            case VALUE_TRUE:
                return f.booleanNode(true);
            case VALUE_FALSE:
                return f.booleanNode(false);
            case VALUE_NULL:
                return f.nullNode();
            default:
                throw new UsageException("line " + p.currentTokenLocation().getLineNr() + ": unexpected " + t);
        }
    }

    JsonNode root() {
        return root;
    }

    String file() {
        return file;
    }

    /** The line of the value at {@code pointer}, or of its nearest ancestor. */
    int line(String pointer) {
        String p = pointer;
        while (true) {
            Integer l = lines.get(p);
            if (l != null) {
                return l;
            }
            if (p.isEmpty()) {
                return 1;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** "scenario.yaml:12: message" as a usage error (exit 2). */
    UsageException error(String pointer, String message) {
        return new UsageException(file + ":" + line(pointer) + ": " + message);
    }
}
