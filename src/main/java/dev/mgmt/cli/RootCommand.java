package dev.mgmt.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mgmt}: holds the global options and the run's {@link Invocation}; verbs are subcommands. */
@Command(name = "mgmt",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Client, troubleshooter and exerciser for the API-gateway Management API.",
    subcommands = {GetCommand.class, CreateCommand.class, UpdateCommand.class, DeleteCommand.class,
        DeployCommand.class, UndeployCommand.class, ExportCommand.class, ImportCommand.class, ApiCommand.class,
        LoginCommand.class, AuthCommand.class, ConfigCommand.class, DoctorCommand.class, ExplainCommand.class,
        SandboxCommand.class, ExerciseCommand.class, BenchCommand.class, HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        " 0:success",
        " 1:unexpected failure inside mgmt (a bug)",
        " 2:usage error: bad flag or argument, unreadable input, invalid JSON/YAML",
        " 3:400 bad request / validation failed",
        " 4:401 unauthorized, or no token for a command that needs one",
        " 5:403 forbidden",
        " 6:404 not found",
        " 7:409 conflict",
        " 8:429 rate limited, after retries",
        " 9:5xx server error, after retries",
        "10:network: DNS, connection refused/reset, TLS, timeout",
        "11:the server answered 2xx but reported that the operation failed",
        "12:other unexpected HTTP status, or an undecodable success body"},
    footerHeading = "%nEnvironment:%n",
    footer = {
        "  MGMT_URL, MGMT_TOKEN, MGMT_TOKEN_FILE, MGMT_CONTEXT, MGMT_CONFIG, MGMT_PROJECT, MGMT_ENVIRONMENT,",
        "  MGMT_OUTPUT, MGMT_RETRIES, MGMT_TIMEOUT, MGMT_CACERT, NO_COLOR, HTTPS_PROXY, HTTP_PROXY, NO_PROXY.",
        "  Precedence: flag > environment variable > config context > default."})
public final class RootCommand implements Runnable {

    @Mixin
    GlobalOptions options;

    @Spec
    CommandSpec spec;

    private Invocation invocation;

    public void attach(Invocation invocation) {
        this.invocation = invocation;
        SandboxCommand.addFaultHelp(spec.commandLine().getSubcommands().get("sandbox"));
    }

    public Invocation invocation() {
        return invocation;
    }

    public GlobalOptions options() {
        return options;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command; see 'mgmt --help'");
    }
}
