package dev.mgmt.cli;

import dev.mgmt.testing.CliResult;
import dev.mgmt.testing.ServerTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.mgmt.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --version, --help, help COMMAND, and what happens without a (known) command. */
class HelpAndVersionTest extends ServerTest {

    @Test
    void should_print_the_version_on_stdout_and_exit_0() {
        CliResult r = cli().run("--version");
        assertExit(0, r);
        assertTrue(r.out().matches("(?s)mgmt \\S+\\R.*"), r.describe());
        assertTrue(r.out().contains("Java "), r.describe());
        assertEquals("", r.err(), r.describe());
    }

    @Test
    void should_list_every_exit_code_in_help() {
        CliResult r = cli().run("--help");
        assertExit(0, r);
        assertEquals("", r.err(), r.describe());
        assertTrue(r.out().startsWith("Usage: mgmt"), r.describe());
        assertTrue(r.out().contains("Exit codes:"), r.describe());
        for (int code : java.util.stream.IntStream.concat(java.util.stream.IntStream.rangeClosed(0, 14),
            java.util.stream.IntStream.of(130, 141)).toArray()) {
            assertTrue(r.out().matches("(?s).*\\R\\s+" + code + "\\s+\\S.*"), "exit code " + code + " not listed\n" + r.describe());
        }
        assertTrue(r.out().contains("api"), r.describe());
        assertTrue(r.out().contains("MGMT_TOKEN"), r.describe());
    }

    /** Codes 0 to 13 read as the CLI contract's "Exit codes" table has them (13 included). */
    @Test
    void should_give_each_exit_code_the_contract_meaning_in_help() {
        CliResult r = cli().run("--help");
        assertExit(0, r);
        String codes = r.out().substring(r.out().indexOf("Exit codes:"), r.out().indexOf("Environment:"))
            .replaceAll("\\R\\s{6,}", " ");
        String[][] meanings = {
            {"0", "success"}, {"1", "unexpected failure inside mgmt (a bug)"}, {"2", "usage error"},
            {"3", "400 bad request / validation failed"}, {"4", "401 unauthorized, or no token"}, {"5", "403 forbidden"},
            {"6", "404 not found, or no such name in the list"}, {"7", "409 conflict"},
            {"8", "429 rate limited, after retries"}, {"9", "5xx server error, after retries"},
            {"10", "network: DNS, connection refused/reset, TLS, timeout"},
            {"11", "the server answered 2xx but reported that the operation failed"},
            {"12", "other unexpected HTTP status, an undecodable success body, or a web page"},
            {"13", "mgmt exercise: a response did not meet the scenario's expectations"}};
        for (String[] m : meanings) {
            assertTrue(codes.matches("(?s).*\\R\\s+" + m[0] + "\\s+" + java.util.regex.Pattern.quote(m[1]) + ".*"),
                "exit code " + m[0] + " should read '" + m[1] + "'\n" + codes);
        }
    }

    @Test
    void should_show_help_for_api() {
        CliResult r = cli().run("help", "api");
        assertExit(0, r);
        assertEquals("", r.err(), r.describe());
        assertTrue(r.out().startsWith("Usage: mgmt api"), r.describe());
        assertTrue(r.out().contains("--exact-path") && r.out().contains("--raw") && r.out().contains("--output-file"), r.describe());
        assertEquals(r.out(), cli().run("api", "--help").out(), "help api and api --help differ");
    }

    @Test
    void should_print_the_help_and_exit_0_without_a_command() {
        CliResult r = cli().run();
        assertExit(0, r);
        assertEquals("", r.err(), r.describe());
        assertTrue(r.out().startsWith("Usage: mgmt"), r.describe());
        assertTrue(r.out().contains("Commands:") && r.out().contains("Exit codes:"), r.describe());
        assertEquals(cli().run("--help").out(), r.out(), "bare mgmt and mgmt --help differ");
    }

    /**
     * Piped, mgmt --help prints the text the build rendered (RootHelp): it must be what rendering prints now,
     * which 'mgmt help' always does, and what an 80-column terminal without colour shows.
     */
    @Test
    void should_print_the_compiled_root_help_exactly_as_rendering_would() {
        String compiled = RootHelp.compiled();
        assertNotNull(compiled, "the build wrote no " + RootHelp.RESOURCE);
        CliResult rendered = cli().run("help");
        assertExit(0, rendered);
        assertEquals(rendered.out(), compiled, "the compiled root help is out of date");
        assertEquals(compiled, cli().run("--help").out());
        assertEquals(compiled, cli().run("-h").out());
        CliResult terminal = cli().terminal(true, false).env("COLUMNS", "80").env("NO_COLOR", "1").run("--help");
        assertEquals(compiled, terminal.out(), "an 80-column terminal without colour");
    }

