package dev.mgmt.process;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C, as something the run can see. The JVM ends the process once its shutdown hooks return,
 * wherever the main thread is (mid-line on stdout); the hook {@link #install}ed here instead asks the
 * run to stop and waits, for a grace, until it has finished what must not be lost. Writers check
 * {@link #requested()} at their line boundaries; work that blocks (a scenario waiting for an answer
 * before its cleanup steps) asks to be interrupted with {@link #interruptsThisThread} and may take
 * longer. Tests {@link #request()} it directly.
 */
public final class Interrupt {
    private volatile boolean requested;
    private volatile Duration grace = Duration.ZERO;
    private final Set<Thread> blocked = ConcurrentHashMap.newKeySet();
    private final CountDownLatch ended = new CountDownLatch(1);

    public boolean requested() {
        return requested;
    }

    public void request() {
        requested = true;
        blocked.forEach(Thread::interrupt);
    }

    /** The run has written and reported all it will: the hook may let the process go. */
    public void runEnded() {
        ended.countDown();
    }

    /**
     * Until the returned handle is closed, Ctrl-C also interrupts the calling thread, and the
     * process waits up to {@code longer} (instead of the usual grace) for the run to end.
     */
    public Hold interruptsThisThread(Duration longer) {
        Thread t = Thread.currentThread();
        blocked.add(t);
        Duration before = grace;
        if (longer.compareTo(before) > 0) {
            grace = longer;
        }
        return () -> {
            blocked.remove(t);
            grace = before;
        };
    }

    /** A registration made by {@link #interruptsThisThread}; closing it never throws. */
    @FunctionalInterface
    public interface Hold extends AutoCloseable {
        @Override
        void close();
    }

    /** For Main: on SIGINT, stop at a line and give the run up to {@code usual} (or longer, if held) to report it. */
    public Interrupt install(Duration usual) {
        grace = usual;
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
