package dev.mgmt;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;

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
 */
public record Env(Map<String, String> vars,
                  InputStream stdin,
                  OutputStream stdout,
                  OutputStream stderr,
                  boolean stdinTerminal,
                  boolean stdoutTerminal,
                  boolean stderrTerminal,
                  Clock clock) {

    public String var(String name) {
        String v = vars.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    public boolean has(String name) {
        return vars.containsKey(name);
    }

    public Env withVars(Map<String, String> newVars) {
        return new Env(newVars, stdin, stdout, stderr, stdinTerminal, stdoutTerminal, stderrTerminal, clock);
    }
}