    /** On a terminal of another width, or in colour, help is laid out for it, not printed from the build's text. */
    @Test
    void should_lay_out_the_root_help_for_the_terminal() {
        CliResult wide = cli().terminal(true, false).env("COLUMNS", "150").env("NO_COLOR", "1").run("--help");
        assertExit(0, wide);
        assertNotEquals(RootHelp.compiled(), wide.out(), wide.describe());
        assertTrue(wide.out().lines().anyMatch(l -> l.length() > 80), "no line wider than 80\n" + wide.describe());
        CliResult colour = cli().terminal(true, false).env("COLUMNS", "80").run("--help");
        assertTrue(colour.out().contains("\u001b["), "no colour on a terminal\n" + colour.describe());
    }

    /**
     * Every command's help (each leaf of the tree, nested ones included: config set-context, auth status)
     * shows at least two examples, and each one parses as written (checked with --help appended).
     */
    @Test
    void should_show_examples_that_parse_for_every_command() {
        List<List<String>> commands = leaves();
        assertTrue(commands.contains(List.of("config", "set-context")) && commands.contains(List.of("auth", "status")),
            commands.toString());
        List<String> problems = new ArrayList<>();
        for (List<String> command : commands) {
            List<String> ask = new ArrayList<>(command);
            ask.add("--help");
            String help = cli().run(ask.toArray(String[]::new)).out();
            String name = "mgmt " + String.join(" ", command);
            int at = help.indexOf("\nExamples:\n");
            List<String> examples = at < 0 ? List.of()
                : help.substring(at).lines().filter(l -> l.startsWith("  mgmt ")).toList();
            if (examples.size() < 2) {
                problems.add(name + ": " + examples.size() + " examples");
            }
            for (String example : examples) {
                if (example.matches(".*[|<>$#`].*")) {
                    continue;   // a shell pipeline or redirection: not one mgmt argument list
                }
                List<String> args = new ArrayList<>(words(example.strip().substring("mgmt ".length())));
                args.add("--help");
                CliResult r = cli().run(args.toArray(String[]::new));
                if (r.exitCode() != 0) {
                    problems.add(name + ": example does not parse: " + example + ": " + r.err().strip());
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** An example longer than the help width stays one line: broken in two, it would read as two commands. */
    @Test
    void should_never_break_an_example_line() {
        CliResult r = cli().run("set", "--help");
        assertExit(0, r);
        assertTrue(r.out().contains("\n  mgmt set endpoint /pets status false --proxy petstore-api --method GET -p MyProject\n"),
            r.describe());
        CliResult pipe = cli().run("config", "set-context", "--help");
        assertTrue(pipe.out().contains("\n  printf %s \"$TOKEN\" | mgmt config set-context ci --url https://mgr.example.com "
            + "--token-file -\n"), pipe.describe());
    }

    /** The commands a user can run, from the command tree itself: every visible command without subcommands. */
    private static List<List<String>> leaves() {
        picocli.CommandLine root = new picocli.CommandLine(dev.mgmt.cli.model.CommandModels.specOf(new RootCommand()));
        Subcommands.registerAll(root);
        List<List<String>> out = new ArrayList<>();
        collect(root, new ArrayList<>(), out);
        return out;
    }

    private static void collect(picocli.CommandLine command, List<String> path, List<List<String>> out) {
        for (var e : command.getSubcommands().entrySet()) {
            picocli.CommandLine sub = e.getValue();
            if (sub.getCommandSpec().usageMessage().hidden() || !sub.getCommandName().equals(e.getKey())) {
                continue;   // internal, or an alias of a command already walked
            }
            List<String> at = new ArrayList<>(path);
            at.add(e.getKey());
            if (sub.getSubcommands().isEmpty()) {
                out.add(at);
            } else {
                collect(sub, at, out);
            }
        }
    }

    /** Shell words: spaces separate, single and double quotes group. */
    private static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char ch : line.toCharArray()) {
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                } else {
                    w.append(ch);
                }
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
                inWord = true;
            } else if (ch == ' ') {
                if (inWord) {
                    out.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else {
                w.append(ch);
                inWord = true;
            }
        }
        if (inWord) {
            out.add(w.toString());
        }
        return out;
    }

    @Test
    void should_never_break_a_path_or_url_in_help() {
        CliResult r = cli().run("config", "--help");
        assertExit(0, r);
        assertTrue(r.out().contains("~/.config/mgmt/config.yaml"), r.describe());
        assertTrue(r.out().contains("$XDG_CONFIG_HOME/mgmt/config.yaml"), r.describe());
        CliResult root = cli().run("--help");
        for (String line : root.out().split("\n")) {
            assertFalse(line.matches(".*(https?:|/|~/\\.)$"), "a line ends inside a path or URL: '" + line + "'");
        }
    }

    /**
     * A command list (mgmt --help, every group's help) and a man page's NAME line show only the first
     * line of a description: it has to be a whole sentence, not the start of one.
     */
    @Test
    void should_summarise_every_command_with_a_whole_sentence() {
        for (picocli.CommandLine line : visible(dev.mgmt.cli.model.ManPages.tree())) {
            picocli.CommandLine.Model.CommandSpec spec = line.getCommandSpec();
            String[] description = spec.usageMessage().description();
            String summary = description.length == 0 ? "" : description[0];
            assertTrue(summary.endsWith("."), "'" + spec.qualifiedName() + "' is summarised as '" + summary + "'");
            if (spec.subcommands().isEmpty()) {
                continue;
            }
            String[] path = spec.qualifiedName().split(" ");
            List<String> args = new ArrayList<>(List.of(path).subList(1, path.length));
            args.add("--help");
            CliResult r = cli().run(args.toArray(String[]::new));
            assertExit(0, r);
            String list = r.out().substring(r.out().indexOf("\nCommands:\n") + "\nCommands:\n".length());
            list = list.substring(0, list.indexOf("\n\n") < 0 ? list.length() : list.indexOf("\n\n"));
            for (String entry : list.replaceAll("\\n {6,}", " ").split("\n")) {
                assertTrue(entry.strip().endsWith("."), "cut mid-sentence in '" + String.join(" ", args) + "': " + entry);
            }
        }
    }

    /**
     * Help text reads as paragraphs at 80 columns: a line ends early only where a sentence, a list
     * or an example ends, never because the source happened to break its text there.
     */
    @Test
    void should_wrap_descriptions_as_paragraphs_not_as_the_source_breaks_them() {
        for (picocli.CommandLine line : visible(dev.mgmt.cli.model.ManPages.tree())) {
            String[] path = line.getCommandSpec().qualifiedName().split(" ");
            List<String> args = new ArrayList<>(List.of(path).subList(1, path.length));
            args.add("--help");
            CliResult r = cli().run(args.toArray(String[]::new));
            assertExit(0, r);
            List<String> lines = r.out().lines().toList();
            for (int i = 0; i + 1 < lines.size(); i++) {
                String a = lines.get(i);
                String b = lines.get(i + 1);
                if (a.isBlank() || b.isBlank() || a.startsWith(" ") || b.startsWith(" ") || a.startsWith("Usage:") || a.matches(".*[.!?:]$")) {
                    continue;
                }
                String next = b.split(" ", 2)[0];
                assertTrue(a.length() + 1 + next.length() > 79,   // picocli keeps a line under the width
                    "'" + String.join(" ", args) + "' breaks a line early:\n" + a + "\n" + b);
            }
        }
    }

    /** The command and every command below it that help lists. */
    private static List<picocli.CommandLine> visible(picocli.CommandLine line) {
        List<picocli.CommandLine> out = new ArrayList<>(List.of(line));
        for (picocli.CommandLine sub : line.getSubcommands().values()) {
            if (!sub.getCommandSpec().usageMessage().hidden() && sub.getCommandSpec().parent() == line.getCommandSpec()
                && !out.contains(sub)) {
                out.addAll(visible(sub));
            }
        }
        return out;
    }

    @Test
    void should_fit_help_to_the_terminal_and_keep_80_columns_elsewhere() {
        CliResult piped = cli().env("COLUMNS", "150").run("config", "--help");
        int pipedWidth = piped.out().lines().mapToInt(String::length).max().orElse(0);
        assertTrue(pipedWidth <= 80, "help that is not on a terminal keeps 80 columns\n" + piped.describe());
        CliResult wide = cli().terminal(true, false).env("COLUMNS", "150").env("NO_COLOR", "1").run("config", "--help");
        assertExit(0, wide);
        int wideWidth = wide.out().lines().mapToInt(String::length).max().orElse(0);
        assertTrue(wideWidth > 80 && wideWidth <= 150, "width " + wideWidth + "\n" + wide.describe());
        assertTrue(wide.out().lines().count() < piped.out().lines().count(), wide.describe());
    }

    @Test
    void should_print_a_groups_help_and_exit_0_without_its_subcommand() {
        for (String group : new String[]{"config", "auth"}) {
            CliResult r = cli().run(group);
            assertExit(0, r);
            assertEquals("", r.err(), r.describe());
            assertEquals(cli().run(group, "--help").out(), r.out(), "mgmt " + group + " and its --help differ");
            assertTrue(r.out().startsWith("Usage: mgmt " + group), r.describe());
        }
    }

    /** As gh and kubectl (cobra) do: valid options and no command is a request for the help too. */
    @Test
    void should_print_the_help_for_global_options_without_a_command() {
        String help = cli().run("--help").out();
        for (String[] args : new String[][] {{"-v"}, {"--quiet", "-p", "MyProject"}, {"--sandbox"}}) {
            CliResult r = cli().run(args);
            assertExit(0, r);
            assertEquals("", r.err(), r.describe());
            assertEquals(help, r.out(), String.join(" ", args));
        }
    }

    @Test
    void should_still_exit_2_on_bad_global_options_without_a_command() {
        assertUsageError(cli().run("--bogus"), "error: unknown option: '--bogus'\n");
        assertUsageError(cli().run("--color", "sometimes"), "error: invalid --color 'sometimes'");
        assertUsageError(cli().run("--url"), "error: missing required parameter for option '--url'");
    }

    @Test
    void should_end_bold_with_normal_intensity_in_help_and_errors() {
        CliResult help = cli().terminal(true, false).run();
        assertExit(0, help);
        assertTrue(help.out().startsWith("Usage: \u001B[1mmgmt\u001B[22m\u001B[0m "), help.describe());
        assertFalse(help.out().contains("\u001B[21m"), help.describe());
        CliResult error = cli().run("--color", "always", "gett");
        assertExit(2, error);
        assertTrue(error.err().startsWith("\u001B[1m\u001B[31merror:\u001B[39m\u001B[22m\u001B[0m unknown command 'gett'"),
            error.describe());
        assertFalse(error.err().contains("\u001B[21m"), error.describe());
    }

    @Test
    void should_exit_2_on_an_unknown_command_and_suggest_the_closest() {
        CliResult r = cli().run("apu", "projects");
        assertExit(2, r);
        assertStdoutEmpty(r);
        assertTrue(r.err().startsWith("error: unknown command 'apu'; did you mean 'mgmt api'?\n"), r.describe());
        assertErrContains(r, "Try 'mgmt --help' for usage.");
    }

    @Test
    void should_never_suggest_a_command_that_removes_something() {
        CliResult r = cli().run("gett", "projects");
        assertExit(2, r);
        assertTrue(r.err().startsWith("error: unknown command 'gett'; did you mean 'mgmt get'?"), r.describe());
        CliResult typo = cli().run("delet", "proxy", "x");
        assertExit(2, typo);
        assertTrue(typo.err().startsWith("error: unknown command 'delet'\n"), typo.describe());
        CliResult sub = cli().run("config", "delete-contxt", "x");
        assertExit(2, sub);
        assertTrue(sub.err().startsWith("error: unknown command 'delete-contxt'\n"), sub.describe());
    }

    @Test
    void should_answer_an_unknown_help_topic_like_an_unknown_command() {
        assertUsageError(cli().run("help", "gett"), "error: unknown command 'gett'; did you mean 'mgmt help get'?\n");
        assertUsageError(cli().run("help", "delet"), "error: unknown command 'delet'\n");
        assertUsageError(cli().run("help", "zzzzzz"), "error: unknown command 'zzzzzz'\n");
    }

    @Test
    void should_suggest_the_closest_option_with_the_same_matcher() {
        CliResult r = cli().run("get", "projects", "--projct", "x");
        assertExit(2, r);
        assertStdoutEmpty(r);
        assertTrue(r.err().startsWith("error: unknown option: '--projct'; did you mean '--project'?"), r.describe());
        CliResult far = cli().run("get", "projects", "--zzzzzz");
        assertExit(2, far);
        assertTrue(far.err().startsWith("error: unknown option: '--zzzzzz'\n"), far.describe());
    }

    @Test
    void should_exit_2_on_an_unknown_global_option() {
        CliResult r = cli().run("--bogus", "api", "projects");
        assertExit(2, r);
        assertStdoutEmpty(r);
        assertTrue(r.err().startsWith("error: unknown option"), r.describe());
        assertErrContains(r, "'--bogus'");
    }

    @Test
    void should_exit_2_when_api_has_no_path() {
        CliResult r = cli().run("api");
        assertExit(2, r);
        assertStdoutEmpty(r);
        assertTrue(r.err().startsWith("error: "), r.describe());
    }

    /** Exit 2, nothing on stdout, and stderr starts with this. */
    private static void assertUsageError(CliResult r, String errStart) {
        assertExit(2, r);
        assertStdoutEmpty(r);
        assertTrue(r.err().startsWith(errStart), r.describe());
    }
}
