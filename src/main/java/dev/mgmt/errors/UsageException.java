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

    public UsageException(String message, Throwable cause) {
        super(ExitCodes.USAGE, message, List.of(), cause);
    }
}
