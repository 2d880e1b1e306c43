package dev.mgmt.cli.model;

import dev.mgmt.cli.CommandHelp;
import dev.mgmt.testing.RealPrograms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A man page per command, from the command model, with its options; lint-clean where groff or mandoc is installed. */
class ManPagesTest {

    static List<CommandLine> visibleCommands(CommandLine line) {
        List<CommandLine> out = new ArrayList<>(List.of(line));
        for (CommandLine sub : line.getSubcommands().values()) {
            CommandSpec s = sub.getCommandSpec();
            if (!s.usageMessage().hidden() && s.parent() == line.getCommandSpec() && !out.contains(sub)) {
                out.addAll(visibleCommands(sub));
            }
        }
        return out;
    }

    /** How a name reads in the roff source: bold, with its hyphens as minus signs. */
    static String bold(String name) {
        return "\\fB" + name.replace("-", "\\-") + "\\fR";
    }

    @Test
    void should_write_a_page_for_every_command_with_its_options_and_sections(@TempDir Path dir) throws IOException {
        List<String> files = ManPages.write(dir);
        CommandLine tree = ManPages.tree();
        List<CommandLine> commands = visibleCommands(tree);
        assertEquals(commands.size(), files.size(), files.toString());
        assertTrue(files.contains("mgmt.1") && files.contains("mgmt-get.1") && files.contains("mgmt-config-view.1")
            && files.contains("mgmt-options.1"), files.toString());
        assertTrue(!files.contains("mgmt-__complete.1"), "hidden commands get no page");
        for (CommandLine c : commands) {
            CommandSpec spec = c.getCommandSpec();
            String page = Files.readString(dir.resolve(ManPages.fileName(spec)), StandardCharsets.UTF_8);
            for (String section : List.of(".SH NAME", ".SH SYNOPSIS", ".SH EXIT STATUS", ".SH ENVIRONMENT")) {
                assertTrue(page.contains(section + "\n"), spec.qualifiedName() + " lacks " + section);
            }
            List<OptionSpec> expected = spec.parent() == null ? spec.options() : CommandHelp.shown(spec);
            for (OptionSpec o : expected) {
                for (String name : o.names()) {
                    assertTrue(page.contains(bold(name)), spec.qualifiedName() + " lacks " + name);
                }
            }
            boolean verb = spec.parent() != null && spec.parent().parent() == null && !spec.helpCommand();
            if (verb) {
                assertTrue(page.contains(".SH EXAMPLES\n"), spec.qualifiedName() + " has no examples");
            }
            if (spec.parent() != null) {
                assertTrue(page.contains(".SH SEE ALSO\n\\fB" + spec.parent().qualifiedName("-").replace("-", "\\-")),
                    spec.qualifiedName() + " does not point to its parent");
            }
        }
    }

    @Test
    void should_list_every_global_option_and_its_variable_in_mgmt_1() {
        Map<String, String> pages = ManPages.render(ManPages.tree());
        String root = pages.get("mgmt.1");
        for (OptionSpec o : CommandModels.specOf(new dev.mgmt.cli.GlobalOptions()).options()) {
            assertTrue(root.contains(bold(o.longestName())), o.longestName());
        }
        assertTrue(root.contains(".B MGMT_URL\nThe default of \\fB\\-\\-url\\fR."), root);
        assertTrue(root.contains(".SH COMMANDS\n") && root.contains("See \\fBmgmt\\-get\\fR(1)."), root);
        String get = pages.get("mgmt-get.1");
        assertTrue(!get.contains(bold("--retry-max-time")), "a command's page lists its own options");
        assertTrue(get.contains("\\fBmgmt options\\fR lists them"), get);
        String sandbox = pages.get("mgmt-sandbox.1");
        String options = sandbox.substring(sandbox.indexOf(".SH OPTIONS"), sandbox.indexOf(".SH EXAMPLES"));
        assertTrue(options.contains(bold("--color")) && !options.contains(bold("--token")), options);
        assertTrue(sandbox.contains(".SH NOTES\n") && sandbox.contains("latency=DURATION"), "the fault grammar");
        assertTrue(pages.get("mgmt-create.1").contains("mgmt create proxy \\-p MyProject \\-f proxy.json \\-\\-dry\\-run"), "examples come from the help");
    }

    @Test
    void should_escape_what_roff_would_read_as_markup() {
        assertEquals("\\&.profile \\e \\-\\-x \\[u2713]", ManPages.escapeLine(".profile \\ --x \u2713"));
        assertEquals("\\&'quoted'", ManPages.escapeLine("'quoted'"));
        assertEquals("100% sure", ManPages.escape("100%% sure"));
    }

    @Test
    void should_pass_groff_lint(@TempDir Path dir) throws Exception {
        String groff = RealPrograms.require("groff", "groff-base").toString();
        for (String f : ManPages.write(dir)) {
            String warnings = run(dir, groff, "-man", "-ww", "-z", f);
            assertEquals("", warnings, f);
        }
    }

    @Test
    void should_pass_mandoc_lint(@TempDir Path dir) throws Exception {
        String mandoc = RealPrograms.require("mandoc", "mandoc").toString();
        for (String f : ManPages.write(dir)) {
            String warnings = run(dir, mandoc, "-T", "lint", "-W", "warning", f);
            assertEquals("", warnings, f);
        }
    }

    /** The tool's stdout and stderr together. */
    static String run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command));
        return output;
    }
}
