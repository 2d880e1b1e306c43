package dev.mgmt.text;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration grammar and the one way durations are printed. Input: a number with a unit of
 * ms, s, m or h ("250ms", "1.5s", "2m", "1h"; "+2h" or "-30s" where a sign means something);
 * a bare number takes the unit the caller names. Output: "250ms", "1.5s", "42s", "57m 11s",
 * "1h 3m", "3d 4h" — short and always in the same shape, whatever the magnitude; from a minute
 * up each part is truncated, never rounded up, so "59m 59s" is not shown as an hour.
 */
public final class Durations {
    private static final Pattern GRAMMAR = Pattern.compile("([+-]?)(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    /** What a number without a unit means. */
    public enum Bare {
        MILLIS("ms"), SECONDS("s"), REFUSED(null);

        private final String unit;

        Bare(String unit) {
            this.unit = unit;
        }
    }

    private Durations() {
    }

    /**
     * The duration, or an IllegalArgumentException whose message says what is wrong with the text
     * (callers add where it came from).
     */
    public static Duration parse(String text, Bare bare, boolean signed) {
        Matcher m = GRAMMAR.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: expected a number and a unit of "
                + "ms, s, m or h (e.g. 500ms, 10s, 2m)");
        }
        if (!m.group(1).isEmpty() && !signed) {
            throw new IllegalArgumentException("duration '" + text + "' must not have a sign");
        }
        String unit = m.group(3) != null ? m.group(3) : bare.unit;
        if (unit == null) {
            throw new IllegalArgumentException("duration '" + text + "' needs a unit: ms, s, m or h (e.g. 200ms)");
        }
        BigDecimal nanosPerUnit = BigDecimal.valueOf(switch (unit) {
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            default -> 3_600_000_000_000L;
        });
        BigDecimal nanos = new BigDecimal(m.group(2)).multiply(nanosPerUnit);
        if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("duration '" + text + "' is too long");
        }
        Duration d = Duration.ofNanos(nanos.longValue());
        return m.group(1).equals("-") ? d.negated() : d;
    }

    /** Null when the text is not a duration of this grammar. */
    public static Duration parseOrNull(String text, Bare bare) {
        try {
            return parse(text, bare, false);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The one human form; the sign is dropped (callers say "ago" or "left"). */
    public static String human(Duration d) {
        Duration a = d.abs();
        long ms = a.toMillis();
        if (ms < 1000) {
            double exact = a.toNanos() / 1e6;
            // As %.1f rounds, without Formatter: its first use loads the locale data (about 4 ms of a checklist).
            return exact < 10 && exact != Math.floor(exact)
                ? java.math.BigDecimal.valueOf(exact).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + "ms"
                : ms + "ms";
        }
        if (ms < 10_000) {
            // Short waits are read to the tenth, so they round like a stopwatch; 9.96s is "10s".
            long tenths = Math.round(ms / 100.0);
            return tenths % 10 == 0 ? tenths / 10 + "s" : tenths / 10 + "." + tenths % 10 + "s";
        }
        long s = a.getSeconds();
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return pair(s / 60, "m", s % 60, "s");
        }
        if (s < 86_400) {
            return pair(s / 3600, "h", s % 3600 / 60, "m");
        }
        return pair(s / 86_400, "d", s % 86_400 / 3600, "h");
    }

    private static String pair(long big, String bigUnit, long small, String smallUnit) {
        return big + bigUnit + (small == 0 ? "" : " " + small + smallUnit);
    }
}
