package dev.mgmt.errors;

import dev.mgmt.http.ApiRequest;
import dev.mgmt.http.ApiResponse;

/** The server answered, and the answer is a failure. */
public class ApiException extends MgmtException {
    private final ApiError error;
    private final transient ApiResponse response;
    private final Attempts attempts;
    private final String hint;

    public ApiException(int exitCode, ApiError error, ApiResponse response, int attempts) {
        this(exitCode, error, response, Attempts.of(attempts));
    }

    public ApiException(int exitCode, ApiError error, ApiResponse response, Attempts attempts) {
        this(exitCode, error, response, attempts, null);
    }

    private ApiException(int exitCode, ApiError error, ApiResponse response, Attempts attempts, String hint) {
        super(exitCode, error.description());
        this.error = error;
        this.response = response;
        this.attempts = attempts;
        this.hint = hint;
    }

    /** The same failure, with what the retry loop found out. */
    public ApiException withAttempts(Attempts a) {
        ApiException copy = new ApiException(exitCode(), error, response, a, hint);
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    /** The same failure with a rewritten error (e.g. fields pointed at the user's file lines). */
    public ApiException withError(ApiError e) {
        return new ApiException(exitCode(), e, response, attempts, hint);
    }

    /**
     * The same failure with what mgmt worked out about it, e.g. "did you mean 'petstore-api'?":
     * shown in the headline, so --quiet keeps it, apart from the server's own description.
     */
    public ApiException withHint(String h) {
        return new ApiException(exitCode(), error, response, attempts, h);
    }

    /** mgmt's own addition to the headline, or null. */
    public String hint() {
        return hint;
    }

    public ApiError error() {
        return error;
    }

    public ApiResponse response() {
        return response;
    }

    public ApiRequest request() {
        return response.request();
    }

    public int attempts() {
        return attempts.count();
    }

    public Attempts retry() {
        return attempts;
    }
}
