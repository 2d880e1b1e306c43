package dev.mgmt.process;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT) and SIGTERM make the JVM run its shutdown hooks and then halt (exit 130 for
 * Ctrl-C). While this is held, the hook interrupts the thread that holds it and waits, at most the
 * grace given, until that thread has finished what must not be lost (cleanup requests, reports),
 * so an interrupt shortens the work instead of cutting it off.
 */
public final class CtrlC implements AutoCloseable {
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;

    private CtrlC(Thread worker, Duration grace) {
        hook = new Thread(() -> {
            worker.interrupt();
            try {
                done.await(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "mgmt-ctrl-c");
    }

    /** From now until {@link #close()}, an interrupt of the process interrupts the calling thread and waits for it. */
    public static CtrlC interruptsThisThread(Duration grace) {
        CtrlC c = new CtrlC(Thread.currentThread(), grace);
        Runtime.getRuntime().addShutdownHook(c.hook);
        return c;
    }

    /** The work is done: a waiting hook returns (and the JVM halts); else the hook is removed. */
    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is already running; counting down lets it return
        }
    }
}
