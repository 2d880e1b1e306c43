package dev.mgmt.errors;

import dev.mgmt.client.ApiRequest;
import dev.mgmt.client.ApiResponse;

/** The server answered, and the answer is a failure. */
public class ApiException extends MgmtException {
    private final ApiError error;
    private final transient ApiResponse response;
    private final int attempts;

    public ApiException(int exitCode, ApiError error, ApiResponse response, int attempts) {
        super(exitCode, error.description());
        this.error = error;
        this.response = response;
        this.attempts = attempts;
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
        return attempts;
    }
}
