package dev.mgmt.text;

import java.time.Duration;

/** Human-sized durations: "3d 4h", "2h 5m", "42s". */
public final class Durations {
    private Durations() {
    }

    public static String human(Duration d) {
        long s = Math.abs(d.getSeconds());
        long days = s / 86400;
        long hours = s % 86400 / 3600;
        long minutes = s % 3600 / 60;
        long seconds = s % 60;
        if (days > 0) {
            return days + "d " + hours + "h";
        }
        if (hours > 0) {
            return hours + "h " + minutes + "m";
        }
        if (minutes > 0) {
            return minutes + "m " + seconds + "s";
        }
        return seconds + "s";
    }
}
