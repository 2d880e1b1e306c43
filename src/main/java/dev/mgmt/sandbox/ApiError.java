package dev.mgmt.sandbox;

import java.util.List;

/** An error answer of the emulated API; thrown by handlers, rendered by the server. */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    record FieldError(String field, String message) { }

    final int status;
    final String code;
    final List<FieldError> fieldErrors;

    ApiError(int status, String code, String description) {
        this(status, code, description, List.of());
    }

    ApiError(int status, String code, String description, List<FieldError> fieldErrors) {
        super(description, null, false, false);
        this.status = status;
        this.code = code;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    static ApiError badRequest(String msg) {
        return new ApiError(400, "bad_request", msg);
    }

    static ApiError invalidParameter(String msg) {
        return new ApiError(400, "invalid_parameter", msg);
    }

    static ApiError notFound(String msg) {
        return new ApiError(404, "not_found", msg);
    }

    static ApiError duplicate(String msg) {
        return new ApiError(409, "duplicate_name", msg);
    }
}
