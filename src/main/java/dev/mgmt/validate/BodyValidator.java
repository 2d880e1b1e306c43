package dev.mgmt.validate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a create/update request body against the JSON Schema mgmt ships for that operation
 * ({@code dev/mgmt/schemas/<kind>.<operation>.json}) before anything is sent.
 *
 * <p>Each problem names the field ({@code clientRoute.relativePathList[0]}, or {@code (body)} for the whole body),
 * says what is wrong in a few plain words, and gives the 1-based line of the user's JSON or YAML file where the
 * field (for a missing field: the object that lacks it) can be found.
 *
 * <p>Nothing is loaded until the first body is validated; each schema is compiled once, on first use.
 */
public final class BodyValidator {

    /** One thing wrong with a body. {@code line} is 1-based in the user's file, 0 if unknown. */
    public record Problem(String field, String message, int line) {
    }

    static final String ROOT = "(body)";
    private static final String DIR = "dev/mgmt/schemas/";
    private static final Map<String, Compiled> CACHE = new ConcurrentHashMap<>();
    private static volatile List<String> names;

    private BodyValidator() {
    }

    /** The names of all schemas, e.g. {@code proxy.create-url}, sorted. */
    public static List<String> schemaNames() {
        List<String> n = names;
        if (n == null) {
            try (InputStream in = resource("index.txt")) {
                if (in == null) {
                    throw new IllegalStateException("missing " + DIR + "index.txt");
                }
                n = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(s -> !s.isEmpty()).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            names = n;
        }
        return n;
    }

    public static boolean hasSchema(String schemaName) {
        return schemaNames().contains(schemaName);
    }

    /**
     * Validates {@code userBytes} (JSON, or YAML when {@code yaml}) against schema {@code schemaName}.
     *
     * @return the problems, ordered by line; empty when the body is fine
     * @throws IllegalArgumentException if there is no such schema
     */
    public static List<Problem> validate(String schemaName, byte[] userBytes, boolean yaml) {
        if (!hasSchema(schemaName)) {
            throw new IllegalArgumentException("no schema named " + schemaName);
        }
        Parsed parsed;
        try {
            parsed = Parsed.of(userBytes, yaml);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null ? 0 : Math.max(loc.getLineNr(), 0);
            return List.of(new Problem(ROOT, "not valid " + (yaml ? "YAML" : "JSON") + ": " + e.getOriginalMessage(), line));
        } catch (IOException e) {
            return List.of(new Problem(ROOT, "cannot be read: " + e.getMessage(), 0));
        }
        if (parsed.root == null) {
            return List.of(new Problem(ROOT, "is empty", 0));
        }
        Compiled c = CACHE.computeIfAbsent(schemaName, BodyValidator::compile);
        Set<ValidationMessage> messages = c.schema.validate(parsed.root);
        Set<Problem> out = new LinkedHashSet<>();
        for (ValidationMessage m : messages) {
            Problem p = toProblem(m, c.source, parsed);
            if (p != null) {
                out.add(p);
            }
        }
        List<Problem> list = new ArrayList<>(out);
        list.sort(Comparator.comparingInt(Problem::line).thenComparing(Problem::field));
        return List.copyOf(list);
    }

    /** Lines like {@code   file.yaml:7: type: must be one of REST, SOAP}, one per problem, each ending in a newline. */
    /**
     * The line in the user's body where a field named as the server names it ({@code a.b[0].c})
     * starts, or of its closest parent that exists; 0 when the body cannot be read.
     */
    public static int lineOf(byte[] userBytes, boolean yaml, String field) {
        Parsed parsed;
        try {
            parsed = Parsed.of(userBytes, yaml);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        String ptr = "";
        for (String part : field.replace("]", "").split("[.\\[]")) {
            if (!part.isEmpty()) {
                ptr = ptr + "/" + part.replace("~", "~0").replace("/", "~1");
            }
        }
        while (true) {
            Integer line = parsed.lines.get(ptr);
            if (line != null) {
                return line;
            }
            if (ptr.isEmpty()) {
                return 0;
            }
            ptr = ptr.substring(0, ptr.lastIndexOf('/'));
        }
    }

    public static String format(List<Problem> problems, String origin) {
        StringBuilder sb = new StringBuilder();
        for (Problem p : problems) {
            sb.append("  ").append(origin);
            if (p.line() > 0) {
                sb.append(':').append(p.line());
            }
            sb.append(": ").append(p.field()).append(": ").append(p.message()).append('\n');
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- schemas

    private record Compiled(JsonSchema schema, JsonNode source) {
    }

    private static final class Factory {
        static final ObjectMapper MAPPER = new ObjectMapper();
        static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER).build();
    }

    private static Compiled compile(String name) {
        try (InputStream in = resource(name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("missing schema " + DIR + name + ".json");
            }
            JsonNode node = Factory.MAPPER.readTree(in);
            return new Compiled(Factory.FACTORY.getSchema(node, Factory.CONFIG), node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String file) {
        return BodyValidator.class.getClassLoader().getResourceAsStream(DIR + file);
    }

    // ---------------------------------------------------------------- messages

    private static Problem toProblem(ValidationMessage m, JsonNode schemaRoot, Parsed parsed) {
        List<Object> path = elements(m.getInstanceLocation());
        String type = m.getType() == null ? "" : m.getType();
        JsonNode keyword = keywordNode(schemaRoot, m);
        JsonNode instance = parsed.root.at(pointer(path));
        Problem either = eitherOf(m, schemaRoot, path, parsed);
        if (either != null) {
            return either;
        }
        String message;
        switch (type) {
            case "required" -> {
                List<Object> child = new ArrayList<>(path);
                child.add(m.getProperty());
                return new Problem(field(child), "is required", parsed.line(path));
            }
            case "type" -> message = "must be " + expectedTypes(keyword) + ", got " + typeOf(instance);
            case "enum" -> message = "must be one of " + join(keyword);
            case "const" -> message = "must be " + text(keyword);
            case "minItems" -> message = keyword.asInt() == 1 ? "must not be empty"
                : "must have at least " + keyword.asInt() + " items";
            case "maxItems" -> message = "must have at most " + keyword.asInt() + " items";
            case "minLength" -> message = keyword.asInt() == 1 ? "must not be empty"
                : "must be at least " + keyword.asInt() + " characters long";
            case "maxLength" -> message = "must be at most " + keyword.asInt() + " characters long";
            case "minProperties" -> message = "must set at least " + keyword.asInt()
                + (keyword.asInt() == 1 ? " field" : " fields");
            case "minimum" -> message = "must be at least " + text(keyword);
            case "maximum" -> message = "must be at most " + text(keyword);
            case "pattern" -> message = "must match " + text(keyword);
            case "additionalProperties" -> {
                List<Object> child = new ArrayList<>(path);
                child.add(m.getProperty());
                return new Problem(field(child), "is not a known field", parsed.line(child));
            }
            case "anyOf", "oneOf" -> message = alternatives(type, keyword, m);
            case "not" -> message = "has a value that is not allowed";
            default -> {
                String text = m.getMessage();
                int colon = text.indexOf(": ");
                message = colon >= 0 && text.startsWith("/") || colon >= 0 && text.startsWith("$")
                    ? text.substring(colon + 2) : text;
            }
        }
        return new Problem(field(path), message, parsed.line(path));
    }

    /**
     * A failed anyOf/oneOf whose branches each only list required fields (e.g. "publicKey or secretKey") is
     * reported once, as the choice, instead of as each branch's missing fields.
     */
    private static Problem eitherOf(ValidationMessage m, JsonNode schemaRoot, List<Object> path, Parsed parsed) {
        if (m.getSchemaLocation() == null || m.getSchemaLocation().getFragment() == null) {
            return null;
        }
        List<Object> frag = elements(m.getSchemaLocation().getFragment());
        for (int i = frag.size() - 1; i >= 0; i--) {
            Object e = frag.get(i);
            if ("anyOf".equals(e) || "oneOf".equals(e)) {
                JsonNode branches = schemaRoot.at(pointer(frag.subList(0, i + 1)));
                String message = alternatives(e.toString(), branches, m);
                return message.startsWith("needs ") ? new Problem(field(path), message, parsed.line(path)) : null;
            }
        }
        return null;
    }

    /** For anyOf/oneOf whose branches are just "required" lists, say which fields are wanted. */
    private static String alternatives(String type, JsonNode keyword, ValidationMessage m) {
        if (keyword != null && keyword.isArray()) {
            List<String> fields = new ArrayList<>();
            for (JsonNode branch : keyword) {
                JsonNode r = branch.get("required");
                if (r == null || branch.size() != 1) {
                    fields = null;
                    break;
                }
                List<String> all = new ArrayList<>();
                r.forEach(x -> all.add(x.asText()));
                fields.add(String.join(" and ", all));
            }
            if (fields != null && !fields.isEmpty()) {
                return ("oneOf".equals(type) ? "needs exactly one of " : "needs at least one of ") + String.join(", ", fields);
            }
        }
        return "anyOf".equals(type) ? "matches none of the allowed forms" : "must match exactly one allowed form";
    }

    private static JsonNode keywordNode(JsonNode schemaRoot, ValidationMessage m) {
        if (m.getSchemaLocation() != null && m.getSchemaLocation().getFragment() != null) {
            JsonNode n = schemaRoot.at(pointer(elements(m.getSchemaLocation().getFragment())));
            if (!n.isMissingNode()) {
                return n;
            }
        }
        return m.getSchemaNode() == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : m.getSchemaNode();
    }

    private static String expectedTypes(JsonNode keyword) {
        List<String> types = new ArrayList<>();
        if (keyword.isArray()) {
            keyword.forEach(t -> {
                if (!"null".equals(t.asText())) {
                    types.add(t.asText());
                }
            });
        } else {
            types.add(keyword.asText());
        }
        List<String> withArticles = types.stream().map(BodyValidator::article).toList();
        return String.join(" or ", withArticles);
    }

    private static String article(String type) {
        return switch (type) {
            case "integer", "object", "array" -> "an " + type;
            default -> "a " + type;
        };
    }

    private static String typeOf(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        return switch (n.getNodeType()) {
            case STRING, BINARY -> "string";
            case NUMBER -> n.isIntegralNumber() ? "integer" : "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            case ARRAY -> "array";
            case OBJECT, POJO -> "object";
            default -> n.getNodeType().name().toLowerCase();
        };
    }

    private static String join(JsonNode values) {
        List<String> out = new ArrayList<>();
        if (values != null && values.isArray()) {
            values.forEach(v -> {
                if (!v.isNull()) {
                    out.add(text(v));
                }
            });
        }
        return String.join(", ", out);
    }

    private static String text(JsonNode v) {
        return v == null ? "" : v.isTextual() ? v.asText() : v.toString();
    }

    // ---------------------------------------------------------------- paths

    private static List<Object> elements(JsonNodePath p) {
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
            return ROOT;
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

    // ---------------------------------------------------------------- parsing with locations

    /** The user's body as a tree, plus the line where each JSON pointer's value (or key) starts. */
    private static final class Parsed {
        final JsonNode root;
        final Map<String, Integer> lines;

        private Parsed(JsonNode root, Map<String, Integer> lines) {
            this.root = root;
            this.lines = lines;
        }

        static Parsed of(byte[] bytes, boolean yaml) throws IOException {
            JsonFactory f = yaml ? new YAMLFactory() : new JsonFactory();
            Map<String, Integer> lines = new HashMap<>();
            try (JsonParser p = f.createParser(bytes)) {
                JsonToken t = p.nextToken();
                if (t == null) {
                    return new Parsed(null, lines);
                }
                JsonNode root = read(p, "", lines);
                if (!yaml && p.nextToken() != null) {
                    throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected content after the body");
                }
                return new Parsed(root, lines);
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
            List<Object> p = new ArrayList<>(path);
            while (true) {
                Integer l = lines.get(pointer(p));
                if (l != null && l > 0) {
                    return l;
                }
                if (p.isEmpty()) {
                    return 0;
                }
                p.remove(p.size() - 1);
            }
        }
    }
}
