package dev.mgmt.cli;

import dev.mgmt.cli.model.CommandModels;
import dev.mgmt.testing.CliResult;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.Set;

import static dev.mgmt.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which commands a run registers, and which runs count as sending nothing (no warm-up, the small cache). */
class SubcommandsTest {

    private static Set<String> registered(String... args) {
        CommandLine root = new CommandLine(CommandModels.specOf(new RootCommand()));
        Subcommands.register(root, args);
        return root.getSubcommands().keySet();
    }

    @Test
    void should_register_only_the_named_command_and_help_for_help_on_one_command() {
        assertEquals(Set.of("help", "get"), registered("help", "get"));
        assertEquals(Set.of("help", "config"), registered("help", "config", "set-context"));
        assertEquals(Set.of("help", "get"), registered("--no-color", "help", "get", "project"));
    }

    @Test
    void should_register_every_command_for_help_without_a_topic_or_with_an_unknown_one() {
        int all = registered("completion", "bash").size();
        assertTrue(all > 20, "completion should see every command");
        assertEquals(all, registered("help").size());
        assertEquals(all, registered("help", "nosuch").size());
        assertEquals(all, registered("help", "completion").size());
    }

    @Test
    void should_print_the_same_help_for_help_get_as_for_get_help() {
        CliResult viaHelp = cli().run("help", "get");
        CliResult viaFlag = cli().run("get", "--help");
        assertEquals(0, viaHelp.exitCode(), viaHelp.describe());
        assertEquals(viaFlag.out(), viaHelp.out(), viaHelp.describe());
        assertTrue(viaHelp.out().startsWith("Usage: mgmt get"), viaHelp.describe());
    }

    @Test
    void should_still_answer_an_unknown_help_topic_with_exit_2_and_a_suggestion() {
        CliResult r = cli().run("help", "gte");
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.err().contains("get"), r.describe());
    }

    @Test
    void should_count_a_help_flag_anywhere_before_the_end_of_options_as_offline() {
        assertTrue(Subcommands.offline(new String[]{}));
        assertTrue(Subcommands.offline(new String[]{"--version"}));
        assertTrue(Subcommands.offline(new String[]{"get", "--help"}));
        assertTrue(Subcommands.offline(new String[]{"-p", "x", "get", "project", "-h"}));
        assertFalse(Subcommands.offline(new String[]{"get", "projects"}));
        assertFalse(Subcommands.offline(new String[]{"api", "GET", "/x", "--", "-h"}));
        assertFalse(Subcommands.offline(new String[]{"-p", "x", "get", "projects"}));
    }
}
