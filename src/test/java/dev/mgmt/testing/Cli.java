package dev.mgmt.testing;

import dev.mgmt.MgmtCli;
import dev.mgmt.process.Env;
import dev.mgmt.process.Interrupt;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * Runs mgmt in-process through the same factory as main, with a controlled environment: no
 * variables from the real process leak in, stdin is given, and both streams are captured.
 */
public final class Cli {
    private final Map<String, String> vars = new HashMap<>();
    private byte[] stdin = new byte[0];
    private boolean stdinTerminal;
    private boolean stdoutTerminal;
    private boolean stderrTerminal;
    private final FakeTime time = new FakeTime(Instant.parse("2026-11-25T10:00:00Z"));
    private Clock clock = time;
    private DoubleSupplier random = () -> 0.5;
    private java.util.function.Function<OutputStream, OutputStream> stdout = captured -> captured;
    private Interrupt interrupt = new Interrupt();

    public static Cli cli() {
        return new Cli();
    }

    public Cli env(String name, String value) {
        vars.put(name, value);
        return this;
    }

    /** Points mgmt at this config file (MGMT_CONFIG), e.g. inside a {@code @TempDir}. */
    public Cli config(java.nio.file.Path file) {
        return env("MGMT_CONFIG", file.toString());
    }

    public Cli stdin(String text) {
        this.stdin = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    public Cli stdin(byte[] bytes) {
        this.stdin = bytes;
        return this;
    }

    /** Pretend stdin is an interactive terminal (prompts may then be answered from {@link #stdin}). */
    public Cli stdinTerminal(boolean terminal) {
        this.stdinTerminal = terminal;
        return this;
    }

    public Cli terminal(boolean stdout, boolean stderr) {
        this.stdoutTerminal = stdout;
        this.stderrTerminal = stderr;
        return this;
    }

    public Cli clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** The uniform draws in [0, 1) used for retry jitter (default: always 0.5, so delays are exact). */
    public Cli random(DoubleSupplier random) {
        this.random = random;
        return this;
    }

    /**
     * Runs at each wait between retries, before the (fake) time advances. mgmt never really sleeps
     * in tests: {@link #sleeps()} lists the delays it asked for.
     */
    public Cli onSleep(FakeTime.Hook hook) {
        time.onSleep(hook);
        return this;
    }

    /** The delays mgmt waited between attempts, in order, over every run of this Cli. */
    public List<Duration> sleeps() {
        return time.sleeps();
    }

    public List<Long> sleepMillis() {
        return time.sleepMillis();
    }

    public FakeTime time() {
        return time;
    }

    /**
     * What mgmt writes stdout to, given the capture {@link CliResult#out} reads: e.g. /dev/full, a
     * closed pipe, or a stream that interrupts the run after so many bytes.
     */
    public Cli stdout(java.util.function.Function<OutputStream, OutputStream> stdout) {
        this.stdout = stdout;
        return this;
    }

    /** The Ctrl-C mgmt sees; request it before or during the run. */
    public Cli interrupt(Interrupt interrupt) {
        this.interrupt = interrupt;
        return this;
    }

    public CliResult run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Env env = new Env(Map.copyOf(vars), new ByteArrayInputStream(stdin), stdout.apply(out), err,
            stdinTerminal, stdoutTerminal, stderrTerminal, clock, time, random, interrupt);
        int code = MgmtCli.create(env).execute(args);
        return new CliResult(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }
}
