package dev.mgmt.errors;

import java.io.IOException;
import java.util.Locale;

/**
 * The result could not be written. A reader that went away ({@code | head}) is not a failure the
 * user needs told about: it ends the run quietly with {@link ExitCodes#CLOSED_PIPE}, as a tool killed
 * by SIGPIPE does; anything else (full disk, closed file) is {@link ExitCodes#OUTPUT_FAILED} with a
 * headline naming where mgmt was writing.
 */
public final class OutputFailure extends MgmtException {
    private final boolean closedPipe;

    private OutputFailure(int exitCode, String message, boolean closedPipe, IOException cause) {
        super(exitCode, message, java.util.List.of(), cause);
        this.closedPipe = closedPipe;
    }

    /** @param where what the user calls the destination: "stdout", "--output-file 'x.zip'" */
    public static OutputFailure writing(String where, IOException e) {
        if (isClosedPipe(e)) {
            return new OutputFailure(ExitCodes.CLOSED_PIPE, "the reader of " + where + " went away", true, e);
        }
        String why = e.getMessage() == null || e.getMessage().isBlank() ? "write failed" : e.getMessage();
        return new OutputFailure(ExitCodes.OUTPUT_FAILED, "cannot write the result to " + where + ": " + why, false, e);
    }

    /** Nothing to print: the run just ends. */
    public boolean closedPipe() {
        return closedPipe;
    }

    /** EPIPE as Linux and macOS word it, and Windows' closed pipe. */
    private static boolean isClosedPipe(IOException e) {
        String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        return m.contains("broken pipe") || m.contains("pipe is being closed");
    }
}
