package dev.mgmt.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Json writes and reads trees without an ObjectMapper (start-up): for any tree, the bytes are the mapper's, in
 * JSON (jq's layout and compact) and in YAML; and reading gives the mapper's tree, except that a decimal keeps the
 * digits it was written with.
 */
class JsonTreeWritePropertyTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Provide
    Arbitrary<JsonNode> trees() {
        return tree(3);
    }

    private static Arbitrary<JsonNode> tree(int depth) {
        Arbitrary<JsonNode> leaf = Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(12).map(NODES::textNode),
            Arbitraries.strings().withChars("\"\\\n\t\u0000\u001f\u00e9\u20ac\ud83d\ude00a/ ").ofMaxLength(6).map(NODES::textNode),
            Arbitraries.integers().map(i -> (JsonNode) NODES.numberNode(i)),
            Arbitraries.longs().map(l -> (JsonNode) NODES.numberNode(l)),
            Arbitraries.bigIntegers().between(BigInteger.TEN.pow(19).negate(), BigInteger.TEN.pow(30))
                .map(b -> (JsonNode) NODES.numberNode(b)),
            Arbitraries.doubles().map(d -> (JsonNode) NODES.numberNode(d)),
            Arbitraries.floats().map(f -> (JsonNode) NODES.numberNode(f)),
            Arbitraries.bigDecimals().ofScale(4).map(d -> (JsonNode) NODES.numberNode(d)),
            Arbitraries.of(NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode()));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<JsonNode> child = tree(depth - 1);
        Arbitrary<JsonNode> array = child.list().ofMaxSize(4).map(items -> {
            ArrayNode a = NODES.arrayNode();
            items.forEach(a::add);
            return a;
        });
        Arbitrary<JsonNode> object = Arbitraries.strings().ofMaxLength(6).list().ofMaxSize(4).flatMap(keys ->
            child.list().ofSize(keys.size()).map(values -> {
                ObjectNode o = NODES.objectNode();
                for (int i = 0; i < keys.size(); i++) {
                    o.set(keys.get(i), values.get(i));
                }
                return o;
            }));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, leaf), net.jqwik.api.Tuple.of(2, array),
            net.jqwik.api.Tuple.of(2, object));
    }

    @Property(tries = 400, seed = "20261204")
    void json_is_written_as_the_mapper_writes_it(@ForAll("trees") JsonNode tree) throws IOException {
        assertEquals(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree), Json.pretty(tree));
        assertEquals(Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree),
            Json.compact(tree));
    }

    @Property(tries = 200, seed = "20261204")
    void yaml_is_written_as_the_mapper_writes_it(@ForAll("trees") JsonNode tree) throws IOException {
        YAMLFactory f = YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build();
        StringWriter viaMapper = new StringWriter();
        try (JsonGenerator g = new YAMLMapper(f).getFactory().createGenerator(viaMapper)) {
            g.writeTree(tree);
        }
        StringWriter direct = new StringWriter();
        try (JsonGenerator g = f.createGenerator(direct)) {
            Json.write(g, tree);
        }
        assertEquals(viaMapper.toString(), direct.toString());
    }

    @Property(tries = 400, seed = "20261204")
    void json_is_read_as_the_mapper_reads_it(@ForAll("trees") JsonNode tree) throws IOException {
        byte[] text = Json.compact(tree).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        JsonNode read = Json.tryParse(text);
        assertEquals(Json.mapper().readTree(text).toString(), doubled(read).toString());
    }

    /** The mapper reads a decimal as a double: the same tree with each decimal made one, for comparing. */
    private static JsonNode doubled(JsonNode n) {
        if (n.isObject()) {
            ObjectNode o = NODES.objectNode();
            n.properties().forEach(e -> o.set(e.getKey(), doubled(e.getValue())));
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = NODES.arrayNode();
            n.forEach(item -> a.add(doubled(item)));
            return a;
        }
        return n.isBigDecimal() ? NODES.numberNode(n.doubleValue()) : n;
    }

    @Property(tries = 50, seed = "20261204")
    void text_that_is_not_one_json_value_reads_as_nothing(@ForAll("notJson") String text) {
        assertNull(Json.tryParse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), text);
    }

    @Provide
    Arbitrary<String> notJson() {
        return Arbitraries.of("", " ", "\n\t ", "<html>", "{", "[1,", "{\"a\":}", "nul", "'x'");
    }

    @Property(tries = 20, seed = "20261204")
    void decimals_keep_their_digits(@ForAll("decimals") String digits) {
        JsonNode n = Json.tryParse(("{\"v\":" + digits + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(new BigDecimal(digits), n.get("v").decimalValue());
        assertEquals("{\"v\":" + new BigDecimal(digits) + "}", Json.compact(n));
    }

    @Provide
    Arbitrary<String> decimals() {
        return Arbitraries.of(List.of("1.50", "0.1", "1e5", "-2.500E-3", "123456789012345678901234567890.5")
            .toArray(new String[0]));
    }
}
