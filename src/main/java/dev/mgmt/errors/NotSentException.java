package dev.mgmt.errors;

/**
 * A request mgmt chose not to send (an earlier one showed the manager had stopped answering): nothing
 * reached the server, so reports show no request for it.
 */
public final class NotSentException extends MgmtException {
    public NotSentException(int exitCode, String message) {
        super(exitCode, message);
    }
}
