package dev.mgmt.process;


import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * Everything mgmt takes from the process it runs in, as a value: tests build their own
 * instead of touching the real environment, streams or clock.
 *
 * @param vars           environment variables
 * @param stdin          standard input (for {@code -d @-}, {@code --token-file -})
 * @param stdout         standard output, raw bytes (binary downloads go here)
 * @param stderr         standard error
 * @param stdinTerminal  whether stdin is an interactive terminal
 * @param stdoutTerminal whether stdout is a terminal (colour, binary refusal)
 * @param stderrTerminal whether stderr is a terminal (colour, countdowns)
 * @param clock          wall clock
 * @param sleeper        waits between retries (interruptible)
 * @param random         uniform draws in [0, 1) for retry jitter
 * @param interrupt      Ctrl-C, so that output stops at a whole line
 */
public record Env(Map<String, String> vars,
                  InputStream stdin,
                  OutputStream stdout,
                  OutputStream stderr,
                  boolean stdinTerminal,
                  boolean stdoutTerminal,
                  boolean stderrTerminal,
                  Clock clock,
                  Sleeper sleeper,
                  DoubleSupplier random,
                  Interrupt interrupt) {

    public Env {
        sleeper = sleeper == null ? Sleeper.system() : sleeper;
        random = random == null ? Math::random : random;
        interrupt = interrupt == null ? new Interrupt() : interrupt;
    }

    /** No interrupt from outside: one nobody requests. */
    public Env(Map<String, String> vars, InputStream stdin, OutputStream stdout, OutputStream stderr,
               boolean stdinTerminal, boolean stdoutTerminal, boolean stderrTerminal, Clock clock, Sleeper sleeper,
               DoubleSupplier random) {
        this(vars, stdin, stdout, stderr, stdinTerminal, stdoutTerminal, stderrTerminal, clock, sleeper, random, null);
    }

    /** The real sleeper and random source. */
    public Env(Map<String, String> vars, InputStream stdin, OutputStream stdout, OutputStream stderr,
               boolean stdinTerminal, boolean stdoutTerminal, boolean stderrTerminal, Clock clock) {
        this(vars, stdin, stdout, stderr, stdinTerminal, stdoutTerminal, stderrTerminal, clock, null, null, null);
    }

    public String var(String name) {
        String v = vars.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    public boolean has(String name) {
        return vars.containsKey(name);
    }

    public Env withVars(Map<String, String> newVars) {
        return new Env(newVars, stdin, stdout, stderr, stdinTerminal, stdoutTerminal, stderrTerminal, clock, sleeper,
            random, interrupt);
    }

    public Env withStdout(OutputStream newStdout) {
        return new Env(vars, stdin, newStdout, stderr, stdinTerminal, stdoutTerminal, stderrTerminal, clock, sleeper,
            random, interrupt);
    }
}
