package dev.mgmt;

import dev.mgmt.process.Env;
import dev.mgmt.process.Interrupt;

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
        // Unbuffered file streams: mgmt writes through its own PrintWriters and flushes them.
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        OutputStream stderr = new FileOutputStream(FileDescriptor.err);
        Interrupt interrupt = new Interrupt().install(Duration.ofSeconds(2));
        int code = MgmtCli.create(env(stdout, stderr, interrupt)).execute(args);
        // After Ctrl-C this lets the hook return, and the process ends with the signal's status (130).
        interrupt.runEnded();
        System.exit(code);
    }

    /** The process's environment, as a run sees it; also what the start-up training runs with. */
    static Env env(OutputStream stdout, OutputStream stderr, Interrupt interrupt) {
        Terminals t = Terminals.detect();
        return new Env(t.withColumns(System.getenv()), System.in, stdout, stderr, t.stdin(), t.stdout(), t.stderr(),
            Clock.systemUTC(), null, null, interrupt);
    }
}
