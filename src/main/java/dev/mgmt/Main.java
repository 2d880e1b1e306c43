package dev.mgmt;

import dev.mgmt.cli.Subcommands;
import dev.mgmt.process.Env;
import dev.mgmt.process.Interrupt;
import dev.mgmt.process.WarmUp;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;

/** Process entry point: the real environment in, the exit code out. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        warmUp(args);
        // Unbuffered file streams: mgmt writes through its own PrintWriters and flushes them.
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        OutputStream stderr = new FileOutputStream(FileDescriptor.err);
        Terminals t = Terminals.detect();
        WindowsConsole.Streams console = windowsConsole(args) ? WindowsConsole.open(stdout, stderr) : null;
        if (console != null) {
            stdout = console.out();
            stderr = console.err();
            t = new Terminals(t.stdin(), console.outConsole(), console.errConsole());
        }
        Interrupt interrupt = new Interrupt().install(Duration.ofSeconds(2));
        int code = MgmtCli.create(env(t, stdout, stderr, interrupt)).execute(args);
        // After Ctrl-C this lets the hook return, and the process ends with the signal's status (130).
        interrupt.runEnded();
        if (console != null) {
            console.restore().run();
        }
        System.exit(code);
    }

    /**
     * The first two things a run does. The start-up training does them too, for each of its runs, so that the
     * cache holds their classes: one class the cache lacks makes a run open the jar to read it (about 1.5 ms).
     */
    static void warmUp(String[] args) {
        if (!Subcommands.offline(args)) {
            WarmUp.start();
        }
    }

    static boolean windowsConsole(String[] args) {
        return WindowsConsole.wanted(System.getProperty("os.name"), System.getenv(), args);
    }

    /** The process's environment, as a run sees it; also what the start-up training runs with. */
    static Env env(OutputStream stdout, OutputStream stderr, Interrupt interrupt) {
        return env(Terminals.detect(), stdout, stderr, interrupt);
    }

    private static Env env(Terminals t, OutputStream stdout, OutputStream stderr, Interrupt interrupt) {
        return new Env(t.withColumns(System.getenv()), System.in, stdout, stderr, t.stdin(), t.stdout(), t.stderr(),
            Clock.systemUTC(), null, null, interrupt);
    }
}
