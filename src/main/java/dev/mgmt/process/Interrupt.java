package dev.mgmt.process;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C, as something the run can see. The JVM ends the process once its shutdown hooks return,
 * wherever the main thread is (mid-line on stdout); the hook {@link #install}ed here instead asks the
 * run to stop at a whole line and waits, for a short grace, until it has said what it left out.
 * Writers check {@link #requested()} at their line boundaries; tests {@link #request()} it directly.
 */
public final class Interrupt {
    private volatile boolean requested;
    private final CountDownLatch ended = new CountDownLatch(1);

    public boolean requested() {
        return requested;
    }

    public void request() {
        requested = true;
    }

    /** The run has written and reported all it will: the hook may let the process go. */
    public void runEnded() {
        ended.countDown();
    }

    /** For Main: on SIGINT, stop at a line and give the run up to {@code grace} to report it. */
    public Interrupt install(Duration grace) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            request();
            try {
                ended.await(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "mgmt-interrupt"));
        return this;
    }
}
