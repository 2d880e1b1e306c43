package dev.mgmt.output;

import dev.mgmt.process.Interrupt;
import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.ServerTest;
import dev.mgmt.testing.TestServer.Reply;
import org.junit.jupiter.api.Test;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.mgmt.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ctrl-C while a listing is copied to stdout stops it on a whole line, in every format, and stderr
 * says how many items made it; before the copy, stdout stays empty and stderr says that.
 */
class InterruptedOutputTest extends ServerTest {
    static final int ITEMS = 3000;
    static final Pattern INCOMPLETE = Pattern.compile(
        "error: interrupted: the output above is incomplete \\(([0-9,]+) of 3,000 items\\)");

    /** Stdout that presses Ctrl-C once some bytes have gone through, mid-line more often than not. */
    static OutputStream interruptingAfter(OutputStream out, Interrupt interrupt, int bytes) {
        return new FilterOutputStream(out) {
            long written;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                written += len;
                if (written >= bytes) {
                    interrupt.request();
                }
            }
        };
    }

    CliResult interrupted(String format) {
        return interrupted(format, 20_000);
    }

    CliResult interrupted(String format, int bytes) {
        server.on("projects/", Reply.json(200, OutputFailureTest.list(ITEMS)));
        Interrupt interrupt = new Interrupt();
        return cli().interrupt(interrupt).stdout(out -> interruptingAfter(out, interrupt, bytes))
            .run("--url", server.url(), "--token", "t-123456", "get", "projects", "-o", format);
    }

    /** The count said on stderr, checked against what stdout holds: items whose first line is there. */
    static long said(CliResult r) {
        List<String> err = lines(r.err());
        Matcher m = INCOMPLETE.matcher(err.get(0));
        assertTrue(m.matches(), r.describe());
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    static long occurrences(String text, String part) {
        return Pattern.compile(Pattern.quote(part)).matcher(text).results().count();
    }

    @Test
    void should_stop_json_on_a_whole_line_and_count_the_items_printed() {
        CliResult r = interrupted("json");
        assertExit(130, r);
        assertTrue(r.out().endsWith("\n") && r.out().length() >= 20_000 && r.out().length() < 40_000, r.describe());
        long started = occurrences(r.out(), "\"name\"");
        long whole = said(r);
        assertTrue(whole == started || whole == started - 1, whole + " said, " + started + " started\n" + r.describe());
        assertTrue(r.err().contains("\"error\":\"interrupted\""), r.describe());
    }

    @Test
    void should_stop_yaml_on_a_whole_line_and_count_the_items_printed() {
        CliResult r = interrupted("yaml");
        assertExit(130, r);
        assertTrue(r.out().endsWith("\n") && r.out().length() < 40_000, r.describe());
        long started = occurrences(r.out(), "- name:");
        long whole = said(r);
        assertTrue(whole == started || whole == started - 1, whole + " said, " + started + " started\n" + r.describe());
    }

    @Test
    void should_stop_tables_and_names_on_a_whole_line_and_count_the_rows() {
        CliResult table = interrupted("table", 5_000);
        assertExit(130, table);
        assertTrue(table.out().endsWith("\n"), table.describe());
        assertEquals(lines(table.out()).size() - 1, said(table), table.describe());

        CliResult names = interrupted("name", 5_000);
        assertExit(130, names);
        assertTrue(names.out().endsWith("\n"), names.describe());
        assertEquals(lines(names.out()).size(), said(names), names.describe());
    }

    @Test
    void should_leave_stdout_empty_and_say_so_when_interrupted_before_the_copy() {
        server.on("projects/", Reply.json(200, OutputFailureTest.list(ITEMS)));
        Interrupt interrupt = new Interrupt();
        interrupt.request();
        CliResult r = cli().interrupt(interrupt).run("--url", server.url(), "--token", "t-123456", "get", "projects");
        assertExit(130, r);
        assertStdoutEmpty(r);
        assertEquals(List.of("error: interrupted: nothing was written to stdout (0 items had arrived)"), lines(r.err()),
            r.describe());
    }

    @Test
    void should_print_everything_when_nobody_interrupts() {
        server.on("projects/", Reply.json(200, OutputFailureTest.list(ITEMS)));
        CliResult r = cli().run("--url", server.url(), "--token", "t-123456", "get", "projects", "-o", "name");
        assertExit(0, r);
        assertEquals(ITEMS, lines(r.out()).size(), r.describe());
    }
}
