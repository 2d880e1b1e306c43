package dev.mgmt.cli;

import dev.mgmt.cli.model.CommandModels;
import dev.mgmt.testing.CliResult;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.OptionSpec;

import java.util.List;

import static dev.mgmt.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The global options listed once (mgmt options), each command's help showing its own, as kubectl does. */
class GlobalOptionsHelpTest {

    /** Every option of {@link GlobalOptions}, from the command model. */
    static List<String> globalNames() {
        return CommandModels.specOf(new GlobalOptions()).options().stream().map(OptionSpec::longestName).toList();
    }

    /** Whether help shows the option: in the option list or the synopsis (not merely in an example). */
    static boolean lists(String help, String option) {
        return help.lines().anyMatch(l -> l.matches("\\s+(-\\w, )?" + option + "([= \\[].*)?")
            || l.contains("[" + option + "]") || l.contains("[" + option + "="));
    }

    @Test
    void should_list_every_global_option_with_its_environment_variable_in_mgmt_options() {
        CliResult r = cli().run("options");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("", r.err(), r.describe());
        List<String> names = globalNames();
        assertTrue(names.size() > 20, names.toString());
        for (String name : names) {
            assertTrue(r.out().contains(name), name + " missing\n" + r.describe());
        }
        for (String env : List.of("MGMT_URL", "MGMT_TOKEN_FILE", "MGMT_PROJECT", "MGMT_OUTPUT", "NO_COLOR")) {
            assertTrue(r.out().contains(env), env + " missing\n" + r.describe());
        }
    }

    @Test
    void should_fit_mgmt_options_to_the_terminal_and_keep_80_columns_elsewhere() {
        CliResult piped = cli().env("COLUMNS", "150").run("options");
        assertTrue(piped.out().lines().mapToInt(String::length).max().orElse(0) <= 80, piped.describe());
        CliResult wide = cli().terminal(true, false).env("COLUMNS", "150").env("NO_COLOR", "1").run("options");
        int width = wide.out().lines().mapToInt(String::length).max().orElse(0);
        assertTrue(width > 80 && width <= 150, "width " + width + "\n" + wide.describe());
    }

    @Test
    void should_show_only_a_commands_own_options_and_refer_to_mgmt_options() {
        for (String verb : List.of("get", "create", "delete", "api", "exercise", "config")) {
            CliResult r = cli().run(verb, "--help");
            assertEquals(0, r.exitCode(), r.describe());
            for (String global : List.of("--retry-max-time", "--token-file", "--cacert", "--no-headers", "--project")) {
                assertFalse(lists(r.out(), global), verb + " --help repeats " + global + "\n" + r.describe());
            }
            assertTrue(r.out().contains("Use 'mgmt options' for the global options"), verb + "\n" + r.describe());
        }
        CliResult create = cli().run("create", "--help");
        assertTrue(create.out().contains("--filename") && create.out().contains("--dry-run"), create.describe());
    }

    @Test
    void should_keep_the_most_used_globals_in_mgmt_help() {
        CliResult r = cli().run("--help");
        assertEquals(0, r.exitCode(), r.describe());
        for (String shown : List.of("--url", "--project", "--output", "--verbose", "--curl", "--sandbox", "--help")) {
            assertTrue(r.out().contains(shown), shown + "\n" + r.describe());
        }
        assertFalse(r.out().contains("--retry-non-idempotent"), r.describe());
        assertTrue(r.out().contains("Use 'mgmt options'"), r.describe());
        assertTrue(r.out().contains("\n  options "), "listed among the commands\n" + r.describe());
    }

    @Test
    void should_show_only_what_means_something_for_the_sandbox() {
        CliResult r = cli().run("sandbox", "--help");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.out().contains("--port") && r.out().contains("--faults") && r.out().contains("--color"), r.describe());
        assertTrue(lists(r.out(), "--color"), r.describe());
        for (String unrelated : List.of("--token", "--project", "--url", "--output", "--curl", "--verbose", "--sandbox")) {
            assertFalse(lists(r.out(), unrelated), unrelated + "\n" + r.describe());
        }
        assertFalse(r.out().contains("Use 'mgmt options'"), r.describe());
    }

    @Test
    void should_still_accept_global_options_after_any_command() {
        CliResult r = cli().run("get", "--help", "--retry-max-time", "5", "--no-headers", "--cacert", "x.pem");
        assertEquals(0, r.exitCode(), r.describe());
        CliResult bad = cli().run("get", "projects", "--retry-max-tim", "5");
        assertEquals(2, bad.exitCode(), bad.describe());
    }

    @Test
    void should_still_complete_global_options_after_a_command() {
        CliResult r = cli().run("completion", "bash");
        assertEquals(0, r.exitCode(), r.describe());
        String get = r.out().substring(r.out().indexOf("function _picocli_mgmt_get()"));
        get = get.substring(0, get.indexOf("\n}\n"));
        assertTrue(get.contains("--retry-max-time") && get.contains("--project"), get);
    }
}
