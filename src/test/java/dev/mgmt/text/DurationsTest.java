package dev.mgmt.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"250ms,250", "1.5s,1500", "2m,120000", "1h,3600000", "10 S,10000", "0.5ms,0"})
    void parses_every_unit(String text, long millis) {
        assertEquals(millis, Durations.parse(text, Durations.Bare.REFUSED, false).toMillis());
    }

    @Test
    void a_bare_number_takes_the_callers_unit() {
        assertEquals(Duration.ofSeconds(30), Durations.parse("30", Durations.Bare.SECONDS, false));
        assertEquals(Duration.ofMillis(30), Durations.parse("30", Durations.Bare.MILLIS, false));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Durations.parse("30", Durations.Bare.REFUSED, false));
        assertEquals("duration '30' needs a unit: ms, s, m or h (e.g. 200ms)", e.getMessage());
    }

    @Test
    void a_sign_only_where_the_caller_allows_one() {
        assertEquals(Duration.ofHours(2), Durations.parse("+2h", Durations.Bare.REFUSED, true));
        assertEquals(Duration.ofSeconds(-30), Durations.parse("-30s", Durations.Bare.REFUSED, true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Durations.parse("-30s", Durations.Bare.REFUSED, false));
        assertEquals("duration '-30s' must not have a sign", e.getMessage());
    }

    @Test
    void rejects_what_is_not_a_duration() {
        assertNull(Durations.parseOrNull("soon", Durations.Bare.SECONDS));
        assertNull(Durations.parseOrNull("5 days", Durations.Bare.SECONDS));
        assertNull(Durations.parseOrNull("", Durations.Bare.SECONDS));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Durations.parse("1e9999h", Durations.Bare.REFUSED, false));
        assertTrue(e.getMessage().contains("is not a duration"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
            () -> Durations.parse("99999999999999h", Durations.Bare.REFUSED, false));
    }

    @ParameterizedTest
    @CsvSource({"0,0ms", "12,12ms", "999,999ms", "1000,1s", "1500,1.5s", "9999,9.9s", "42000,42s",
        "60000,1m", "3431000,57m 11s", "3600000,1h", "3780000,1h 3m", "86400000,1d", "273600000,3d 4h"})
    void prints_one_human_form(long millis, String expected) {
        assertEquals(expected, Durations.human(Duration.ofMillis(millis)));
        assertEquals(expected, Durations.human(Duration.ofMillis(-millis)));
    }

    @Test
    void keeps_a_tenth_below_ten_milliseconds() {
        assertEquals("3.4ms", Durations.human(Duration.ofNanos(3_400_000)));
    }
}
