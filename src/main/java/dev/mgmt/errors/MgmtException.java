package dev.mgmt.errors;

import java.util.List;

/** Base of every failure mgmt reports on purpose: a one-line message plus the exit code. */
public class MgmtException extends RuntimeException {
    private final int exitCode;
    private final List<String> details;

    public MgmtException(int exitCode, String message) {
        this(exitCode, message, List.of(), null);
    }

    public MgmtException(int exitCode, String message, List<String> details, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.details = List.copyOf(details);
    }

    public int exitCode() {
        return exitCode;
    }

    /** Further lines shown under the headline (hints, validation problems). */
    public List<String> details() {
        return details;
    }
}
