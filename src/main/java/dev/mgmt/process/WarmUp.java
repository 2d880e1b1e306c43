package dev.mgmt.process;

/**
 * Runs, on the other core and from the first moment of a run, two pieces of JDK set-up that a run which
 * talks to a manager would otherwise pay for on the main thread (class-init log, JDK 25):
 * <ul>
 * <li>the JDK HTTP client's debug logger, whose static set-up compares records and so spins about seven
 *     method-handle classes (6 ms), which no start-up cache keeps;</li>
 * <li>{@code java.math.BigDecimal}, which every Jackson parser loads and whose static initialiser computes
 *     5^(2^16) on JDK 25 (8-9 ms in the interpreter; 0.3 ms on JDK 17).</li>
 * </ul>
 * The main thread reaches the HTTP client about 15 ms after start-up; a class being initialised by this
 * thread makes it wait for the rest, never run it twice. Paired: get projects 94 -> 90 ms.
 */
public final class WarmUp implements Runnable {
    private WarmUp() {
    }

    /** For a run that may send a request: one that sends nothing would only spend the other core. */
    public static void start() {
        Thread t = new Thread(new WarmUp(), "mgmt-warm-up");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void run() {
        try {
            Class.forName("jdk.internal.net.http.common.DebugLogger", true, ClassLoader.getPlatformClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // Another JDK's HTTP client: nothing to warm.
        }
        // Reading a static field runs the class's initialiser; the value itself is not needed.
        java.math.BigDecimal.ONE.signum();
    }
}
