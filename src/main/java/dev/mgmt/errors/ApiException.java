package dev.mgmt.errors;

import dev.mgmt.http.ApiRequest;
import dev.mgmt.http.ApiResponse;

/** The server answered, and the answer is a failure. */
public class ApiException extends MgmtException {
    private final ApiError error;
    private final transient ApiResponse response;
    private final Attempts attempts;

    public ApiException(int exitCode, ApiError error, ApiResponse response, int attempts) {
        this(exitCode, error, response, Attempts.of(attempts));
    }

    public ApiException(int exitCode, ApiError error, ApiResponse response, Attempts attempts) {
        super(exitCode, error.description());
        this.error = error;
        this.response = response;
        this.attempts = attempts;
    }

    /** The same failure, with what the retry loop found out. */
    public ApiException withAttempts(Attempts a) {
        ApiException copy = new ApiException(exitCode(), error, response, a);
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    /** The same failure with a rewritten error (e.g. fields pointed at the user's file lines). */
    public ApiException withError(ApiError e) {
        return new ApiException(exitCode(), e, response, attempts);
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
