package dev.mgmt.run;

import dev.mgmt.errors.MgmtException;
import dev.mgmt.errors.OutputFailure;
import dev.mgmt.errors.UsageException;
import dev.mgmt.report.ErrorReporter;
import dev.mgmt.text.NameMatcher;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

/**
 * The one place failures become output and exit codes: mgmt's own exceptions print their
 * headline and details; picocli's parse errors become one-line usage errors; anything else is a bug.
 */
public final class ExceptionHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    private final Invocation invocation;

    public ExceptionHandler(Invocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        return handle(ex);
    }

    /** Also used for failures raised before a command runs (option validation). */
    public int handle(Throwable ex) {
        if (ex instanceof OutputFailure && ((OutputFailure) ex).closedPipe()) {
            return ((OutputFailure) ex).exitCode();
        }
        ErrorReporter reporter = invocation.errorReporter();
        if (ex instanceof MgmtException) {
            MgmtException me = (MgmtException) ex;
            return reporter.report(me, invocation.checklistFor(me));
        }
        if (ex instanceof ParameterException) {
            return handleParseException((ParameterException) ex, new String[0]);
        }
        return reporter.reportBug(ex, invocation.debug());
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String message = lowerFirst(ex.getMessage());
        String word = null;
        String prefix = cmd.getCommandSpec().qualifiedName() + " ";
        if (ex instanceof UnmatchedArgumentException && !((UnmatchedArgumentException) ex).getUnmatched().isEmpty()) {
            word = ((UnmatchedArgumentException) ex).getUnmatched().get(0);
        } else if (isUnknownHelpTopic(ex)) {
            word = ex.getValue();
            prefix += "help ";
        }
        if (word != null) {
            boolean option = word.startsWith("-");
            if (!option && !cmd.getSubcommands().isEmpty()) {
                message = "unknown command '" + word + "'";
            }
            List<String> close = NameMatcher.closest(option ? word.replaceFirst("=.*", "") : word,
                option ? optionNames(cmd) : commandNames(cmd), 1);
            if (!close.isEmpty()) {
                message += "; did you mean '" + (option ? "" : prefix) + close.get(0) + "'?";
            }
        }
        String tryLine = "Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.";
        return invocation.errorReporter().report(new UsageException(message, tryLine));
    }

    /**
     * {@code mgmt help WORD} for a WORD that is no command: picocli's HelpCommand reports it with a
     * plain ParameterException ("Unknown subcommand 'WORD'.") that names the parent command, so it
     * gets the same answer and the same suggestion as {@code mgmt WORD}.
     */
    private static boolean isUnknownHelpTopic(ParameterException ex) {
        return ex.getValue() != null && ex.getArgSpec() == null && ex.getMessage() != null
            && ex.getMessage().equals("Unknown subcommand '" + ex.getValue() + "'.");
    }

    /** Names and aliases of the visible subcommands that remove nothing. */
    private static List<String> commandNames(CommandLine cmd) {
        List<String> names = new ArrayList<>();
        cmd.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden() && !(sub.getCommand() instanceof Destructive)) {
                names.add(name);
            }
        });
        return names;
    }

    private static List<String> optionNames(CommandLine cmd) {
        List<String> names = new ArrayList<>();
        for (OptionSpec o : cmd.getCommandSpec().options()) {
            if (!o.hidden()) {
                names.addAll(List.of(o.names()));
            }
        }
        return names;
    }

    private static String lowerFirst(String s) {
        if (s == null || s.isEmpty()) {
            return "invalid usage";
        }
        // picocli starts messages with a capital; mgmt's errors read "error: unknown option ..."
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
