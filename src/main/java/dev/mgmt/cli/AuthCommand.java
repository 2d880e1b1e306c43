package dev.mgmt.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mgmt auth}: the token in use. */
@Command(name = "auth",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Inspect or remove the token in use. Get one with 'mgmt login'.",
    subcommands = {AuthStatusCommand.class, AuthLogoutCommand.class})
public final class AuthCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: status or logout");
    }
}
