package dev.mgmt.sandbox;

import java.time.Duration;
import java.util.Random;

/** Runtime state of a {@link FaultSpec}: seeded random source and burst counters. */
final class FaultEngine {

    /** What to do with one request. */
    static final class Decision {
        Duration delay = Duration.ZERO;
        FaultSpec.Reset reset;
        int errorStatus;
        String label;
        boolean truncate;
        boolean failure200;

        boolean shortCircuits() {
            return reset == FaultSpec.Reset.BEFORE_HEADERS || errorStatus != 0 || failure200;
        }
    }

    final FaultSpec spec;
    private final Random random;
    private final int[] burstLeft;

    FaultEngine(FaultSpec spec, long seed) {
        this.spec = spec;
        this.random = new Random(seed);
        this.burstLeft = new int[spec.bursts.size()];
        for (int i = 0; i < burstLeft.length; i++) {
            burstLeft[i] = spec.bursts.get(i).count();
        }
    }

    private boolean roll(double rate) {
        if (rate >= 1.0) {
            return true;
        }
        if (rate <= 0.0) {
            return false;
        }
        return random.nextDouble() < rate;
    }

    synchronized Decision decide(String method, String pathAndQuery) {
        Decision d = new Decision();
        if (!spec.matches(method, pathAndQuery)) {
            return d;
        }
        long ms = spec.latency.toMillis();
        if (!spec.jitter.isZero()) {
            ms += (long) (random.nextDouble() * (spec.jitter.toMillis() + 1));
        }
        d.delay = Duration.ofMillis(ms);
        if (spec.reset != null && roll(spec.resetRate)) {
            d.reset = spec.reset;
            d.label = "reset=" + (spec.reset == FaultSpec.Reset.BEFORE_HEADERS ? "before-headers" : "after-headers");
            if (spec.reset == FaultSpec.Reset.BEFORE_HEADERS) {
                return d;
            }
        }
        for (int i = 0; i < burstLeft.length; i++) {
            if (burstLeft[i] > 0) {
                burstLeft[i]--;
                d.errorStatus = spec.bursts.get(i).status();
                d.label = "burst=" + d.errorStatus + "x" + spec.bursts.get(i).count();
                return d;
            }
        }
        for (FaultSpec.StatusRate sr : spec.statusRates) {
            if (roll(sr.rate())) {
                d.errorStatus = sr.status();
                d.label = "status=" + sr.status();
                return d;
            }
        }
        if (spec.truncateRate > 0 && roll(spec.truncateRate)) {
            d.truncate = true;
            d.label = "truncate";
        }
        if (spec.failure200Rate > 0 && roll(spec.failure200Rate)) {
            d.failure200 = true;
            d.label = "failure200";
        }
        return d;
    }
}
