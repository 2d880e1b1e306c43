package dev.mgmt.resources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.output.Column;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Items read for a sink that needs a few fields hold those fields exactly as whole items do, and nothing else. */
class ListReaderTest {
    private static final String BODY = "{\"status\":\"SUCCESS\",\"resultList\":["
        + "{\"name\":\"a\",\"description\":\"x\\u001b[2J\",\"envList\":[{\"name\":\"prod\"},{\"name\":\"test\"}],\"n\":1.50},"
        + "{\"name\":\"first\",\"name\":\"last\",\"deep\":{\"a\":[1,{\"b\":null}]},\"owner\":{\"id\":7}},"
        + "{\"description\":\"no name\",\"name\":null},"
        + "\"just text\",[1,2],"
        + "{\"name\":[\"x\",\"\",\"y\"],\"big\":123456789012345678901234567890}"
        + "],\"resultCount\":6}";

    private static List<JsonNode> items(String body, Set<String> only) throws IOException {
        List<JsonNode> items = new ArrayList<>();
        ListReader.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), items::add, only);
        return items;
    }

    @Test
    void should_keep_only_the_fields_asked_for_as_whole_items_have_them() throws IOException {
        List<JsonNode> whole = items(BODY, null);
        List<JsonNode> some = items(BODY, Set.of("name", "envList", "owner"));
        assertEquals(whole.size(), some.size());
        for (int i = 0; i < whole.size(); i++) {
            JsonNode w = whole.get(i);
            JsonNode s = some.get(i);
            if (!w.isObject()) {
                assertEquals(w, s, "a non-object item is kept whole");
                continue;
            }
            for (String f : List.of("name", "envList", "owner")) {
                assertEquals(w.get(f), s.get(f), f + " of item " + i);
            }
            List<String> kept = new ArrayList<>();
            s.fieldNames().forEachRemaining(kept::add);
            kept.removeAll(List.of("name", "envList", "owner"));
            assertEquals(List.of(), kept, "item " + i);
        }
        assertEquals("last", some.get(1).get("name").asText(), "a repeated key: the last, as for whole items");
    }

    @Test
    void should_give_every_column_the_value_it_has_in_the_whole_item() throws IOException {
        List<Column> columns = List.of(Column.of("NAME", "name"), Column.of("ENVS", "envList[].name"),
            Column.of("OWNER", "owner.id", "owner"), Column.of("N", "missing", "n"), Column.of("DEEP", "deep"));
        List<JsonNode> whole = items(BODY, null);
        List<JsonNode> some = items(BODY, Column.fields(columns));
        for (Column c : columns) {
            for (int i = 0; i < whole.size(); i++) {
                assertEquals(c.valueOf(whole.get(i)), c.valueOf(some.get(i)), c.header() + " of item " + i);
            }
        }
        assertEquals(List.of("a", "last", "", "", "", "x,,y"), whole.stream().map(Column.of("NAME", "name")::valueOf).toList());
        assertEquals("prod,test", Column.of("ENVS", "envList[].name").valueOf(some.get(0)));
        assertEquals("1.50", Column.of("N", "n").valueOf(whole.get(0)));
    }

    @Test
    void should_still_refuse_a_broken_value_in_a_field_left_out() {
        assertThrows(JsonProcessingException.class, () -> items(
            "{\"resultList\":[{\"name\":\"a\",\"description\":\"bad \\q escape\"}]}", Set.of("name")));
        assertThrows(JsonProcessingException.class, () -> items(
            "{\"resultList\":[{\"name\":\"a\",\"n\":01}]}", Set.of("name")));
        assertThrows(JsonProcessingException.class, () -> items(
            "{\"resultList\":[{\"name\":\"a\",\"deep\":{\"x\":[1,}}]}", Set.of("name")));
    }
}
