package dev.mgmt.cli;

import dev.mgmt.testing.Cli;
import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --no-headers (kubectl's name): tables and -o wide print their rows only. */
class NoHeadersTest {
    @RegisterExtension
    static final SandboxExtension sandbox = new SandboxExtension();

    static Cli cli() {
        return sandbox.cli();
    }

    @Test
    void should_print_the_table_rows_without_the_header_line() {
        CliResult with = cli().run("get", "projects");
        CliResult without = cli().run("get", "projects", "--no-headers");
        assertEquals(0, without.exitCode(), without.describe());
        assertTrue(with.out().startsWith("NAME "), with.describe());
        assertEquals("MyProject      Customer-facing APIs\n"
            + "Payments-API   Payment processing\n"
            + "demo           Playground project\n", without.out(), without.describe());
        assertEquals("", without.err());
    }

    @Test
    void should_leave_out_the_header_of_wide_output_too_before_the_command_name() {
        CliResult r = cli().run("--no-headers", "get", "environments", "-o", "wide");
        assertEquals(0, r.exitCode(), r.describe());
        assertFalse(r.out().contains("NAME"), r.describe());
        assertFalse(r.out().contains("REDEPLOY-REQUIRED"), r.describe());
        assertTrue(r.out().startsWith("production "), r.describe());
        assertEquals(4, r.out().split("\n").length, r.describe());
    }

    @Test
    void should_fit_a_terminal_without_the_header_and_keep_every_name_whole() {
        CliResult r = cli().env("COLUMNS", "40").terminal(true, false)
            .run("get", "environments", "-o", "wide", "--no-headers");
        assertEquals(0, r.exitCode(), r.describe());
        String[] lines = r.out().split("\n");
        assertEquals(4, lines.length, r.describe());
        String[] names = {"production", "staging", "Sandbox-EU", "legacy-test"};
        for (int i = 0; i < names.length; i++) {
            assertTrue(lines[i].equals(names[i]) || lines[i].startsWith(names[i] + " "), r.describe());
            assertTrue(lines[i].length() <= 40, "line too long: " + lines[i]);
        }
    }
}
