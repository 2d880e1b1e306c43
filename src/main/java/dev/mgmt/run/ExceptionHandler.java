package dev.mgmt.run;

import dev.mgmt.errors.UsageException;
import dev.mgmt.errors.MgmtException;
import dev.mgmt.report.ErrorReporter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.io.StringWriter;

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
        StringWriter suggestions = new StringWriter();
        if (ex instanceof UnmatchedArgumentException) {
            UnmatchedArgumentException.printSuggestions(ex, new PrintWriter(suggestions));
        }
        String message = lowerFirst(ex.getMessage());
        if (ex instanceof UnmatchedArgumentException && !cmd.getSubcommands().isEmpty()
            && !((UnmatchedArgumentException) ex).getUnmatched().isEmpty()
            && !((UnmatchedArgumentException) ex).getUnmatched().get(0).startsWith("-")) {
            message = "unknown command '" + ((UnmatchedArgumentException) ex).getUnmatched().get(0) + "'";
        }
        String hint = suggestions.toString().strip();
        String tryLine = "Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.";
        UsageException usage = new UsageException(message, hint.isEmpty() ? tryLine : hint + "\n  " + tryLine);
        return invocation.errorReporter().report(usage);
    }

    private static String lowerFirst(String s) {
        if (s == null || s.isEmpty()) {
            return "invalid usage";
        }
        // picocli starts messages with a capital; mgmt's errors read "error: unknown option ..."
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
