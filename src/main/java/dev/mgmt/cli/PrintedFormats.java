package dev.mgmt.cli;

import dev.mgmt.errors.UsageException;
import dev.mgmt.settings.OutputFormat;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * The -o formats a command prints, its default first. An -o typed on the command line that the
 * command would not honour is a usage error before anything is sent: silently printing something
 * else breaks the script that asked. MGMT_OUTPUT and a context's output key are defaults for every
 * command, so they apply where they can and are never refused.
 */
public record PrintedFormats(List<OutputFormat> formats) {
    /** Text of its own: a confirmation, a file, a help page. */
    static final PrintedFormats TEXT = of(OutputFormat.TABLE);
    /** A report or one object: its text, or the same as one JSON/YAML document. */
    static final PrintedFormats REPORT = of(OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.YAML);
    /** What a change prints: {@code KIND/NAME done}, the bare reference, or the server's answer. */
    static final PrintedFormats OUTCOME = of(OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.YAML,
        OutputFormat.NAME);
    /** A table of items (its wide form too), the items as JSON/YAML, or their names. */
    static final PrintedFormats LIST = of(OutputFormat.TABLE, OutputFormat.WIDE, OutputFormat.JSON, OutputFormat.YAML,
        OutputFormat.NAME);
    static final PrintedFormats ALL = of(OutputFormat.values());

    static PrintedFormats of(OutputFormat... formats) {
        return new PrintedFormats(List.of(formats));
    }

    /** The formats of the command a run ends in; commands that are not mgmt's own (help) print text. */
    public static PrintedFormats of(CommandSpec command) {
        return command.userObject() instanceof BaseCommand c ? c.printedFormats() : TEXT;
    }

    /**
     * Refuses {@code typed}, the format the -o flag names (null: no flag), unless this command prints it;
     * {@code given} is the flag's value as written, for the message.
     */
    public void check(String given, OutputFormat typed, CommandSpec command) {
        if (typed != null && !formats.contains(typed)) {
            throw new UsageException("-o " + given + " does not apply to '" + command.qualifiedName() + "': "
                + describe());
        }
    }

    private String describe() {
        if (formats.equals(TEXT.formats)) {
            return "it prints text only";
        }
        List<String> names = new ArrayList<>();
        for (OutputFormat f : formats) {
            names.add(f.word() + (names.isEmpty() ? " (the default)" : ""));
        }
        String last = names.remove(names.size() - 1);
        return "it prints " + String.join(", ", names) + " or " + last;
    }
}
