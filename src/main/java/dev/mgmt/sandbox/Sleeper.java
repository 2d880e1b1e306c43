package dev.mgmt.sandbox;

import java.time.Duration;

/** Waits for a while; injected so tests can fake latency faults without real waiting. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;

    /** A sleeper backed by {@link Thread#sleep(long)}. */
    static Sleeper system() {
        return d -> {
            if (!d.isNegative() && !d.isZero()) {
                Thread.sleep(d.toMillis());
            }
        };
    }
}
