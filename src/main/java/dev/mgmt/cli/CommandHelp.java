package dev.mgmt.cli;

import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.IHelpFactory;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.ScopeType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Help that lists the global options once, in {@code mgmt options}, as kubectl does: a command's help
 * shows its own options and a line pointing there; {@code mgmt --help} keeps the few most used.
 * Only what help shows changes: every command still accepts (and completes) every global option.
 */
public final class CommandHelp extends Help {
    /** For {@code CommandLine.setHelpFactory}: every command's help, the root's included. */
    public static final IHelpFactory FACTORY = CommandHelp::new;

    /** The globals {@code mgmt --help} shows: where to connect, what to act on, how to see what happens. */
    private static final Set<String> ROOT_GLOBALS = Set.of("--url", "--token-file", "--context", "--project",
        "--environment", "--output", "--verbose", "--curl", "--sandbox");

    static final String REFERRAL = "Use 'mgmt options' for the global options (-p, -o, -v, --curl, ...).";

    /** A command whose help lists some global options as its own: they mean something particular there. */
    interface GlobalsInHelp {
        /** Their longest names, e.g. {@code --color}. */
        Set<String> globalsShown();

        /** False when the other global options mean nothing for this command: its help then does not point to them. */
        default boolean othersApply() {
            return true;
        }
    }

    CommandHelp(CommandSpec spec, ColorScheme colorScheme) {
        super(spec, colorScheme);
    }

    /** One of the options every command takes ({@link GlobalOptions}); picocli copies them into each command. */
    public static boolean global(OptionSpec o) {
        return o.scopeType() == ScopeType.INHERIT;
    }

    /** The options this command's help lists. */
    List<OptionSpec> shown() {
        return shown(commandSpec());
    }

    /** The options the help of {@code spec} lists (the man pages list the same). */
    public static List<OptionSpec> shown(CommandSpec spec) {
        Set<String> globals = spec.parent() == null ? ROOT_GLOBALS
            : spec.userObject() instanceof GlobalsInHelp g ? g.globalsShown() : Set.of();
        List<OptionSpec> out = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (!o.hidden() && (!global(o) || globals.contains(o.longestName()))) {
                out.add(o);
            }
        }
        return out;
    }

    /** Whether the help of {@code spec} points to {@code mgmt options}: the global options apply but are not listed. */
    public static boolean refers(CommandSpec spec) {
        boolean othersApply = !(spec.userObject() instanceof GlobalsInHelp g) || g.othersApply();
        return othersApply && spec.options().stream().anyMatch(CommandHelp::global);
    }

    /**
     * The description as paragraphs: the source wraps its lines at about 100 columns, so each line
     * wrapped again to the help width on its own left short ragged lines mid-sentence. A line carries
     * on the previous one unless that one ends a sentence or either is blank or indented (an example).
     */
    @Override
    public String description(Object... params) {
        UsageMessageSpec usage = commandSpec().usageMessage();
        return join(ansi(), usage.width(), usage.adjustLineBreaksForWideCJKCharacters(), paragraphs(usage.description()),
            new StringBuilder(), params).toString();
    }

    static String[] paragraphs(String[] lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            int last = out.size() - 1;
            if (last >= 0 && continues(out.get(last), line)) {
                out.set(last, out.get(last) + " " + line);
            } else {
                out.add(line);
            }
        }
        return out.toArray(String[]::new);
    }

    private static boolean continues(String previous, String line) {
        if (previous.isBlank() || line.isBlank() || previous.startsWith(" ") || line.startsWith(" ")
            || previous.endsWith("%n")) {
            return false;
        }
        char end = previous.charAt(previous.length() - 1);
        return !(end == '.' || end == '!' || end == '?' || end == ':' && Character.isUpperCase(line.charAt(0)));
    }

    /**
     * Examples are copied into a shell: each (an indented line under "Examples:") stays whole however
     * long, for the terminal to wrap, since one broken at the help width reads as two commands. Other
     * footer lines wrap as usual.
     */
    @Override
    public String footer(Object... params) {
        UsageMessageSpec usage = commandSpec().usageMessage();
        boolean examples = usage.footerHeading().contains("Examples");
        StringBuilder sb = new StringBuilder();
        for (String line : usage.footer()) {
            if (examples && line.startsWith("  ")) {
                sb.append(ansi().new Text(String.format(line, params), colorScheme())).append(System.lineSeparator());
            } else {
                join(ansi(), usage.width(), usage.adjustLineBreaksForWideCJKCharacters(), new String[] {line}, sb, params);
            }
        }
        return sb.toString();
    }

    @Override
    public String optionList() {
        String list = optionListExcludingGroups(shown()) + optionListGroupSections();
        if (!refers(commandSpec())) {
            return list;
        }
        // Before a command list (mgmt --help, groups) a blank line keeps the two apart.
        return list + (list.isEmpty() ? "" : "\n") + wrapped(REFERRAL)
            + (commandSpec().subcommands().isEmpty() ? "" : "\n");
    }

    @Override
    protected Text createDetailedSynopsisOptionsText(Collection<ArgSpec> done, Comparator<OptionSpec> optionSort,
                                                     boolean clusterBooleanOptions) {
        return createDetailedSynopsisOptionsText(done, shown(), optionSort, clusterBooleanOptions);
    }

    /** Columns sized for the options shown, not for the long global ones left out. */
    @Override
    public Layout createDefaultLayout() {
        List<PositionalParamSpec> positionals = new ArrayList<>();
        for (PositionalParamSpec p : commandSpec().positionalParameters()) {
            if (!p.hidden()) {
                positionals.add(p);
            }
        }
        return createDefaultLayout(shown(), positionals, colorScheme());
    }

    /** Text wrapped at spaces to the help width, as picocli wraps descriptions. */
    String wrapped(String text) {
        TextTable table = TextTable.forColumns(colorScheme(), new Column(commandSpec().usageMessage().width(), 0, Column.Overflow.WRAP));
        table.addRowValues(text);
        return table.toString();
    }
}
