package dev.mgmt.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.text.DisplayWidth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableSinkFitTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Column> COLUMNS = List.of(Column.of("NAME", "name"), Column.of("TYPE", "type"),
        Column.of("ACCESS-URL", "url"), Column.of("DESCRIPTION", "description"));
    /** 46 columns: as wide as the widest column, so cutting the widest first would have cut it. */
    private static final String LONG_NAME = "payments-gateway-europe-west-production-blue-1";
    private static final String WIDE_NAME = "支付网关服务-欧洲西部-生产环境-蓝色";

    private static String table(int width, List<Column> columns, int nameColumn, boolean headers, String... names) {
        StringWriter buf = new StringWriter();
        TableSink sink = new TableSink(new PrintWriter(buf), columns, false, width, headers, nameColumn);
        for (String name : names) {
            ObjectNode item = JSON.createObjectNode();
            item.put("name", name);
            item.put("type", "production");
            item.put("url", "https://gateway.europe-west.example.com/apiops/payments");
            item.put("description", "The payments gateway for the EU market, blue slot, managed by team 支付");
            sink.item(item);
        }
        sink.finish();
        return buf.toString();
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 80, 200})
    void the_name_is_never_cut_and_every_line_fits(int width) {
        String out = table(width, COLUMNS, 0, true, LONG_NAME, "demo", WIDE_NAME);
        String[] lines = out.split("\n");
        assertEquals(4, lines.length, out);
        assertTrue(lines[0].startsWith("NAME "), out);
        assertTrue(lines[1].startsWith(LONG_NAME + " "), out);
        assertTrue(lines[2].startsWith("demo "), out);
        assertTrue(lines[3].startsWith(WIDE_NAME + " "), out);
        for (String line : lines) {
            assertTrue(DisplayWidth.width(line) <= width, width + ": line too wide: " + line);
        }
    }

    @Test
    void columns_stay_aligned_by_display_width() {
        String out = table(200, COLUMNS, 0, true, LONG_NAME, WIDE_NAME);
        String[] lines = out.split("\n");
        int typeAt = DisplayWidth.width(lines[0].substring(0, lines[0].indexOf("TYPE")));
        for (int i = 1; i < lines.length; i++) {
            assertEquals(typeAt, DisplayWidth.width(lines[i].substring(0, lines[i].indexOf("   production") + 3)), out);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 80, 200})
    void headers_are_never_cut(int width) {
        List<Column> wide = List.of(Column.of("NAME", "name"), Column.of("TYPE", "type"),
            Column.of("RELATIVE-PATH-OF-THE-PROXY", "url"), Column.of("DESCRIPTION", "description"));
        String out = table(width, wide, 0, true, "demo", "payments");
        String header = out.substring(0, out.indexOf('\n'));
        assertFalse(header.contains("…"), out);
        for (String word : header.split(" +")) {
            assertTrue(wide.stream().anyMatch(c -> c.header().equals(word)), width + ": cut header " + word + ": " + out);
        }
        assertTrue(DisplayWidth.width(header) <= width, out);
    }

    @Test
    void other_columns_are_cut_widest_first_then_trailing_ones_left_out() {
        // NAME 46, TYPE 10, ACCESS-URL 55, DESCRIPTION 70 and three gaps of 3
        int[] natural = {46, 10, 55, 70};
        // MIN, or the header when it is wider (ACCESS-URL 10, DESCRIPTION 11)
        int[] floors = {8, 8, 10, 11};
        assertArrayEquals(natural, TableSink.fit(natural, floors, 0, 0));
        assertArrayEquals(natural, TableSink.fit(natural, floors, 0, 200));
        // 190 wide in all: the widest, DESCRIPTION, gives up the 10 too many
        assertArrayEquals(new int[] {46, 10, 55, 60}, TableSink.fit(natural, floors, 0, 180));
        // widest down to its header first, then the next
        assertArrayEquals(new int[] {46, 10, 44, 11}, TableSink.fit(natural, floors, 0, 120));
        // not enough even with every other column at its floor: DESCRIPTION is left out, then ACCESS-URL
        assertArrayEquals(new int[] {46, 8, 10, -1}, TableSink.fit(natural, floors, 0, 70));
        assertArrayEquals(new int[] {46, 8, -1, -1}, TableSink.fit(natural, floors, 0, 57));
        // the name alone is wider than the terminal: it is shown whole, alone
        assertArrayEquals(new int[] {46, -1, -1, -1}, TableSink.fit(natural, floors, 0, 40));
    }

    @Test
    void a_column_is_left_out_rather_than_cut_below_its_header() {
        // NAME 10, RELATIVE-PATH 13 wide with values of 30: at 25 columns it could only be 12 wide
        int[] natural = {10, 30};
        assertArrayEquals(new int[] {10, -1}, TableSink.fit(natural, new int[] {8, 13}, 0, 25));
        assertArrayEquals(new int[] {10, 13}, TableSink.fit(natural, new int[] {8, 13}, 0, 26));
        // without a header line only MIN holds it
        assertArrayEquals(new int[] {10, 12}, TableSink.fit(natural, new int[] {8, 8}, 0, 25));
    }

    @Test
    void a_name_column_that_is_not_first_is_kept_too() {
        int[] natural = {6, 60, 5, 40}; // METHOD, ENDPOINT (the name), ACTIVE, BACKEND
        int[] fitted = TableSink.fit(natural, new int[] {8, 8, 8, 8}, 1, 80);
        assertEquals(60, fitted[1]);
        assertEquals(6, fitted[0]);
        assertEquals(-1, fitted[3]);
    }

    @Test
    void a_name_wider_than_the_terminal_is_printed_whole_on_its_own() {
        String out = table(30, COLUMNS, 0, true, LONG_NAME);
        assertEquals("NAME\n" + LONG_NAME + "\n", out);
    }

    @Test
    void no_header_line_without_headers() {
        String out = table(0, COLUMNS, 0, false, "demo", "bb");
        assertFalse(out.contains("NAME"), out);
        String[] lines = out.split("\n");
        assertEquals(2, lines.length, out);
        assertTrue(lines[0].startsWith("demo   production   "), out);
        assertTrue(lines[1].startsWith("bb     production   "), out);
    }
}
