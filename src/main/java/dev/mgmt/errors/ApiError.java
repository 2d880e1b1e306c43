package dev.mgmt.errors;

import java.time.Duration;
import java.util.List;

/**
 * A failure the server reported, decoded from whatever shape it came in.
 *
 * @param status           HTTP status
 * @param code             the API's error code ({@code not_found}), or null when the body had none
 * @param description      the human text, never null (may be a summary mgmt wrote)
 * @param validationErrors field problems from {@code validation_errors[]}
 * @param retryAfter       seconds the server asked to wait, from the body or the header; null if none
 * @param origin           which body shape it was decoded from
 * @param notes            extra lines worth showing (who answered, excerpts)
 */
public record ApiError(int status,
                       String code,
                       String description,
                       List<FieldProblem> validationErrors,
                       Double retryAfter,
                       Origin origin,
                       List<String> notes) {

    public record FieldProblem(String field, String message) {
    }

    /** The body shape an error was decoded from. */
    public enum Origin {
        API_ENVELOPE, PROBLEM_JSON, SPRING_JSON, HTML_PAGE, EMPTY, TEXT, UNDECODABLE, FAILURE_IN_SUCCESS
    }

    public ApiError {
        validationErrors = List.copyOf(validationErrors);
        notes = List.copyOf(notes);
    }

    /** The server's requested wait as a duration, or null when it asked for none. */
    public Duration retryAfterDuration() {
        return retryAfter == null ? null : Duration.ofMillis(Math.round(retryAfter * 1000));
    }
}
