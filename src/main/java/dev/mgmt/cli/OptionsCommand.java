package dev.mgmt.cli;

import dev.mgmt.errors.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.PrintWriter;
import java.util.List;

/** {@code mgmt options}: the global options, listed once here instead of in every command's help (as kubectl does). */
@Command(footerHeading = "%nExamples:%n", footer = {
        "  mgmt options",
        "  mgmt get proxies -p MyProject -o wide --curl   # global options go anywhere on the line"},
    name = "options", description = "List the global options: every command takes them, before or after its name.")
public final class OptionsCommand extends BaseCommand {

    @Override
    public Integer call() {
        CommandSpec root = spec.root();
        List<OptionSpec> globals = globals(root);
        Help help = new Help(root, spec.commandLine().getColorScheme());
        PrintWriter out = invocation().out();
        out.print(help.createHeading("The following options can be passed to any command:%n%n"));
        out.print(help.optionListExcludingGroups(globals, help.createDefaultLayout(globals, List.of(),
            help.colorScheme()), null, help.parameterLabelRenderer()));
        out.print(help.createHeading(root.usageMessage().footerHeading()));
        out.print(help.footer());
        out.flush();
        return ExitCodes.OK;
    }

    /** The global options in the order {@link GlobalOptions} declares them. */
    static List<OptionSpec> globals(CommandSpec root) {
        return root.options().stream().filter(CommandHelp::global).toList();
    }
}
