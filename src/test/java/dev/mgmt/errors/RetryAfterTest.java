package dev.mgmt.errors;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryAfterTest {
    static final String DATE = "Wed, 25 Nov 2026 10:00:00 GMT";

    @Test
    void should_read_delay_seconds() {
        assertEquals(120.0, RetryAfter.fromHeader("120", null));
        assertEquals(1.5, RetryAfter.fromHeader(" 1.5 ", null));
        assertEquals(0.0, RetryAfter.fromHeader("0", null));
    }

    @Test
    void should_ignore_absent_negative_or_garbage_values() {
        assertNull(RetryAfter.fromHeader(null, null));
        assertNull(RetryAfter.fromHeader("  ", null));
        assertNull(RetryAfter.fromHeader("-5", null));
        assertNull(RetryAfter.fromHeader("soon", null));
    }

    @Test
    void should_measure_an_http_date_against_the_response_date() {
        assertEquals(90.0, RetryAfter.fromHeader("Wed, 25 Nov 2026 10:01:30 GMT", DATE));
        assertEquals(0.0, RetryAfter.fromHeader("Wed, 25 Nov 2026 09:59:00 GMT", DATE), "a past date means now");
    }

    @Test
    void should_measure_an_http_date_against_now_without_a_date_header() {
        Double s = RetryAfter.fromHeader("Fri, 01 Jan 2100 00:00:00 GMT", null);
        assertTrue(s != null && s > 1e9, String.valueOf(s));
    }
}
