package dev.mgmt.errors;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The Retry-After header: delay-seconds, or an HTTP date measured against the response's Date. */
public final class RetryAfter {
    private RetryAfter() {
    }

    public static Double fromHeader(String value, String dateHeader) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            double seconds = Double.parseDouble(v);
            return seconds >= 0 ? seconds : null;
        } catch (NumberFormatException ignored) {
            // Not a number: try an HTTP date.
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            ZonedDateTime now = dateHeader == null ? ZonedDateTime.now()
                : ZonedDateTime.parse(dateHeader.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
            double seconds = (at.toInstant().toEpochMilli() - now.toInstant().toEpochMilli()) / 1000.0;
            return Math.max(0, seconds);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
