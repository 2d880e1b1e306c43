package dev.mgmt.json;

/**
 * Starts the slowest part of Jackson's set-up on another core while the command line is parsed.
 *
 * <p>Every Jackson parser (JSON and YAML) has {@code BigDecimal} constants, so the first parse initialises
 * {@code java.math.BigDecimal}. On JDK 25 that class's static initialiser computes 5^(2^16) (a table for
 * {@code stripTrailingZeros}), 8-9 ms in the interpreter; JDK 17's takes 0.3 ms. A run that
 * talks to a manager or reads a config file spends 20-40 ms before its first parse, so a daemon thread
 * finishes the initialiser before the main thread needs it (the JVM makes a second caller wait for the
 * first, never run it twice).
 */
public final class ParserWarmUp implements Runnable {
    private ParserWarmUp() {
    }

    public static void start() {
        Thread t = new Thread(new ParserWarmUp(), "mgmt-warm-up");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void run() {
        // Reading a static field runs the class's initialiser; the value itself is not needed.
        java.math.BigDecimal.ONE.signum();
    }
}
