package dev.mgmt.validate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.mgmt.validate.BodyValidator.Problem;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BodyValidatorTest {

    private static final String EXAMPLES = "dev/mgmt/validate/examples/";

    /** One example body from the reference docs: file name, schema, where in the docs it comes from. */
    record Example(String file, String schema, String source) {
        byte[] bytes() {
            return resource(EXAMPLES + file);
        }
    }

    static List<Example> examples() {
        List<Example> out = new ArrayList<>();
        for (String line : new String(resource(EXAMPLES + "index.tsv"), UTF_8).lines().toList()) {
            String[] f = line.split("\t");
            out.add(new Example(f[0], f[1], f[2]));
        }
        return out;
    }

    static byte[] resource(String path) {
        try (InputStream in = BodyValidatorTest.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Problem> json(String schema, String body) {
        return BodyValidator.validate(schema, body.getBytes(UTF_8), false);
    }

    static List<Problem> yaml(String schema, String body) {
        return BodyValidator.validate(schema, body.getBytes(UTF_8), true);
    }

    static void assertProblems(List<Problem> actual, Problem... expected) {
        assertEquals(List.of(expected), actual, () -> BodyValidator.format(actual, "body"));
    }

    // ------------------------------------------------------------------ the docs' own examples

    @TestFactory
    List<DynamicTest> docsExamplesValidateCleanAsJson() {
        return examples().stream().map(e -> DynamicTest.dynamicTest(e.file() + " (" + e.source() + ")", () -> {
            List<Problem> problems = BodyValidator.validate(e.schema(), e.bytes(), false);
            assertTrue(problems.isEmpty(), () -> e.source() + "\n" + BodyValidator.format(problems, e.file()));
        })).toList();
    }

    @TestFactory
    List<DynamicTest> docsExamplesValidateCleanAsYaml() throws IOException {
        ObjectMapper json = new ObjectMapper();
        YAMLMapper yaml = new YAMLMapper();
        List<DynamicTest> out = new ArrayList<>();
        for (Example e : examples()) {
            byte[] y = yaml.writeValueAsBytes(json.readTree(e.bytes()));
            out.add(DynamicTest.dynamicTest(e.file() + " as YAML", () -> {
                List<Problem> problems = BodyValidator.validate(e.schema(), y, true);
                assertTrue(problems.isEmpty(), () -> new String(y, UTF_8) + BodyValidator.format(problems, e.file()));
            }));
        }
        return out;
    }

    @Test
    void everySchemaHasAnExampleAndEveryExampleASchema() {
        Set<String> withExample = new TreeSet<>();
        for (Example e : examples()) {
            assertTrue(BodyValidator.hasSchema(e.schema()), e.schema());
            withExample.add(e.schema());
        }
        assertEquals(new TreeSet<>(BodyValidator.schemaNames()), withExample);
    }

    @Test
    void schemaNamesAreKindDotOperationAndEachCompiles() {
        List<String> names = BodyValidator.schemaNames();
        assertTrue(names.size() >= 50, names::toString);
        for (String n : names) {
            assertTrue(n.matches("[a-z][a-z-]*\\.[a-z][a-z-]*"), n);
            // "{}" must never crash a schema; most report something.
            BodyValidator.validate(n, "{}".getBytes(UTF_8), false);
        }
        assertTrue(BodyValidator.hasSchema("proxy.create-url"));
        assertFalse(BodyValidator.hasSchema("proxy.nope"));
        assertThrows(IllegalArgumentException.class, () -> json("proxy.nope", "{}"));
    }
}
