package dev.mgmt.client.retry;

import java.time.Duration;

/**
 * Exponential backoff with full jitter: before retry {@code n} (0 for the first retry) wait a random
 * time in {@code [0, min(cap, base * 2^n)]}. Jitter spreads out clients that failed together.
 */
public record Backoff(Duration base, Duration cap) {
    public static final Duration DEFAULT_BASE = Duration.ofMillis(500);
    public static final Duration DEFAULT_CAP = Duration.ofSeconds(20);

    public static Backoff defaults() {
        return new Backoff(DEFAULT_BASE, DEFAULT_CAP);
    }

    /** The upper bound of the wait before retry {@code n}. */
    public Duration ceiling(int n) {
        double scaled = base.toMillis() * Math.pow(2, Math.max(0, n));
        return Duration.ofMillis((long) Math.min(cap.toMillis(), scaled));
    }

    /** The wait before retry {@code n} for a uniform random draw {@code u} in [0, 1]. */
    public Duration delay(int n, double u) {
        double clamped = Double.isNaN(u) ? 0 : Math.max(0, Math.min(1, u));
        return Duration.ofMillis(Math.round(ceiling(n).toMillis() * clamped));
    }
}
