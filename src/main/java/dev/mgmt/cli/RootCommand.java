package dev.mgmt.cli;

import dev.mgmt.cli.model.CommandModels;
import dev.mgmt.run.Invocation;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code mgmt}: holds the global options and the run's {@link Invocation}; verbs are subcommands. */
@Command(name = "mgmt",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Client, troubleshooter and exerciser for the API-gateway Management API.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        " 0:success",
        " 1:unexpected failure inside mgmt (a bug)",
        " 2:usage error: bad flag or argument, unreadable input, invalid JSON/YAML",
        " 3:400 bad request / validation failed",
        " 4:401 unauthorized, or no token for a command that needs one",
        " 5:403 forbidden",
        " 6:404 not found, or no such name in the list (get KIND NAME)",
        " 7:409 conflict",
        " 8:429 rate limited, after retries",
        " 9:5xx server error, after retries",
        "10:network: DNS, connection refused/reset, TLS, timeout",
        "11:the server answered 2xx but reported that the operation failed",
        "12:other unexpected HTTP status, an undecodable success body, or a web page (a sign-in gateway) where the API's JSON was expected",
        "13:mgmt exercise: a response did not meet the scenario's expectations",
        "14:the result could not be written: full disk, closed file, unwritable --output-file",
        "130:interrupted (Ctrl-C); stdout ends on a whole line, stderr says what is missing",
        "141:the reader of stdout went away (| head); nothing is printed"},
    footerHeading = "%nEnvironment:%n",
    footer = {
        "  MGMT_URL, MGMT_TOKEN, MGMT_TOKEN_FILE, MGMT_CONTEXT, MGMT_CONFIG,",
        "  MGMT_PROJECT, MGMT_ENVIRONMENT, MGMT_OUTPUT, MGMT_RETRIES, MGMT_TIMEOUT,",
        "  MGMT_CACERT, NO_COLOR, HTTPS_PROXY, HTTP_PROXY, NO_PROXY.",
        "  Precedence: flag > environment variable > config context > default.",
        "  Try it without a server: mgmt --sandbox get projects"})
public final class RootCommand implements Runnable {

    /** Added as a mixin by {@link #addTo}: the one object the root and every verb read flags from. */
    private final GlobalOptions options = new GlobalOptions();

    private Invocation invocation;

    /** The command line this root belongs to, for printing its help (set by {@link #addTo}). */
    private CommandLine commandLine;

    public void attach(Invocation invocation) {
        this.invocation = invocation;
    }

    public Invocation invocation() {
        return invocation;
    }

    public GlobalOptions options() {
        return options;
    }

    /** Makes the global options part of the root command; call before any subcommand is added. */
    public void addTo(CommandLine root) {
        this.commandLine = root;
        root.getCommandSpec().addMixin("options", CommandModels.specOf(options));
    }

    /**
     * No command: bare {@code mgmt}, or only global options ({@code mgmt -v}). As gh and kubectl do,
     * that is a request for the help: the same text as {@code mgmt --help}, on stdout, exit 0. Bad
     * global options are still usage errors (exit 2): picocli and the early checks reject them first.
     */
    @Override
    public void run() {
        commandLine.usage(commandLine.getOut(), commandLine.getColorScheme());
    }
}
