package dev.mgmt.errors;

/** The exit codes of the contract; scripts depend on these numbers. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int USAGE = 2;
    public static final int BAD_REQUEST = 3;
    public static final int UNAUTHORIZED = 4;
    public static final int FORBIDDEN = 5;
    public static final int NOT_FOUND = 6;
    public static final int CONFLICT = 7;
    public static final int RATE_LIMITED = 8;
    public static final int SERVER_ERROR = 9;
    public static final int NETWORK = 10;
    public static final int REPORTED_FAILURE = 11;
    public static final int UNEXPECTED_RESPONSE = 12;
    /** The result could not be written: full disk, closed file, unwritable --output-file or --junit. */
    public static final int OUTPUT_FAILED = 14;
    /** The reader of stdout went away (| head): quiet, and what a shell reports for a process killed by SIGPIPE. */
    public static final int CLOSED_PIPE = 141;
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }

    /** The exit code for a non-2xx HTTP status. */
    public static int forStatus(int status) {
        switch (status) {
            case 400: return BAD_REQUEST;
            case 401: return UNAUTHORIZED;
            case 403: return FORBIDDEN;
            case 404: return NOT_FOUND;
            case 409: return CONFLICT;
            case 429: return RATE_LIMITED;
            default:
                return status >= 500 && status <= 599 ? SERVER_ERROR : UNEXPECTED_RESPONSE;
        }
    }
}
