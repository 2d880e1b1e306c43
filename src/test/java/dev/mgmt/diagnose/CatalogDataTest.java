package dev.mgmt.diagnose;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogDataTest {
    @Test
    void theCompiledCatalogIsTheYamlOne() throws IOException {
        Catalog yaml = Catalog.fromYaml();
        try (InputStream in = Catalog.class.getResourceAsStream(CatalogData.RESOURCE)) {
            assertNotNull(in, "the build compiles " + CatalogData.RESOURCE);
            Catalog compiled = CatalogData.read(in);
            assertEquals(yaml.topics(), compiled.topics());
            assertEquals(yaml.codes(), compiled.codes());
        }
        assertFalse(yaml.topics().isEmpty());
        assertFalse(yaml.codes().isEmpty());
    }

    @Test
    void nullsAndEmptyListsSurviveTheRoundTrip() throws IOException {
        Catalog c = Catalog.of(
            List.of(new Catalog.Topic("t", List.of(), 3, null, null, List.of(new Catalog.Item("a", null)),
                List.of(new Catalog.Next("x", null, null), new Catalog.Next("y", "a", null),
                    new Catalog.Next("z", null, "a")))),
            List.of(new Catalog.Code("c", null, null, null), new Catalog.Code("d", 404, "t", "m")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CatalogData.write(c, out);
        Catalog back = CatalogData.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(c.topics(), back.topics());
        assertEquals(c.codes(), back.codes());
    }

    @Test
    void everyConditionOfANextStepNamesACheckOfItsTopic() {
        for (Catalog.Topic t : Catalog.fromYaml().topics()) {
            List<String> ids = t.checks().stream().map(Catalog.Item::id).toList();
            for (Catalog.Next n : t.steps()) {
                for (String check : java.util.Arrays.asList(n.unless(), n.unlessFailed())) {
                    assertTrue(check == null || ids.contains(check), t.id() + ": '" + n.text() + "' names " + check);
                }
            }
        }
    }

    @Test
    void anotherFormatIsRefusedByName() {
        IOException e = assertThrows(IOException.class,
            () -> CatalogData.read(new ByteArrayInputStream(new byte[] {0, 0, 0, 9})));
        assertTrue(e.getMessage().contains("format 9"), e.getMessage());
    }
}
