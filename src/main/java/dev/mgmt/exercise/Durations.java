package dev.mgmt.exercise;

import dev.mgmt.errors.UsageException;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "250ms", "10s", "2m", "1h"; a bare number is seconds for flags and milliseconds in scenarios (the caller says). */
final class Durations {
    private static final Pattern P = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    private Durations() {
    }

    /** Null when the text is not a duration. */
    static Duration parseOrNull(String text, String bareUnit) {
        Matcher m = P.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? bareUnit : m.group(2);
        double millis;
        switch (unit) {
            case "ms": millis = v; break;
            case "s": millis = v * 1000; break;
            case "m": millis = v * 60_000; break;
            default: millis = v * 3_600_000;
        }
        return Duration.ofNanos((long) (millis * 1_000_000));
    }

    static Duration parse(String text, String what) {
        Duration d = parseOrNull(text, "s");
        if (d == null) {
            throw new UsageException("invalid " + what + " '" + text + "': expected e.g. 500ms, 10s, 2m");
        }
        return d;
    }

    /** "12.3 ms", "1.20 s". */
    static String human(Duration d) {
        double ms = d.toNanos() / 1e6;
        if (ms < 1000) {
            return String.format(Locale.ROOT, ms < 10 ? "%.1f ms" : "%.0f ms", ms);
        }
        return String.format(Locale.ROOT, "%.2f s", ms / 1000);
    }
}
