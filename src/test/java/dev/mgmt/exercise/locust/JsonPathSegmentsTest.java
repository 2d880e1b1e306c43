package dev.mgmt.exercise.locust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import dev.mgmt.json.Json;
import dev.mgmt.text.Redactor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exported file's JSONPath evaluator must select what Jayway (which 'mgmt exercise' uses) selects:
 * each path is run through both on the same document and the answers compared.
 */
class JsonPathSegmentsTest {
    private static final Configuration JAYWAY = Configuration.builder()
        .jsonProvider(new JacksonJsonNodeJsonProvider(Json.mapper()))
        .mappingProvider(new JacksonMappingProvider(Json.mapper()))
        .build();
    private static final ObjectMapper SORTED = new ObjectMapper()
        .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final String DOC = "{\"resultList\": [{\"name\": \"a\", \"type\": \"REST\", \"n\": 1},"
        + " {\"name\": \"b\", \"n\": 2.0}, {\"other\": true, \"n\": \"1\"}, {\"name\": null}, 7],"
        + " \"resultCount\": 4, \"obj\": {\"x\": 1, \"y\": [1, 2]}, \"empty\": [], \"nul\": null,"
        + " \"weird key\": \"w\", \"nested\": [[1, 2], [3]], \"it's\": {\"q\\\"\": \"quoted\"}}";
    private static final List<String> PATHS = List.of("$", "$.resultCount", "$.missing", "$.nul",
        "$.resultList[0].name", "$.resultList[-1]", "$.resultList[9]", "$.resultList[*].name", "$.resultList[*].type",
        "$.resultList[?(@.name == 'a')]", "$.resultList[?(@.name == 'zz')]", "$.resultList[?(@.name != 'a')].n",
        "$.resultList[?(@.n == 1)].name", "$.resultList[?(@.n > 1)]", "$.resultList[?(@.n >= 1)].n",
        "$.resultList[?(@.n < 2)]", "$.resultList[?(@.name)]", "$.resultList[?(@.name == null)]", "$.obj.*",
        "$.obj[*]", "$['weird key']", "$.obj.x.y", "$.resultList.name", "$.empty[*]", "$.empty[0]",
        "$.resultList[?(@.other == true)].n", "$.obj[?(@.x == 1)]", "$.resultList[?(@.n == '1')]",
        "$.resultList[*]['name']", "$.resultList[?(@['name'] == 'b')].n", "$[\"it's\"]['q\\\"']",
        "$.resultList[?(@.name > 'a')].name", "$.resultList[?(@.n <= 1.0)].n", "$.obj.y[1]", "$.obj.y[*]",
        "$.resultList[?(@.n == 1)]", "$.resultList[?(@.n == '2')]", "$.resultList[?(@.n == 1.0)]",
        "$.resultList[?(@.n > '0')]", "$.resultList[?(@.n != 1)]", "$.nested[*][1]", "$.nested[1][5]",
        "$.resultList[?(@.name == 7)]", "$.resultList[?(@.n == 1e0)]", "$.resultList[?(@.n == '1e0')]", "$.resultList[?(@.other == 'true')]");

    @TempDir
    Path dir;

    @Test
    void should_select_what_jayway_selects() throws Exception {
        JsonNode doc = Json.mapper().readTree(DOC);
        StringBuilder py = new StringBuilder("import json, os, re\nfrom decimal import Decimal\nKEEP_GOING = False\nTIMEOUT = (1, 1)\n")
            .append("SECRET_NAME = ").append(PythonLiterals.string(Redactor.SECRET_NAME_REGEX)).append("\n")
            .append(runtime()).append("\ndoc = json.loads(").append(PythonLiterals.string(DOC)).append(")\n")
            .append("for segments in [\n");
        for (String p : PATHS) {
            py.append("    [").append(JsonPathSegments.parse(p).stream().map(JsonPathSegments.Segment::python)
                .collect(Collectors.joining(", "))).append("],\n");
        }
        py.append("]:\n    r = select(doc, segments, {})\n")
            .append("    print(\"missing\" if r is MISSING else json.dumps(r, sort_keys=True, separators=(',', ':')))\n");
        Path script = dir.resolve("select.py");
        Files.writeString(script, py);
        List<String> python = Python.run(dir, script.toString()).lines().toList();
        assertEquals(PATHS.size(), python.size(), String.join("\n", python));
        StringBuilder diff = new StringBuilder();
        for (int i = 0; i < PATHS.size(); i++) {
            String java = jayway(PATHS.get(i), doc);
            if (!java.equals(python.get(i))) {
                diff.append(PATHS.get(i)).append(": Jayway ").append(java).append(", export ").append(python.get(i))
                    .append('\n');
            }
        }
        assertEquals("", diff.toString());
    }

    /** As Matchers.select: nothing matched is "missing", JSON null is null. */
    private static String jayway(String path, JsonNode doc) throws Exception {
        JsonPath compiled = JsonPath.compile(path);
        try {
            JsonNode r = compiled.read(doc, JAYWAY);
            if (r == null) {
                return "null";
            }
            if (!compiled.isDefinite() && r.isArray() && r.isEmpty()) {
                return "missing";
            }
            return SORTED.writeValueAsString(SORTED.treeToValue(r, Object.class));
        } catch (PathNotFoundException e) {
            return "missing";
        }
    }

    @Test
    void should_name_what_it_cannot_translate() {
        assertUntranslatable("$..name", "the deep scan '..'");
        assertUntranslatable("$.list[0:2]", "an array slice [a:b]");
        assertUntranslatable("$.list[0,1]", "several indexes in one bracket [0,1]");
        assertUntranslatable("$['a','b']", "several names in one bracket ['a','b']");
        assertUntranslatable("$.list.length()", "the function 'length()'");
        assertUntranslatable("$.list[?(@.a == 1 && @.b == 2)]", "a filter combining conditions with && or ||");
        assertUntranslatable("$.list[?(@.a =~ /x/)]", "the filter operator or value '=~ /x/)]'");
        assertUntranslatable("$.list[?(@.a == ${n})]", "a ${variable} outside quotes in a filter");
        assertUntranslatable("$.list[${i}]", "a ${variable} as an index");
        assertUntranslatable("$.list[?(@ == 1)]", "a filter on @ itself");
        assertUntranslatable("$.list[?($.x == 1)]", "the filter '$.x == 1)]'");
    }

    @Test
    void should_keep_variables_in_names_and_quoted_values_for_run_time() {
        assertEquals("[(\"field\", \"${env.LIST}\"), (\"filter\", [\"name\"], \"==\", \"pre-${name}\", None)]",
            "[" + JsonPathSegments.parse("$.${env.LIST}[?(@.name == 'pre-${name}')]").stream()
                .map(JsonPathSegments.Segment::python).collect(Collectors.joining(", ")) + "]");
    }

    private static void assertUntranslatable(String path, String feature) {
        JsonPathSegments.Untranslatable e = assertThrows(JsonPathSegments.Untranslatable.class,
            () -> JsonPathSegments.parse(path), path);
        assertTrue(e.getMessage().startsWith(feature), path + ": " + e.getMessage());
    }

    static String runtime() throws Exception {
        try (InputStream in = LocustExport.class.getResourceAsStream("/dev/mgmt/exercise/locust_runtime.py")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
