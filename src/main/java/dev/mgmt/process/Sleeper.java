package dev.mgmt.process;

import java.time.Duration;

/**
 * Waits between attempts. Injected so tests record the delays instead of sleeping; the real one
 * is interruptible, so an interrupt during a wait ends the run at once.
 */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;

    /** {@link Thread#sleep}: returns at once for zero or negative durations. */
    static Sleeper system() {
        return d -> {
            if (!d.isNegative() && !d.isZero()) {
                Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
            }
        };
    }
}
