package dev.mgmt.text;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Any text: parse either answers or says why, never throws anything else; printing never fails. */
class DurationsPropertyTest {

    @Property(tries = 500, seed = "20261202")
    void parsing_any_text_answers_or_refuses_with_a_reason(@ForAll String text) {
        try {
            Durations.parse(text, Durations.Bare.SECONDS, true);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
        }
    }

    @Property(tries = 500, seed = "20261202")
    void a_printed_whole_second_count_is_short_and_one_line(@ForAll @LongRange(min = 0, max = 10_000_000_000L) long ms) {
        String s = Durations.human(Duration.ofMillis(ms));
        assertTrue(s.length() <= 8 && !s.contains("\n"), s);
    }

    /** Sub-10ms times to the tenth are rounded as String.format's %.1f did, without Formatter (start-up). */
    @Property(tries = 1000, seed = "20261204")
    void short_times_round_as_format_does(@ForAll @LongRange(min = 1, max = 9_999_999L) long nanos) {
        double exact = nanos / 1e6;
        String expected = exact != Math.floor(exact) ? String.format(java.util.Locale.ROOT, "%.1fms", exact)
            : (nanos / 1_000_000) + "ms";
        assertEquals(expected, Durations.human(Duration.ofNanos(nanos)));
    }

    @Property(tries = 300, seed = "20261202")
    void milliseconds_round_trip(@ForAll @LongRange(min = 0, max = 1_000_000_000L) long ms) {
        assertEquals(Duration.ofMillis(ms), Durations.parse(ms + "ms", Durations.Bare.REFUSED, false));
    }
}
