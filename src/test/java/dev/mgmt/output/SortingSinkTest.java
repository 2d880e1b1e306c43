package dev.mgmt.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.errors.UsageException;
import dev.mgmt.json.Json;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SortingSinkTest {
    private static String sorted(String path, String... items) throws Exception {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        ItemSink sink = new SortingSink(new NameSink(out, Column.of("NAME", "name")), path, "." + path);
        for (String item : items) {
            sink.item(Json.mapper().readTree(item));
        }
        sink.finish();
        out.flush();
        return text.toString();
    }

    @Test
    void should_sort_numbers_numerically_with_missing_values_last() throws Exception {
        assertEquals("nine\nten\nhundred\nnone\n", sorted("n",
            "{\"name\":\"none\"}", "{\"name\":\"ten\",\"n\":10}", "{\"name\":\"hundred\",\"n\":100}", "{\"name\":\"nine\",\"n\":9}"));
    }

    @Test
    void should_sort_by_a_nested_field_case_sensitively() throws Exception {
        assertEquals("B\na\nnull\n", sorted("a.b",
            "{\"name\":\"null\",\"a\":{\"b\":null}}", "{\"name\":\"a\",\"a\":{\"b\":\"a\"}}", "{\"name\":\"B\",\"a\":{\"b\":\"B\"}}"));
    }

    @Test
    void should_show_none_for_a_missing_custom_column_field_and_walk_nested_ones() throws Exception {
        Column c = new Column("X", List.of("a.b"), "<none>");
        JsonNode item = Json.mapper().readTree("{\"a\":{\"b\":\"deep\"}}");
        assertEquals("deep", c.valueOf(item));
        assertEquals("<none>", c.valueOf(Json.mapper().readTree("{\"a\":{}}")));
    }

    @Test
    void should_refuse_a_field_that_no_item_has_but_sort_by_one_some_have() throws Exception {
        UsageException e = assertThrows(UsageException.class, () -> sorted("n", "{\"name\":\"a\"}", "{\"name\":\"b\"}"));
        assertEquals("--sort-by: couldn't find any field with path '.n' in the 2 items listed", e.getMessage());
        assertEquals("b\na\n", sorted("n", "{\"name\":\"a\",\"n\":null}", "{\"name\":\"b\",\"n\":1}"),
            "a null value is there, sorted as missing");
        assertEquals("", sorted("n"), "an empty list has nothing to sort");
    }
}
