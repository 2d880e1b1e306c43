package dev.mgmt.testing;

import dev.mgmt.process.Sleeper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock that only moves when mgmt sleeps, and a sleeper that records each delay instead of
 * waiting. An optional hook runs at every sleep (change the server's faults between attempts, or
 * throw {@link InterruptedException} to play Ctrl-C).
 */
public final class FakeTime extends Clock implements Sleeper {

    /** Runs when mgmt sleeps; the argument is the 1-based index of this sleep. */
    @FunctionalInterface
    public interface Hook {
        void onSleep(int index, Duration d) throws InterruptedException;
    }

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private volatile Instant now;
    private volatile Hook hook = (i, d) -> { };

    public FakeTime(Instant start) {
        this.now = start;
    }

    public static FakeTime at(String instant) {
        return new FakeTime(Instant.parse(instant));
    }

    @Override
    public void sleep(Duration d) throws InterruptedException {
        sleeps.add(d);
        hook.onSleep(sleeps.size(), d);
        now = now.plus(d);
    }

    public FakeTime onSleep(Hook h) {
        this.hook = h;
        return this;
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }

    /** Every delay mgmt asked for, in order. */
    public List<Duration> sleeps() {
        return new ArrayList<>(sleeps);
    }

    public List<Long> sleepMillis() {
        return sleeps.stream().map(Duration::toMillis).toList();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
