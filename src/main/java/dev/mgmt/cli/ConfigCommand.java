package dev.mgmt.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mgmt config}: the config file and its named contexts. */
@Command(footerHeading = "%nExamples:%n", footer = {
        "  mgmt config get-contexts",
        "  mgmt config set-context prod --url https://mgr.example --token-file t.txt",
        "  mgmt config use-context prod"},
    name = "config",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Manage the config file and its named contexts.",
        "A context holds a URL, a token or token file, project, environment, and connection settings.",
        "File: --config, MGMT_CONFIG, $XDG_CONFIG_HOME/mgmt/config.yaml or ~/.config/mgmt/config.yaml.",
        "Select a context with --context NAME or MGMT_CONTEXT; otherwise the current context is used."},
    subcommands = {ConfigViewCommand.class, ConfigGetContextsCommand.class, ConfigCurrentContextCommand.class,
        ConfigUseContextCommand.class, ConfigSetContextCommand.class, ConfigDeleteContextCommand.class})
public final class ConfigCommand implements Runnable {
    @Spec
    CommandSpec spec;

    /** No subcommand: its help, on stdout, exit 0 (as bare {@code mgmt}, gh and kubectl do). */
    @Override
    public void run() {
        CommandLine cl = spec.commandLine();
        cl.usage(cl.getOut(), cl.getColorScheme());
    }
}
