package dev.mgmt.testing;

import dev.mgmt.Env;
import dev.mgmt.MgmtCli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs mgmt in-process through the same factory as main, with a controlled environment: no
 * variables from the real process leak in, stdin is given, and both streams are captured.
 */
public final class Cli {
    private final Map<String, String> vars = new HashMap<>();
    private byte[] stdin = new byte[0];
    private boolean stdoutTerminal;
    private boolean stderrTerminal;
    private Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

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

    public Cli terminal(boolean stdout, boolean stderr) {
        this.stdoutTerminal = stdout;
        this.stderrTerminal = stderr;
        return this;
    }

    public Cli clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    public CliResult run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Env env = new Env(Map.copyOf(vars), new ByteArrayInputStream(stdin), out, err,
            false, stdoutTerminal, stderrTerminal, clock);
        int code = MgmtCli.create(env).execute(args);
        return new CliResult(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }
}
