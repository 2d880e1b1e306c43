package dev.mgmt.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mgmt auth}: the token in use. */
@Command(footerHeading = "%nExamples:%n", footer = {
        "  mgmt auth status",
        "  mgmt auth status --offline -o json",
        "  mgmt auth logout"},
    name = "auth",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Inspect or remove the token in use. Get one with 'mgmt login'.",
    subcommands = {AuthStatusCommand.class, AuthLogoutCommand.class})
public final class AuthCommand implements Runnable {
    @Spec
    CommandSpec spec;

    /** No subcommand: its help, on stdout, exit 0 (as bare {@code mgmt}, gh and kubectl do). */
    @Override
    public void run() {
        CommandLine cl = spec.commandLine();
        cl.usage(cl.getOut(), cl.getColorScheme());
    }
}
