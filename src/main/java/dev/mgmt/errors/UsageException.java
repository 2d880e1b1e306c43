package dev.mgmt.errors;

import java.util.List;

/** Bad input from the user, found before anything is sent: exit 2. */
public class UsageException extends MgmtException {
    public UsageException(String message) {
        super(ExitCodes.USAGE, message);
    }

    public UsageException(String message, String hint) {
        super(ExitCodes.USAGE, message, hint == null ? List.of() : List.of(hint), null);
    }

    /** One hint per line: a multi-line hint would reach the report as an escaped line break. */
    public UsageException(String message, List<String> hints) {
        super(ExitCodes.USAGE, message, List.copyOf(hints), null);
    }

    public UsageException(String message, Throwable cause) {
        super(ExitCodes.USAGE, message, List.of(), cause);
    }
}
