package dev.mgmt.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;

/**
 * The one configured ObjectMapper, created on first use, and what reads and writes trees without it: building
 * the mapper costs about 20 ms at start-up even from the AOT cache, which reading an error body, printing
 * {@code -o json} or an error object does not need.
 */
public final class Json {
    private Json() {
    }

    private static final class Holder {
        static final ObjectMapper MAPPER = JsonMapper.builder(newFactory())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .defaultPrettyPrinter(printer())
            .build();
    }

    /** jq's layout: two-space indent, one element per line, {@code "key": value}, {@code []} and {@code {}}. */
    public static DefaultPrettyPrinter printer() {
        return new JqPrinter();
    }

    private static final class JqPrinter extends DefaultPrettyPrinter {
        JqPrinter() {
            super(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
            indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
        }

        JqPrinter(JqPrinter base) {
            super(base);
        }

        @Override
        public DefaultPrettyPrinter createInstance() {
            return new JqPrinter(this);
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            if (nrOfValues == 0) {
                _nesting--;
                g.writeRaw(']');
            } else {
                super.writeEndArray(g, nrOfValues);
            }
        }

        @Override
        public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
            if (nrOfEntries == 0) {
                _nesting--;
                g.writeRaw('}');
            } else {
                super.writeEndObject(g, nrOfEntries);
            }
        }
    }

    private static final class FactoryHolder {
        static final JsonFactory FACTORY = newFactory();
    }

    /**
     * Jackson's 20 MB cap on one string value would refuse valid answers (a proxy archive, a long
     * description) that stream well; what the user gives is bounded by size before it is parsed
     * ({@code process.InputLimit}), so the cap is lifted. The nesting limit stays: deeper is hostile.
     */
    private static JsonFactory newFactory() {
        return JsonFactory.builder()
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build();
    }

    /**
     * The streaming factory alone: building an ObjectMapper costs ~20 ms at start-up, which the
     * plain list path (stream, build small trees, print) does not need.
     */
    public static JsonFactory factory() {
        return FactoryHolder.FACTORY;
    }

    /** Reads the value at the parser's current token into a tree, without an ObjectMapper. */
    public static JsonNode readTree(JsonParser p) throws IOException {
        JsonNodeFactory nf = JsonNodeFactory.instance;
        switch (p.currentToken()) {
            case START_OBJECT: {
                ObjectNode o = nf.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    o.set(name, readTree(p));
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = nf.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(readTree(p));
                }
                return a;
            }
            case VALUE_STRING:
                return nf.textNode(p.getText());
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT: return nf.numberNode(p.getIntValue());
                    case LONG: return nf.numberNode(p.getLongValue());
                    default: return nf.numberNode(p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return nf.numberNode(p.getDecimalValue());
            case VALUE_TRUE:
                return nf.booleanNode(true);
            case VALUE_FALSE:
                return nf.booleanNode(false);
            case VALUE_NULL:
                return nf.nullNode();
            default:
                throw new JsonParseException(p, "unexpected token " + p.currentToken());
        }
    }

    public static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    /**
     * YAML as people write it by hand (config files, bodies): a key given twice is refused where
     * Jackson would silently keep the last one, so what is sent or used is what the user sees.
     */
    public static YAMLFactory strictYaml() {
        return YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    }

    /** Jackson's words for a problem in the user's input, in the user's: "duplicate key 'name'". */
    public static String userWords(String problem) {
        return problem.startsWith("Duplicate field") ? problem.replace("Duplicate field", "duplicate key") : problem;
    }

    /** Parses the first value, or returns null when the bytes hold none or are not JSON. */
    public static JsonNode tryParse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try (JsonParser p = factory().createParser(body)) {
            return p.nextToken() == null ? null : readTree(p);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Writes a tree as the mapper's {@code writeTree} does, without a mapper ({@code JsonTreeWriteTest} holds
     * the two to the same bytes). A tree that holds Java objects (a POJO node) goes through the mapper.
     */
    public static void write(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (java.util.Map.Entry<String, JsonNode> e : node.properties()) {
                    g.writeFieldName(e.getKey());
                    write(g, e.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode item : node) {
                    write(g, item);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(node.textValue());
            case NUMBER -> writeNumber(g, node);
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            case NULL, MISSING -> g.writeNull();
            case BINARY -> g.writeBinary(node.binaryValue());
            default -> mapper().writeTree(g, node);
        }
    }

    private static void writeNumber(JsonGenerator g, JsonNode n) throws IOException {
        switch (n.numberType()) {
            case INT -> g.writeNumber(n.intValue());
            case LONG -> g.writeNumber(n.longValue());
            case BIG_INTEGER -> g.writeNumber(n.bigIntegerValue());
            case FLOAT -> g.writeNumber(n.floatValue());
            case DOUBLE -> g.writeNumber(n.doubleValue());
            default -> g.writeNumber(n.decimalValue());
        }
    }

    /** jq's layout ({@link #printer}), as {@code -o json} prints. */
    public static String pretty(JsonNode node) {
        return text(node, true);
    }

    public static String compact(JsonNode node) {
        return text(node, false);
    }

    private static String text(JsonNode node, boolean pretty) {
        java.io.StringWriter out = new java.io.StringWriter();
        try (JsonGenerator g = factory().createGenerator(out)) {
            if (pretty) {
                g.setPrettyPrinter(printer());
            }
            write(g, node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /**
     * What went wrong, in the user's words: "line 3, column 7: Unexpected character ..." for a
     * syntax error, "it is nested deeper than 1000 levels" for a limit (never Jackson's class names).
     */
    public static String describe(IOException e) {
        if (e instanceof JsonParseException p) {
            return describe(p);
        }
        if (e instanceof JsonProcessingException p) {
            return firstLine(problem(p));
        }
        return String.valueOf(e.getMessage());
    }

    /** Jackson's own message, except that a read limit is worded for the user; no location added. */
    public static String problem(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return ReadLimits.describe(e.getOriginalMessage());
        }
        return e.getOriginalMessage() == null ? "it cannot be read" : e.getOriginalMessage();
    }

    private static String firstLine(String msg) {
        int nl = msg == null ? -1 : msg.indexOf('\n');
        return nl >= 0 ? msg.substring(0, nl) : String.valueOf(msg);
    }

    /** "line 3, column 7: Unexpected character ..." for a parse failure in user input. */
    public static String describe(JsonParseException e) {
        String msg = e.getOriginalMessage();
        int nl = msg.indexOf('\n');
        if (nl >= 0) {
            msg = msg.substring(0, nl);
        }
        // Jackson appends where an unclosed object began, in terms of its own input source: noise here.
        int marker = msg.indexOf(" (start marker at ");
        if (marker >= 0) {
            msg = msg.substring(0, marker);
        }
        msg = userWords(msg);
        if (e.getLocation() == null) {
            return msg;
        }
        return "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": " + msg;
    }
}
